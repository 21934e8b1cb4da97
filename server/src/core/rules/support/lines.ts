/**
 * Edits that add or remove whole lines of the body, keeping the post's line breaks.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Post } from '../../model';
import { lineBreak } from './frontMatter';

/** Inserts `text` as a new line after `line`. */
export function insertLineAfter(post: Post, line: number, text: string): TextEdit {
  const at = post.lines.positionAt(post.lines.lineEnd(line));
  return { range: { start: at, end: at }, newText: lineBreak(post) + text };
}

/** Removes lines `first` to `last` (inclusive) with their line breaks. */
export function removeLines(post: Post, first: number, last: number): TextEdit {
  const start = { line: first, character: 0 };
  if (last + 1 < post.lines.lineCount) return { range: { start, end: { line: last + 1, character: 0 } }, newText: '' };
  // The last lines of the text: remove the line break before them instead.
  const from = first > 0 ? post.lines.positionAt(post.lines.lineEnd(first - 1)) : start;
  return { range: { start: from, end: post.lines.positionAt(post.lines.lineEnd(last)) }, newText: '' };
}

/** The leading spaces of `line`. */
export function indentOf(post: Post, line: number): string {
  return /^[ \t]*/.exec(post.lines.lineText(line))![0];
}
