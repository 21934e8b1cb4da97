/**
 * Checks addresses: from the cache where a fresh result is kept, else over the network with
 * `HEAD`, and `GET` (headers only, the body dropped) where `HEAD` is refused or fails (some
 * servers answer `HEAD` with 403, 404 or 405 and `GET` with 200). Limits, redirects and retries
 * are the `HttpClient`'s. Results are kept in the cache for their time (see `ttlFor`); nothing is
 * kept of a cancelled or unchecked address.
 */
import type { HttpClient } from '../net/httpClient';
import { isCancellation, NetError } from '../net/netError';
import type { ResultCache } from '../net/resultCache';
import type { LinkResult } from './linkResult';

/** A day: how long a result is trusted by default. */
export const DEFAULT_LINK_TTL_MS = 24 * 60 * 60 * 1000;
/** No answer or a server error may be passing: trusted an hour at most. */
const FAILURE_TTL_MS = 60 * 60 * 1000;
/** Answers of `HEAD` that are worth asking again with `GET`. */
const RETRY_WITH_GET = (status: number) => status >= 400 && status !== 429 && status !== 503 && status !== 401;

export interface LinkCheckOptions {
  /** The cache to read and fill; without one every address is requested. */
  cache?: ResultCache<LinkResult> | undefined;
  /** Read fresh results from the cache (false: request everything, still filling the cache). */
  useCache?: boolean;
  /** How long a good answer is trusted (default a day). */
  ttlMs?: number;
  signal?: AbortSignal | undefined;
  /** Called after each address, with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
  now?: () => number;
}

export interface LinkCheckRun {
  /** The results by address (without fragment); a cancelled address has none. */
  results: Map<string, LinkResult>;
  /** Addresses asked of the network. */
  requested: number;
  /** Addresses answered from the cache. */
  fromCache: number;
  cancelled: boolean;
}

/** Checks `addresses` (without fragments, each once). */
export async function checkLinks(
  addresses: readonly string[],
  client: HttpClient,
  options: LinkCheckOptions = {},
): Promise<LinkCheckRun> {
  const unique = [...new Set(addresses)];
  const run: LinkCheckRun = { results: new Map(), requested: 0, fromCache: 0, cancelled: false };
  const now = options.now ?? Date.now;
  let done = 0;
  const progress = () => options.onProgress?.(++done, unique.length);
  const useCache = options.useCache !== false && options.cache !== undefined;

  await Promise.all(
    unique.map(async (url) => {
      if (useCache) {
        const cached = await options.cache!.get(url);
        if (cached) {
          run.fromCache++;
          run.results.set(url, cached);
          progress();
          return;
        }
      }
      if (options.signal?.aborted) {
        run.cancelled = true;
        return;
      }
      run.requested++;
      try {
        const result = await checkOne(url, client, options.signal, now);
        run.results.set(url, result);
        await options.cache?.set(url, result, ttlFor(result, options.ttlMs ?? DEFAULT_LINK_TTL_MS));
        progress();
      } catch (error) {
        if (!isCancellation(error)) throw error;
        run.cancelled = true;
      }
    }),
  );
  await options.cache?.flush();
  if (options.signal?.aborted) run.cancelled = true;
  return run;
}

/** How long `result` is kept: nothing for 429/503, an hour at most for no answer or a 5xx. */
export function ttlFor(result: LinkResult, ttlMs: number): number {
  if (result.status === 429 || result.status === 503) return 0;
  if (result.failure !== undefined || (result.status ?? 0) >= 500) return Math.min(ttlMs, FAILURE_TTL_MS);
  return ttlMs;
}

/** `HEAD`, then `GET` where that answer is not to be trusted. Rejects only when cancelled. */
async function checkOne(
  url: string,
  client: HttpClient,
  signal: AbortSignal | undefined,
  now: () => number,
): Promise<LinkResult> {
  const head = await attempt(url, 'HEAD', client, signal, now);
  const retry =
    head.failure === 'reset' || head.failure === 'other' || (head.status !== undefined && RETRY_WITH_GET(head.status));
  if (!retry) return head;
  const get = await attempt(url, 'GET', client, signal, now);
  return get;
}

async function attempt(
  url: string,
  method: 'HEAD' | 'GET',
  client: HttpClient,
  signal: AbortSignal | undefined,
  now: () => number,
): Promise<LinkResult> {
  try {
    const answer = await client.fetch(url, { method, maxBodyBytes: 0, signal });
    return {
      url,
      checkedAt: now(),
      method,
      status: answer.response.status,
      statusText: answer.response.statusText,
      redirects: answer.redirects,
      finalUrl: answer.finalUrl,
      retries: answer.retries,
      ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
    };
  } catch (error) {
    if (isCancellation(error) || !(error instanceof NetError)) throw error;
    return {
      url,
      checkedAt: now(),
      method,
      failure: error.failure,
      ...(error.detail ? { failureDetail: error.detail } : {}),
      ...(Object.keys(error.data).length ? { failureData: error.data } : {}),
      redirects: [],
      finalUrl: url,
      retries: 0,
    };
  }
}
