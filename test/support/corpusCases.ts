/**
 * The real posts (`../shared/corpus`) as property-test cases: read at test time, never copied
 * into the repository. Empty where the corpus is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusAvailable, corpusPosts } from './paths';
import type { PostCase } from './postArbitraries';

/** Every published post and draft, with its file name. */
export function corpusCases(): PostCase[] {
  if (!corpusAvailable()) return [];
  const { published, drafts } = corpusPosts();
  return [...published, ...drafts].map((file) => ({
    text: fs.readFileSync(file, 'utf8'),
    fileName: path.basename(file),
  }));
}
