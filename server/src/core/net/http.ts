/**
 * What the core asks of HTTP: one request, one answer, no redirect followed. The core never opens
 * a socket; the language server and the CLI pass a transport (`server/src/node/httpTransport.ts`),
 * and `HttpClient` (`httpClient.ts`) adds the limits, redirects and retries on top of it.
 */

export type HttpMethod = 'HEAD' | 'GET';

/** One request, as the transport sends it. */
export interface HttpRequest {
  /** An absolute http(s) URL; a fragment is not sent. */
  url: string;
  method: HttpMethod;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /**
   * How much of the body to read, in bytes. 0 reads none: the connection is closed once the
   * status and headers are in (a link check's GET). Past the limit the body is cut (`truncated`).
   */
  maxBodyBytes: number;
  /** The whole exchange (connect, status, headers and the body read) must end within this. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** One answer. */
export interface HttpResponse {
  /** The URL requested (not a redirect's target: the transport follows none). */
  url: string;
  status: number;
  /** The reason phrase the server sent (`Not Found`), maybe empty. */
  statusText: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body read (empty with `maxBodyBytes: 0`). */
  body: Uint8Array;
  /** The body was longer than `maxBodyBytes` and was cut there. */
  truncated: boolean;
}

/** Sends one request. Fails only with a `NetError` (see `netError.ts`). */
export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** The host part that limits and caches key on: the host name in lower case, with a port when one is given. */
export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** True for an absolute `http:` or `https:` URL that the URL parser accepts. */
export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
