/**
 * Applying LSP text edits to a string: how fixes reach a file in the CLI and in tests. The editor
 * applies them itself.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { comparePositions, LineIndex } from './lineIndex';

/** Two edits that touch the same text. */
export class OverlappingEditsError extends Error {}

/**
 * Applies `edits` (positions into `text`) all at once. Edits must not overlap; two insertions at
 * the same place keep their order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[], lines = new LineIndex(text)): string {
  const sorted = edits
    .map((edit, order) => ({
      edit,
      order,
      start: lines.offsetAt(edit.range.start),
      end: lines.offsetAt(edit.range.end),
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let at = 0;
  for (const { edit, start, end } of sorted) {
    if (start < at)
      throw new OverlappingEditsError(`edits overlap at ${edit.range.start.line}:${edit.range.start.character}`);
    out += text.slice(at, start) + edit.newText;
    at = end;
  }
  return out + text.slice(at);
}

/** True when the two edits' ranges share text (touching ends do not count). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  const [first, second] = comparePositions(a.range.start, b.range.start) <= 0 ? [a, b] : [b, a];
  return comparePositions(second.range.start, first.range.end) < 0;
}
