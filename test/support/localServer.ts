/**
 * A local HTTP server for the network tests: `http.createServer` on 127.0.0.1, port 0, with a
 * handler per path. It counts what reaches it: requests per path (and method), the most
 * requests in flight at once per path, per host (the `Host` header's name) and in all, so that
 * tests can assert the client's limits and its cache from the server's side.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface LocalServer {
  port: number;
  /** `http://<host>:<port><path>`; `host` defaults to 127.0.0.1 (`h1.localhost` resolves there too). */
  url(path: string, host?: string): string;
  /** Requests that reached `path` (any method, or one). */
  hits(path: string, method?: string): number;
  /** Requests in all. */
  readonly total: number;
  /** The most requests in flight at once: to `path`, or in all without one. */
  peak(path?: string): number;
  /** The most requests in flight at once to one host name. */
  peakOfHost(host: string): number;
  /** Every request, in order of arrival. */
  readonly log: { method: string; path: string; host: string }[];
  /** Requests still open (a hanging one until its client goes). */
  readonly inFlight: number;
  close(): Promise<void>;
}

export async function startLocalServer(routes: Record<string, Handler>): Promise<LocalServer> {
  const hits = new Map<string, number>();
  const flight = new Map<string, number>();
  const peaks = new Map<string, number>();
  const log: LocalServer['log'] = [];
  let inFlight = 0;
  let peakAll = 0;
  const bump = (key: string, by: number) => {
    const n = (flight.get(key) ?? 0) + by;
    flight.set(key, n);
    if (n > (peaks.get(key) ?? 0)) peaks.set(key, n);
  };
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    log.push({ method: req.method ?? '', path, host });
    for (const key of [path, `${req.method} ${path}`]) hits.set(key, (hits.get(key) ?? 0) + 1);
    inFlight++;
    peakAll = Math.max(peakAll, inFlight);
    bump(`path:${path}`, 1);
    bump(`host:${host}`, 1);
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      inFlight--;
      bump(`path:${path}`, -1);
      bump(`host:${host}`, -1);
    };
    res.on('close', end);
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no route');
      return;
    }
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    hits: (path, method) => hits.get(method ? `${method} ${path}` : path) ?? 0,
    get total() {
      return log.length;
    },
    peak: (path) => (path === undefined ? peakAll : (peaks.get(`path:${path}`) ?? 0)),
    peakOfHost: (host) => peaks.get(`host:${host}`) ?? 0,
    log,
    get inFlight() {
      return inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers `status` with `headers` after `delayMs` (a body for GET). */
export function answer(status: number, headers: Record<string, string> = {}, delayMs = 0, body = 'body'): Handler {
  return (req, res) => {
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  };
}

/** Never answers (until the client goes). */
export function hang(): Handler {
  return () => undefined;
}

/** A port on 127.0.0.1 where nothing listens (a connection is refused). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
