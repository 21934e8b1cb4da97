/**
 * Results of network requests, kept per key (a URL) for a time: in memory, and in a store that
 * outlives the process (VS Code's global storage for the extension, a cache folder for the CLI;
 * `server/src/node/jsonFileCacheStore.ts`). One namespace per kind of result (`links`, `papers`),
 * so that each is loaded, bounded and dropped on its own. Pure: the store is an interface.
 */

/** One kept result. Times are milliseconds since 1970. */
export interface CacheEntry<T = unknown> {
  value: T;
  storedAt: number;
  expiresAt: number;
}

/** Where a namespace's entries live between runs. */
export interface CacheStore {
  /** The entries saved for `namespace` (none when there are none, or the saved ones are unreadable). */
  load(namespace: string): Promise<Record<string, CacheEntry>>;
  /**
   * Saves `entries` for `namespace`, merged with what another process saved meanwhile (the newer
   * entry of a key wins), without entries expired at `bounds.now`, and at most `bounds.maxEntries`
   * of them (the newest).
   */
  save(
    namespace: string,
    entries: Record<string, CacheEntry>,
    bounds: { now: number; maxEntries: number },
  ): Promise<void>;
  /** Drops everything saved for `namespace`. */
  clear(namespace: string): Promise<void>;
}

export interface ResultCacheOptions<T> {
  /** The most entries kept (the oldest go first). */
  maxEntries: number;
  /** True for a value of the right shape: anything else read from the store is ignored. */
  isValue: (value: unknown) => value is T;
  now?: () => number;
}

export class ResultCache<T> {
  private entries: Map<string, CacheEntry<T>> | undefined;
  private loading: Promise<Map<string, CacheEntry<T>>> | undefined;
  private dirty = false;
  private readonly now: () => number;

  constructor(
    readonly namespace: string,
    /** Without a store the cache lives in memory only. */
    private readonly store: CacheStore | undefined,
    private readonly options: ResultCacheOptions<T>,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The value kept for `key`, while it is fresh. */
  async get(key: string): Promise<T | undefined> {
    const entry = (await this.load()).get(key);
    return entry && entry.expiresAt > this.now() ? entry.value : undefined;
  }

  /** Keeps `value` for `key` for `ttlMs` (nothing is kept for a TTL of 0 or less). */
  async set(key: string, value: T, ttlMs: number): Promise<void> {
    const entries = await this.load();
    if (ttlMs <= 0) {
      if (entries.delete(key)) this.dirty = true;
      return;
    }
    const now = this.now();
    // Re-inserted at the end: the map's order is the order entries were stored in.
    entries.delete(key);
    entries.set(key, { value, storedAt: now, expiresAt: now + ttlMs });
    this.dirty = true;
    this.trim(entries);
  }

  /** Forgets every entry, here and in the store. */
  async clear(): Promise<void> {
    this.entries = new Map();
    this.loading = undefined;
    this.dirty = false;
    await this.store?.clear(this.namespace);
  }

  /** Writes the entries to the store, without the expired ones, when something changed. */
  async flush(): Promise<void> {
    if (!this.store || !this.dirty || !this.entries) return;
    this.dirty = false;
    const now = this.now();
    const out: Record<string, CacheEntry> = {};
    for (const [key, entry] of this.entries) if (entry.expiresAt > now) out[key] = entry;
    await this.store.save(this.namespace, out, { now, maxEntries: this.options.maxEntries });
  }

  /** Entries held now (fresh or not), for tests and the log. */
  async size(): Promise<number> {
    return (await this.load()).size;
  }

  private load(): Promise<Map<string, CacheEntry<T>>> {
    if (this.entries) return Promise.resolve(this.entries);
    this.loading ??= (async () => {
      const entries = new Map<string, CacheEntry<T>>();
      const saved = this.store ? await this.store.load(this.namespace).catch(() => ({})) : {};
      const now = this.now();
      const fresh = Object.entries(saved as Record<string, unknown>)
        .filter(
          (pair): pair is [string, CacheEntry] =>
            isEntry(pair[1]) && pair[1].expiresAt > now && this.options.isValue(pair[1].value),
        )
        .sort(([, a], [, b]) => a.storedAt - b.storedAt);
      for (const [key, entry] of fresh) entries.set(key, entry as CacheEntry<T>);
      this.trim(entries);
      // What was set while loading wins over what was saved.
      if (this.entries) for (const [key, entry] of this.entries) entries.set(key, entry);
      this.entries = entries;
      return entries;
    })();
    return this.loading;
  }

  private trim(entries: Map<string, CacheEntry<T>>): void {
    for (const key of entries.keys()) {
      if (entries.size <= this.options.maxEntries) break;
      entries.delete(key);
      this.dirty = true;
    }
  }
}

function isEntry(value: unknown): value is CacheEntry {
  const e = value as Partial<CacheEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.storedAt === 'number' &&
    typeof e.expiresAt === 'number' &&
    'value' in e
  );
}
