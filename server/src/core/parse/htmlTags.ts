/**
 * A forgiving scanner for the HTML the blog writes inside Markdown (`<p align="center">`, `<img>`,
 * comments). It reads tags and attributes with their offsets, tolerates what browsers tolerate, and
 * never backtracks: one pass, linear in the input.
 */

/** A tag found by {@link scanHtml}, with offsets into the scanned string. */
export interface RawTag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  terminated: boolean;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  attributes: RawAttribute[];
}

export interface RawAttribute {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Undefined for a bare attribute. */
  value: { text: string; start: number; end: number } | undefined;
  start: number;
  end: number;
}

export interface RawComment {
  text: string;
  start: number;
  end: number;
}

export interface ScannedHtml {
  tags: RawTag[];
  comments: RawComment[];
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/** Scans `source[from, to)` for tags and comments; offsets are into `source`. */
export function scanHtml(source: string, from = 0, to = source.length): ScannedHtml {
  const tags: RawTag[] = [];
  const comments: RawComment[] = [];
  let i = from;
  while (i < to) {
    const lt = source.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    if (source.startsWith('<!--', lt)) {
      const close = source.indexOf('-->', lt + 4);
      const end = close < 0 || close + 3 > to ? to : close + 3;
      const inner = source.slice(lt + 4, close < 0 || close + 3 > to ? to : close);
      comments.push({ text: inner.trim(), start: lt, end });
      i = end;
      continue;
    }
    const closing = source[lt + 1] === '/';
    const nameStart = lt + (closing ? 2 : 1);
    if (!isNameStart(source[nameStart])) {
      i = lt + 1;
      continue;
    }
    let j = nameStart;
    while (j < to && /[A-Za-z0-9-]/.test(source[j]!)) j++;
    const tag: RawTag = {
      name: source.slice(nameStart, j).toLowerCase(),
      closing,
      selfClosing: false,
      terminated: false,
      start: lt,
      end: j,
      nameStart,
      nameEnd: j,
      attributes: [],
    };
    i = scanAttributes(source, j, to, tag);
    tags.push(tag);
  }
  return { tags, comments };
}

/** Reads attributes up to the tag's `>`; returns the offset after the tag. */
function scanAttributes(source: string, from: number, to: number, tag: RawTag): number {
  let i = from;
  for (;;) {
    while (i < to && isSpace(source[i])) i++;
    if (i >= to || source[i] === '<') {
      // Never reached `>`: the tag ends where the next tag (or the region) starts.
      tag.end = lastNonSpace(source, from, i);
      return i;
    }
    if (source[i] === '>') {
      tag.terminated = true;
      tag.end = i + 1;
      return i + 1;
    }
    if (source[i] === '/' && source[i + 1] === '>') {
      tag.terminated = true;
      tag.selfClosing = true;
      tag.end = i + 2;
      return i + 2;
    }
    if (source[i] === '/') {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && !isSpace(source[i]) && !'"\'>/=<'.includes(source[i]!)) i++;
    if (i === nameStart) {
      // A stray quote or `=`: skip it, as browsers do.
      i++;
      continue;
    }
    const attribute: RawAttribute = {
      name: source.slice(nameStart, i).toLowerCase(),
      nameStart,
      nameEnd: i,
      value: undefined,
      start: nameStart,
      end: i,
    };
    let k = i;
    while (k < to && isSpace(source[k])) k++;
    if (source[k] === '=' && k < to) {
      k++;
      while (k < to && isSpace(source[k])) k++;
      const quote = source[k];
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, k + 1);
        const valueEnd = close < 0 || close >= to ? to : close;
        attribute.value = { text: source.slice(k + 1, valueEnd), start: k + 1, end: valueEnd };
        attribute.end = close < 0 || close >= to ? to : close + 1;
        i = attribute.end;
      } else {
        const valueStart = k;
        while (k < to && !isSpace(source[k]) && source[k] !== '>' && source[k] !== '<') k++;
        attribute.value = { text: source.slice(valueStart, k), start: valueStart, end: k };
        attribute.end = k;
        i = k;
      }
    }
    tag.attributes.push(attribute);
  }
}

function lastNonSpace(source: string, min: number, end: number): number {
  let e = end;
  while (e > min && isSpace(source[e - 1])) e--;
  return e;
}
