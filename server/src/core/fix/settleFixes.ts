/**
 * "Fix all", once for every face of the product: the CLI's `--fix` and `--fix-dry-run`, the
 * editor's Fix All (`source.fixAll.seminarPosts`, on request or on save). It applies the safe fixes
 * of a post's diagnostics, lints the result, and repeats until no safe fix is left (fixes enable
 * fixes: a Markdown image made a `<p>` block, then its address taken as `image_url`), so that fixing
 * twice gives what fixing once gave.
 *
 * The policy, decided here and nowhere else:
 *
 * - Only safe fixes that are not snippets (a snippet leaves placeholders for a person to fill).
 * - Each diagnostic gets at most one fix per pass: the first of its fixes that can be taken. A fix
 *   is taken whole (all its edits) or not at all. Diagnostics are visited in their order (by
 *   position, then rule id), so the same post always gives the same text.
 * - A fix cannot be taken when one of its edits overlaps an edit already taken (they share text),
 *   or when the two meet at a point where one of them inserts text (two insertions at one point,
 *   or an insertion at the edge of a replacement): which text comes first would be a guess. It
 *   waits for the next pass, which lints the new text and offers it again if it still applies.
 * - A fix that renames the file is taken only with `renames` (the CLI; the editor's Fix All runs
 *   unattended on save and never renames), and at most one rename in a whole run.
 * - At most {@link MAX_PASSES} passes; `settled` says whether the last pass found nothing left.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticData, Fix } from '../engine/rule';
import { applyEdits } from '../text/edits';
import { comparePositions, type LineIndex } from '../text/lineIndex';

/** Fixes can enable other fixes (a moved link, then its encoded spaces); this bounds the passes. */
export const MAX_PASSES = 10;

/** How the fixes of one run are chosen. */
export interface SettleOptions {
  /** Take a safe fix that renames the file (at most one per run). */
  renames: boolean;
}

/** The diagnostics of a text, as the post `fileName` in the same folder; `lines` indexes `text`. */
export type LintCandidate = (
  text: string,
  fileName: string,
) => { diagnostics: readonly Diagnostic[]; lines?: LineIndex };

/** What a run of "fix all" gives. */
export interface SettledFixes {
  text: string;
  /** The post's base name after a rename fix (or the same name). */
  fileName: string;
  /** Fixes applied, over all passes. */
  applied: number;
  /** Passes that applied fixes. */
  passes: number;
  /** The last pass found no fix left to apply (false when the pass limit stopped the run). */
  settled: boolean;
  /** The diagnostics of the first pass whose fixes were applied. */
  fixedFirst: Diagnostic[];
  /** The diagnostics of the text as fixed (under `fileName`). */
  diagnostics: readonly Diagnostic[];
}

/** Applies the safe fixes of `text` (the post `fileName`) pass after pass, as the policy above says. */
export function settleFixes(text: string, fileName: string, lint: LintCandidate, options: SettleOptions): SettledFixes {
  const result: SettledFixes = {
    text,
    fileName,
    applied: 0,
    passes: 0,
    settled: false,
    fixedFirst: [],
    diagnostics: [],
  };
  let renamed = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { diagnostics, lines } = lint(result.text, result.fileName);
    result.diagnostics = diagnostics;
    const chosen = chooseFixes(diagnostics, { renames: options.renames && !renamed });
    const next = chosen.edits.length ? applyEdits(result.text, chosen.edits, lines) : result.text;
    const nextName = chosen.rename ?? result.fileName;
    if (next === result.text && nextName === result.fileName) {
      result.settled = true;
      return result;
    }
    if (pass === 0) result.fixedFirst = chosen.fixed;
    if (chosen.rename !== undefined) renamed = true;
    result.text = next;
    result.fileName = nextName;
    result.applied += chosen.fixed.length;
    result.passes++;
  }
  // The limit stopped the run: settled only if nothing is left after the last pass.
  const { diagnostics } = lint(result.text, result.fileName);
  result.diagnostics = diagnostics;
  result.settled = chooseFixes(diagnostics, { renames: options.renames && !renamed }).fixed.length === 0;
  return result;
}

/** The fixes of one pass: the edits to apply together, the rename, and the diagnostics they fix. */
export interface ChosenFixes {
  edits: TextEdit[];
  rename: string | undefined;
  fixed: Diagnostic[];
}

/** Chooses the fixes of one pass over `diagnostics`, as the policy above says. */
export function chooseFixes(diagnostics: readonly Diagnostic[], options: SettleOptions): ChosenFixes {
  const chosen: ChosenFixes = { edits: [], rename: undefined, fixed: [] };
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    const fix = data?.fixes?.find((candidate) => canTake(candidate, chosen, options));
    if (!fix) continue;
    chosen.edits.push(...fix.edits);
    if (fix.rename !== undefined) chosen.rename = fix.rename;
    chosen.fixed.push(diagnostic);
  }
  return chosen;
}

function canTake(fix: Fix, chosen: ChosenFixes, options: SettleOptions): boolean {
  if (!fix.safe || fix.snippet) return false;
  if (fix.rename !== undefined && (!options.renames || chosen.rename !== undefined)) return false;
  if (fix.edits.length === 0 && fix.rename === undefined) return false;
  return !fix.edits.some((edit) => chosen.edits.some((taken) => editsConflict(edit, taken)));
}

/**
 * Two edits that cannot be applied together: they share text, or they meet at a point where one
 * of them inserts (an empty range), so that the order of their texts would be a guess.
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  const [first, second] = comparePositions(a.range.start, b.range.start) <= 0 ? [a, b] : [b, a];
  const gap = comparePositions(second.range.start, first.range.end);
  if (gap < 0) return true;
  if (gap > 0) return false;
  // They touch at one point: fine between two replacements, a guess when one inserts there.
  return isInsertion(first) || isInsertion(second);
}

function isInsertion(edit: TextEdit): boolean {
  return comparePositions(edit.range.start, edit.range.end) === 0;
}
