/**
 * Which files are posts: the `posts` globs of the configuration (default
 * `**\/_posts/**\/*.{md,markdown}`), matched against a file's path relative to the workspace folder
 * that holds it, and against its absolute path (so `**\/...` patterns work outside any folder).
 * This is the one place that decides it: the language server answers the editor with it (the
 * client selects every Markdown file and asks), and the workspace index reads only what it selects.
 */
import picomatch from 'picomatch';
import { Lru } from '../cache/lru';

/** The `posts` globs, compiled once per list of patterns (a post service keeps one). */
export class PostsMatcher {
  private readonly compiled = new Lru<string, (path: string) => boolean>({ maxWeight: 64, maxEntryWeight: 1 });

  /**
   * True when `path` (a core path: absolute, `/`-separated) is a post under `patterns`. `roots`
   * are the workspace folders' core paths.
   */
  isPost(path: string, patterns: readonly string[], roots: readonly string[] = []): boolean {
    const matches = this.matcherOf(patterns);
    if (matches(path)) return true;
    for (const root of roots) {
      const prefix = root.endsWith('/') ? root : `${root}/`;
      if (path.startsWith(prefix) && matches(path.slice(prefix.length))) return true;
    }
    return false;
  }

  private matcherOf(patterns: readonly string[]): (path: string) => boolean {
    const key = patterns.join('\u0000');
    let matcher = this.compiled.get(key);
    if (!matcher) {
      matcher = patterns.length ? picomatch([...patterns], { dot: true }) : () => false;
      this.compiled.set(key, matcher);
    }
    return matcher;
  }
}
