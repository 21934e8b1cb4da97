/**
 * The HTTP client over the Node transport, against a local server on 127.0.0.1 that counts what
 * reaches it: statuses, redirects, retries, time limits, refusals, names that do not resolve,
 * cancellation, the limits on requests at once, and what is read of a body.
 */
import * as assert from 'node:assert/strict';
import { HttpClient, retryAfterMs, type HttpClientOptions } from '../../../server/src/core/net/httpClient';
import { NetError, type NetFailure } from '../../../server/src/core/net/netError';
import { NodeHttpTransport } from '../../../server/src/node/httpTransport';
import { USER_AGENT, createHttpClient } from '../../../server/src/node/httpClients';
import { answer, closedPort, hang, startLocalServer, type LocalServer } from '../../support/localServer';

function client(options: Partial<HttpClientOptions> = {}): HttpClient {
  return createHttpClient({ maxConcurrent: 8, maxPerHost: 2, timeoutMs: 2000, ...options });
}

async function failure(promise: Promise<unknown>): Promise<NetError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof NetError, `a NetError, not ${String(error)}`);
    return error;
  }
  assert.fail('expected a failure');
}

describe('HttpClient (Node transport, local server)', function () {
  let server: LocalServer;
  let seenAgent = '';
  before(async () => {
    let flaky = 0;
    server = await startLocalServer({
      '/ok': answer(200),
      '/agent': (req, res) => {
        seenAgent = String(req.headers['user-agent']);
        res.writeHead(204).end();
      },
      '/moved': answer(301, { location: '/ok' }),
      '/moved-twice': answer(308, { location: '/moved' }),
      '/loop-a': answer(302, { location: '/loop-b' }),
      '/loop-b': answer(302, { location: '/loop-a' }),
      '/chain0': answer(302, { location: '/chain1' }),
      '/chain1': answer(302, { location: '/chain2' }),
      '/chain2': answer(302, { location: '/chain3' }),
      '/chain3': answer(302, { location: '/chain4' }),
      '/chain4': answer(302, { location: '/chain5' }),
      '/chain5': answer(302, { location: '/chain6' }),
      '/chain6': answer(200),
      '/no-location': answer(302),
      '/to-ftp': answer(301, { location: 'ftp://example.invalid/x' }),
      '/gone': answer(410),
      '/missing': answer(404),
      '/private': answer(401),
      '/broken': answer(500),
      '/busy-once': (req, res) => {
        flaky++;
        if (flaky === 1) res.writeHead(429, { 'retry-after': '1' }).end();
        else res.writeHead(200).end();
      },
      '/busy-long': answer(429, { 'retry-after': '3600' }),
      '/unavailable': answer(503),
      '/hang': hang(),
      '/slow': answer(200, {}, 150),
      '/big': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(100_000));
      },
    });
  });
  after(() => server.close());

  it('answers 200 and sends a User-Agent that names the product', async () => {
    const result = await client().fetch(server.url('/ok'), { method: 'HEAD' });
    assert.equal(result.response.status, 200);
    assert.deepEqual(result.redirects, []);
    await client().fetch(server.url('/agent'));
    assert.equal(seenAgent, USER_AGENT);
    assert.match(seenAgent, /^seminar-posts\/\d+\.\d+\.\d+ /);
  });

  it('follows redirects by hand and records each hop, keeping the fragment', async () => {
    const result = await client().fetch(server.url('/moved-twice#sec'), { method: 'HEAD' });
    assert.equal(result.response.status, 200);
    assert.deepEqual(
      result.redirects.map((h) => [new URL(h.url).pathname, h.status]),
      [
        ['/moved-twice', 308],
        ['/moved', 301],
      ],
    );
    assert.equal(result.finalUrl, server.url('/ok#sec'));
  });

  it('stops a redirect loop, more than 5 redirects, and a redirect without a usable address', async () => {
    const loop = await failure(client().fetch(server.url('/loop-a')));
    assert.equal(loop.failure, 'redirectLoop');
    assert.match(loop.message, /loop-a/);
    assert.equal(server.hits('/loop-a'), 1);
    assert.equal(server.hits('/loop-b'), 1);
    assert.equal((await failure(client().fetch(server.url('/chain0')))).failure, 'tooManyRedirects');
    assert.equal(server.hits('/chain6'), 0, 'the sixth redirect is not followed');
    assert.equal((await client().fetch(server.url('/chain1'))).response.status, 200, 'five are');
    assert.equal((await failure(client().fetch(server.url('/no-location')))).failure, 'badRedirect');
    assert.equal((await failure(client().fetch(server.url('/to-ftp')))).failure, 'badRedirect');
  });

  it('gives 404, 410, 401 and 500 back as answers', async () => {
    for (const [path, status] of [
      ['/missing', 404],
      ['/gone', 410],
      ['/private', 401],
      ['/broken', 500],
    ] as const) {
      assert.equal((await client().fetch(server.url(path), { method: 'HEAD' })).response.status, status, path);
    }
  });

  it('retries a 429 after its Retry-After, and does not wait for one over the bound', async () => {
    const started = Date.now();
    const retried = await client().fetch(server.url('/busy-once'));
    assert.equal(retried.response.status, 200);
    assert.equal(retried.retries, 1);
    assert.equal(server.hits('/busy-once'), 2);
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After: 1');

    const long = await client({ maxRetryWaitMs: 10_000 }).fetch(server.url('/busy-long'));
    assert.equal(long.response.status, 429);
    assert.equal(long.retries, 0);
    assert.equal(long.retryAfterMs, 3_600_000);
    assert.equal(server.hits('/busy-long'), 1);

    const unavailable = await client({ defaultRetryWaitMs: 50 }).fetch(server.url('/unavailable'));
    assert.equal(unavailable.response.status, 503);
    assert.equal(unavailable.retries, 1);
    assert.equal(server.hits('/unavailable'), 2, 'one retry, then the answer as it is');
  });

  it('reads Retry-After in seconds and as a date', () => {
    assert.equal(retryAfterMs('120', 0), 120_000);
    assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
    assert.equal(retryAfterMs('soon', 0), undefined);
    assert.equal(retryAfterMs(undefined, 0), undefined);
  });

  it('times out a host that never answers, and the server sees the connection go', async () => {
    const error = await failure(client({ timeoutMs: 300 }).fetch(server.url('/hang')));
    assert.equal(error.failure, 'timeout');
    assert.match(error.message, /\/hang: no answer within 0\.3 s/);
    await waitFor(() => server.inFlight === 0);
  });

  it('names a refused connection and a name that does not resolve', async () => {
    const port = await closedPort();
    const refused = await failure(client().fetch(`http://127.0.0.1:${port}/x`));
    assert.equal(refused.failure, 'refused');
    assert.match(
      refused.message,
      new RegExp(`127\\.0\\.0\\.1:${port}/x: the connection was refused \\(ECONNREFUSED\\)`),
    );
    const dns = await failure(client().fetch('https://no-such-host.invalid/paper.pdf'));
    assert.equal(dns.failure, 'dns');
    assert.match(dns.message, /no-such-host\.invalid\/paper\.pdf: the host name does not resolve/);
    assert.equal((await failure(client().fetch('mailto:a@b.c'))).failure, 'badUrl');
  });

  it('cancels requests in flight and waiting ones', async () => {
    const http = client({ maxConcurrent: 1, maxPerHost: 1 });
    const controller = new AbortController();
    const first = http.fetch(server.url('/hang'), { signal: controller.signal });
    const queued = http.fetch(server.url('/ok'), { signal: controller.signal });
    await waitFor(() => server.hits('/hang') >= 2 - 1 && server.inFlight === 1);
    controller.abort();
    const reasons: NetFailure[] = [(await failure(first)).failure, (await failure(queued)).failure];
    assert.deepEqual(reasons, ['cancelled', 'cancelled']);
    await waitFor(() => server.inFlight === 0);
    assert.equal(http.limiter.running, 0);
  });

  it('runs at most 8 requests at once and 2 per host', async () => {
    const http = client({ maxConcurrent: 8, maxPerHost: 2 });
    const hosts = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => `${h}.localhost`);
    const before = server.peak('/slow');
    assert.equal(before, 0);
    await Promise.all(hosts.flatMap((host) => [1, 2, 3, 4].map(() => http.fetch(server.url('/slow', host)))));
    assert.equal(server.hits('/slow'), 24);
    assert.equal(server.peak('/slow'), 8, 'eight at once over six hosts');
    for (const host of hosts) assert.equal(server.peakOfHost(host), 2, host);
    const one = client({ maxConcurrent: 8, maxPerHost: 1 });
    await Promise.all([1, 2, 3].map(() => one.fetch(server.url('/slow', 'solo.localhost'))));
    assert.equal(server.peakOfHost('solo.localhost'), 1, 'the paper lookup: one per host');
  });

  it('drops the body by default and reads a bounded body when asked', async () => {
    const headersOnly = await client().fetch(server.url('/big'));
    assert.equal(headersOnly.response.body.byteLength, 0);
    const bounded = await client().fetch(server.url('/big'), { maxBodyBytes: 1000 });
    assert.equal(bounded.response.body.byteLength, 1000);
    assert.equal(bounded.response.truncated, true);
    const whole = await client().fetch(server.url('/big'), { maxBodyBytes: 1_000_000 });
    assert.equal(whole.response.body.byteLength, 100_000);
    assert.equal(whole.response.truncated, false);
  });

  it('a transport alone follows nothing', async () => {
    const response = await new NodeHttpTransport().send({
      url: server.url('/moved'),
      method: 'GET',
      headers: {},
      maxBodyBytes: 0,
      timeoutMs: 2000,
    });
    assert.equal(response.status, 301);
    assert.equal(response.headers.location, '/ok');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), 'condition not reached');
}
