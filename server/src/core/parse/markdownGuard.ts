/**
 * A guard in front of the Markdown parser. micromark (remark's tokenizer) is correct but slow on
 * some hostile input: thousands of emphasis marks, brackets or unclosed `<!--` in one paragraph
 * cost it quadratic time (20,000 `*_` take over half a minute), and lists nested hundreds deep
 * cost it cubic time. A post is the user's own text, but a pasted blob or a broken file must
 * never freeze the editor, so the guard finds such lines before the parser sees them.
 *
 * The lines it finds are handed to the parser with their Markdown marks replaced by a letter,
 * one UTF-16 unit for one, so that every offset stays exact; the parser then reads them as plain
 * text, in linear time. A line keeps its `#` heading marks (the section structure survives) and,
 * unless its nesting is the problem, its list and quote markers. The model is still built from
 * the original text; `SimplifiedLines` tells the engine where the reading was simplified, and the
 * engine says so in one diagnostic per stretch of lines.
 *
 * The limits are far above what real posts hold (the corpus has at most 17 marks in a paragraph
 * and lists 3 deep) and low enough that the worst paragraph under them parses in a few
 * milliseconds. Normal posts pass through unchanged: the guard returns the very same string.
 */
import { nextLineBreak } from '../text/lineIndex';

/** Why lines were simplified. */
export type SimplifiedReason = 'syntax' | 'nesting';

/** A stretch of whole lines (offsets into the guarded text) that the parser read as plain text. */
export interface SimplifiedLines {
  start: number;
  end: number;
  reason: SimplifiedReason;
}

/** What the parser should read, and which lines were simplified. */
export interface GuardedMarkdown {
  /** The text for the parser: the input itself, or a copy of the same length. */
  text: string;
  simplified: SimplifiedLines[];
}

/**
 * Most Markdown marks (outside `$$...$$` on the same line) allowed in one paragraph, that is, one
 * run of non-blank lines. Past it the heaviest lines of the run are simplified until the rest is
 * under it.
 */
export const MAX_MARKS_PER_PARAGRAPH = 500;

/**
 * Most "openers that scan to their end" times characters in one paragraph. An unclosed `<!--` (or
 * `<!` / `<?`) in running text makes micromark scan the rest of the paragraph for its end, once per
 * opener: 240 of them before 20,000 characters took 230 ms, under the marks limit. At this product
 * the worst paragraph costs about 15 ms; real posts stay below a hundredth of it.
 */
export const MAX_SCAN_PER_PARAGRAPH = 300_000;

/** Deepest nesting allowed on one line: list and quote markers, plus two columns of indent each. */
export const MAX_NESTING = 12;

/** The marks micromark pairs, matches or scans ahead for, as a lookup table of char codes. */
const MARK = new Uint8Array(128);
for (const c of '*_[]<>`\\&!~') MARK[c.charCodeAt(0)] = 1;
/** What simplification replaces: every ASCII punctuation character. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** `#` heading marks, kept so that a simplified heading is still a heading. */
const ATX = /^ {0,3}#{1,6}(?=[ \t]|$)/;
/** Leading list and quote markers with their indentation. */
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;

interface Line {
  /** 0-based line in the text. */
  index: number;
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
  marks: number;
  /** `<!` and `<?`: openers that micromark scans the rest of the paragraph from. */
  openers: number;
  nesting: number;
}

/** Guards `text` (one chunk of a post's body) for the Markdown parser. */
export function guardMarkdown(text: string): GuardedMarkdown {
  const simplify = new Map<number, SimplifiedReason>();
  const lines: Line[] = [];
  let run: Line[] = [];
  for (let start = 0; start < text.length;) {
    // A lone `\r` ends a line for micromark too.
    const { start: end, end: next } = nextLineBreak(text, start);
    const line = measure(text, lines.length, start, end);
    lines.push(line);
    if (line.nesting > MAX_NESTING) simplify.set(line.index, 'nesting');
    if (line.marks === 0 && isBlank(text, start, end)) {
      checkRun(run, simplify);
      run = [];
    } else {
      run.push(line);
    }
    start = next;
  }
  checkRun(run, simplify);
  if (simplify.size === 0) return { text, simplified: [] };

  let out = '';
  let at = 0;
  const simplified: SimplifiedLines[] = [];
  for (const [i, reason] of [...simplify].sort((a, b) => a[0] - b[0])) {
    const line = lines[i]!;
    out += text.slice(at, line.start) + plain(text.slice(line.start, line.end), reason);
    at = line.end;
    const last = simplified[simplified.length - 1];
    const previous = lines[i - 1];
    if (last && last.reason === reason && previous && last.end === previous.end) last.end = line.end;
    else simplified.push({ start: line.start, end: line.end, reason });
  }
  return { text: out + text.slice(at), simplified };
}

/**
 * Marks the heaviest lines of a paragraph for simplification until the rest is under the limits:
 * its marks, and its scanning openers times its length.
 */
function checkRun(run: Line[], simplify: Map<number, SimplifiedReason>): void {
  let total = 0;
  let openers = 0;
  let chars = 0;
  for (const line of run) {
    total += line.marks;
    openers += line.openers;
    chars += line.end - line.start + 1;
  }
  if (total > MAX_MARKS_PER_PARAGRAPH) {
    for (const line of [...run].sort((a, b) => b.marks - a.marks)) {
      if (total <= MAX_MARKS_PER_PARAGRAPH) break;
      if (!simplify.has(line.index)) simplify.set(line.index, 'syntax');
      total -= line.marks;
      openers -= line.openers;
    }
  }
  if (openers * chars > MAX_SCAN_PER_PARAGRAPH) {
    for (const line of [...run].sort((a, b) => b.openers - a.openers)) {
      if (openers * chars <= MAX_SCAN_PER_PARAGRAPH || line.openers === 0) break;
      if (simplify.has(line.index)) continue;
      simplify.set(line.index, 'syntax');
      openers -= line.openers;
    }
  }
}

/** Counts a line's marks (outside `$$...$$` spans closed on the line) and its nesting. */
function measure(text: string, index: number, start: number, end: number): Line {
  const content = text.slice(start, end);
  const parts = content.split('$$');
  // An even number of `$$` (odd number of parts): every second part is math, which has no marks.
  const outside = parts.length % 2 === 1 ? parts.filter((_, i) => i % 2 === 0) : parts;
  let marks = 0;
  let openers = 0;
  for (const part of outside) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      if (c < 128 && MARK[c]) {
        marks++;
        // `<!` or `<?`
        if (c === 60 && (part.charCodeAt(i + 1) === 33 || part.charCodeAt(i + 1) === 63)) openers++;
      }
    }
  }
  let nesting = 0;
  const containers = CONTAINERS.exec(content);
  if (containers) {
    let columns = 0;
    let markers = 0;
    for (const c of containers[0]) {
      if (c === ' ') columns++;
      else if (c === '\t') columns += 4;
      else if (c === '>' || c === '-' || c === '*' || c === '+' || c === '.' || c === ')') markers++;
    }
    nesting = markers + Math.floor(columns / 2);
  }
  return { index, start, end, marks, openers, nesting };
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The line with its Markdown marks replaced by `x`, same length; heading (and list) marks kept. */
function plain(line: string, reason: SimplifiedReason): string {
  const heading = ATX.exec(line)?.[0] ?? '';
  const containers = reason === 'syntax' && !heading ? (CONTAINERS.exec(line)?.[0] ?? '') : '';
  const kept = heading || containers;
  return kept + line.slice(kept.length).replace(PUNCTUATION, 'x');
}
