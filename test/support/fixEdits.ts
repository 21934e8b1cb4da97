/**
 * Where a fix's edits land, for the tests that apply fixes and re-lint.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../server/src/core/text/edits';
import { LineIndex } from '../../server/src/core/text/lineIndex';

/** The lines of the edited text that hold text inserted by `edits`. */
export function insertedLines(text: string, edits: readonly TextEdit[]): Set<number> {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((edit) => ({ edit, start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) }))
    .sort((a, b) => a.start - b.start);
  const fixed = new LineIndex(applyEdits(text, edits));
  const out = new Set<number>();
  let delta = 0;
  for (const { edit, start, end } of sorted) {
    const leadingBreaks = /^[\r\n]*/.exec(edit.newText)![0].length;
    const trailingBreaks = /[\r\n]*$/.exec(edit.newText)![0].length;
    const from = fixed.lineAt(start + delta + leadingBreaks);
    const to = fixed.lineAt(start + delta + edit.newText.length - trailingBreaks);
    if (edit.newText.trim()) for (let line = from; line <= to; line++) out.add(line);
    delta += edit.newText.length - (end - start);
  }
  return out;
}
