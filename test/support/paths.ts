/**
 * Where things are, for tests. The real corpus lives beside the repository (`../shared/corpus`),
 * not in it: tests that read it skip, and say so, where it is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const CLI = path.join(REPO_ROOT, 'server', 'out', 'cli.js');
export const SERVER = path.join(REPO_ROOT, 'server', 'out', 'server.js');
/** The GitHub Action's committed bundle (`action.yml` runs it). */
export const ACTION_BUNDLE = path.join(REPO_ROOT, 'dist', 'action', 'index.js');

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(CORPUS, 'published'));
}

const warned = new Set<string>();

/** Skips the current test (or suite, from a `before` hook) when the corpus is absent, saying why. */
export function requireCorpus(context: Mocha.Context): void {
  if (corpusAvailable()) return;
  const title = context.currentTest?.fullTitle() ?? context.test?.parent?.fullTitle() ?? 'corpus tests';
  if (!warned.has(title)) {
    warned.add(title);
    console.log(
      `      (skipped: the real corpus ${CORPUS} is absent; these tests need ../shared/corpus beside the repository)`,
    );
  }
  context.skip();
}

/** Every post of the corpus: `published/*.md` and `drafts/<commit>/<name>`, as absolute paths. */
export function corpusPosts(): { published: string[]; drafts: string[] } {
  const list = (dir: string) =>
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => path.join(dir, name));
  const published = list(path.join(CORPUS, 'published'));
  const drafts = list(path.join(CORPUS, 'drafts')).flatMap((dir) => list(dir));
  return { published, drafts };
}
