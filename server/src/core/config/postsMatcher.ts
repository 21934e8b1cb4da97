/**
 * Which files are posts: the `posts` globs of the configuration (default
 * `**\/_posts/**\/*.{md,markdown}`), matched against a file's path relative to the workspace folder
 * that holds it, and against its absolute path (so `**\/...` patterns work outside any folder).
 */
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

function matcherOf(patterns: readonly string[]): (path: string) => boolean {
  const key = patterns.join('\u0000');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = patterns.length ? picomatch([...patterns], { dot: true }) : () => false;
    if (matchers.size > 64) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}

/**
 * True when `path` (a core path: absolute, `/`-separated) is a post under `patterns`. `roots` are
 * the workspace folders' core paths.
 */
export function isPostPath(path: string, patterns: readonly string[], roots: readonly string[] = []): boolean {
  const matches = matcherOf(patterns);
  if (matches(path)) return true;
  for (const root of roots) {
    const prefix = root.endsWith('/') ? root : `${root}/`;
    if (path.startsWith(prefix) && matches(path.slice(prefix.length))) return true;
  }
  return false;
}
