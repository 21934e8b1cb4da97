/**
 * Check Links in the real server process, against a local server on 127.0.0.1: the results arrive
 * in each post's one list of diagnostics (pulled or pushed, for open and closed posts), stay while
 * the post is edited (until its address changes or the check runs again), progress goes out as
 * `$/progress`, a cancelled request stops the check, and nothing is requested unless asked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  WorkspaceDiagnosticRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { CheckLinksRequest, type CheckLinksResult } from '../../server/src/protocol';
import { answer, hang, startLocalServer, type LocalServer } from '../support/localServer';
import { LspClient } from './support/lspClient';
import { makeSite, type TempSite } from './support/site';

function postWith(date: string, title: string, paper: string, slides: string): string {
  return [
    '---',
    'layout: post',
    `title: "${title}"`,
    `date: ${date}`,
    'image_url: /assets/a.png',
    'mathjax: true',
    'comments: true',
    '---',
    '',
    '# Attention Is All You Need',
    '## Ashish Vaswani et al., NeurIPS 2017',
    `### 발표자: 김하늘 [[paper link](${paper}), [presentation material](${slides})]`,
    '- 요약입니다.',
    '',
  ].join('\n');
}

const CHECKING = 'Checking seminar posts';
const linkDead = (diagnostics: readonly Diagnostic[]) =>
  diagnostics
    .filter((d) => d.code === 'link-dead')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));

describe('language server: Check Links', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let site: TempSite;
  let client: LspClient | undefined;
  let storage: string;
  let A: string;
  let B: string;
  let textA: string;

  before(async () => {
    server = await startLocalServer({
      '/ok': answer(200),
      '/missing': answer(404),
      '/gone': answer(410),
      '/private': answer(403),
      '/hang': hang(),
      '/slow': answer(200, {}, 150),
    });
  });
  after(() => server.close());
  beforeEach(() => {
    textA = postWith('2020-04-02', '2020_2nd_quarter', server.url('/missing'), server.url('/ok'));
    site = makeSite({
      '_config.yml': 'theme: minima\n',
      'assets/a.png': '',
      '_posts/2020-04-02-2nd_quarter.md': textA,
      '_posts/2020-07-02-3rd_quarter.md': postWith(
        '2020-07-02',
        '2020_3rd_quarter',
        server.url('/gone'),
        server.url('/private'),
      ),
    });
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-storage-'));
    A = site.uri('_posts/2020-04-02-2nd_quarter.md');
    B = site.uri('_posts/2020-07-02-3rd_quarter.md');
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    site.remove();
    fs.rmSync(storage, { recursive: true, force: true });
  });

  const start = async (capabilities = {}) => {
    client = await LspClient.start({
      folders: [site.uri()],
      capabilities,
      initializationOptions: { storagePath: storage },
    });
    await client.waitForStatus((s) => s.state === 'ready' && s.posts === 2);
    return client;
  };
  const check = (c: LspClient, params: object, token?: CancellationTokenSource) =>
    token
      ? c.connection.sendRequest<CheckLinksResult>(CheckLinksRequest.method, params, token.token)
      : c.connection.sendRequest<CheckLinksResult>(CheckLinksRequest.method, params);

  it('never asks the network while posts are opened and edited', async () => {
    const c = await start();
    const before = server.total;
    await c.open(A, textA);
    await c.diagnosticsAt(A, 1);
    await c.change(A, 2, [{ text: textA.replace('요약입니다', '요약') }]);
    await c.diagnosticsAt(A, 2);
    assert.equal(server.total, before);
  });

  it('checks this post: its link-dead diagnostics arrive with the others, with progress, and stay while it is edited', async () => {
    const c = await start();
    await c.open(A, textA);
    await c.diagnosticsAt(A, 1);
    const result = await check(c, { scope: 'post', textDocument: { uri: A }, workDoneToken: 'tok-1' });
    assert.deepEqual(
      { ...result, problems: result.problems },
      {
        posts: 1,
        links: 2,
        requested: 2,
        fromCache: 0,
        problems: { dead: 1, signIn: 0, unchecked: 0, moved: 0 },
        cancelled: false,
      },
    );
    const shown = await c.waitForDiagnostics(A, (p) => linkDead(p.diagnostics).length === 1);
    assert.match(linkDead(shown)[0] ?? '', /HTTP 404 Not Found/);
    const kinds = (c.progress as { token: string; value: { kind: string } }[])
      .filter((p) => p.token === 'tok-1')
      .map((p) => p.value.kind);
    assert.deepEqual([kinds[0], kinds.at(-1)], ['begin', 'end']);
    assert.ok(kinds.filter((k) => k === 'report').length >= 2);

    await c.change(A, 2, [{ text: textA.replace('요약입니다', '요약을 고쳤습니다') }]);
    assert.equal(linkDead(await c.diagnosticsAt(A, 2)).length, 1, 'an edit elsewhere keeps the result');
    await c.change(A, 3, [{ text: textA.replace(server.url('/missing'), server.url('/ok')) }]);
    assert.equal(linkDead(await c.diagnosticsAt(A, 3)).length, 0, 'a changed address has no result');
    assert.ok(fs.existsSync(path.join(storage, 'cache', 'links.json')), "results kept in the client's storage");
  });

  it('checks every post: a closed post gets its link-dead diagnostics pushed, replaced by the full list when it opens', async () => {
    const c = await start();
    const result = await check(c, { scope: 'workspace' });
    assert.equal(result.posts, 2);
    assert.deepEqual(result.problems, { dead: 2, signIn: 1, unchecked: 0, moved: 0 });
    const closed = await c.waitForDiagnostics(B, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      closed.map((d) => [d.code, d.severity]),
      [
        ['link-dead', 2],
        ['link-dead', 3],
      ],
    );
    assert.ok(
      closed.every((d) => d.code === 'link-dead'),
      "only the check's results for a closed post",
    );

    const textB = fs.readFileSync(new URL(B), 'utf8');
    await c.open(B, textB);
    const open = await c.diagnosticsAt(B, 1);
    assert.equal(linkDead(open).length, 2);
    await c.close(B);
    const again = await c.waitForDiagnostics(B, (p) =>
      p.version === undefined || p.version === null ? p.diagnostics.length === 2 : false,
    );
    assert.equal(linkDead(again).length, 2, 'closed again: pushed again');
  });

  it('with a client that pulls: the refresh brings link-dead into the pulled list; a closed post is pushed and taken back on open', async () => {
    const c = await start({
      textDocument: { diagnostic: { dynamicRegistration: false } },
      workspace: { diagnostics: { refreshSupport: true } },
    });
    const pull = (uri: string) =>
      c.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    await c.open(A, textA);
    assert.equal(linkDead((await pull(A)).items).length, 0);
    const refreshes = c.refreshes;
    await check(c, { scope: 'workspace' });
    assert.ok(c.refreshes > refreshes, 'asked to pull again');
    assert.equal(linkDead((await pull(A)).items).length, 1);
    assert.ok(
      !c.published.some((p) => p.uri === A && p.diagnostics.length > 0),
      'an open post is never pushed to a pulling client',
    );
    await c.waitForDiagnostics(B, (p) => p.diagnostics.length === 2);
    await c.open(B, fs.readFileSync(new URL(B), 'utf8'));
    await c.waitForDiagnostics(B, (p) => p.diagnostics.length === 0);
    assert.equal(linkDead((await pull(B)).items).length, 2);
  });

  // A closed post's link-dead comes from one place, the check's push: the workspace report (the
  // Problems panel's pull) never carries it too, whether the post is rechecked in the server's
  // thread (after its editor closes) or in the index worker (40 posts or more, after a settings change).
  for (const others of [0, 45]) {
    it(`shows each link-dead of a closed post once: pushed, never in the workspace report too (${others + 2} posts)`, async () => {
      for (let i = 0; i < others; i++) {
        const year = 2001 + Math.floor(i / 4);
        const month = String((i % 4) * 3 + 1).padStart(2, '0');
        site.write(
          `_posts/${year}-${month}-03-${['1st', '2nd', '3rd', '4th'][i % 4]}_quarter.md`,
          postWith(
            `${year}-${month}-03`,
            `${year}_${['1st', '2nd', '3rd', '4th'][i % 4]}_quarter`,
            server.url('/ok'),
            `${server.url('/ok')}?p=${i}`,
          ),
        );
      }
      const c = await LspClient.start({
        folders: [site.uri()],
        initializationOptions: { storagePath: storage },
        capabilities: {
          textDocument: { diagnostic: { dynamicRegistration: false } },
          workspace: { diagnostics: { refreshSupport: true } },
        },
      });
      client = c;
      await c.waitForStatus((s) => s.state === 'ready' && s.posts === others + 2);
      await c.waitForProgressEnd(CHECKING);
      const report = async (uri: string) => {
        const result = await c.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
        const item = result.items.find((r) => r.uri === uri);
        assert.ok(item?.kind === 'full', `${uri} is in the workspace report`);
        return item.items;
      };
      const lastPushed = (uri: string) => c.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? [];
      const pull = (uri: string) =>
        c.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });

      await check(c, { scope: 'workspace' });
      await c.waitForDiagnostics(B, (p) => linkDead(p.diagnostics).length === 2);
      const rounds = c.progressEnds(CHECKING);
      if (others === 0) {
        // Opened and closed: the server rechecks the file in its thread, and the check pushes again.
        await c.open(B, fs.readFileSync(new URL(B), 'utf8'));
        assert.equal(linkDead((await pull(B)).items).length, 2, 'open: in the pulled list');
        assert.deepEqual(lastPushed(B), [], 'open: the push taken back');
        await c.close(B);
      } else {
        await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      }
      await c.waitForProgressEnd(CHECKING, rounds + 1);
      await c.waitForDiagnostics(B, (p) => linkDead(p.diagnostics).length === 2);
      for (const uri of [A, B]) {
        const pushed = linkDead(lastPushed(uri)).length;
        const reported = linkDead(await report(uri)).length;
        assert.deepEqual([pushed, reported], [uri === A ? 1 : 2, 0], `${uri}: pushed, in the workspace report`);
        assert.equal(
          linkDead((await pull(uri)).items).length,
          0,
          `${uri}: a document pull of the closed post leaves link-dead to the push`,
        );
      }
    });
  }

  it('stops when the request is cancelled, and says so', async () => {
    site.write(
      '_posts/2020-04-02-2nd_quarter.md',
      postWith('2020-04-02', '2020_2nd_quarter', server.url('/hang'), `${server.url('/hang')}?2`),
    );
    const c = await start();
    const source = new CancellationTokenSource();
    const before = server.hits('/hang');
    const pending = check(c, { scope: 'post', textDocument: { uri: A } }, source);
    while (server.hits('/hang') - before < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    source.cancel();
    const result = await pending;
    assert.equal(result.cancelled, true);
    while (server.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('keeps to 2 requests per host across checks that run at once (two posts saved together)', async () => {
    const slow = (n: number) => `${server.url('/slow', 'limits.localhost')}?n=${n}`;
    site.write('_posts/2020-04-02-2nd_quarter.md', postWith('2020-04-02', '2020_2nd_quarter', slow(1), slow(2)));
    site.write('_posts/2020-07-02-3rd_quarter.md', postWith('2020-07-02', '2020_3rd_quarter', slow(3), slow(4)));
    const c = await start();
    const [a, b] = await Promise.all([
      check(c, { scope: 'post', textDocument: { uri: A } }),
      check(c, { scope: 'post', textDocument: { uri: B } }),
    ]);
    assert.equal(a.requested + b.requested, 4);
    assert.equal(server.peakOfHost('limits.localhost'), 2);
  });

  it('refuses a file that is not a post, in the UI language', async () => {
    const c = await start();
    const result = await check(c, { scope: 'post', textDocument: { uri: site.uri('README.md') } });
    assert.match(result.refused ?? '', /Check Links works on posts/);
  });
});
