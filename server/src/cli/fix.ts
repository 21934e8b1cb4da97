/**
 * `--fix`: applies the safe fixes of a post's diagnostics, re-lints, and repeats until nothing
 * more applies (at most `MAX_PASSES` times), then writes the file without ever leaving it half
 * written. `--fix-dry-run` runs the same passes and writes nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticData, Fix } from '../core/engine/rule';
import { applyEdits, editsOverlap } from '../core/text/edits';
import { comparePositions } from '../core/text/lineIndex';

/** Fixes can enable other fixes (a moved link, then its encoded spaces); this bounds the passes. */
export const MAX_PASSES = 10;

export interface FixResult {
  text: string;
  /** The file's base name after a rename fix (or the same name). */
  fileName: string;
  /** How many fixes were applied, over all passes. */
  applied: number;
}

/** Lints `text` as the file named `fileName` (a base name in the post's folder). */
export type LintFile = (text: string, fileName: string) => Diagnostic[];

/** Applies safe fixes to `text` until none is left or `MAX_PASSES` is reached. */
export function applySafeFixes(text: string, fileName: string, lint: LintFile): FixResult {
  let current = { text, fileName, applied: 0 };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen = chooseFixes(lint(current.text, current.fileName));
    if (chosen.fixes.length === 0) break;
    const next = applyEdits(current.text, chosen.edits);
    const fileName = chosen.rename ?? current.fileName;
    if (next === current.text && fileName === current.fileName) break;
    current = { text: next, fileName, applied: current.applied + chosen.fixes.length };
  }
  return current;
}

/** The safe fixes that can be applied together: no two touch the same text, at most one rename. */
function chooseFixes(diagnostics: readonly Diagnostic[]): { fixes: Fix[]; edits: TextEdit[]; rename: string | undefined } {
  const fixes: Fix[] = [];
  const edits: TextEdit[] = [];
  let rename: string | undefined;
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      if (!fix.safe || fix.snippet) continue;
      if (fix.rename !== undefined && rename !== undefined) continue;
      if (fix.edits.some((edit) => edits.some((taken) => conflicts(edit, taken)))) continue;
      fixes.push(fix);
      edits.push(...fix.edits);
      if (fix.rename !== undefined) rename = fix.rename;
      break;
    }
  }
  return { fixes, edits, rename };
}

/** Edits that overlap, or two insertions at one place (their order would be a guess). */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (editsOverlap(a, b)) return true;
  return comparePositions(a.range.start, b.range.start) === 0 || comparePositions(a.range.end, b.range.end) === 0;
}

/**
 * The end of the temporary file's name (`.<post>.<pid>.<time>.seminar-posts.tmp`, beside the post).
 * A process killed while writing may leave one; the post itself is then untouched, and the file
 * is not a post (no `.md` ending), so a later run ignores it. It may be deleted.
 */
export const TEMPORARY_SUFFIX = '.seminar-posts.tmp';

/**
 * For the tests only: `mid-write` kills the process halfway through writing the temporary file,
 * `before-rename` once it is written, so that a test sees what a crash at that moment leaves.
 */
export const CRASH_VARIABLE = 'SEMINAR_POSTS_TEST_CRASH';

/** A rename target that already exists: the fix is not applied. */
export class RenameConflictError extends Error {}

/**
 * Writes `text` to `file`, renamed to `newFile` when it differs, so that no reader ever sees a
 * half-written post: the text goes to a temporary file in the same folder, which then replaces
 * (or becomes) the target. An existing `newFile` is never overwritten.
 */
export function writePost(file: string, newFile: string, text: string | undefined): void {
  const mode = fs.statSync(file).mode & 0o7777;
  if (newFile !== file && fs.existsSync(newFile)) throw new RenameConflictError(`${path.basename(newFile)} already exists`);
  if (text === undefined) {
    moveWithoutClobbering(file, newFile);
    return;
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}${TEMPORARY_SUFFIX}`);
  const crash = process.env[CRASH_VARIABLE];
  if (crash === 'mid-write') {
    fs.writeFileSync(temporary, text.slice(0, text.length >> 1), { mode, flag: 'wx' });
    process.kill(process.pid, 'SIGKILL');
  }
  fs.writeFileSync(temporary, text, { mode, flag: 'wx' });
  if (crash === 'before-rename') process.kill(process.pid, 'SIGKILL');
  try {
    if (newFile === file) {
      fs.renameSync(temporary, file);
    } else {
      moveWithoutClobbering(temporary, newFile);
      fs.unlinkSync(file);
    }
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Renames `from` to `to`, failing if `to` exists (a hard link refuses to replace a file). */
function moveWithoutClobbering(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new RenameConflictError(`${path.basename(to)} already exists`);
    // File systems without hard links: check, then rename.
    if (fs.existsSync(to)) throw new RenameConflictError(`${path.basename(to)} already exists`);
    fs.renameSync(from, to);
    return;
  }
  fs.unlinkSync(from);
}
