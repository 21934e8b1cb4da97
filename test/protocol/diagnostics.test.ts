/**
 * Diagnostics from the real server process: the same as the CLI's on the real corpus, kept current
 * through incremental changes, only for posts, under the layered settings.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { severityName } from '../../server/src/core/engine/engine';
import { toOneBased } from '../../server/src/core/text/lineIndex';
import { CLI, corpusPosts, requireCorpus } from '../support/paths';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const GOOD = postText('2020-04-02', [{ title: 'Attention Is All You Need', presenter: '김하늘' }]);
const POST = '_posts/2020-04-02-2nd_quarter.md';

function describeDiagnostic(d: {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}): string {
  return `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId} ${d.severity} ${d.message}`;
}

function fromServer(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) =>
    describeDiagnostic({
      ruleId: String(d.code),
      severity: severityName(d.severity),
      message: d.message as string,
      ...toOneBased(d.range),
    }),
  );
}

const ids = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code ?? (d.message as string)));

describe('language server: diagnostics', function () {
  let client: LspClient | undefined;
  let site: TempSite | undefined;

  afterEach(async () => {
    await client?.stop();
    site?.remove();
    client = undefined;
    site = undefined;
  });

  describe('on the real corpus', function () {
    let tree: TempSite;
    let cli: Map<string, string[]>;

    before(function () {
      requireCorpus(this);
      tree = makeSite();
      const { published, drafts } = corpusPosts();
      for (const file of published) tree.write(`_posts/${path.basename(file)}`, fs.readFileSync(file));
      for (const file of drafts)
        tree.write(`_posts/${path.basename(path.dirname(file))}/${path.basename(file)}`, fs.readFileSync(file));
      const run = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '.'], {
        cwd: tree.dir,
        env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' },
        encoding: 'utf8',
      });
      assert.ok(run.status === 0 || run.status === 1, `CLI failed: ${run.stderr}`);
      const results = JSON.parse(run.stdout) as {
        filePath: string;
        messages: Parameters<typeof describeDiagnostic>[0][];
      }[];
      cli = new Map(results.map((r) => [r.filePath, r.messages.map(describeDiagnostic)]));
      assert.equal(cli.size, published.length + drafts.length);
    });

    after(() => tree?.remove());

    it('publishes, for every post opened, exactly the diagnostics of the CLI', async () => {
      // The site is the workspace, as in the editor: the CLI also knows the site's other posts
      // (cross-post duplicate-paper), so compare once the server's index of them is ready.
      client = await LspClient.start({ folders: [tree.uri()] });
      await client.waitForStatus((status) => status.state === 'ready' && status.posts === cli.size);
      let compared = 0;
      for (const [file, expected] of cli) {
        const uri = pathToFileURL(file).toString();
        let text = fs.readFileSync(file, 'utf8');
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        await client.open(uri, text);
        assert.deepEqual(fromServer(await client.diagnosticsAt(uri, 1)), expected, path.relative(tree.dir, file));
        await client.close(uri);
        compared++;
      }
      assert.equal(compared, 55);
      assert.ok(client.alive);
    });
  });

  it('keeps diagnostics current through incremental changes', async () => {
    site = makeSite({ [POST]: GOOD });
    client = await LspClient.start({ folders: [site.uri()] });
    const uri = site.uri(POST);
    await client.open(uri, GOOD);
    assert.deepEqual(await client.diagnosticsAt(uri, 1), []);
    const title = { start: { line: 2, character: 17 }, end: { line: 2, character: 24 } };
    await client.change(uri, 2, [{ range: title, text: 'quater' }]);
    const broken = await client.diagnosticsAt(uri, 2);
    assert.deepEqual(ids(broken), ['title-format']);
    assert.equal(broken[0]!.source, 'seminar-posts');
    assert.match((broken[0]!.codeDescription as { href: string }).href, /docs\/rules\/title-format\.md$/);
    await client.change(uri, 3, [{ range: { start: title.start, end: { line: 2, character: 23 } }, text: 'quarter' }]);
    assert.deepEqual(await client.diagnosticsAt(uri, 3), []);
  });

  it('validates only the latest version of a burst of changes', async () => {
    site = makeSite({ [POST]: GOOD });
    client = await LspClient.start({ folders: [site.uri()] });
    const uri = site.uri(POST);
    await client.open(uri, GOOD);
    await client.diagnosticsAt(uri, 1);
    const first = client.published.length;
    const at = { line: 12, character: 0 };
    const edits = [];
    for (let version = 2; version <= 40; version++)
      edits.push({ version, changes: [{ range: { start: at, end: at }, text: 'x' }] });
    await client.changeBurst(uri, edits);
    await client.diagnosticsAt(uri, 40);
    const versions = client.published
      .slice(first)
      .filter((p) => p.uri === uri)
      .map((p) => p.version);
    // The 39 changes wait in the server's input together (one write of about 10 KB; a pipe may
    // still hand it over in two or three reads): a version is checked only when no newer one has
    // arrived, so at most one per read, and always the last.
    assert.ok(versions.length <= 3, `published for ${versions.length} of 39 versions: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], 40);
  });

  it('says nothing about Markdown outside the posts globs', async () => {
    site = makeSite({ 'README.md': '# Not a post\n', [POST]: GOOD.replace('"2020_2nd_quarter"', '"draft"') });
    client = await LspClient.start({ folders: [site.uri()] });
    await client.open(site.uri('README.md'), '# Not a post\n');
    await client.open(site.uri(POST), GOOD.replace('"2020_2nd_quarter"', '"draft"'));
    assert.ok(ids(await client.diagnosticsAt(site.uri(POST), 1)).includes('title-format'));
    assert.equal(client.diagnostics.has(site.uri('README.md')), false);
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: site.uri('README.md') },
    });
    assert.deepEqual(symbols, []);
  });

  it('layers defaults < settings < .seminar-posts.json, and re-checks open posts when either changes', async () => {
    const text = GOOD.replace('"2020_2nd_quarter"', '"2020_2nd_quater"');
    site = makeSite({ [POST]: text });
    client = await LspClient.start({ folders: [site.uri()], settings: { rules: { 'title-format': 'off' } } });
    const uri = site.uri(POST);
    await client.open(uri, text);
    assert.deepEqual(await client.diagnosticsAt(uri, 1), [], 'the settings turn title-format off');

    site.write('.seminar-posts.json', JSON.stringify({ rules: { 'title-format': 'error' } }));
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: site.uri('.seminar-posts.json'), type: 1 }],
    });
    const fromFile = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(ids(fromFile), ['title-format'], 'the file wins over the settings');
    assert.equal(fromFile[0]!.severity, 1);
    assert.ok(client.published.length > before);

    fs.rmSync(path.join(site.dir, '.seminar-posts.json'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: site.uri('.seminar-posts.json'), type: 3 }],
    });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);

    client.settings = { rules: { 'title-format': 'hint' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const hinted = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      hinted.map((d) => d.severity),
      [4],
      'a change of the settings re-checks the post',
    );
  });

  it('reads which files are posts from the posts setting', async () => {
    const bad = GOOD.replace('"2020_2nd_quarter"', '"draft"');
    site = makeSite({ 'notes/2020-04-02-2nd_quarter.md': bad, [POST]: bad });
    client = await LspClient.start({ folders: [site.uri()], settings: { posts: ['notes/*.md'] } });
    await client.open(site.uri('notes/2020-04-02-2nd_quarter.md'), bad);
    await client.open(site.uri(POST), bad);
    assert.ok((await client.diagnosticsAt(site.uri('notes/2020-04-02-2nd_quarter.md'), 1)).length > 0);
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: site.uri(POST) },
    });
    assert.deepEqual(symbols, []);
    assert.equal(client.diagnostics.has(site.uri(POST)), false);
  });

  it('reports a bad setting once, with its key, not on every keystroke', async () => {
    site = makeSite({ [POST]: GOOD });
    client = await LspClient.start({
      folders: [site.uri()],
      settings: { rules: { 'title-formatt': 'off', 'title-format': 'off' }, maxFileSize: 'big' },
    });
    const uri = site.uri(POST);
    await client.open(uri, GOOD.replace('"2020_2nd_quarter"', '"x"'), 1);
    assert.deepEqual(await client.diagnosticsAt(uri, 1), [], 'the valid part of the settings still applies');
    for (let v = 2; v <= 6; v++) {
      await client.change(uri, v, [
        { range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'x' },
      ]);
      await client.diagnosticsAt(uri, v);
    }
    const messages = new Set(client.statuses.map((s) => s.message).filter((m) => m !== undefined));
    assert.equal(messages.size, 1, JSON.stringify([...messages]));
    assert.match([...messages][0]!, /seminarPosts\.rules\.title-formatt: unknown key \(and 1 more\)/);
    assert.equal(
      client.logs.filter((log) => log.includes('seminarPosts.rules.title-formatt')).length,
      1,
      'logged once',
    );
    assert.ok(
      client.logs.some((log) => log.includes('seminarPosts.maxFileSize')),
      client.logs.join('\n'),
    );
    // Later statuses (here: the index following a post created on disk) keep saying it, so the
    // status item keeps showing it, not only until the next update.
    const extra = '_posts/2020-07-02-3rd_quarter.md';
    site.write(extra, GOOD.replace('2020-04-02', '2020-07-02').replace('2020_2nd_quarter', '2020_3rd_quarter'));
    const before = client.statuses.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: site.uri(extra), type: 1 }],
    });
    const ready = await client.waitForStatus((s) => client!.statuses.indexOf(s) >= before && s.state === 'ready');
    assert.match(ready.message ?? '(none)', /title-formatt/);
  });

  it('answers a client that pulls diagnostics, and asks it to pull again when the settings change', async () => {
    const text = GOOD.replace('"2020_2nd_quarter"', '"2020_2nd_quater"');
    site = makeSite({ [POST]: text });
    client = await LspClient.start({
      folders: [site.uri()],
      capabilities: {
        textDocument: { diagnostic: { dynamicRegistration: false } },
        workspace: { diagnostics: { refreshSupport: true } },
      },
    });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'seminar-posts',
      interFileDependencies: true,
      workspaceDiagnostics: true,
    });
    const uri = site.uri(POST);
    await client.open(uri, text);
    const pull = () =>
      client!.connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
    const report = await pull();
    assert.equal(report.kind, 'full');
    assert.deepEqual(ids(report.items), ['title-format']);

    client.settings = { rules: { 'title-format': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForStatus((s) => s.state === 'ready' && client!.refreshes > 0);
    assert.deepEqual((await pull()).items, []);
    assert.equal(client.published.length, 0, 'nothing is pushed to a client that pulls');
  });

  it("speaks the client's language", async () => {
    const text = GOOD.replace('"2020_2nd_quarter"', '"2020_2nd_quater"');
    site = makeSite({ [POST]: text });
    client = await LspClient.start({ folders: [site.uri()], locale: 'ko-KR' });
    await client.open(site.uri(POST), text);
    const [diagnostic] = await client.diagnosticsAt(site.uri(POST), 1);
    assert.match(diagnostic!.message as string, /필요하지만/);
  });
});
