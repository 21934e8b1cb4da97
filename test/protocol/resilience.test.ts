/**
 * The server under hostile traffic, one process through all of it: malformed JSON-RPC, unknown
 * methods, positions out of range, changes to documents never opened, a 10 MB post, a binary
 * file, a burst of 1,000 edits. After each, the next valid request must get the right answer; at
 * the end the process must still run and its memory settle back near where it began. Resident
 * memory (VmRSS from `/proc/<pid>/status`) is printed, for the record.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const GOOD = postText('2020-04-02', [
  { title: 'Attention Is All You Need', presenter: '김하늘' },
  { title: 'BERT', presenter: '이하늘' },
]);
const POST = '_posts/2020-04-02-2nd_quarter.md';

/** Resident memory of a process, in MB, or undefined where `/proc` is absent. */
function rssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON-RPC frame with any body, as raw bytes on the server's stdin. */
function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('language server: resilience under hostile traffic', function () {
  this.timeout(120_000);
  let client: LspClient;
  let site: TempSite;
  let uri: string;
  const memory: Record<string, number | undefined> = {};

  /** The valid request after each hostile step: the good post's outline, both sections. */
  async function answersCorrectly(after: string): Promise<void> {
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['front matter', 'Attention Is All You Need', 'BERT'],
      `after ${after}`,
    );
    assert.ok(client.alive, `the server died after ${after}`);
  }

  before(async () => {
    site = makeSite({ [POST]: GOOD });
    uri = site.uri(POST);
    client = await LspClient.start({ folders: [site.uri()] });
    await client.waitForStatus((s) => s.state === 'ready');
    await client.open(uri, GOOD);
    assert.deepEqual(await client.diagnosticsAt(uri, 1), []);
    await answersCorrectly('start');
    memory.start = rssMb(client.process.pid!);
  });

  after(async () => {
    console.log(
      `      server memory (VmRSS, MB): ${Object.entries(memory)
        .map(([k, v]) => `${k} ${v?.toFixed(0) ?? '?'}`)
        .join(', ')}`,
    );
    await client.stop();
    site.remove();
  });

  it('survives malformed JSON-RPC: a body that is not JSON, JSON that is not a message', async () => {
    for (const body of [
      '{not json',
      '[]',
      '42',
      '{"jsonrpc":"2.0"}',
      '{"jsonrpc":"2.0","id":7}',
      '{"jsonrpc":"2.0","method":42}',
      '{"jsonrpc":"1.0","id":"x","method":"textDocument/hover"}',
    ]) {
      client.process.stdin!.write(frame(body));
      await answersCorrectly(`the frame ${body}`);
    }
  });

  it('answers an unknown request with MethodNotFound and ignores an unknown notification', async () => {
    await assert.rejects(
      client.connection.sendRequest('seminarPosts/noSuchThing', { a: 1 }),
      (e: { code: number }) => e.code === -32601,
    );
    await client.connection.sendNotification('seminarPosts/noSuchNotification', { a: 1 });
    await client.connection.sendNotification('$/noSuchThing', null);
    await answersCorrectly('unknown methods');
  });

  it('answers positions out of the document with nothing, and never edits outside it', async () => {
    const far = { line: 1e9, character: 1e9 };
    const request = (method: string, params: object) =>
      client.connection.sendRequest(method, { textDocument: { uri }, ...params });
    const forged = {
      range: { start: far, end: far },
      message: 'x',
      source: 'seminar-posts',
      code: 'title-format',
      data: {
        ruleId: 'title-format',
        version: 1,
        fixes: [{ title: 'forged', safe: true, edits: [{ range: { start: far, end: far }, newText: 'x' }] }],
      },
    };
    const actions = (await request('textDocument/codeAction', {
      range: { start: far, end: far },
      context: { diagnostics: [forged] },
    })) as CodeAction[];
    // No action edits text that is not there (a disable-for-this-file comment under the front matter may be offered).
    const edits = actions.flatMap((a) => (a.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : [])));
    assert.ok(
      edits.every((e) => e.range.start.line < GOOD.split('\n').length),
      JSON.stringify(actions),
    );
    assert.ok(!actions.some((a) => a.title === 'forged'));
    assert.deepEqual(
      await request('textDocument/completion', { position: { line: -5, character: Number.MAX_SAFE_INTEGER } }),
      [],
    );
    assert.equal(await request('textDocument/hover', { position: { line: 'one', character: null } }), null);
    await answersCorrectly('positions out of range');
  });

  it('ignores changes and closes for a document never opened', async () => {
    const never = site.uri('_posts/2020-05-05-never.md');
    await client.change(never, 3, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' },
    ]);
    await client.change(never, 4, [{ text: 'whole' }]);
    await client.close(never);
    await answersCorrectly('changes to a document never opened');
    assert.equal(client.diagnostics.has(never), false, 'diagnostics for a document never opened');
  });

  it('pauses checks of a 10 MB post and of a binary file, and keeps answering', async () => {
    const huge = site.uri('_posts/2020-01-02-1st_quarter.md');
    await client.open(huge, GOOD + '- 긴 요약\n'.repeat(1_100_000));
    assert.match((await client.diagnosticsAt(huge, 1))[0]!.message as string, /paused its checks/);
    memory.peak = rssMb(client.process.pid!);
    const binary = site.uri('_posts/2020-04-03-image.md');
    await client.open(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]).toString('utf8'));
    assert.match((await client.diagnosticsAt(binary, 1))[0]!.message as string, /binary content/);
    await client.close(huge);
    await client.close(binary);
    await answersCorrectly('a 10 MB post and a binary file');
  });

  it('validates a burst of 1,000 edits once, at the last version, with the right diagnostics', async () => {
    const burst = site.uri('_posts/2020-07-02-3rd_quarter.md');
    const text = postText('2020-07-02', [{ title: 'Burst', presenter: '박하늘' }]);
    await client.open(burst, text);
    await client.diagnosticsAt(burst, 1);
    const before = client.published.filter((p) => p.uri === burst).length;
    // Each edit types one character at the end of the title line; the last leaves a typo'd title.
    const titleLine = text.split('\n').findIndex((l) => l.startsWith('title:'));
    const edits = [];
    for (let version = 2; version <= 1_001; version++) {
      const end = { line: titleLine, character: 10_000 };
      edits.push({
        version,
        changes: [
          {
            range: { start: { line: titleLine, character: 0 }, end },
            text: version === 1_001 ? 'title: "2020_3rd_quater"' : `title: "${version}"`,
          },
        ],
      });
    }
    // One write of about 200 KB: the server reads it in a few pipe-sized pieces.
    void client.changeBurst(burst, edits);
    const last = await client.diagnosticsAt(burst, 1_001);
    assert.deepEqual(
      last.map((d) => d.code),
      ['title-format'],
    );
    const validations = client.published.filter((p) => p.uri === burst).length - before;
    assert.ok(validations <= 10, `${validations} validations for 1,000 edits`);
    memory.burst = rssMb(client.process.pid!);
    await client.close(burst);
    await answersCorrectly('1,000 edits');
  });

  it('settles back near the memory it started with', async function () {
    const start = memory.start;
    if (start === undefined) this.skip();
    // Garbage is collected when the heap grows or the process idles: keep it busy with valid
    // requests until resident memory is back within 80 MB of the start (or give up after 200).
    let now = rssMb(client.process.pid!)!;
    for (let i = 0; i < 200 && now > start + 80; i++) {
      await answersCorrectly('settling');
      now = rssMb(client.process.pid!)!;
    }
    memory.end = now;
    assert.ok(now <= start + 80, `resident memory ${now.toFixed(0)} MB, ${(now - start).toFixed(0)} MB over the start`);
  });
});
