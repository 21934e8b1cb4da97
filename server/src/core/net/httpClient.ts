/**
 * The one HTTP client of the product, over a transport (`http.ts`): the limits of a
 * `RequestLimiter` (in all and per host), a time limit per request, redirects followed by hand
 * (at most `maxRedirects`, each hop recorded, a loop stopped), `429`/`503` retried after their
 * `Retry-After` when that is short enough, cancellation, and a `User-Agent` that names the
 * product. Failures are `NetError`s that name the URL and the reason.
 *
 * Callers pick their limits: the link check runs 8 requests at once, 2 per host, 10 s each; the
 * paper lookup 1 per host, 5 s.
 */
import { hostKey, isHttpUrl, type HttpMethod, type HttpResponse, type HttpTransport } from './http';
import { NetError } from './netError';
import { RequestLimiter } from './requestLimiter';

export interface HttpClientOptions {
  /** Requests at once, in all. */
  maxConcurrent: number;
  /** Requests at once to one host (`host:port`). */
  maxPerHost: number;
  /** Time limit of one request (one hop), in milliseconds. */
  timeoutMs: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Retries of a `429`/`503` answer (default 1). */
  retries?: number;
  /** The longest `Retry-After` waited for, in milliseconds (default 10 s); a longer one is not waited for. */
  maxRetryWaitMs?: number;
  /** The wait before a retry when a `429`/`503` says nothing (default 1 s). */
  defaultRetryWaitMs?: number;
  /** Sent with every request. */
  userAgent: string;
  /** Waits; tests of the retry logic may pass a faster one. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface FetchOptions {
  method?: HttpMethod;
  /** Bytes of the final answer's body to read (default 0: none, the connection is closed after the headers). */
  maxBodyBytes?: number;
  /** Extra headers (names in any case). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** One redirect: the address that answered it, its status and where it pointed. */
export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

export interface FetchResult {
  /** The address asked for. */
  url: string;
  /** The address that gave the final answer (with the asked address's fragment when a redirect had none). */
  finalUrl: string;
  /** The final answer (not a redirect, unless a hop gave a 3xx without `Location`... which is a `badRedirect` failure). */
  response: HttpResponse;
  redirects: RedirectHop[];
  /** Retries made after `429`/`503`. */
  retries: number;
  /** The wait the final answer asked for (`Retry-After`), in milliseconds, when it had one. */
  retryAfterMs?: number;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
const RETRIED = new Set([429, 503]);

/** The default `Accept`: pages, documents and images, which is what posts link to. */
const ACCEPT = 'text/html,application/xhtml+xml,application/pdf;q=0.9,image/*;q=0.8,*/*;q=0.7';

export class HttpClient {
  readonly limiter: RequestLimiter;
  private readonly maxRedirects: number;
  private readonly retries: number;
  private readonly maxRetryWaitMs: number;
  private readonly defaultRetryWaitMs: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(
    private readonly transport: HttpTransport,
    readonly options: HttpClientOptions,
  ) {
    this.limiter = new RequestLimiter(options);
    this.maxRedirects = options.maxRedirects ?? 5;
    this.retries = options.retries ?? 1;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 10_000;
    this.defaultRetryWaitMs = options.defaultRetryWaitMs ?? 1000;
    this.sleep = options.sleep ?? sleep;
  }

  /** Fetches `url`, following redirects. Rejects with a `NetError` only. */
  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    if (!isHttpUrl(url)) throw new NetError('badUrl', url);
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept: ACCEPT };
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    const fragment = new URL(url).hash;
    const redirects: RedirectHop[] = [];
    const visited = new Set<string>([withoutFragment(url)]);
    let current = url;
    let retries = 0;
    for (;;) {
      const response = await this.send(current, method, headers, options.maxBodyBytes ?? 0, options.signal);
      if (RETRIED.has(response.status)) {
        const wait = retryAfterMs(response.headers['retry-after'], Date.now()) ?? this.defaultRetryWaitMs;
        if (retries < this.retries && wait <= this.maxRetryWaitMs) {
          retries++;
          // The host asked for a pause: no request of this client goes to it meanwhile.
          this.limiter.pause(hostKey(current), wait);
          await this.sleep(wait, options.signal).catch(() => {
            throw new NetError('cancelled', current);
          });
          continue;
        }
        const asked = retryAfterMs(response.headers['retry-after'], Date.now());
        return {
          url,
          finalUrl: current,
          response,
          redirects,
          retries,
          ...(asked !== undefined ? { retryAfterMs: asked } : {}),
        };
      }
      if (!REDIRECT.has(response.status)) {
        return { url, finalUrl: withFragment(current, fragment), response, redirects, retries };
      }
      const location = response.headers.location;
      let next: string | undefined;
      try {
        next = location ? new URL(location, current).href : undefined;
      } catch {
        next = undefined;
      }
      if (!next || !isHttpUrl(next))
        throw new NetError('badRedirect', current, location ? `Location: ${location}` : 'no Location');
      redirects.push({ url: current, status: response.status, location: next });
      if (visited.has(withoutFragment(next)))
        throw new NetError('redirectLoop', url, redirects.map((hop) => hop.url).join(' -> '));
      if (redirects.length > this.maxRedirects)
        throw new NetError('tooManyRedirects', url, undefined, { max: this.maxRedirects });
      visited.add(withoutFragment(next));
      current = next;
    }
  }

  /** One hop, inside the limits. */
  private async send(
    url: string,
    method: HttpMethod,
    headers: Record<string, string>,
    maxBodyBytes: number,
    signal: AbortSignal | undefined,
  ): Promise<HttpResponse> {
    const release = await this.limiter.acquire(hostKey(url), signal, url);
    try {
      return await this.transport.send({
        url: withoutFragment(url),
        method,
        headers,
        maxBodyBytes,
        timeoutMs: this.options.timeoutMs,
        signal,
      });
    } finally {
      release();
    }
  }
}

/**
 * A `Retry-After` value in milliseconds from `now`: seconds (`120`) or an HTTP date; undefined
 * when absent or unreadable. A date in the past is 0.
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function withoutFragment(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** Browsers keep the fragment of the address asked for when a redirect's target has none. */
function withFragment(url: string, fragment: string): string {
  return fragment && !url.includes('#') ? url + fragment : url;
}

/** Resolves after `ms`, or rejects when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
