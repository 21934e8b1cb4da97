/**
 * Reads a `###` line as `label: name [[label](url), [label](url)]`, recording what is written and
 * where. It judges nothing: a missing colon, an unbalanced bracket or text between links are all
 * recorded so that the rules can name them.
 */
import type { LinkList, LinkListItem, MarkdownLink, PresenterLine, Range, Span } from '../model';

type ToRange = (start: number, end: number) => Range;

const COLONS = [':', '：'];

/**
 * Scans `content` (the heading text after `### `), which starts at `offset` in the text that
 * `toRange` maps; `lineRange` is the range of the whole heading line.
 */
export function scanPresenterLine(content: string, offset: number, lineRange: Range, toRange: ToRange): PresenterLine {
  const span = (start: number, end: number): Span => ({
    text: content.slice(start, end),
    range: toRange(offset + start, offset + end),
  });
  const trimmedSpan = (start: number, end: number): Span | undefined => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(content[s]!)) s++;
    while (e > s && /\s/.test(content[e - 1]!)) e--;
    return e > s ? span(s, e) : undefined;
  };

  const bracket = content.indexOf('[');
  const prefixEnd = bracket < 0 ? content.length : bracket;
  let colonAt = -1;
  for (let i = 0; i < prefixEnd; i++) {
    if (COLONS.includes(content[i]!)) {
      colonAt = i;
      break;
    }
  }

  let label: Span | undefined;
  let name: Span | undefined;
  if (colonAt >= 0) {
    label = trimmedSpan(0, colonAt);
    name = trimmedSpan(colonAt + 1, prefixEnd);
  } else {
    // Without a colon, the first word is taken as the label and the rest as the name.
    let start = 0;
    while (start < prefixEnd && /\s/.test(content[start]!)) start++;
    const wordEnd = content.slice(start, prefixEnd).search(/\s/);
    if (wordEnd < 0) {
      label = trimmedSpan(start, prefixEnd);
    } else {
      label = trimmedSpan(start, start + wordEnd);
      name = trimmedSpan(start + wordEnd, prefixEnd);
    }
  }

  return {
    range: lineRange,
    content: span(0, content.length),
    label,
    colon: colonAt >= 0 ? toRange(offset + colonAt, offset + colonAt + 1) : undefined,
    name,
    linkList: bracket < 0 ? undefined : scanLinkList(content, bracket, span, trimmedSpan, toRange, offset),
  };
}

function scanLinkList(
  content: string,
  open: number,
  span: (start: number, end: number) => Span,
  trimmedSpan: (start: number, end: number) => Span | undefined,
  toRange: ToRange,
  offset: number,
): LinkList {
  const bracketed = content[open + 1] === '[' || /^\[\s*\[/.test(content.slice(open));
  const items: LinkListItem[] = [];
  let close: Range | undefined;
  let trailing: Span | undefined;
  let p = bracketed ? open + 1 : open;
  let end = content.length;

  while (p < content.length) {
    while (p < content.length && /\s/.test(content[p]!)) p++;
    if (p >= content.length) break;
    const c = content[p]!;
    if (c === ',') {
      p++;
      continue;
    }
    if (c === ']') {
      if (bracketed) {
        close = toRange(offset + p, offset + p + 1);
        end = p + 1;
        trailing = trimmedSpan(p + 1, content.length);
        break;
      }
      items.push({ kind: 'text', range: toRange(offset + p, offset + p + 1), text: ']' });
      p++;
      continue;
    }
    if (c === '[') {
      const link = scanLink(content, p, span, toRange, offset);
      items.push(link.item);
      p = link.end;
      continue;
    }
    let q = p;
    while (q < content.length && content[q] !== ',' && content[q] !== ']' && content[q] !== '[') q++;
    const text = trimmedSpan(p, q);
    if (text) items.push({ kind: 'text', range: text.range, text: text.text });
    p = q;
  }

  return {
    range: toRange(offset + open, offset + (close ? end : lastNonSpace(content))),
    bracketed,
    close,
    items,
    trailing,
  };
}

/** Reads `[label](url)` starting at the `[`; tolerates a missing `(url)` or a missing `)`. */
function scanLink(
  content: string,
  start: number,
  span: (start: number, end: number) => Span,
  toRange: ToRange,
  offset: number,
): { item: MarkdownLink; end: number } {
  let depth = 0;
  let q = start;
  for (; q < content.length; q++) {
    if (content[q] === '[') depth++;
    else if (content[q] === ']' && --depth === 0) break;
  }
  if (q >= content.length) {
    // The label never closes: the rest of the line is the label.
    const end = lastNonSpace(content);
    return {
      item: {
        kind: 'link',
        range: toRange(offset + start, offset + end),
        label: span(start + 1, end),
        url: undefined,
        unclosed: false,
      },
      end: content.length,
    };
  }
  const label = span(start + 1, q);
  if (content[q + 1] !== '(') {
    return {
      item: { kind: 'link', range: toRange(offset + start, offset + q + 1), label, url: undefined, unclosed: false },
      end: q + 1,
    };
  }
  let parens = 0;
  let r = q + 1;
  for (; r < content.length; r++) {
    if (content[r] === '(') parens++;
    else if (content[r] === ')' && --parens === 0) break;
  }
  if (r >= content.length) {
    // `(` never closes: the target runs to the end of the line, less a final `]` that closes the list.
    let urlEnd = lastNonSpace(content);
    if (content[urlEnd - 1] === ']') urlEnd--;
    return {
      item: {
        kind: 'link',
        range: toRange(offset + start, offset + urlEnd),
        label,
        url: span(q + 2, urlEnd),
        unclosed: true,
      },
      end: urlEnd,
    };
  }
  return {
    item: { kind: 'link', range: toRange(offset + start, offset + r + 1), label, url: span(q + 2, r), unclosed: false },
    end: r + 1,
  };
}

function lastNonSpace(content: string): number {
  let e = content.length;
  while (e > 0 && /\s/.test(content[e - 1]!)) e--;
  return e;
}
