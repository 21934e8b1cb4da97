/**
 * `test/jekyll/known-differences.md`: every place where the preview's outline still differs from
 * kramdown's, with its reason. The file is Markdown for people and a list for the suite: a `## `
 * heading names a post (`fixtures/<file>` or `corpus/<path under ../shared/corpus>`), and each
 * bullet under it is `` - `<outline path>`: <reason> ``.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/paths';

export const KNOWN_DIFFERENCES = path.join(REPO_ROOT, 'test', 'jekyll', 'known-differences.md');

/** The listed differences: post -> outline path -> reason. */
export function readKnownDifferences(file = KNOWN_DIFFERENCES): Map<string, Map<string, string>> {
  const known = new Map<string, Map<string, string>>();
  let post: Map<string, string> | undefined;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const heading = /^## `?([^`]+?)`?\s*$/.exec(line);
    if (heading) {
      post = new Map();
      known.set(heading[1]!, post);
      return;
    }
    const item = /^- `([^`]+)`: (.+)$/.exec(line);
    if (!item) return;
    if (!post) throw new Error(`${path.basename(file)}:${i + 1}: a difference before any \`## post\` heading`);
    if (post.has(item[1]!)) throw new Error(`${path.basename(file)}:${i + 1}: ${item[1]} is listed twice`);
    post.set(item[1]!, item[2]!.trim());
  });
  return known;
}
