/**
 * The core's `HttpTransport` over Node's `http` and `https`: one request per connection (no
 * keep-alive; the connection is closed as soon as the answer is read, or, with `maxBodyBytes: 0`,
 * as soon as its headers are in), a time limit over the whole exchange, cancellation, and Node's
 * errors turned into the core's reasons (`NetError`).
 *
 * Names are resolved as RFC 6761 asks of resolver libraries: `localhost` and `*.localhost` are the
 * loopback address and `*.invalid` never resolves, without asking a DNS server; other names go to
 * the system's resolver (`dns.lookup`).
 */
import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { HttpRequest, HttpResponse, HttpTransport } from '../core/net/http';
import { NetError, type NetFailure } from '../core/net/netError';

export interface NodeTransportOptions {
  /** Resolves host names (default: {@link specialNameLookup} over `dns.lookup`). */
  lookup?: LookupFunction;
}

export class NodeHttpTransport implements HttpTransport {
  private readonly lookup: LookupFunction;

  constructor(options: NodeTransportOptions = {}) {
    this.lookup = options.lookup ?? specialNameLookup(dns.lookup);
  }

  send(request: HttpRequest): Promise<HttpResponse> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return Promise.reject(new NetError('badUrl', request.url));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return Promise.reject(new NetError('badUrl', request.url));
    if (request.signal?.aborted) return Promise.reject(new NetError('cancelled', request.url));
    const client = url.protocol === 'https:' ? https : http;

    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      const chunks: Buffer[] = [];
      let received = 0;
      const finish = (outcome: { response?: HttpResponse; error?: NetError }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        // One request per connection: whatever is left of it goes.
        req.destroy();
        if (outcome.error) reject(outcome.error);
        else resolve(outcome.response!);
      };
      const onAbort = () => finish({ error: new NetError('cancelled', request.url) });
      const timer = setTimeout(
        () =>
          finish({
            error: new NetError('timeout', request.url, undefined, { seconds: round(request.timeoutMs / 1000) }),
          }),
        request.timeoutMs,
      );
      request.signal?.addEventListener('abort', onAbort, { once: true });

      const req = client.request(
        url,
        {
          method: request.method,
          headers: { ...request.headers, connection: 'close' },
          agent: false,
          lookup: this.lookup,
        },
        (res) => {
          const answer = (body: Buffer, truncated: boolean): HttpResponse => ({
            url: request.url,
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: flattenHeaders(res.headers),
            body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
            truncated,
          });
          if (request.maxBodyBytes <= 0 || request.method === 'HEAD') {
            finish({ response: answer(Buffer.alloc(0), false) });
            return;
          }
          res.on('data', (chunk: Buffer) => {
            const room = request.maxBodyBytes - received;
            if (chunk.length >= room) {
              chunks.push(chunk.subarray(0, room));
              received += room;
              finish({ response: answer(Buffer.concat(chunks), chunk.length > room || !res.complete) });
              return;
            }
            chunks.push(chunk);
            received += chunk.length;
          });
          res.on('end', () => finish({ response: answer(Buffer.concat(chunks), false) }));
          res.on('error', (error) => finish({ error: toNetError(error, request.url) }));
        },
      );
      req.on('error', (error) => finish({ error: toNetError(error, request.url) }));
      req.end();
    });
  }
}

/** Node's error as the core's reason. */
export function toNetError(error: unknown, url: string): NetError {
  if (error instanceof NetError) return error;
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  const message = error instanceof Error ? error.message : String(error);
  return new NetError(failureOf(code, message), url, code || message);
}

function failureOf(code: string, message: string): NetFailure {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
    case 'EAI_NODATA':
      return 'dns';
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return 'reset';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
      return 'unreachable';
    case 'ABORT_ERR':
      return 'cancelled';
  }
  if (/CERT|SSL|TLS|EPROTO|SIGNATURE/.test(code)) return 'tls';
  if (/socket hang up/i.test(message)) return 'reset';
  return 'other';
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` that answers the special names of RFC 6761 itself (`localhost`, `*.localhost`: the
 * loopback address; `*.invalid`: not found) and hands every other name to `fallback`.
 */
export function specialNameLookup(fallback: LookupFunction): LookupFunction {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    if (name === 'localhost' || name.endsWith('.localhost')) {
      const v6 = options.family === 6;
      const address = v6 ? '::1' : '127.0.0.1';
      const family = v6 ? 6 : 4;
      if (options.all) callback(null, [{ address, family }]);
      else callback(null, address, family);
      return;
    }
    if (name === 'invalid' || name.endsWith('.invalid')) {
      const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
        hostname,
      });
      process.nextTick(() => callback(error, options.all ? [] : ''));
      return;
    }
    fallback(hostname, options, callback);
  };
}
