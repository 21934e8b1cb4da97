/**
 * Ids as kramdown gives them (after the sanitizer, which prefixes the post's ids with
 * `user-content-`; the preview's script resolves `#x` to `user-content-x`):
 *
 * - headings: kramdown-parser-gfm's `generate_gfm_header_id`: the heading's text (typography
 *   characters and math source included) lower-cased, every character that is not a letter, mark,
 *   digit, connector, `-`, space or tab removed, spaces and tabs turned into `-`;
 *   `relational-inductive-biases-deep-learning-and-graph-networks`, `발표자-강진구`. A second heading
 *   with the same id gets `-1`, a third `-2`: {@link numberDuplicateIds} does that over the whole
 *   post, since chunks are rendered (and cached) one by one.
 * - footnotes: `fnref:1` on the reference's `sup`, `#fn:1` its link, `fn:1` the note's item (a
 *   label's own name: `fn:note`); a second reference to one note is `fnref:1:1`. The notes are a
 *   `div.footnotes` list, each with its `↩` back links, as on the blog.
 */
import type { Element, ElementContent, Root } from 'hast';

const PREFIX = 'user-content-';
const NOT_ID = /[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/** kramdown-parser-gfm's heading id of `text`, before duplicates are numbered. */
export function kramdownHeadingId(text: string): string {
  return text.toLowerCase().replace(NOT_ID, '').replace(/[ \t]/g, '-');
}

/** Sets the ids of headings and footnotes in a sanitized chunk. */
export function kramdownIds(tree: Root): void {
  const visit = (parent: Root | Element): void => {
    parent.children.forEach((node, i) => {
      if (node.type !== 'element') return;
      if (/^h[1-6]$/.test(node.tagName)) {
        node.properties.id = PREFIX + kramdownHeadingId(idText(node));
      } else if (node.tagName === 'sup' && isFootnoteReference(node)) {
        footnoteReference(node);
        return;
      } else if (node.tagName === 'section' && node.properties.className?.includes('footnotes')) {
        parent.children[i] = footnotes(node);
        return;
      }
      visit(node);
    });
  };
  visit(tree);
}

/** The heading's text as kramdown reads it for the id: math as its TeX, footnote marks left out. */
function idText(node: Element): string {
  return node.children
    .map((c: ElementContent): string => {
      if (c.type === 'text') return c.value;
      if (c.type !== 'element' || c.tagName === 'sup') return '';
      return idText(c);
    })
    .join('');
}

function isFootnoteReference(sup: Element): boolean {
  const a = sup.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
  return a !== undefined && a.properties.dataFootnoteRef !== undefined;
}

/** `user-content-fnref-note-2` -> `fnref:note:1`. */
function referenceId(id: string): { label: string; id: string } | undefined {
  const m = /^(?:user-content-)*fnref-(.+?)(?:-(\d+))?$/.exec(id);
  if (!m) return undefined;
  const repeat = m[2] ? Number(m[2]) - 1 : 0;
  return { label: m[1]!, id: `fnref:${m[1]}${repeat > 0 ? `:${repeat}` : ''}` };
}

function footnoteReference(sup: Element): void {
  const a = sup.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a')!;
  const ref = referenceId(String(a.properties.id ?? ''));
  if (!ref) return;
  sup.properties = { id: PREFIX + ref.id };
  a.properties = { href: `#fn:${ref.label}`, className: ['footnote'] };
}

/** remark's `section.footnotes` as kramdown's `div.footnotes`. */
function footnotes(section: Element): Element {
  const list = section.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
  const items = (list?.children ?? []).filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
  for (const item of items) {
    const label = /^(?:user-content-)*fn-(.+)$/.exec(String(item.properties.id ?? ''))?.[1] ?? '';
    item.properties = { id: `${PREFIX}fn:${label}` };
    backLinks(item);
  }
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['footnotes'] },
    children: [{ type: 'element', tagName: 'ol', properties: {}, children: items, position: list?.position }],
    position: section.position,
  };
}

function backLinks(parent: Element): void {
  for (const node of parent.children) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined) {
      const href = String(node.properties.href ?? '').replace(/^#/, '');
      const ref = referenceId(href);
      if (!ref) continue;
      const repeat = Number(/:(\d+)$/.exec(ref.id.slice('fnref:'.length + ref.label.length))?.[1] ?? 0);
      node.properties = { href: `#${ref.id}`, className: ['reversefootnote'] };
      node.children = [{ type: 'text', value: '\u21A9' }];
      if (repeat > 0)
        node.children.push({
          type: 'element',
          tagName: 'sup',
          properties: {},
          children: [{ type: 'text', value: String(repeat + 1) }],
        });
    } else {
      backLinks(node);
    }
  }
}

/**
 * Numbers repeated heading ids over the whole post's HTML, as kramdown does (`x`, `x-1`, `x-2`);
 * the ids were written per chunk by {@link kramdownIds}.
 */
export function numberDuplicateIds(html: string): string {
  const seen = new Map<string, number>();
  return html.replace(/(<h[1-6] data-line="\d+" id=")user-content-([^"]*)"/g, (whole, open: string, id: string) => {
    const count = seen.get(id) ?? -1;
    seen.set(id, count + 1);
    return count < 0 ? whole : `${open}${PREFIX}${id}-${count + 1}"`;
  });
}
