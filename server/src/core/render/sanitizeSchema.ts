/**
 * What HTML survives in the preview: an allowlist for `rehype-sanitize`, written for what the blog
 * uses (`<p align="center">`, `<img src width alt>`) and what GFM produces (tables, strikethrough,
 * task lists, footnotes), and nothing else. Every key is given, because `hast-util-sanitize` falls
 * back to its (broader, GitHub) default for a missing one.
 *
 * Things this rules out, whatever the post writes: scripts, styles (elements and attributes), event
 * handler attributes, frames, forms and their controls, `<meta>`, `<base>`, `<link>`, `<object>`,
 * `<embed>`, SVG and raw MathML, comments, and URLs with any scheme but the ones listed (so no
 * `javascript:`, `vbscript:` or `data:` links). Entities are decoded by the parser before this runs,
 * so `&#106;avascript:` is seen as `javascript:`, and `&lt;script&gt;` is text and stays text.
 */
import type { Options as Schema } from 'rehype-sanitize';

const BLOCKS = [
  'p',
  'div',
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
  'center',
];
const TABLES = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];
const INLINE = [
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'del',
  's',
  'strike',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'code',
  'kbd',
  'q',
  'cite',
  'abbr',
  'br',
  'span',
  'img',
];
const OTHER = ['details', 'summary', 'section', 'input'];

/**
 * Elements dropped with their content. Any other element not allowed is unwrapped (its text kept),
 * which is right for, say, `<font>`, but would show a script's or a style sheet's source as text.
 */
const STRIP = [
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'title',
  'xmp',
  'plaintext',
  'iframe',
  'frame',
  'frameset',
  'noembed',
  'noframes',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'select',
  'option',
  'head',
  'button',
];

/** The `data:` URLs an `<img>` may keep (the sanitizer's protocol check only sees `data:`). */
export const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp|svg\+xml)[;,]/i;

/**
 * The allowlist. Math arrives as `<code class="language-math math-inline|math-display">` (remark-math);
 * `<input>` is GFM's task list checkbox, kept only in a list item and always a disabled checkbox.
 */
export const SANITIZE_SCHEMA: Schema = {
  tagNames: [...BLOCKS, ...TABLES, ...INLINE, ...OTHER],
  strip: STRIP,
  allowComments: false,
  allowDoctypes: false,
  attributes: {
    '*': ['align', 'title', 'lang', 'dir'],
    a: [
      'href',
      'id',
      'ariaDescribedBy',
      'ariaLabel',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref'],
    ],
    img: ['src', 'alt', 'width', 'height'],
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: ['id', ['className', 'task-list-item']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    th: ['colSpan', 'rowSpan'],
    td: ['colSpan', 'rowSpan'],
    h2: ['id', ['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    sup: ['id'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    details: ['open'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: {
    input: ['li'],
    tbody: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    caption: ['table'],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https', 'data'],
    cite: ['http', 'https'],
  },
  clobber: ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'],
  clobberPrefix: 'user-content-',
};
