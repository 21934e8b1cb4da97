/**
 * Math as the blog writes it and kramdown reads it: `$$...$$` inside a sentence is inline math, and
 * `$$...$$` standing alone in its paragraph (or `$$` lines around a block) is display math. With
 * `mathjax: true` the page typesets it; the preview typesets it with KaTeX here, on the server, so
 * the webview runs no math script. Without `mathjax`, the page shows the source as written, and so
 * does the preview.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import katex from 'katex';
import type { Paragraph, Parent, Root as MdastRoot } from 'mdast';
import { Lru } from '../cache/lru';

/**
 * An mdast transform: a paragraph holding nothing but one `$$...$$` becomes a display `math` node,
 * as kramdown renders it (`sections.ts` reads it the same way for the rules).
 */
export function displayMathParagraphs(text: string): (tree: MdastRoot) => void {
  const visit = (parent: Parent): void => {
    parent.children.forEach((node, i) => {
      if (node.type === 'paragraph') {
        const math = loneMath(node, text);
        if (math !== undefined) {
          parent.children[i] = {
            type: 'math',
            value: math,
            position: node.position,
            data: {
              hName: 'pre',
              hChildren: [
                {
                  type: 'element',
                  tagName: 'code',
                  properties: { className: ['language-math', 'math-display'] },
                  children: [{ type: 'text', value: math }],
                },
              ],
            },
          };
        }
      } else if ('children' in node) {
        visit(node);
      }
    });
  };
  return (tree) => visit(tree);
}

function loneMath(paragraph: Paragraph, text: string): string | undefined {
  const content = paragraph.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  const only = content.length === 1 ? content[0] : undefined;
  if (only?.type !== 'inlineMath') return undefined;
  const start = only.position?.start.offset;
  return start !== undefined && text.startsWith('$$', start) ? only.value : undefined;
}

/** KaTeX's settings: no `\href`, `\url`, `\includegraphics` or `\html...` (`trust: false`), bounded work. */
const KATEX_OPTIONS: katex.KatexOptions = {
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxSize: 50,
  maxExpand: 1000,
  output: 'htmlAndMathml',
};

/**
 * KaTeX's HTML by formula, least recently used dropped first: typing in a section renders its
 * chunk again, and its formulas, which have not changed, need not be typeset again. KaTeX's output
 * depends on nothing but the formula and the options. Errors are not remembered.
 */
export type TypesetCache = Lru<string, string>;

/** A typeset cache of the usual size (a render cache holds one). */
export function createTypesetCache(): TypesetCache {
  return new Lru<string, string>({ maxWeight: 2000, maxEntryWeight: 1 });
}

/** KaTeX's HTML for `tex`, from `cache` when it has it. */
function typesetCached(tex: string, display: boolean, cache: TypesetCache | undefined): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const known = cache?.get(key);
  if (known !== undefined) return known;
  const html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
  cache?.set(key, html);
  return html;
}

/**
 * A hast transform, run after the sanitizer: replaces each `code.language-math` with KaTeX's HTML
 * (a `raw` node: KaTeX escapes what it prints, and `trust: false` keeps links and HTML commands
 * out) when `typeset`, or with the source as written otherwise. Display math becomes a
 * `div.math-display` keeping the source position, so that it carries its `data-line`.
 */
export function typesetMath(text: string, typeset: boolean, cache?: TypesetCache): (tree: HastRoot) => void {
  const source = (node: Element): string | undefined => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? undefined : text.slice(start, end);
  };
  const render = (value: string, display: boolean, written: string): ElementContent[] => {
    if (!typeset) return [{ type: 'text', value: written }];
    try {
      return [{ type: 'raw', value: typesetCached(value, display, cache) } as unknown as ElementContent];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return [
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['katex-error'], title: message },
          children: [{ type: 'text', value: written }],
        },
      ];
    }
  };
  const visit = (parent: HastRoot | Element): void => {
    parent.children.forEach((node: HastContent, i) => {
      if (node.type !== 'element') return;
      const code = mathCode(node);
      if (code && node.tagName === 'pre') {
        const value = textOf(code);
        // Without MathJax the page shows what kramdown wrote: `\[...\]`.
        const written = typeset ? (source(node) ?? `$$${value}$$`) : `\\[${value}\\]`;
        const block: Element = {
          type: 'element',
          tagName: typeset ? 'div' : 'p',
          properties: typeset ? { className: ['math-display'] } : {},
          children: render(value, true, written),
          position: node.position,
        };
        parent.children[i] = block;
      } else if (isMath(node)) {
        const value = textOf(node);
        const display = (node.properties.className as string[]).includes('math-display');
        const found = (node.data as { written?: string } | undefined)?.written;
        const written = found ?? (typeset ? (source(node) ?? `$$${value}$$`) : `\\(${value}\\)`);
        parent.children.splice(i, 1, ...render(value, display, written));
      } else {
        visit(node);
      }
    });
  };
  return (tree) => visit(tree);
}

/** The `code.language-math` a `pre` holds (display math), if that is all it holds. */
function mathCode(pre: Element): Element | undefined {
  const elements = pre.children.filter((c): c is Element => c.type === 'element');
  const only = elements.length === 1 ? elements[0] : undefined;
  return only && isMath(only) ? only : undefined;
}

function isMath(node: Element): boolean {
  const classes = node.properties.className;
  return node.tagName === 'code' && Array.isArray(classes) && classes.includes('language-math');
}

function textOf(node: Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}
