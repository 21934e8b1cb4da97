/**
 * The product's HTTP clients, made the one way: the Node transport, a `User-Agent` that names the
 * product and its version, and the limits of each use.
 */
import { version } from '../../../package.json';
import { HttpClient, type HttpClientOptions } from '../core/net/httpClient';
import type { HttpTransport } from '../core/net/http';
import { NodeHttpTransport } from './httpTransport';

/** Sent with every request: who asks, and where to read about it. */
export const USER_AGENT = `seminar-posts/${version} (VS Code extension and CLI; +https://github.com/seminar-posts/seminar-posts)`;

/** The link check's limits: 8 requests at once, 2 per host, 10 s each. */
export const LINK_CHECK_LIMITS = { maxConcurrent: 8, maxPerHost: 2, timeoutMs: 10_000 } as const;

/** An HTTP client over Node with `limits` (and the `User-Agent` above unless given). */
export function createHttpClient(
  limits: Omit<HttpClientOptions, 'userAgent'> & { userAgent?: string },
  transport: HttpTransport = new NodeHttpTransport(),
): HttpClient {
  return new HttpClient(transport, { userAgent: USER_AGENT, ...limits });
}
