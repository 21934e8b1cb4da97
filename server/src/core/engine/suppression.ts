/**
 * Inline suppression: HTML comments in a post that turn rules off for a line, a stretch or the file.
 *
 * - `<!-- seminar-posts-disable-next-line rule-a, rule-b -->`: the line after the comment;
 * - `<!-- seminar-posts-disable-line rule-a -->`: the comment's own line (e.g. at the end of a
 *   presenter line);
 * - `<!-- seminar-posts-disable rule-a -->` ... `<!-- seminar-posts-enable rule-a -->`: from the
 *   end of one comment to the start of the other (or to the end of the post);
 * - `<!-- seminar-posts-disable-file rule-a -->`: the whole post, wherever the comment is.
 *
 * Without rule ids a directive means every rule. Ids are separated by commas or spaces; a reason
 * may follow two dashes (`<!-- seminar-posts-disable-next-line link-url -- slides on the lab NAS -->`).
 * HTML comments are invisible on the published page, so suppressing costs the reader nothing.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { HtmlComment, Position } from '../model';
import { comparePositions } from '../text/lineIndex';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids named; empty means every rule. */
  ruleIds: string[];
  comment: HtmlComment;
}

const DIRECTIVE = /^seminar-posts-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)([^]*)$/;

/** Reads a comment as a directive, or undefined when it is not one. */
export function parseDirective(comment: HtmlComment): Directive | undefined {
  const m = DIRECTIVE.exec(comment.text);
  if (!m) return undefined;
  const dashes = m[2]!.indexOf('--');
  const ids = (dashes >= 0 ? m[2]!.slice(0, dashes) : m[2]!).split(/[\s,]+/).filter(Boolean);
  return { kind: m[1] as DirectiveKind, ruleIds: ids, comment };
}

const names = (directive: Directive, id: string) => directive.ruleIds.length === 0 || directive.ruleIds.includes(id);

/** Whether the rule `id` is disabled at `at` by `directives` (in source order). */
function disabledAt(directives: readonly Directive[], id: string, at: Position): boolean {
  let disabled = false;
  for (const d of directives) {
    if (d.kind !== 'disable' && d.kind !== 'enable') continue;
    const from = d.kind === 'disable' ? d.comment.range.end : d.comment.range.start;
    if (comparePositions(from, at) > 0) break;
    if (names(d, id)) disabled = d.kind === 'disable';
  }
  return disabled;
}

/** The diagnostics that no directive of `comments` suppresses. */
export function applySuppressions(diagnostics: Diagnostic[], comments: readonly HtmlComment[]): Diagnostic[] {
  const directives = comments.map(parseDirective).filter((d): d is Directive => d !== undefined);
  if (directives.length === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => {
    const id = String(diagnostic.code);
    const start = diagnostic.range.start;
    for (const d of directives) {
      if (!names(d, id)) continue;
      if (d.kind === 'disable-file') return false;
      if (d.kind === 'disable-line' && start.line === d.comment.range.start.line) return false;
      if (d.kind === 'disable-next-line' && start.line === d.comment.range.end.line + 1) return false;
    }
    return !disabledAt(directives, id, start);
  });
}
