/**
 * One chunk of a post's body (see `parse/chunks.ts`) to sanitized HTML:
 * remark (read as kramdown reads Markdown, `$$` math) -> rehype -> raw HTML parsed -> sanitized ->
 * kramdown's ids -> the site's MathJax delimiters found -> math typeset -> source lines stamped ->
 * serialized.
 *
 * Every block element gets `data-line`, its 0-based line in the chunk, as its first attribute, so
 * that `renderPost` can move a cached chunk's lines to wherever the chunk now sits.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkKramdownMath } from '../parse/kramdownMath';
import { guardMarkdown } from '../parse/markdownGuard';
import { kramdownIds } from './kramdownIds';
import { hideParenMarkers, remarkKramdown } from './kramdownMarkdown';
import { typesetMath, type TypesetCache } from './math';
import { findDelimitedMath, type MathDelimiters } from './mathjaxDelimiters';
import { DATA_IMAGE, SANITIZE_SCHEMA } from './sanitizeSchema';

/** How a chunk renders, besides its text. */
export interface ChunkRenderOptions {
  /**
   * The site's MathJax delimiters when the page typesets math (front matter `mathjax` is true):
   * kramdown's `$$` math and what the delimiters find in the text are typeset. Undefined: math is
   * shown as the page shows it without MathJax.
   */
  math: MathDelimiters | undefined;
  /** Base URL that site-absolute image paths (`/assets/x.png`) resolve against, if any. */
  imageBase?: string;
  /** The site's `baseurl` (`/blog`): a path under it (`/blog/assets/x.png`) is the site's `/assets/x.png`. */
  baseurl?: string;
  /** The chunk is one block of raw HTML, as kramdown reads an element left open (no Markdown in it). */
  raw?: boolean;
  /** Formulas typeset before (the render cache's). */
  typeset?: TypesetCache;
}

/**
 * Where the preview loads a site-absolute path (`/assets/x.png`, `{{ site.baseurl }}/assets/x.png`, or
 * `/blog/assets/x.png` under the baseurl `/blog`) from: the site folder's file under `imageBase`.
 * Undefined for any other URL.
 */
export function siteImageUrl(
  src: string,
  imageBase: string | undefined,
  baseurl: string | undefined,
): string | undefined {
  // `{{ site.baseurl }}/assets/x.png`: Jekyll puts the baseurl there, so the rest is a site path.
  const liquid = /^\{\{\s*site\.baseurl\s*\}\}(?=\/)/.exec(src);
  if (liquid) src = src.slice(liquid[0].length);
  if (!imageBase || !src.startsWith('/') || src.startsWith('//')) return undefined;
  const path = !liquid && baseurl && src.startsWith(`${baseurl}/`) ? src.slice(baseurl.length) : src;
  return imageBase.replace(/\/+$/, '') + path;
}

/** Elements that get a `data-line`: those that start a line of their own on the page. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'center',
  'blockquote',
  'pre',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'details',
  'section',
]);

// Markdown read as kramdown reads it (`kramdownMarkdown.ts`). kramdown reads `$$` only: a single `$`
// is text, which the page's MathJax may then typeset (`mathjaxDelimiters.ts`); a formula runs to the
// next `$$` (the parser's reading, `parse/kramdownMath.ts`).
const toHast = unified()
  .use(remarkParse)
  .use(remarkKramdown)
  .use(remarkKramdownMath)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .freeze();

// `raw` nodes come from KaTeX only: the author's raw HTML was parsed by rehype-raw and sanitized
// before math is typeset, and the sanitizer drops every node type it does not know.
const toHtml = unified().use(rehypeStringify, { allowDangerousHtml: true }).freeze();

/**
 * Renders one chunk of Markdown to sanitized HTML with chunk-local `data-line`s. A chunk the tree
 * tools cannot handle (thousands of nested tags overflow their recursion) is shown as its escaped
 * source instead, so that one hostile section never takes the whole preview down; so is a chunk
 * with lines too complex for the parser to read in reasonable time (see `parse/markdownGuard.ts`).
 */
export function renderChunk(text: string, options: ChunkRenderOptions): string {
  try {
    let hast: HastRoot;
    if (options.raw) {
      const end = { line: text.split('\n').length, column: 1, offset: text.length };
      const html: MdastRoot = {
        type: 'root',
        children: [{ type: 'html', value: text, position: { start: { line: 1, column: 1, offset: 0 }, end } }],
      };
      hast = toHast.runSync(html, text);
    } else {
      if (guardMarkdown(text).simplified.length > 0) throw new Error('too complex to render');
      const hidden = hideParenMarkers(text);
      hast = toHast.runSync(toHast.parse(hidden), hidden);
    }
    kramdownIds(hast);
    if (options.math) findDelimitedMath(hast, options.math);
    typesetMath(text, options.math !== undefined, options.typeset)(hast);
    finishElements(hast, options);
    return toHtml.stringify(hast);
  } catch {
    const escaped = text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/>/g, '&#x3E;');
    return `<pre data-line="0" class="render-failed">${escaped}</pre>`;
  }
}

/** Stamps `data-line` on block elements and settles image sources. */
function finishElements(root: HastRoot | Element, options: ChunkRenderOptions): void {
  for (const node of root.children) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'img') settleImage(node, options);
    const line = node.position?.start.line;
    if (BLOCK_TAGS.has(node.tagName) && line !== undefined) {
      node.properties = { dataLine: line - 1, ...node.properties };
    }
    finishElements(node, options);
  }
}

function settleImage(img: Element, options: ChunkRenderOptions): void {
  const src = img.properties.src;
  if (typeof src !== 'string') return;
  // The sanitizer lets `data:` through for `src`; only images may keep it.
  if (/^\s*data:/i.test(src) && !DATA_IMAGE.test(src.trim())) delete img.properties.src;
  else {
    const local = siteImageUrl(src, options.imageBase, options.baseurl);
    if (local) img.properties.src = local;
  }
}
