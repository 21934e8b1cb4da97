/**
 * Where the tests find a Chromium to drive with playwright-core (which never downloads one here):
 * `CHROMIUM` when it is set (and then only there), else Debian's or Ubuntu's package, else an
 * installed Google Chrome or Chromium on macOS. `scripts/setup.ts` uses the same search, so what it
 * finds before the tests is what the tests run.
 */
import * as fs from 'node:fs';

/** The places searched when `CHROMIUM` is not set, in order. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The outcome of the search: the path to use, or why there is none. */
export type ChromiumSearch =
  | { readonly found: true; readonly path: string; readonly fromVariable: boolean }
  | { readonly found: false; readonly fromVariable: boolean; readonly searched: readonly string[] };

/** Searches for Chromium as described above; `env` and `exists` are parameters for the tests. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = fs.existsSync,
): ChromiumSearch {
  const asked = env.CHROMIUM;
  if (asked !== undefined && asked !== '') {
    return exists(asked)
      ? { found: true, path: asked, fromVariable: true }
      : { found: false, fromVariable: true, searched: [asked] };
  }
  const path = CHROMIUM_CANDIDATES.find((candidate) => exists(candidate));
  return path
    ? { found: true, path, fromVariable: false }
    : { found: false, fromVariable: false, searched: CHROMIUM_CANDIDATES };
}

/** The Chromium to run, or an error that says where it looked and what to do (`npm test` sets it up). */
export function chromiumOrThrow(env: NodeJS.ProcessEnv = process.env): string {
  const search = findChromium(env);
  if (search.found) return search.path;
  throw new Error(
    search.fromVariable
      ? `CHROMIUM=${search.searched[0]} does not exist: point it at a Chromium or Chrome, or unset it to use the system's.`
      : `No Chromium found (looked at ${search.searched.join(', ')}). \`npm test\` installs it on Debian/Ubuntu (scripts/setup.ts); or set CHROMIUM=/path/to/chrome.`,
  );
}
