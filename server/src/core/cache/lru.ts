/**
 * The one least-recently-used map of the core. Every cache of the post service is one of these
 * (the parser's chunks and front matters, the last parse of each document, the preview's rendered
 * chunks and typeset formulas, the `posts` glob matchers), each bounded by a weight: characters
 * for text, entries for the rest. Caches are owned by a post service (`service/postService.ts`),
 * never module globals, so that a throwaway parse never fills the keystroke cache and two services
 * (a test's and the server's) never share one.
 */

/** How an entry counts against the bound: its characters, or 1 per entry (the default). */
export type Weigh<K, V> = (key: K, value: V) => number;

export interface LruOptions<K, V> {
  /** The bound: entries past it are dropped, least recently used first. */
  maxWeight: number;
  weigh?: Weigh<K, V>;
  /**
   * Entries heavier than this are not kept at all (default a quarter of `maxWeight`): one huge
   * entry would push out everything else.
   */
  maxEntryWeight?: number;
}

/** A least-recently-used map bounded by the total weight of its entries. */
export class Lru<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;
  private readonly weigh: Weigh<K, V>;
  private readonly maxWeight: number;
  private readonly maxEntryWeight: number;

  constructor(options: LruOptions<K, V>) {
    this.maxWeight = options.maxWeight;
    this.weigh = options.weigh ?? (() => 1);
    this.maxEntryWeight = options.maxEntryWeight ?? options.maxWeight / 4;
  }

  /** The value of `key`, made the most recently used; undefined when it is not kept. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** True when `key` is kept (without changing its place). */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /**
   * Keeps `value` under `key` as the most recently used entry, replacing a value kept before. (To
   * refresh a long string key, pass the very string stored: V8 keeps its hash.)
   */
  set(key: K, value: V): void {
    const weight = this.weigh(key, value);
    const known = this.entries.get(key);
    if (known !== undefined) {
      this.entries.delete(key);
      this.total -= known.weight;
    }
    if (weight > this.maxEntryWeight) return;
    this.entries.set(key, { value, weight });
    this.total += weight;
    if (this.total <= this.maxWeight) return;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }

  delete(key: K): void {
    const known = this.entries.get(key);
    if (known === undefined) return;
    this.entries.delete(key);
    this.total -= known.weight;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** Entries kept. */
  get size(): number {
    return this.entries.size;
  }

  /** Their total weight. */
  get weight(): number {
    return this.total;
  }
}
