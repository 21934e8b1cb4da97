/**
 * Where the benchmarks find things: the repository, the bundled server and the real corpus
 * beside the repository (`../shared/corpus`, absent on some machines).
 */
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');

/** The largest published post: the typing and preview figures use it when it is there. */
export const LARGEST_PUBLISHED_POST = path.resolve(
  REPO_ROOT,
  '..',
  'shared',
  'corpus',
  'published',
  '2020-07-02-3rd_quarter.md',
);
