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
import type { HtmlComment, Position, Post, Range } from '../model';
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

/** Where the rules are turned off, indexed so that each diagnostic is looked up in log time. */
class Suppressions {
  private readonly fileWide = new Set<string>();
  private fileWideAll = false;
  /** 0-based line -> ids (or `*` for every rule) turned off on it. */
  private readonly lines = new Map<number, Set<string>>();
  /** `disable`/`enable` switches in source order; `ids` undefined means every rule. */
  private readonly switches: { at: Position; disable: boolean; ids: string[] | undefined }[] = [];
  /** Per rule id: the switches that name it or every rule, in source order. */
  private readonly switchesById = new Map<string, { at: Position; disable: boolean }[]>();

  constructor(directives: readonly Directive[]) {
    for (const d of directives) {
      const ids = d.ruleIds.length ? d.ruleIds : undefined;
      switch (d.kind) {
        case 'disable-file':
          if (ids) ids.forEach((id) => this.fileWide.add(id));
          else this.fileWideAll = true;
          break;
        case 'disable-line':
        case 'disable-next-line': {
          const line = d.kind === 'disable-line' ? d.comment.range.start.line : d.comment.range.end.line + 1;
          let set = this.lines.get(line);
          if (!set) this.lines.set(line, (set = new Set()));
          for (const id of ids ?? ['*']) set.add(id);
          break;
        }
        default:
          this.switches.push({
            at: d.kind === 'disable' ? d.comment.range.end : d.comment.range.start,
            disable: d.kind === 'disable',
            ids,
          });
      }
    }
  }

  suppresses(id: string, at: Position): boolean {
    if (this.fileWideAll || this.fileWide.has(id)) return true;
    const line = this.lines.get(at.line);
    if (line && (line.has('*') || line.has(id))) return true;
    const switches = this.switchesFor(id);
    // The last switch at or before `at` decides.
    let lo = 0;
    let hi = switches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(switches[mid]!.at, at) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && switches[lo - 1]!.disable;
  }

  private switchesFor(id: string): { at: Position; disable: boolean }[] {
    let list = this.switchesById.get(id);
    if (!list) {
      list = this.switches.filter((s) => !s.ids || s.ids.includes(id));
      this.switchesById.set(id, list);
    }
    return list;
  }
}

/** The diagnostics that no directive of `comments` suppresses. */
export function applySuppressions(diagnostics: Diagnostic[], comments: readonly HtmlComment[]): Diagnostic[] {
  const directives = comments.map(parseDirective).filter((d): d is Directive => d !== undefined);
  if (directives.length === 0) return diagnostics;
  const suppressions = new Suppressions(directives);
  return diagnostics.filter((d) => !suppressions.suppresses(String(d.code), d.range.start));
}

/**
 * Ids that suppression comments name but no rule has (a typo turns nothing off, silently), each
 * with its comment. `known` holds every id a directive may name.
 */
export function unknownDirectiveIds(
  comments: readonly HtmlComment[],
  known: ReadonlySet<string>,
): { id: string; comment: HtmlComment }[] {
  const out: { id: string; comment: HtmlComment }[] = [];
  for (const comment of comments) {
    const directive = parseDirective(comment);
    for (const id of directive?.ruleIds ?? []) if (!known.has(id)) out.push({ id, comment });
  }
  return out;
}

/** Where `id` is written in a directive `comment` of `post` (after its keyword); undefined if nowhere. */
export function directiveIdRange(
  post: Pick<Post, 'text' | 'lines'>,
  comment: HtmlComment,
  id: string,
): Range | undefined {
  const start = post.lines.offsetAt(comment.range.start);
  const source = post.text.slice(start, post.lines.offsetAt(comment.range.end));
  const keyword = /seminar-posts-\S+/.exec(source);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`(?<=[\\s,])${escaped}(?=[\\s,]|-->)`, 'g');
  found.lastIndex = keyword ? keyword.index + keyword[0].length : 0;
  const at = found.exec(source);
  return at ? post.lines.rangeOf(start + at.index, start + at.index + id.length) : undefined;
}
