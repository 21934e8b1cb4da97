/**
 * The post's body line by line as kramdown reads its blocks, for the rules about kramdown's traps
 * (`markdown-in-html-block`, `ordered-list-paren`, `bare-url`): which lines are text, which sit in
 * a fenced code block, a `$$` math block or an HTML comment, and which kramdown keeps as raw HTML.
 *
 * An HTML block starts at a line whose first mark (after at most three spaces) is the start tag of
 * an element kramdown does not treat as a span (`<p`, `<div`, `<center`, ...), and, as kramdown's
 * `parse_raw_html` reads it, runs to the end tag that closes it: every start tag inside it opens an
 * element of its own that needs its own end tag (void elements such as `<img>` excepted), an end tag
 * that closes nothing is ignored, and a block never closed runs to the end of the post. With
 * `markdown="1"`, kramdown reads the block's content as Markdown.
 *
 * Computed once per post model (posts are shared, unchanged, between the rules of one check).
 */
import type { Post, Range } from '../../model';
import { KRAMDOWN_SPAN_ELEMENTS } from '../../kramdownElements';

export type LineKind = 'text' | 'code' | 'math' | 'comment' | 'html';

/** One line of the body. */
export interface BodyLine {
  /** 0-based line number. */
  line: number;
  /** Offset of its first character. */
  start: number;
  /** Its text, without the line break. */
  text: string;
  kind: LineKind;
}

/** An HTML block as kramdown reads it. */
export interface HtmlBlock {
  /** Lower-case tag name. */
  tag: string;
  /** The opening tag. */
  open: Range;
  /** The end tag that closes the block; undefined when none does. */
  close: Range | undefined;
  /** The block's first and last lines (its last is the post's last when it is never closed). */
  firstLine: number;
  lastLine: number;
  /** The innermost element never closed, when the block is never closed (its own tag, or one inside it). */
  missing: string | undefined;
  /** How many elements are left open at the end of the post (0 when the block is closed). */
  openElements: number;
  /** True when the opening tag has `markdown="1"` (or `block`/`span`): kramdown reads the content as Markdown. */
  markdown: boolean;
}

export interface KramdownBlocks {
  lines: BodyLine[];
  htmlBlocks: HtmlBlock[];
}

/** Elements without content: no end tag. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const MATH_OPEN = /^ {0,3}\$\$(?!\$)(?:(?!\$\$).)*$/;
const COMMENT_OPEN = /^ {0,3}<!--/;
const BLOCK_TAG = /^( {0,3})<([A-Za-z][\w-]*)(?=[\s/>]|$)/;
/** A start tag, an end tag or a comment, as kramdown's raw HTML scanner finds them. */
const TAG =
  /<!--[\s\S]*?(?:-->|$)|<\/([A-Za-z][\w:-]*)\s*>|<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

const memo = new WeakMap<Post, KramdownBlocks>();

/** The body's lines and HTML blocks (remembered per post model). */
export function kramdownBlocks(post: Post): KramdownBlocks {
  let found = memo.get(post);
  if (!found) memo.set(post, (found = scan(post)));
  return found;
}

function scan(post: Post): KramdownBlocks {
  const text = post.text;
  const lines: BodyLine[] = [];
  const htmlBlocks: HtmlBlock[] = [];
  const index = post.lines;
  // Where an open construct ends: a fence's marker, `$$`, `-->`, or an offset (an HTML block).
  let open:
    | { kind: 'code'; close: RegExp }
    | { kind: 'math' }
    | { kind: 'comment' }
    | { kind: 'html'; end: number }
    | undefined;
  // The line index's lines: a lone `\r` ends a line too.
  for (let line = post.bodyRange.start.line; line < index.lineCount; line++) {
    const offset = index.lineStart(line);
    const next = line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length;
    const lineText = index.lineText(line);
    if (offset >= text.length && lineText === '') break;
    let kind: LineKind = 'text';
    if (open?.kind === 'html') {
      kind = 'html';
      if (open.end <= next) open = undefined;
    } else if (open?.kind === 'code') {
      kind = 'code';
      if (open.close.test(lineText)) open = undefined;
    } else if (open?.kind === 'math') {
      kind = 'math';
      if (lineText.includes('$$')) open = undefined;
    } else if (open?.kind === 'comment') {
      kind = 'comment';
      if (lineText.includes('-->')) open = undefined;
    } else {
      const fence = FENCE_OPEN.exec(lineText);
      const tag = BLOCK_TAG.exec(lineText);
      if (fence) {
        kind = 'code';
        const marker = fence[1]!;
        open = { kind: 'code', close: new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`) };
      } else if (MATH_OPEN.test(lineText)) {
        kind = 'math';
        open = { kind: 'math' };
      } else if (COMMENT_OPEN.test(lineText)) {
        kind = 'comment';
        if (!lineText.slice(lineText.indexOf('<!--') + 4).includes('-->')) open = { kind: 'comment' };
      } else if (tag && !KRAMDOWN_SPAN_ELEMENTS.has(tag[2]!.toLowerCase())) {
        kind = 'html';
        const block = readHtmlBlock(post, offset + tag[1]!.length);
        htmlBlocks.push(block);
        const blockEnd = block.close ? post.lines.offsetAt(block.close.end) : text.length;
        if (blockEnd > next) open = { kind: 'html', end: blockEnd };
      }
    }
    lines.push({ line, start: offset, text: lineText, kind });
  }
  return { lines, htmlBlocks };
}

/** The HTML block whose start tag is at `at`, read to the end tag that closes it. */
function readHtmlBlock(post: Post, at: number): HtmlBlock {
  const read = readRawHtml(post.text, at);
  return {
    tag: read.tag,
    missing: read.missing,
    openElements: read.openElements,
    open: post.lines.rangeOf(at, read.openEnd),
    close: read.close ? post.lines.rangeOf(read.close.start, read.close.end) : undefined,
    firstLine: post.lines.positionAt(at).line,
    lastLine: read.close ? post.lines.positionAt(read.close.end).line : post.lines.positionAt(post.text.length).line,
    markdown: read.markdown,
  };
}

/** What kramdown's raw HTML reading finds from the start tag at `at` of `text`, as offsets. */
export interface RawHtml {
  tag: string;
  openEnd: number;
  close: { start: number; end: number } | undefined;
  missing: string | undefined;
  openElements: number;
  markdown: boolean;
}

/** Reads the HTML element whose start tag is at `at` to the end tag that closes it (see the module comment). */
export function readRawHtml(text: string, at: number): RawHtml {
  TAG.lastIndex = at;
  const first = TAG.exec(text);
  const found = first !== null && first.index === at;
  const name = found ? first[2]!.toLowerCase() : undefined;
  const gt = text.indexOf('>', at);
  const openEnd = found ? TAG.lastIndex : gt < 0 ? text.length : gt + 1;
  const tag = name ?? /^<([A-Za-z][\w-]*)/.exec(text.slice(at))![1]!.toLowerCase();
  const markdown = found && /\bmarkdown\s*=\s*["']?(?:1|block|span)\b/i.test(first[3] ?? '');
  const result = (close: RawHtml['close'], missing?: string, openElements = 0): RawHtml => ({
    tag,
    openEnd,
    close,
    missing,
    openElements,
    markdown,
  });
  // A self-closed or void start tag, or one never finished, is the whole block.
  if (!found || first[4] === '/' || VOID_ELEMENTS.has(tag)) return result({ start: at, end: openEnd });
  const stack = [tag];
  TAG.lastIndex = openEnd;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    if (m[0].startsWith('<!--')) continue;
    if (m[1] !== undefined) {
      // An end tag closes the innermost open element when it names it; any other is ignored.
      if (m[1].toLowerCase() === stack[stack.length - 1]) {
        stack.pop();
        if (stack.length === 0) return result({ start: m.index, end: TAG.lastIndex });
      }
    } else if (m[4] !== '/' && !VOID_ELEMENTS.has(m[2]!.toLowerCase())) {
      stack.push(m[2]!.toLowerCase());
    }
  }
  return result(undefined, stack[stack.length - 1], stack.length);
}

/** `text` with its code spans (`` `...` ``) blanked out, offsets kept. */
export function withoutCodeSpans(text: string): string {
  return text.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (m) => ' '.repeat(m.length));
}
