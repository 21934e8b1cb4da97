/**
 * What kramdown 2.4 (the blog's Markdown reader, as GitHub Pages and Debian's Jekyll 4.3 load it)
 * knows of HTML elements, for the two places that read a post as kramdown does: the renderer's
 * HTML blocks (`render/kramdownHtmlBlocks.ts`) and the rules' block scan
 * (`rules/support/kramdownBlocks.ts`).
 */

/**
 * `Kramdown::Parser::Html::Constants::HTML_SPAN_ELEMENTS`: a line that starts with one of these
 * tags is a paragraph; any other tag starts an HTML block (kramdown/parser/kramdown/html.rb).
 */
export const KRAMDOWN_SPAN_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'big',
  'bdo',
  'br',
  'button',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'mark',
  'option',
  'q',
  'rb',
  'rbc',
  'rp',
  'rt',
  'rtc',
  'ruby',
  'samp',
  'select',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'tt',
  'u',
  'var',
]);
