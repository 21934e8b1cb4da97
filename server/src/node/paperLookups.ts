/**
 * The paper lookup, made the one way for the language server and the CLI: the product's HTTP
 * client with the lookup's limits (5 s, one request per host at a time), a result cache in
 * memory and, given a folder, on disk, and the endpoint bases from the settings, the environment
 * (`SEMINAR_POSTS_ARXIV_API`, `SEMINAR_POSTS_DOI_API`) or the defaults.
 */
import { resolveEndpoint } from '../core/net/endpoints';
import type { HttpTransport } from '../core/net/http';
import { ResultCache } from '../core/net/resultCache';
import { isPaperMetadata, type PaperMetadata } from '../core/paper/paperMetadata';
import { PAPER_CACHE_NAMESPACE, PAPER_ENDPOINTS, PAPER_LOOKUP_LIMITS, PaperLookup } from '../core/paper/paperLookup';
import { createHttpClient } from './httpClients';
import { JsonFileCacheStore } from './jsonFileCacheStore';

export interface PaperLookupSetup {
  /** The folder of the disk cache; none keeps results in memory only. */
  cacheFolder?: string | undefined;
  /** Endpoint bases from the settings (`seminarPosts.endpoints.*`), read at each request. */
  settings?: () => { arxiv?: unknown; doi?: unknown } | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Told of a bad endpoint value or an unusable cache file (once each). */
  onProblem?: (message: string) => void;
  /** Tests only: a shorter time limit, another transport. */
  timeoutMs?: number;
  transport?: HttpTransport;
}

/** A paper lookup with the product's limits, cache and endpoints. */
export function createPaperLookup(setup: PaperLookupSetup): PaperLookup {
  const problems = new Set<string>();
  const say = (message: string) => {
    if (problems.has(message)) return;
    problems.add(message);
    setup.onProblem?.(message);
  };
  const endpoint = (key: keyof typeof PAPER_ENDPOINTS) => {
    const resolved = resolveEndpoint(PAPER_ENDPOINTS[key], setup.settings?.()?.[key], setup.env);
    resolved.problems.forEach(say);
    return resolved.base;
  };
  const store = setup.cacheFolder ? new JsonFileCacheStore(setup.cacheFolder, say) : undefined;
  const cache = new ResultCache<PaperMetadata>(PAPER_CACHE_NAMESPACE, store, {
    maxEntries: 5000,
    isValue: isPaperMetadata,
  });
  const client = createHttpClient(
    { ...PAPER_LOOKUP_LIMITS, ...(setup.timeoutMs ? { timeoutMs: setup.timeoutMs } : {}) },
    setup.transport,
  );
  return new PaperLookup({ client, cache, endpoints: () => ({ arxiv: endpoint('arxiv'), doi: endpoint('doi') }) });
}
