/**
 * The link check end to end below the editor and the CLI: a post whose links point at a local
 * server on 127.0.0.1, its addresses collected, checked (HEAD, GET where HEAD is refused),
 * judged by `link-dead`, with the limits, the cache and cancellation seen from the server's side.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveConfig } from '../../../server/src/core/config/config';
import { checkLinks } from '../../../server/src/core/links/linkChecker';
import { isLinkResult, lookupOf, type LinkResult } from '../../../server/src/core/links/linkResult';
import { linkTargets, uniqueAddresses } from '../../../server/src/core/links/linkTargets';
import { ResultCache } from '../../../server/src/core/net/resultCache';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { createHttpClient } from '../../../server/src/node/httpClients';
import { JsonFileCacheStore } from '../../../server/src/node/jsonFileCacheStore';
import { lintText } from '../../support/lint';
import { answer, closedPort, hang, startLocalServer, type LocalServer } from '../../support/localServer';

const client = () => createHttpClient({ maxConcurrent: 8, maxPerHost: 2, timeoutMs: 400, defaultRetryWaitMs: 50 });

function post(links: string[], images: string[] = []): string {
  return [
    '---',
    'layout: post',
    'title: "2020_2nd_quarter"',
    'date: 2020-04-02',
    'mathjax: true',
    'comments: true',
    '---',
    '',
    ...links.map(
      (url, i) =>
        `# Paper ${i}\n## A. Author, ICML 2020\n### 발표자: 홍길동 [[paper link](${url}), [presentation material](unavailable)]\n- 요약입니다.\n`,
    ),
    ...images.map((url) => `<p align="center">\n  <img src="${url}" width="450">\n</p>\n`),
  ].join('\n');
}

function linkDiagnostics(text: string, results: Map<string, LinkResult>, signInHosts?: string[]): Diagnostic[] {
  return lintText(text, {
    links: Object.fromEntries(results),
    config: signInHosts ? { links: { signInHosts } } : undefined,
  }).filter((d) => d.code === 'link-dead');
}

describe('link check against a local server', function () {
  let server: LocalServer;
  let refusedPort: number;
  let busy = 0;
  before(async () => {
    server = await startLocalServer({
      '/ok': answer(200),
      '/old': answer(301, { location: '/new' }),
      '/new': answer(200),
      '/loop-a': answer(302, { location: '/loop-b' }),
      '/loop-b': answer(302, { location: '/loop-a' }),
      '/missing': answer(404),
      '/gone': answer(410),
      '/private': answer(401),
      '/busy': (req, res) => {
        busy++;
        res.writeHead(busy === 1 ? 429 : 200, busy === 1 ? { 'retry-after': '1' } : {}).end();
      },
      '/always-busy': answer(429, { 'retry-after': '1' }),
      '/broken': answer(500),
      '/hang': hang(),
      '/no-head': (req, res) => res.writeHead(req.method === 'HEAD' ? 405 : 200).end(),
      '/slow': answer(200, {}, 100),
    });
    refusedPort = await closedPort();
  });
  after(() => server.close());

  it('finds each answer, and link-dead says what it means', async () => {
    const urls = [
      '/ok',
      '/old',
      '/loop-a',
      '/missing',
      '/gone',
      '/private',
      '/busy',
      '/always-busy',
      '/broken',
      '/hang',
      '/no-head',
    ].map((p) => server.url(p));
    const refused = `http://127.0.0.1:${refusedPort}/slides.pdf`;
    const text = post([...urls, refused]);
    const targets = linkTargets(parsePost(text, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1), resolveConfig());
    assert.equal(targets.length, 12, 'the paper links; the `unavailable` text is not an address');
    const run = await checkLinks(uniqueAddresses(targets), client());
    assert.equal(run.requested, 12);
    assert.equal(run.cancelled, false);
    const result = (p: string) => run.results.get(server.url(p))!;
    assert.equal(result('/ok').status, 200);
    assert.deepEqual(
      result('/old').redirects.map((h) => h.status),
      [301],
    );
    assert.equal(result('/loop-a').failure, 'redirectLoop');
    assert.equal(result('/missing').status, 404);
    assert.equal(result('/missing').method, 'GET', 'a 404 to HEAD is asked again with GET');
    assert.equal(result('/gone').status, 410);
    assert.equal(result('/private').status, 401);
    assert.equal(result('/busy').status, 200, '429, then 200 after Retry-After');
    assert.equal(server.hits('/busy'), 2);
    assert.equal(result('/always-busy').status, 429);
    assert.equal(server.hits('/always-busy'), 2, 'retried once, then unchecked (no GET after a 429)');
    assert.equal(result('/broken').status, 500);
    assert.equal(result('/hang').failure, 'timeout');
    assert.equal(result('/no-head').status, 200);
    assert.equal(result('/no-head').method, 'GET');
    assert.equal(server.hits('/no-head', 'HEAD'), 1);
    assert.equal(server.hits('/no-head', 'GET'), 1);
    assert.equal(run.results.get(refused)!.failure, 'refused');
    for (const r of run.results.values()) assert.ok(isLinkResult(r), `a well-formed result: ${JSON.stringify(r)}`);

    const byLine = new Map(linkDiagnostics(text, run.results).map((d) => [d.range.start.line, d]));
    const on = (url: string) => byLine.get(targets.find((t) => t.url === url)!.range.start.line);
    const u = (p: string) => server.url(p);
    assert.equal(on(u('/ok')), undefined);
    assert.equal(on(u('/no-head')), undefined);
    assert.equal(on(u('/busy')), undefined);
    assert.match(on(u('/old'))!.message, /moved permanently to `http:\/\/127\.0\.0\.1:\d+\/new`/);
    assert.equal(on(u('/old'))!.severity, 3);
    assert.match(on(u('/loop-a'))!.message, /found none at .*: the redirects go round in a loop/);
    assert.match(on(u('/missing'))!.message, /found HTTP 404 Not Found/);
    assert.equal(on(u('/missing'))!.severity, 2);
    assert.match(on(u('/gone'))!.message, /HTTP 410 Gone/);
    assert.match(on(u('/private'))!.message, /needs a sign-in \(HTTP 401 Unauthorized\)/);
    assert.equal(on(u('/private'))!.severity, 3);
    assert.match(
      on(u('/always-busy'))!.message,
      /HTTP 429 Too Many Requests \(2 tries, Retry-After: 1 s\): unchecked, not dead/,
    );
    assert.equal(on(u('/always-busy'))!.severity, 3);
    assert.match(on(u('/broken'))!.message, /HTTP 500 Internal Server Error/);
    assert.equal(on(u('/broken'))!.severity, 2);
    assert.match(on(u('/hang'))!.message, /no answer within 0\.4 s/);
    assert.match(on(refused)!.message, /the connection was refused \(ECONNREFUSED\)/);
    assert.equal(byLine.size, 9);
  });

  it('treats a 4xx of a sign-in host as a sign-in, not as dead', async () => {
    const url = server.url('/missing', 'wiki.localhost');
    const run = await checkLinks([url], client());
    const [signIn] = linkDiagnostics(post([url]), run.results, ['*.localhost']);
    assert.match(signIn!.message, /needs a sign-in \(HTTP 404 Not Found\)/);
    const [dead] = linkDiagnostics(post([url]), run.results, []);
    assert.match(dead!.message, /found HTTP 404/);
  });

  it('asks at most 8 at once and 2 per host, and reports progress for each address', async () => {
    const hosts = ['a', 'b', 'c', 'd', 'e', 'f'].map((h) => `${h}.localhost`);
    const urls = hosts.flatMap((host) => [1, 2, 3, 4].map((i) => `${server.url('/slow', host)}?n=${i}`));
    const seen: number[] = [];
    const run = await checkLinks(urls, client(), { onProgress: (done, total) => seen.push(done * 100 + total) });
    assert.equal(run.requested, 24);
    assert.equal(server.peak('/slow'), 8);
    for (const host of hosts) assert.equal(server.peakOfHost(host), 2, host);
    assert.deepEqual(
      seen,
      Array.from({ length: 24 }, (_, i) => (i + 1) * 100 + 24),
    );
  });

  it('a second run within the TTL asks nothing: results come from the cache on disk', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-links-'));
    try {
      const cache = () =>
        new ResultCache<LinkResult>('links', new JsonFileCacheStore(folder), {
          maxEntries: 1000,
          isValue: isLinkResult,
        });
      const urls = [server.url('/ok?cache'), server.url('/missing?cache'), server.url('/always-busy?cache')];
      const first = await checkLinks(urls, client(), { cache: cache() });
      assert.equal(first.requested, 3);
      const before = server.total;
      const second = await checkLinks(urls, client(), { cache: cache() });
      assert.equal(second.fromCache, 2, '200 and 404 are kept');
      assert.equal(second.requested, 1, 'a 429 is never kept: asked again');
      assert.equal(server.total - before, 2, 'the 429 and its retry, nothing else');
      const noCache = await checkLinks(urls, client(), { cache: cache(), useCache: false });
      assert.equal(noCache.requested, 3);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stops on cancellation: nothing more is asked and nothing is kept of what was cut', async () => {
    const controller = new AbortController();
    const urls = Array.from({ length: 10 }, (_, i) => server.url(`/hang?c=${i}`));
    const cache = new ResultCache<LinkResult>('links', undefined, { maxEntries: 100, isValue: isLinkResult });
    const before = server.hits('/hang');
    const running = checkLinks(urls, createHttpClient({ maxConcurrent: 8, maxPerHost: 2, timeoutMs: 10_000 }), {
      signal: controller.signal,
      cache,
    });
    while (server.hits('/hang') - before < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const run = await running;
    assert.equal(run.cancelled, true);
    assert.equal(run.results.size, 0);
    assert.equal(server.hits('/hang') - before, 2, 'the two in flight (2 per host); the rest never asked');
    assert.equal(await cache.size(), 0);
    while (server.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('collects only what a post links: presenter links, images, image_url; never placeholders or ignored hosts', () => {
    const text = [
      '---',
      'layout: post',
      'title: "2020_2nd_quarter"',
      'date: 2020-04-02',
      "image_url: 'https://img.example.org/it''s.png'",
      '---',
      '',
      '# Paper',
      '## A. Author, ICML 2020',
      '### 발표자: 홍길동 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](???), [code](https://github.com/a/b), [x](relative/path)]',
      '- 요약 [a link in a bullet](https://not-checked.example.org/).',
      '',
      '![figure](https://img.example.org/md.png)',
      '',
      '<p align="center">',
      '  <img src="https://img.example.org/a.png" width="450">',
      '  <img src="https://intranet.lab.example/b.png">',
      '</p>',
    ].join('\n');
    const config = resolveConfig({ links: { ignore: ['*.lab.example'] } });
    const targets = linkTargets(parsePost(text, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1), config);
    assert.deepEqual(
      targets.map((t) => [t.kind, t.url]),
      [
        ['thumbnail', "https://img.example.org/it's.png"],
        ['paper', 'https://arxiv.org/abs/1706.03762'],
        ['link', 'https://github.com/a/b'],
        ['image', 'https://img.example.org/md.png'],
        ['image', 'https://img.example.org/a.png'],
      ],
    );
    const lines = text.split('\n');
    const written = (t: (typeof targets)[number]) =>
      lines[t.range.start.line]!.slice(t.range.start.character, t.range.end.character);
    assert.equal(
      written(targets[0]!),
      "https://img.example.org/it''s.png",
      'the range covers the value inside its quotes',
    );
    assert.equal(targets[0]!.yamlQuote, "'");
    for (const t of targets.slice(1)) assert.equal(written(t), t.url);
    const byUrl = resolveConfig({ links: { ignore: ['https://github.com/a/**'] } });
    assert.ok(
      !linkTargets(parsePost(text, 'file:///site/_posts/x.md', 1), byUrl).some((t) => t.url.includes('github')),
    );
    assert.deepEqual(lookupOf(new Map()).resultFor('https://x.org/#a'), undefined);
  });
});
