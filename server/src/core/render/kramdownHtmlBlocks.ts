/**
 * HTML blocks and tables as kramdown reads them, where CommonMark differs:
 *
 * - A block element (`<p align="center">`, `<div>`, ...) at a line's start runs to its matching end
 *   tag, blank lines or not, and Markdown starts again on the next line: `</p>` followed by
 *   `## heading` or `- item` is a heading or a list (CommonMark runs an HTML block to the next
 *   blank line). An element never closed swallows the rest of the post as raw HTML, as on the blog
 *   (`renderPost` renders that stretch, across chunks, as one block of HTML: {@link unclosedBlock}).
 * - `markdown="1"` (or `block`, `span`) on such an element: its content is Markdown.
 * - A line holding only span-level HTML (`<img ...>`) is a paragraph.
 * - A table needs a blank line (or the start) before it and a row under its header; otherwise it is
 *   text, as written.
 *
 * All of it is linear: each line is classified once, each stretch of Markdown parsed once.
 */
import type { Html, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { KRAMDOWN_SPAN_ELEMENTS } from '../kramdownElements';

/** Tags kramdown reads as span-level, or as elements without a body (`HTML_SPAN_ELEMENTS`, ...). */
const SPAN_TAGS = new Set([
  ...KRAMDOWN_SPAN_ELEMENTS,
  'area',
  'base',
  'col',
  'command',
  'embed',
  'hr',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Block elements whose content kramdown reads as span-level Markdown under `markdown="1"`. */
const SPAN_CONTENT = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'th', 'caption', 'legend', 'summary']);

const OPENER = /^ {0,3}<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])([^>]*)>/;
const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*["']?(1|block|span)["']?/i;

/** Parses a stretch of Markdown (with this module's and the other kramdown readings applied). */
export type ParseMarkdown = (text: string) => Root;

/** The block element opened at `offset` (a line start) in `text`, if a block one. */
function blockOpener(text: string, offset: number): { tag: string; attributes: string; end: number } | undefined {
  const m = OPENER.exec(text.slice(offset, offset + 2000));
  if (!m) return undefined;
  const tag = m[1]!.toLowerCase();
  if (SPAN_TAGS.has(tag)) return undefined;
  return { tag, attributes: m[2]!, end: offset + m[0].length };
}

/** Where the element `tag` opened before `from` closes in `text` (the end of its end tag), nesting counted. */
function closeOf(text: string, from: number, tag: string): number | undefined {
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
  pattern.lastIndex = from;
  let depth = 1;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return undefined;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/**
 * The first block element opened in `text[from, to)` (a chunk of the post) that is still open at
 * `to`: where its line starts, and where it ends on the blog (the end of its end tag's line further
 * on, or the end of the post). Undefined when every element opened there closes there. Lines
 * inside fenced code are skipped. Each line is looked at once, each end tag searched for once.
 */
export function unclosedBlock(text: string, from: number, to: number): { start: number; end: number } | undefined {
  let fence: string | undefined;
  for (let start = from; start < to;) {
    const end = lineEnd(text, start);
    const line = text.slice(start, Math.min(end, start + 200));
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === undefined ? f[1]![0] : f[1]![0] === fence ? undefined : fence;
    const opener = fence === undefined && line.includes('<') ? blockOpener(text, start) : undefined;
    if (opener) {
      const close = closeOf(text, opener.end, opener.tag);
      if (close === undefined) return { start, end: text.length };
      const after = lineEnd(text, close);
      if (after >= to) return { start, end: after };
      start = after + 1;
      continue;
    }
    start = end + 1;
  }
  return undefined;
}

/** Applies kramdown's HTML block and table reading to the top level of a chunk's tree. */
export function kramdownHtmlBlocks(tree: Root, text: string, parse: ParseMarkdown): void {
  const out: RootContent[] = [];
  const children = tree.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const start = node.position?.start.offset;
    if (node.type === 'table' && start !== undefined) {
      out.push(tableAfterText(node, text, start) ?? node);
      continue;
    }
    if (node.type !== 'html' || start === undefined || !node.position) {
      out.push(node);
      continue;
    }
    const opener = blockOpener(text, start);
    if (!opener) {
      // Span-level HTML on a line of its own: a paragraph.
      const paragraph: Paragraph = {
        type: 'paragraph',
        children: [{ type: 'html', value: node.value, position: node.position }],
        position: node.position,
      };
      out.push(/^ {0,3}<[a-zA-Z]/.test(node.value) ? paragraph : node);
      continue;
    }
    const nodeEnd = node.position.end.offset!;
    const close = closeOf(text, opener.end, opener.tag);
    const end = close === undefined ? text.length : lineEnd(text, close);
    // What the element swallows after CommonMark's block ended (blank lines, sections).
    while (i + 1 < children.length && (children[i + 1]!.position?.start.offset ?? Infinity) < end) i++;
    const swallowedEnd = Math.max(end, nodeEnd);
    if (MARKDOWN_ATTRIBUTE.test(opener.attributes) && close !== undefined) {
      out.push(...markdownElement(text, start, opener.end, close, opener.tag, parse));
    } else {
      out.push(htmlNode(text, start, end));
    }
    // Lines after the end tag inside CommonMark's block: Markdown again.
    if (swallowedEnd > end + 1) out.push(...parseAt(text, end + 1, swallowedEnd, parse));
  }
  tree.children = out;
}

function htmlNode(text: string, start: number, end: number): Html {
  return { type: 'html', value: text.slice(start, end), position: span(text, start, end) };
}

function span(text: string, start: number, end: number): NonNullable<Html['position']> {
  const line = (offset: number): number => lines(text, offset) + 1;
  return { start: { line: line(start), column: 1, offset: start }, end: { line: line(end), column: 1, offset: end } };
}

let indexed: { text: string; breaks: number[] } | undefined;

/** How many line breaks come before `offset` (the chunk's breaks are found once, then searched). */
function lines(text: string, offset: number): number {
  if (indexed?.text !== text) {
    const breaks: number[] = [];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
    indexed = { text, breaks };
  }
  const { breaks } = indexed;
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `text[from, to)` parsed as Markdown, its positions moved to where it sits in `text`. */
function parseAt(text: string, from: number, to: number, parse: ParseMarkdown): RootContent[] {
  const part = text.slice(from, to);
  if (!part.trim()) return [];
  const tree = parse(part);
  const lineDelta = lines(text, from);
  const shift = (node: Root | RootContent): void => {
    const p = node.position;
    if (p) {
      node.position = {
        start: { line: p.start.line + lineDelta, column: p.start.column, offset: (p.start.offset ?? 0) + from },
        end: { line: p.end.line + lineDelta, column: p.end.column, offset: (p.end.offset ?? 0) + from },
      };
    }
    if ('children' in node) for (const child of node.children) shift(child);
  };
  for (const child of tree.children) shift(child);
  return tree.children;
}

/** An element with `markdown="1"`: its tags as HTML, its content as Markdown. */
function markdownElement(
  text: string,
  start: number,
  contentStart: number,
  close: number,
  tag: string,
  parse: ParseMarkdown,
): RootContent[] {
  const closeStart = text.lastIndexOf('<', close - 1);
  const opening = htmlNode(text, start, contentStart);
  opening.value = opening.value.replace(MARKDOWN_ATTRIBUTE, '');
  const content = parseAt(text, contentStart, closeStart, parse);
  const only = content.length === 1 ? content[0] : undefined;
  const inner = SPAN_CONTENT.has(tag) && only?.type === 'paragraph' ? (only.children as RootContent[]) : content;
  return [opening, ...inner, htmlNode(text, closeStart, close)];
}

/** A table right under a line of text or a heading, or one without rows, is text for kramdown: its rows as written. */
function tableAfterText(table: Table, text: string, start: number): Paragraph | undefined {
  const previousLine = start === 0 ? '' : text.slice(text.lastIndexOf('\n', start - 2) + 1, start - 1);
  // A header and its separator with no row under them is no table for kramdown either.
  if (!previousLine.trim() && table.children.length > 1) return undefined;
  const children: PhrasingContent[] = [];
  let cursor = start;
  const literal = (to: number): void => {
    if (to > cursor) children.push({ type: 'text', value: text.slice(cursor, to) });
    cursor = Math.max(cursor, to);
  };
  for (const row of table.children) {
    for (const cell of row.children) {
      const first = cell.children[0]?.position?.start.offset;
      const last = cell.children[cell.children.length - 1]?.position?.end.offset;
      if (first === undefined || last === undefined) continue;
      literal(first);
      children.push(...cell.children);
      cursor = last;
    }
  }
  literal(table.position?.end.offset ?? cursor);
  return { type: 'paragraph', children, position: table.position };
}
