/**
 * `test/jekyll/known-differences.md`: every place where the preview's outline still differs from
 * kramdown's, with its reason. The file is Markdown for people and a list for the suite: a `## `
 * heading names a post (`fixtures/<file>` or `corpus/<path under ../shared/corpus>`), and each
 * bullet under it is `` - `<outline path>`: <reason> ``. Any other `##` section is prose.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/paths';
import type { Hunk } from './outlineDiff';

export const KNOWN_DIFFERENCES = path.join(REPO_ROOT, 'test', 'jekyll', 'known-differences.md');

/** The listed differences: post -> outline path -> reason. */
export function readKnownDifferences(file = KNOWN_DIFFERENCES): Map<string, Map<string, string>> {
  const known = new Map<string, Map<string, string>>();
  let post: Map<string, string> | undefined;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.startsWith('## ')) {
      // A post's heading, or (any other `##`) a section of prose, whose bullets are not entries.
      const heading = /^## `?((?:fixtures|corpus)\/[^`]+?)`?\s*$/.exec(line);
      post = heading ? new Map() : undefined;
      if (heading) known.set(heading[1]!, post!);
      return;
    }
    const item = /^- `([^`]+)`: (.+)$/.exec(line);
    if (!item) return;
    if (!post)
      throw new Error(
        `${path.basename(file)}:${i + 1}: a difference outside a \`## fixtures/...\` or \`## corpus/...\` section`,
      );
    if (post.has(item[1]!)) throw new Error(`${path.basename(file)}:${i + 1}: ${item[1]} is listed twice`);
    post.set(item[1]!, item[2]!.trim());
  });
  return known;
}

/** One post's differences held against its list: each hunk not listed, and each listed one that is gone. */
export function unexplained(
  hunks: readonly Hunk[],
  listed: ReadonlyMap<string, string>,
): { unexpected: Hunk[]; gone: string[] } {
  return {
    unexpected: hunks.filter((h) => !listed.has(h.at)),
    gone: [...listed.keys()].filter((at) => !hunks.some((h) => h.at === at)),
  };
}
