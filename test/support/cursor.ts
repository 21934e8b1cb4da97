/**
 * Documents written inline with a `$$CURSOR$$` marker, for feature tests: the text without the
 * marker, and the marker's LSP position.
 */
import type { Position } from 'vscode-languageserver-types';
import type { Post } from '../../server/src/core/model';
import { parsePost } from '../../server/src/core/parse/parsePost';

export const CURSOR = '$$CURSOR$$';

/** Parses `text` as the post `fileName` (in `/site/_posts/`), with the cursor where the marker was. */
export function postWithCursor(
  text: string,
  fileName = '2020-04-02-2nd_quarter.md',
  version = 1,
): { post: Post; position: Position } {
  const at = text.indexOf(CURSOR);
  if (at < 0) throw new Error('the text has no $$CURSOR$$ marker');
  const clean = text.slice(0, at) + text.slice(at + CURSOR.length);
  const before = clean.slice(0, at).split('\n');
  return {
    post: parsePost(clean, `file:///site/_posts/${fileName}`, version),
    position: { line: before.length - 1, character: before[before.length - 1]!.length },
  };
}
