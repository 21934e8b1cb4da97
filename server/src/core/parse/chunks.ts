/**
 * Splits a post's body into chunks that start at `#` heading lines, so that each paper section is
 * parsed on its own.
 *
 * Two reasons. Jekyll renders with kramdown, which ends a `<p>` block at its `</p>`, whereas in
 * CommonMark an HTML block runs to the next blank line and would swallow a `# title` written right
 * under `</p>`; splitting first gives kramdown's reading. And a chunk's parse can be reused while
 * the user types in another section, which keeps diagnostics fast on long posts.
 *
 * A `#` line inside a fenced code block, a `$$` math block (which runs to the next `$$`, as
 * kramdown reads it) or a multi-line HTML comment is not a boundary. Should the split ever miss a heading, nothing is lost: a chunk may hold several
 * sections, and the section builder starts one at every level-1 heading it finds.
 */
import { nextLineBreak } from '../text/lineIndex';

export interface Chunk {
  /** Offset of the chunk's first character; always the start of a line. */
  start: number;
  end: number;
}

const H1 = /^ {0,3}#(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** A line opening display math: `$$` (not `$$$`) at its start and no second `$$` on it. */
const MATH_OPEN = /^ {0,3}\$\$(?!\$)(?:(?!\$\$).)*$/;
const COMMENT_OPEN = /^ {0,3}<!--/;

type Open =
  { kind: 'fence'; marker: string; length: number } | { kind: 'math'; close: number } | { kind: 'comment' } | undefined;

/**
 * Chunks of `text` from `from` (a line start) to its end. The first chunk holds what comes before
 * the first `#` line (it may be empty); every other chunk starts with a `#` line.
 */
export function splitIntoChunks(text: string, from: number): Chunk[] {
  const boundaries: number[] = [from];
  let open: Open;
  let lineStart = from;
  while (lineStart < text.length) {
    // Lines end at `\n`, `\r\n` or a lone `\r`, as in the line index, CommonMark and kramdown.
    const { start: lineEnd, end: next } = nextLineBreak(text, lineStart);
    // Outside a block, only a line whose first mark (after at most three spaces) is one of
    // `# \` ~ $ <` can matter: most lines are skipped without being cut out of the text.
    if (open?.kind === 'math') {
      // Inside a formula until the line holding its closing `$$`.
      if (open.close < next) open = undefined;
    } else if (open || mayMatter(text, lineStart, lineEnd)) {
      const line = text.slice(lineStart, lineEnd);
      const close = open ? undefined : MATH_OPEN.test(line) ? mathClose(text, lineEnd) : undefined;
      open =
        close !== undefined
          ? { kind: 'math', close }
          : step(line, open, () => {
              if (lineStart > from) boundaries.push(lineStart);
            });
    }
    lineStart = next;
  }
  const chunks: Chunk[] = [];
  for (let i = 0; i < boundaries.length; i++) {
    chunks.push({ start: boundaries[i]!, end: boundaries[i + 1] ?? text.length });
  }
  return chunks;
}

/**
 * False when `step` would leave a line outside any block without effect: every pattern it tries
 * there (`H1`, `FENCE_OPEN`, `MATH_OPEN`, `COMMENT_OPEN`) starts with at most three spaces and
 * then `#`, a backtick, `~`, `$` or `<`.
 */
function mayMatter(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  return c === 35 /* # */ || c === 96 /* ` */ || c === 126 /* ~ */ || c === 36 /* $ */ || c === 60; /* < */
}

/**
 * Where the display formula opened on the line ending at `openLineEnd` closes: the next `$$`, as
 * kramdown reads it, when nothing but spaces follows it on its line (see `kramdownMath.ts`).
 * Undefined when there is no such `$$`: the lines are then a paragraph, not a block.
 */
function mathClose(text: string, openLineEnd: number): number | undefined {
  const close = text.indexOf('$$', openLineEnd);
  if (close < 0) return undefined;
  for (let i = close + 2; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return close;
    if (c !== ' ' && c !== '\t') return undefined;
  }
  return close;
}

/** Advances the open-block state by one line; calls `boundary` for a `#` line outside any block. */
function step(line: string, open: Open, boundary: () => void): Open {
  if (open?.kind === 'fence') {
    const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    return m && m[1]![0] === open.marker && m[1]!.length >= open.length ? undefined : open;
  }
  if (open?.kind === 'comment') {
    return line.includes('-->') ? undefined : open;
  }
  if (H1.test(line)) {
    boundary();
    return undefined;
  }
  const fence = FENCE_OPEN.exec(line);
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
    return { kind: 'fence', marker: fence[1]![0]!, length: fence[1]!.length };
  }
  if (COMMENT_OPEN.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) return { kind: 'comment' };
  return undefined;
}
