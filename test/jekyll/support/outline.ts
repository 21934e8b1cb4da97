/**
 * A normalized structural outline of a post's HTML, the same for kramdown's HTML (as Jekyll
 * rendered it, before the layout) and the preview's: one entry per block (headings with their ids,
 * paragraphs, list items under their list's kind, table rows, code blocks, display math, footnotes),
 * each with its inline content written compactly (`<strong>`, `<em>`, `<del>`, `[text](href)`,
 * `![alt](src width=450)`, `$inline math$`, `^[fnref:1](#fn:1)`, typography characters as they are).
 *
 * What the outline leaves out on purpose: whitespace runs (one space), attributes other than ids,
 * hrefs, image sources, widths and alts, `class`es, syntax highlighting, the `p` that wraps a loose
 * list item's text, and the sanitizer's `user-content-` id prefix (the preview's script resolves
 * `#x` to it). On kramdown's side MathJax's reading of the text is applied first (the site's
 * delimiters), since that is what the page shows; on the preview's side KaTeX's output is read back
 * to its TeX source (its `annotation`).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { findDelimitedMath, type MathDelimiters } from '../../../server/src/core/render/mathjaxDelimiters';

/** One block of the outline. */
export interface OutlineEntry {
  /** Where it is: the last heading's id, then `tag[n]` steps (`#results/ul[1]/li[2]`). */
  readonly path: string;
  /** What it is, normalized (`p: text **bold**`). */
  readonly text: string;
}

/** The outline of kramdown's HTML, after MathJax (with `delimiters`) read its text; none: no MathJax on the page. */
export function kramdownOutline(html: string, delimiters: MathDelimiters | undefined): OutlineEntry[] {
  const root = fromHtml(html, { fragment: true });
  if (delimiters) findDelimitedMath(root, delimiters);
  return outline(root);
}

/** The outline of the preview's HTML (`RenderResult.html`). */
export function previewOutline(html: string): OutlineEntry[] {
  return outline(fromHtml(html, { fragment: true }));
}

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'pre',
  'blockquote',
  'table',
  'tr',
  'hr',
  'div',
  'section',
  'center',
  'thead',
  'tbody',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
]);
/** Blocks that are only containers: their children are the entries. */
const TRANSPARENT = new Set(['div', 'section', 'center', 'thead', 'tbody', 'details']);

function outline(root: Root): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const counters = new Map<string, number>();
  let anchor = '';
  const walk = (nodes: readonly (RootContent | ElementContent)[], parent: string): void => {
    let inline: (RootContent | ElementContent)[] = [];
    const flush = (): void => {
      const text = inlineText(inline);
      inline = [];
      if (text) push(parent, 'text', text);
    };
    for (const node of nodes) {
      if (node.type === 'element' && isDisplayMath(node)) {
        flush();
        push(parent, 'math-display', texOf(node));
      } else if (node.type === 'element' && BLOCKS.has(node.tagName)) {
        flush();
        block(node, parent);
      } else if (node.type === 'element' || node.type === 'text') {
        inline.push(node);
      }
    }
    flush();
  };
  const push = (parent: string, tag: string, text: string, id?: string): string => {
    const scope = `${anchor}${parent}`;
    const key = `${scope}/${tag}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const path = `${scope}/${tag}[${n}]`;
    entries.push({ path, text: `${tag}${id ? `#${id}` : ''}: ${text}` });
    return `${parent}/${tag}[${n}]`;
  };
  const block = (node: Element, parent: string): void => {
    const tag = node.tagName;
    if (TRANSPARENT.has(tag)) return walk(node.children, parent);
    if (/^h[1-6]$/.test(tag)) {
      const id = idOf(node);
      anchor = `#${id ?? ''}`;
      counters.clear();
      entries.push({ path: anchor, text: `${tag}#${id ?? ''}: ${inlineText(node.children)}` });
      return;
    }
    if (tag === 'hr') return void push(parent, 'hr', '');
    if (tag === 'pre') return void push(parent, 'pre', textOf(node).replace(/\s+$/, ''));
    if (tag === 'tr') {
      const cells = node.children.filter((c): c is Element => c.type === 'element').map((c) => inlineText(c.children));
      return void push(parent, 'tr', cells.join(' | '));
    }
    if (tag === 'p' && onlyDisplayMath(node)) return void push(parent, 'math-display', texOf(onlyDisplayMath(node)!));
    if (tag === 'li') {
      // A loose item's paragraphs are its text, as a tight item's.
      const own = node.children.flatMap((c) =>
        c.type === 'element' && c.tagName === 'p' ? [...c.children, { type: 'text', value: ' ' } as const] : [c],
      );
      const inline = own.filter((c) => !(c.type === 'element' && BLOCKS.has(c.tagName)));
      const path = push(parent, 'li', inlineText(inline), idOf(node));
      return walk(
        own.filter((c) => c.type === 'element' && BLOCKS.has(c.tagName)),
        path,
      );
    }
    if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'summary')
      return void push(parent, tag, inlineText(node.children));
    const path = push(parent, tag, '');
    walk(node.children, path);
  };
  walk(root.children, '');
  return entries;
}

function idOf(node: Element): string | undefined {
  const id = node.properties.id;
  return typeof id === 'string' ? id.replace(/^user-content-/, '') : undefined;
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** KaTeX's display block, or MathJax's display math as `findDelimitedMath` marks it. */
function isDisplayMath(node: Element): boolean {
  const c = classes(node);
  return c.includes('katex-display') || c.includes('math-display');
}

function onlyDisplayMath(node: Element): Element | undefined {
  const content = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  const only = content.length === 1 ? content[0] : undefined;
  return only?.type === 'element' && isDisplayMath(only) ? only : undefined;
}

/** A formula's TeX: KaTeX's annotation, or the marked element's text. */
function texOf(node: Element): string {
  const annotation = find(node, (e) => e.tagName === 'annotation');
  return (annotation ? textOf(annotation) : textOf(node)).trim().replace(/\s+/g, ' ');
}

function find(node: Element, test: (e: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function textOf(node: Element | Root): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}

function inlineText(nodes: readonly (RootContent | ElementContent)[]): string {
  return nodes.map(inline).join('').replace(/\s+/g, ' ').trim();
}

function inline(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const inner = (): string => node.children.map(inline).join('');
  const c = classes(node);
  if (c.includes('katex') || c.includes('math-inline')) return `$${texOf(node)}$`;
  if (isDisplayMath(node)) return `$$${texOf(node)}$$`;
  switch (node.tagName) {
    case 'strong':
    case 'b':
      return `<strong>${inner()}</strong>`;
    case 'em':
    case 'i':
      return `<em>${inner()}</em>`;
    case 'del':
    case 's':
      return `<del>${inner()}</del>`;
    case 'code':
      return `\`${textOf(node)}\``;
    case 'br':
      return '⏎';
    case 'a': {
      const href = String(node.properties.href ?? '').replace(/^#user-content-/, '#');
      const id = idOf(node);
      return `[${inner()}](${href}${id ? ` #${id}` : ''})`;
    }
    case 'img': {
      const p = node.properties;
      return `![${String(p.alt ?? '')}](${String(p.src ?? '')}${p.width !== undefined ? ` width=${String(p.width)}` : ''})`;
    }
    case 'sup': {
      const id = idOf(node);
      return id ? `^{#${id} ${inner()}}` : `^{${inner()}}`;
    }
    case 'input':
      return node.properties.checked ? '[x] ' : '[ ] ';
    default:
      return inner();
  }
}
