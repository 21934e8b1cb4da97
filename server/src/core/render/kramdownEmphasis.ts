/**
 * Emphasis as kramdown reads it (`parser/kramdown/emphasis.rb`), not as CommonMark does. kramdown
 * opens `*`, `**`, `_` or `__` when the next character is not a space (and, for `_`, the text
 * before does not end in a letter), and closes at the next same delimiter that follows a non-space
 * (for `_`, one not followed by a letter or digit). No flanking rules: `**데이터 갭(Data Gap)**을`
 * is bold on the blog, where CommonMark leaves the asterisks; and a `__` that cannot close
 * (`__x__의`) makes everything up to a later `__` bold, as it does on the blog.
 *
 * micromark reads the post with its emphasis construct switched off (`kramdownMarkdown.ts`), so the
 * delimiters reach the tree as text; this transform parses them, paragraph by paragraph (every node
 * holding phrasing content), treating other inline nodes (code, links, math, HTML) as opaque.
 *
 * kramdown parses by recursive descent and retries a failed `**` as `*`; its worst case is
 * polynomial. Here every attempt (start, delimiter, open elements) is computed once and remembered,
 * and a scan steps from delimiter to delimiter, so a paragraph costs at most (delimiters)² steps;
 * `parse/markdownGuard.ts` keeps delimiters under 500 per paragraph.
 */
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';

/** Private-use stand-ins for an escaped `\*` and `\_` (a literal mark, never a delimiter). */
export const LITERAL_STAR = '\uE000';
export const LITERAL_UNDERSCORE = '\uE001';

const ALPHA = /\p{Alphabetic}/u;
const ALNUM = /[\p{Alphabetic}\p{Nd}]/u;
/** Ruby's `\s`: ASCII whitespace only. */
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

type Kind = 'strong' | 'emphasis';
/** A parsed stretch: a range of the flattened text, or an emphasis holding stretches. */
type Piece = { from: number; to: number } | { kind: Kind; children: Piece[] };
interface Attempt {
  found: boolean;
  pieces: Piece[];
  /** Where the stop delimiter starts (found), or the end of the text. */
  end: number;
}

/** Parses kramdown emphasis in every node of `tree` that holds phrasing content. */
export function kramdownEmphasis(tree: Root): void {
  const created = new WeakSet<object>();
  const visit = (node: Root | RootContent): void => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    // Emphasis made here holds text already parsed; only the nodes inside it are visited.
    if (!created.has(parent) && parent.children.some((c) => c.type === 'text')) {
      parent.children = parseParagraph(parent.children as PhrasingContent[], created);
    }
    for (const child of parent.children) visit(child);
  };
  visit(tree);
}

function parseParagraph(nodes: PhrasingContent[], created: WeakSet<object>): PhrasingContent[] {
  // The paragraph as one string: text as it is, every other node one character (a space for a
  // line break, which kramdown's checks see as `\n`, an object mark for the rest).
  let text = '';
  const atoms = new Map<number, PhrasingContent>();
  for (const node of nodes) {
    if (node.type === 'text') {
      text += node.value;
    } else {
      atoms.set(text.length, node);
      text += node.type === 'break' ? '\n' : '\uFFFC';
    }
  }
  const delimiters: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 42 || c === 95) && !atoms.has(i)) delimiters.push(i);
  }
  if (!delimiters.length) return nodes.map(restoreLiterals);
  const parser = new Parser(text, delimiters);
  const top = parser.spans(0, undefined, 0);
  return materialize(top.pieces, text, atoms, created);
}

const STRONG = 1;
const EM = 2;

class Parser {
  private readonly memo = new Map<string, Attempt>();
  private readonly isDelimiter: Uint8Array;

  constructor(
    private readonly text: string,
    private readonly delimiters: number[],
  ) {
    this.isDelimiter = new Uint8Array(text.length + 1);
    for (const d of delimiters) this.isDelimiter[d] = 1;
  }

  /** The first delimiter at or after `pos`. */
  private next(pos: number): number {
    let lo = 0;
    let hi = this.delimiters.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.delimiters[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.delimiters.length ? this.delimiters[lo]! : this.text.length;
  }

  private delimiterAt(i: number, c: string): boolean {
    return i < this.text.length && this.isDelimiter[i] === 1 && this.text[i] === c;
  }

  /**
   * kramdown's `parse_spans`: from `pos` up to the stop delimiter `stop` (none at the top), with
   * `open` (a bit set) the emphasis kinds open around it, `own` the kind being parsed.
   */
  spans(pos: number, stop: { delimiter: string; kind: Kind } | undefined, open: number): Attempt {
    const key = stop ? `${pos}|${stop.delimiter}|${stop.kind}|${open}` : undefined;
    const known = key && this.memo.get(key);
    if (known) return known;
    const pieces: Piece[] = [];
    let textFrom = pos;
    let i = this.next(pos);
    let result: Attempt | undefined;
    while (i < this.text.length) {
      if (stop && this.stops(i, stop, pieces.length > 0 || i > textFrom)) {
        if (i > textFrom) pieces.push({ from: textFrom, to: i });
        result = { found: true, pieces, end: i };
        break;
      }
      const emphasis = this.emphasis(i, open, stop?.kind);
      if (emphasis.node) {
        if (i > textFrom) pieces.push({ from: textFrom, to: i });
        pieces.push(emphasis.node);
        textFrom = emphasis.end;
        i = this.next(emphasis.end);
      } else {
        i = this.next(i + emphasis.skip);
      }
    }
    if (!result) {
      if (this.text.length > textFrom) pieces.push({ from: textFrom, to: this.text.length });
      result = { found: !stop, pieces, end: this.text.length };
    }
    if (key) this.memo.set(key, result);
    return result;
  }

  /** kramdown's check at a stop delimiter: after a non-space, content so far, and per kind. */
  private stops(i: number, stop: { delimiter: string; kind: Kind }, content: boolean): boolean {
    const c = stop.delimiter[0]!;
    for (let k = 0; k < stop.delimiter.length; k++) if (!this.delimiterAt(i + k, c)) return false;
    if (!content || isSpace(this.text[i - 1])) return false;
    // An em's `*` is not one that starts a `**` (not followed by a third).
    if (stop.kind === 'emphasis' && this.delimiterAt(i + 1, c) && !this.delimiterAt(i + 2, c)) return false;
    if (c === '_' && ALNUM.test(this.text[i + stop.delimiter.length] ?? '')) return false;
    return true;
  }

  /** kramdown's `parse_emphasis` at the delimiter `i`: the element and where it ends, or how many marks are text. */
  private emphasis(i: number, open: number, current: Kind | undefined): { node?: Piece; end: number; skip: number } {
    const c = this.text[i]!;
    const length = this.delimiterAt(i + 1, c) ? 2 : 1;
    const kind: Kind = length === 2 ? 'strong' : 'emphasis';
    const bit = kind === 'strong' ? STRONG : EM;
    const before = this.text[i - 1];
    const afterAlpha =
      before !== undefined && (ALPHA.test(before) || (before === '-' && ALPHA.test(this.text[i - 2] ?? '')));
    const next = this.text[i + length];
    if ((c === '_' && afterAlpha) || isSpace(next) || open & bit) return { end: i, skip: length };
    let attempt = this.spans(i + length, { delimiter: c.repeat(length), kind }, open | bit);
    if (attempt.found) return { node: { kind, children: attempt.pieces }, end: attempt.end + length, skip: 0 };
    // A `**` that never closes is tried as `*` from its second mark (unless inside an em).
    if (kind === 'strong' && current !== 'emphasis') {
      attempt = this.spans(i + 1, { delimiter: c, kind: 'emphasis' }, open | EM);
      if (attempt.found) return { node: { kind: 'emphasis', children: attempt.pieces }, end: attempt.end + 1, skip: 0 };
    }
    return { end: i, skip: length };
  }
}

function materialize(
  pieces: Piece[],
  text: string,
  atoms: Map<number, PhrasingContent>,
  created: WeakSet<object>,
): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const piece of pieces) {
    if ('kind' in piece) {
      const node = { type: piece.kind, children: materialize(piece.children, text, atoms, created) } as PhrasingContent;
      created.add(node);
      out.push(node);
      continue;
    }
    let from = piece.from;
    for (let i = piece.from; i < piece.to; i++) {
      const atom = atoms.get(i);
      if (!atom) continue;
      if (i > from) out.push({ type: 'text', value: unescape(text.slice(from, i)) });
      out.push(atom);
      from = i + 1;
    }
    if (piece.to > from) out.push({ type: 'text', value: unescape(text.slice(from, piece.to)) });
  }
  // Adjacent text pieces (a delimiter left as text between two stretches) become one node.
  const merged: PhrasingContent[] = [];
  for (const node of out) {
    const last = merged[merged.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else merged.push(node);
  }
  return merged;
}

function restoreLiterals(node: PhrasingContent): PhrasingContent {
  return node.type === 'text' && /[\uE000\uE001]/.test(node.value) ? { ...node, value: unescape(node.value) } : node;
}

function unescape(value: string): string {
  return value.replace(/\uE000/g, '*').replace(/\uE001/g, '_');
}
