/**
 * The preview's Markdown reading, made to match kramdown's (GFM input, as Jekyll sets it) where
 * CommonMark differs in what an author of the blog writes. A remark plugin:
 *
 * - HTML blocks as kramdown ends them, `markdown="1"`, tables only after a blank line
 *   (`kramdownHtmlBlocks.ts`);
 * - GFM tables, footnotes, task lists and `~~strikethrough~~` (GFM's parts, without its bare-URL
 *   autolinks: kramdown links only `<https://...>`, so `(https://a.b/c)에서` stays text);
 * - kramdown's escapes (`\,` and `\;` keep their backslash, which MathJax then reads);
 * - emphasis parsed as kramdown parses it (`kramdownEmphasis.ts`, micromark's own switched off);
 * - `1)` is no list marker (kramdown knows only `1.`), adjacent lists of one kind are one list,
 *   and an ordered list always counts from 1;
 * - attribute lists: `![fig](src){: width="450"}` on an image, `{: ...}` under a paragraph;
 * - smart quotes, dashes and ellipses (`kramdownTypography.ts`).
 *
 * Every step is linear in the chunk (emphasis: see its module).
 */
import type { Image, Parent, Paragraph, Root, RootContent } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Code, Construct, Extension, State, Token } from 'micromark-util-types';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { kramdownHtmlBlocks } from './kramdownHtmlBlocks';
import { displayMathParagraphs } from './math';
import { kramdownEmphasis, LITERAL_STAR, LITERAL_UNDERSCORE } from './kramdownEmphasis';
import { kramdownTypography } from './kramdownTypography';

/** Stands in for the `)` of a `1)` marker while micromark reads the chunk (same length). */
const PAREN = '\uE002';

/** kramdown-parser-gfm's escapable characters (`ESCAPED_CHARS_GFM`). */
const ESCAPABLE = new Set([...'\\.*_+`<>()[]{}#!:|"\'$=-~'].map((c) => c.charCodeAt(0)));

const kramdownEscape: Construct = {
  name: 'kramdownEscape',
  tokenize(effects, ok, nok) {
    const inside = (code: Code): State | undefined => {
      if (code === null || !ESCAPABLE.has(code)) return nok(code);
      effects.enter('characterEscapeValue');
      effects.consume(code);
      effects.exit('characterEscapeValue');
      effects.exit('characterEscape');
      return ok;
    };
    return (code) => {
      effects.enter('characterEscape');
      effects.enter('escapeMarker');
      effects.consume(code);
      effects.exit('escapeMarker');
      return inside;
    };
  },
};

const micromarkKramdown: Extension = {
  disable: { null: ['attention', 'characterEscape'] },
  text: { 92: kramdownEscape },
  string: { 92: kramdownEscape },
};

/** An escaped `*` or `_` reaches the tree as its stand-in, so that emphasis never takes it. */
const escapesFromMarkdown: FromMarkdownExtension = {
  exit: {
    characterEscapeValue(this: CompileContext, token: Token) {
      const tail = this.stack.pop() as { value: string; position?: { end: unknown } };
      const value = this.sliceSerialize(token);
      tail.value += value === '*' ? LITERAL_STAR : value === '_' ? LITERAL_UNDERSCORE : value;
      if (tail.position)
        tail.position.end = { line: token.end.line, column: token.end.column, offset: token.end.offset };
    },
  },
};

/** The remark plugin (see the module comment). Use it instead of remark-gfm. */
export function remarkKramdown(this: Processor): (tree: Root, file: VFile) => void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    gfmFootnote(),
    gfmStrikethrough({ singleTilde: false }),
    gfmTable(),
    gfmTaskListItem(),
    micromarkKramdown,
  );
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    escapesFromMarkdown,
  );
  const parse = (part: string): Root => this.parse(hideParenMarkers(part)) as Root;
  return (tree, file) => {
    // The chunk's text (as given to `runSync`): offsets of the tree index into it.
    const text = String(file.value ?? '');
    kramdownHtmlBlocks(tree, text, parse);
    displayMathParagraphs(text)(tree);
    kramdownEmphasis(tree);
    restoreParens(tree);
    kramdownLists(tree);
    attributeLists(tree);
    kramdownTypography(tree);
  };
}

/** A `1)` list marker at a line's start (after indentation, quote or bullet markers). */
const PAREN_MARKER = /^([ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?\d{1,9})\)(?=[ \t]|$)/gm;

/**
 * The chunk as micromark should read it: each `1)` marker's `)` replaced by a stand-in of the
 * same length, so that it starts no list (offsets and lines unchanged). The stand-in is turned
 * back into `)` in the tree.
 */
export function hideParenMarkers(text: string): string {
  return text.includes(')') ? text.replace(PAREN_MARKER, `$1${PAREN}`) : text;
}

function restoreParens(tree: Root): void {
  const visit = (node: Root | RootContent): void => {
    if ('value' in node && typeof node.value === 'string' && node.value.includes(PAREN))
      node.value = node.value.replaceAll(PAREN, ')');
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

/** Adjacent lists of one kind are one list in kramdown, whatever their markers; `ol` counts from 1. */
function kramdownLists(tree: Root): void {
  const visit = (parent: Parent): void => {
    const out: RootContent[] = [];
    for (const node of parent.children) {
      const last = out[out.length - 1];
      if (node.type === 'list') {
        node.start = null;
        if (last?.type === 'list' && last.ordered === node.ordered) {
          last.children.push(...node.children);
          last.spread = true;
          if (last.position && node.position) last.position.end = node.position.end;
          continue;
        }
      }
      out.push(node);
    }
    parent.children = out;
    for (const node of parent.children) if ('children' in node) visit(node);
  };
  visit(tree);
}

/** `{: width="450" .class #id}`: kramdown's inline attribute list. */
const IAL = /^\{:([^}]*)\}/;
const BLOCK_IAL = /\n[ \t]*\{:([^}\n]*)\}[ \t]*$/;

function parseAttributes(body: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of body.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)')|\.([\w-]+)|#([\w-]+)/g)) {
    if (m[1]) attributes[m[1]] = m[2] ?? m[3] ?? '';
    else if (m[4]) attributes.class = attributes.class ? `${attributes.class} ${m[4]}` : m[4];
    else if (m[5]) attributes.id = m[5];
  }
  return attributes;
}

/**
 * Applies attribute lists as kramdown does: one right after an image sets the image's attributes
 * (`width`, `alt`, ...); one on the last line of a paragraph sets the paragraph's. The list itself
 * is not shown. (The sanitizer then keeps what it allows: an image's `width`, `height`, `alt`.)
 */
function attributeLists(tree: Root): void {
  const visit = (parent: Parent): void => {
    const children = parent.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      const previous = children[i - 1];
      if (node.type === 'text' && previous?.type === 'image') {
        const m = IAL.exec(node.value);
        if (m) {
          setImageAttributes(previous, parseAttributes(m[1]!));
          node.value = node.value.slice(m[0].length);
        }
      }
      if (node.type === 'paragraph') blockAttributes(node);
      if ('children' in node) visit(node);
    }
    parent.children = children.filter(
      (c) => !(c.type === 'text' && c.value === '') && !(c.type === 'paragraph' && c.children.length === 0),
    );
  };
  visit(tree);
}

function setImageAttributes(image: Image, attributes: Record<string, string>): void {
  const { alt, title, ...rest } = attributes;
  if (alt !== undefined) image.alt = alt;
  if (title !== undefined) image.title = title;
  const data = (image.data ??= {});
  data.hProperties = { ...(data.hProperties ?? {}), ...rest };
}

function blockAttributes(paragraph: Paragraph): void {
  const last = paragraph.children[paragraph.children.length - 1];
  if (last?.type !== 'text') return;
  // A paragraph that is nothing but the list: kramdown applies it to the next block and shows nothing.
  const whole = paragraph.children.length === 1 ? /^[ \t]*\{:[^}\n]*\}[ \t]*$/.exec(last.value) : null;
  if (whole) {
    paragraph.children = [];
    return;
  }
  const m = BLOCK_IAL.exec(last.value);
  if (!m) return;
  last.value = last.value.slice(0, m.index);
  const attributes = parseAttributes(m[1]!);
  const data = (paragraph.data ??= {});
  data.hProperties = { ...(data.hProperties ?? {}), ...attributes };
  if (last.value === '') paragraph.children.pop();
  const tail = paragraph.children[paragraph.children.length - 1];
  if (tail?.type === 'break') paragraph.children.pop();
}
