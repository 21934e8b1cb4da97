/**
 * Looks a paper link up: the source it names (`paperSource.ts`), one request through the
 * product's HTTP client (5 s, one request per host at a time), the answer parsed, the result kept
 * per URL in a `ResultCache` (memory, and the disk store the caller gives). Only what a person asked
 * for is fetched: completion reads {@link PaperLookup.cached}, which never touches the network.
 * A failure is a {@link PaperLookupError} naming the URL and the reason, in English and Korean.
 */
import type { Locale } from '../engine/messages';
import { formatMessage } from '../engine/messages';
import type { EndpointDefinition } from '../net/endpoints';
import type { HttpClient } from '../net/httpClient';
import { describeNetFailure, NetError } from '../net/netError';
import type { ResultCache } from '../net/resultCache';
import type { PaperMetadata } from './paperMetadata';
import { paperSourceOf, type PaperSource } from './paperSource';
import { parseArxivAtom, type ParseFailure } from './parseArxivAtom';
import { parseCslJson } from './parseCslJson';
import { parseHighwireMeta } from './parseHighwireMeta';

/** The services asked, each settable (setting, then environment variable, then the default). */
export const PAPER_ENDPOINTS = {
  arxiv: {
    name: 'arXiv API',
    defaultBase: 'https://export.arxiv.org/api',
    envVar: 'SEMINAR_POSTS_ARXIV_API',
    setting: 'seminarPosts.endpoints.arxiv',
  },
  doi: {
    name: 'DOI resolver',
    defaultBase: 'https://doi.org',
    envVar: 'SEMINAR_POSTS_DOI_API',
    setting: 'seminarPosts.endpoints.doi',
  },
} as const satisfies Record<string, EndpointDefinition>;

/** The paper lookup's limits: one request per host at a time, 5 s each. */
export const PAPER_LOOKUP_LIMITS = {
  maxConcurrent: 4,
  maxPerHost: 1,
  timeoutMs: 5000,
  maxRedirects: 5,
  retries: 0,
} as const;

/** How long a looked-up paper is kept: metadata does not change. */
export const PAPER_CACHE_TTL_MS = 30 * 24 * 3600 * 1000;
/** The cache namespace (`papers.json` in the cache folder). */
export const PAPER_CACHE_NAMESPACE = 'papers';

/** The most of an answer read: a page's head is near its start. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type LookupFailure =
  'unsupported' | 'network' | 'notFound' | 'status' | 'malformed' | 'noMetadata' | 'cancelled';

const REASONS: Record<Exclude<LookupFailure, 'network'>, { en: string; ko: string }> = {
  unsupported: { en: 'not an http(s) address', ko: 'http(s) 주소가 아닙니다' },
  notFound: { en: 'the server answered {status} (not found)', ko: '서버가 {status}(없음)로 응답했습니다' },
  status: { en: 'the server answered {status}', ko: '서버가 {status}(으)로 응답했습니다' },
  malformed: { en: 'the answer could not be read: {detail}', ko: '응답을 읽을 수 없습니다: {detail}' },
  noMetadata: { en: 'no title or authors found: {detail}', ko: '제목이나 저자를 찾지 못했습니다: {detail}' },
  cancelled: { en: 'cancelled', ko: '취소되었습니다' },
};

/** Why a paper link gave no metadata. */
export class PaperLookupError extends Error {
  constructor(
    readonly failure: LookupFailure,
    /** The paper link (what the post says). */
    readonly url: string,
    /** The address asked, when it is not the link (the arXiv API, doi.org). */
    readonly asked: string | undefined,
    private readonly data: Record<string, string | number> = {},
    readonly net?: NetError,
  ) {
    super('');
    this.name = 'PaperLookupError';
    this.message = this.describe('en');
  }

  /** `Could not read the paper at <url>: <reason>`, in `locale`. */
  describe(locale: Locale): string {
    const reason = this.net
      ? `${describeNetFailure(this.net.failure, locale, this.net.data)}${this.net.detail ? ` (${this.net.detail})` : ''}`
      : formatMessage(REASONS[this.failure as Exclude<LookupFailure, 'network'>], locale, this.data);
    const via = this.asked && this.asked !== this.url ? ` (${this.asked})` : '';
    return formatMessage(
      {
        en: 'Could not read the paper at {url}{via}: {reason}',
        ko: '{url}{via}에서 논문 정보를 읽지 못했습니다: {reason}',
      },
      locale,
      { url: this.url, via, reason },
    );
  }
}

export interface PaperLookupOptions {
  client: HttpClient;
  cache: ResultCache<PaperMetadata>;
  /** Base URLs of the arXiv API and the DOI resolver (without a trailing slash), read at each request. */
  endpoints: () => { arxiv: string; doi: string };
}

export class PaperLookup {
  /** Lookups under way, per URL: a second ask for the same link waits for the first. */
  private readonly pending = new Map<string, Promise<PaperMetadata>>();

  constructor(private readonly options: PaperLookupOptions) {}

  /** The kept metadata of `url`, from memory or disk; never a request. */
  cached(url: string): Promise<PaperMetadata | undefined> {
    return this.options.cache.get(url.trim());
  }

  /** The metadata of the paper at `url`: kept, or fetched now. Rejects with a {@link PaperLookupError}. */
  lookup(url: string, signal?: AbortSignal): Promise<PaperMetadata> {
    const key = url.trim();
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fetchAndKeep(key, signal).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  /** Writes the kept results to the store. */
  flush(): Promise<void> {
    return this.options.cache.flush();
  }

  private async fetchAndKeep(url: string, signal: AbortSignal | undefined): Promise<PaperMetadata> {
    const kept = await this.options.cache.get(url);
    if (kept) return kept;
    const source = paperSourceOf(url);
    if (!source) throw new PaperLookupError('unsupported', url, undefined);
    const meta = await this.fetch(url, source, signal);
    await this.options.cache.set(url, meta, PAPER_CACHE_TTL_MS);
    return meta;
  }

  private async fetch(url: string, source: PaperSource, signal: AbortSignal | undefined): Promise<PaperMetadata> {
    const { client } = this.options;
    const endpoints = this.options.endpoints();
    const request =
      source.kind === 'arxiv'
        ? {
            asked: `${endpoints.arxiv}/query?id_list=${encodeURIComponent(source.id + (source.version ?? ''))}&max_results=1`,
            accept: 'application/atom+xml',
          }
        : source.kind === 'doi'
          ? {
              asked: `${endpoints.doi}/${source.doi.split('/').map(encodeURIComponent).join('/')}`,
              accept: 'application/vnd.citationstyles.csl+json',
            }
          : { asked: source.url, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' };
    let body: string;
    let contentType: string;
    try {
      const result = await client.fetch(request.asked, {
        method: 'GET',
        maxBodyBytes: MAX_BODY_BYTES,
        headers: { accept: request.accept },
        signal,
      });
      const { status } = result.response;
      if (status === 404 || status === 410) throw new PaperLookupError('notFound', url, request.asked, { status });
      if (status < 200 || status >= 300)
        throw new PaperLookupError('status', url, request.asked, {
          status: `${status}${result.response.statusText ? ` ${result.response.statusText}` : ''}`,
        });
      body = new TextDecoder('utf-8').decode(result.response.body);
      contentType = result.response.headers['content-type'] ?? '';
    } catch (error) {
      if (error instanceof PaperLookupError) throw error;
      if (error instanceof NetError)
        throw new PaperLookupError(
          error.failure === 'cancelled' ? 'cancelled' : 'network',
          url,
          request.asked,
          {},
          error.failure === 'cancelled' ? undefined : error,
        );
      throw error;
    }
    if (source.kind === 'page' && /application\/pdf/i.test(contentType)) {
      throw new PaperLookupError('noMetadata', url, request.asked, {
        detail: 'the address is a PDF, not a page with citation tags',
      });
    }
    const parsed: PaperMetadata | ParseFailure =
      source.kind === 'arxiv'
        ? parseArxivAtom(body, source.id)
        : source.kind === 'doi'
          ? parseCslJson(body)
          : parseHighwireMeta(body);
    if ('failure' in parsed) throw new PaperLookupError(parsed.failure, url, request.asked, { detail: parsed.detail });
    return parsed;
  }
}
