/**
 * The server process itself: what it answers to `initialize`, its status and progress while it
 * indexes, and that limits and bad input never stop it.
 */
import * as assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { CodeActionKind, ErrorCodes } from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { SERVER } from '../support/paths';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const GOOD = postText('2020-04-02', [{ title: 'Attention Is All You Need', presenter: '김하늘' }]);
const POST = '_posts/2020-04-02-2nd_quarter.md';

describe('language server: lifecycle, limits and bad input', function () {
  let client: LspClient | undefined;
  let site: TempSite | undefined;

  afterEach(async () => {
    await client?.stop();
    site?.remove();
    client = undefined;
    site = undefined;
  });

  it('answers initialize over --stdio with every feature it serves', async () => {
    client = await LspClient.start();
    const capabilities = client.initializeResult.capabilities;
    assert.equal(client.initializeResult.serverInfo?.name, 'seminar-posts');
    assert.deepEqual(
      capabilities.textDocumentSync,
      { openClose: true, change: 2 },
      'incremental sync for diagnostics as you type',
    );
    assert.deepEqual(
      capabilities.codeActionProvider,
      {
        codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.seminarPosts'],
        resolveProvider: true,
      },
      'fix all is resolved: its edit is computed when the client applies it',
    );
    assert.ok(capabilities.completionProvider);
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.ok(capabilities.documentLinkProvider);
    assert.equal(capabilities.workspaceSymbolProvider, true);
  });

  it('exits cleanly on shutdown and exit', async () => {
    client = await LspClient.start();
    const code = await client.stop();
    client = undefined;
    assert.equal(code, 0);
  });

  it('also speaks over Node IPC, as the extension starts it', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      });
      assert.equal(result.serverInfo?.name, 'seminar-posts');
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('refuses to start without a transport, saying how to start it', async () => {
    const child = spawn(process.execPath, [SERVER], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.notEqual(code, 0);
    assert.match(stderr, /--stdio/);
  });

  it('indexes the workspace with progress, then says it is ready', async () => {
    site = makeSite({
      [POST]: GOOD,
      '_posts/2020-07-02-3rd_quarter.md': postText('2020-07-02', [{ title: 'BERT', presenter: '이승현' }]),
    });
    client = await LspClient.start({ folders: [site.uri()] });
    const ready = await client.waitForStatus((s) => s.state === 'ready');
    assert.equal(ready.posts, 2);
    assert.equal(client.statuses[0]!.state, 'indexing');
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.deepEqual(client.registrations.map((r) => r.method).sort(), [
      'workspace/didChangeConfiguration',
      'workspace/didChangeWatchedFiles',
    ]);
  });

  it('pauses checks of a 10 MB post with one diagnostic, and keeps answering', async () => {
    site = makeSite({ [POST]: GOOD });
    client = await LspClient.start({ folders: [site.uri()] });
    const huge = GOOD + '- 긴 요약\n'.repeat(1_100_000);
    assert.ok(Buffer.byteLength(huge) > 10 * 1024 * 1024);
    const uri = site.uri('_posts/2020-01-02-1st_quarter.md');
    await client.open(uri, huge);
    const [paused, ...rest] = await client.diagnosticsAt(uri, 1);
    assert.equal(rest.length, 0);
    assert.match(paused!.message as string, /paused its checks.*over the 2 MB limit/);
    await client.change(uri, 2, [
      { range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'x' },
    ]);
    assert.equal((await client.diagnosticsAt(uri, 2)).length, 1);
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
    await client.open(site.uri(POST), GOOD);
    assert.deepEqual(await client.diagnosticsAt(site.uri(POST), 1), [], 'another post is still checked');
    assert.ok(client.alive);
  });

  it('follows the maxFileSize setting', async () => {
    site = makeSite({ [POST]: GOOD });
    client = await LspClient.start({ folders: [site.uri()], settings: { maxFileSize: 0.0003 } });
    await client.open(site.uri(POST), GOOD);
    const [paused] = await client.diagnosticsAt(site.uri(POST), 1);
    assert.ok(Buffer.byteLength(GOOD) > 315);
    assert.match(paused!.message as string, /it is \d+ B, over the 315 B limit/);
  });

  it('pauses checks of a binary file, and keeps answering', async () => {
    site = makeSite({ [POST]: GOOD });
    client = await LspClient.start({ folders: [site.uri()] });
    const binary = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe,
    ]);
    const uri = site.uri('_posts/2020-04-03-image.md');
    await client.open(uri, binary.toString('utf8'));
    const diagnostics = await client.diagnosticsAt(uri, 1);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message as string, /binary content/);
    assert.deepEqual(
      await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: 0, character: 0 },
      }),
      [],
    );
    assert.ok(client.alive);
  });

  it('answers requests about unknown documents and impossible positions with nothing', async () => {
    site = makeSite({ [POST]: GOOD });
    client = await LspClient.start({ folders: [site.uri()] });
    const unknown = { textDocument: { uri: site.uri('_posts/2020-05-05-never-opened.md') } };
    const request = (method: string, params: unknown) => client!.connection.sendRequest(method, params);
    assert.deepEqual(await request('textDocument/completion', { ...unknown, position: { line: 0, character: 0 } }), []);
    assert.equal(await request('textDocument/hover', { ...unknown, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await request('textDocument/documentSymbol', unknown), []);
    assert.deepEqual(
      await request('textDocument/codeAction', {
        ...unknown,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      }),
      [],
    );

    const uri = site.uri(POST);
    await client.open(uri, GOOD);
    await client.close(uri);
    assert.deepEqual(await request('textDocument/documentSymbol', { textDocument: { uri } }), [], 'a closed document');

    await client.open(uri, GOOD, 2);
    for (const position of [
      { line: 9999, character: 0 },
      { line: -1, character: 0 },
      { line: 1.5, character: 2 },
      { line: 0, character: -4 },
    ]) {
      assert.deepEqual(
        await request('textDocument/completion', { textDocument: { uri }, position }),
        [],
        JSON.stringify(position),
      );
      assert.equal(
        await request('textDocument/hover', { textDocument: { uri }, position }),
        null,
        JSON.stringify(position),
      );
    }
    assert.ok(client.alive);
  });

  it('answers a request without a document with a clear error, and goes on', async () => {
    client = await LspClient.start();
    await assert.rejects(
      client.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }),
      (error: { code: number; message: string }) =>
        error.code === ErrorCodes.InvalidParams && /names no document/.test(error.message),
    );
    await assert.rejects(client.connection.sendRequest('textDocument/documentSymbol', null));
    assert.deepEqual(await client.connection.sendRequest('workspace/symbol', { query: 42 }), []);
    assert.ok(client.alive);
  });
});
