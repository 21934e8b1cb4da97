/**
 * The core's `CacheStore` as one JSON file per namespace in a folder (`links.json`). Writes are
 * atomic (a temporary file renamed over the old one) and merge what another process saved
 * meanwhile (the newer entry of a key wins). A file that cannot be read, is not JSON, is of
 * another shape or is larger than the size bound counts as empty; the next save replaces it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CacheEntry, CacheStore } from '../core/net/resultCache';

/** Saved files larger than this are not read (and are replaced on the next save). */
export const MAX_CACHE_FILE_BYTES = 16 * 1024 * 1024;
const FORMAT = 1;

export class JsonFileCacheStore implements CacheStore {
  constructor(
    readonly folder: string,
    /** Told (once per problem) when a file cannot be read or written; the cache goes on without it. */
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {}

  /** The file of `namespace`. */
  fileOf(namespace: string): string {
    return path.join(this.folder, `${namespace.replace(/[^a-z0-9-]/gi, '_')}.json`);
  }

  async load(namespace: string): Promise<Record<string, CacheEntry>> {
    return this.read(this.fileOf(namespace), true);
  }

  async save(
    namespace: string,
    entries: Record<string, CacheEntry>,
    bounds: { now: number; maxEntries: number },
  ): Promise<void> {
    const file = this.fileOf(namespace);
    const merged = { ...(await this.read(file, false)) };
    for (const [key, entry] of Object.entries(entries)) {
      const other = merged[key];
      if (!other || other.storedAt <= entry.storedAt) merged[key] = entry;
    }
    const kept = Object.entries(merged)
      .filter(
        ([, entry]) =>
          typeof entry?.expiresAt === 'number' && entry.expiresAt > bounds.now && typeof entry.storedAt === 'number',
      )
      .sort(([, a], [, b]) => b.storedAt - a.storedAt)
      .slice(0, bounds.maxEntries);
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await fs.promises.mkdir(this.folder, { recursive: true });
      await fs.promises.writeFile(temporary, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(kept) }));
      await fs.promises.rename(temporary, file);
    } catch (error) {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      this.onProblem(`cannot write the cache ${file}: ${(error as Error).message}`);
    }
  }

  async clear(namespace: string): Promise<void> {
    await fs.promises
      .rm(this.fileOf(namespace), { force: true })
      .catch((error: Error) => this.onProblem(`cannot remove the cache: ${error.message}`));
  }

  private async read(file: string, say: boolean): Promise<Record<string, CacheEntry>> {
    let text: string;
    try {
      const stat = await fs.promises.stat(file);
      if (stat.size > MAX_CACHE_FILE_BYTES) {
        if (say) this.onProblem(`the cache ${file} is larger than ${MAX_CACHE_FILE_BYTES} bytes; starting a new one`);
        return {};
      }
      text = await fs.promises.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && say)
        this.onProblem(`cannot read the cache ${file}: ${(error as Error).message}`);
      return {};
    }
    try {
      const data = JSON.parse(text) as { format?: unknown; entries?: unknown };
      if (
        data?.format !== FORMAT ||
        typeof data.entries !== 'object' ||
        data.entries === null ||
        Array.isArray(data.entries)
      )
        throw new Error('not a cache file');
      return data.entries as Record<string, CacheEntry>;
    } catch (error) {
      if (say) this.onProblem(`the cache ${file} is unreadable (${(error as Error).message}); starting a new one`);
      return {};
    }
  }
}

/**
 * The folder of the CLI's caches by default: `$XDG_CACHE_HOME/seminar-posts` (or
 * `~/.cache/seminar-posts`) on Linux, `~/Library/Caches/seminar-posts` on macOS,
 * `%LOCALAPPDATA%\seminar-posts\Cache` on Windows.
 */
export function defaultCacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'seminar-posts', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'seminar-posts');
  return path.join(
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache'),
    'seminar-posts',
  );
}
