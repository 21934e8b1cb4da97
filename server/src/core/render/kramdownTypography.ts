/**
 * kramdown's smart typography (`smart_quotes.rb`, `typographic_symbol.rb`), on the text of a
 * Markdown tree (code, math and HTML are not text and keep what was written):
 *
 * - `---` to an em dash, `--` to an en dash, `...` to an ellipsis, `<<` and `>>` to guillemets;
 * - quotes to curly ones by kramdown's rules: a quote after a space (or `(`, `[`, `{`, `-`) opens,
 *   after any other character closes (`it's`), `'90s` is an apostrophe; a quote with nothing
 *   before it in its text (the start of a paragraph, or right after emphasis, a link or code) opens
 *   unless a space, punctuation or the end follows it.
 *
 * One pass over each text node: linear.
 */
import type { Root, RootContent } from 'mdast';

const LDQUO = '\u201C';
const RDQUO = '\u201D';
const LSQUO = '\u2018';
const RSQUO = '\u2019';

const SYMBOLS = /---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>|["']/g;
const SYMBOL_TEXT: Record<string, string> = {
  '---': '\u2014',
  '--': '\u2013',
  '...': '\u2026',
  '\\<<': '<<',
  '\\>>': '>>',
  '<< ': '\u00AB\u00A0',
  ' >>': '\u00A0\u00BB',
  '<<': '\u00AB',
  '>>': '\u00BB',
};

/** kramdown's `SQ_PUNCT`: ASCII punctuation. */
const PUNCT = /[!"#$%'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const WORD = /[\p{L}\p{M}\p{Nd}\p{Pc}]/u;
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Rewrites the text nodes of `tree` with kramdown's typography. */
export function kramdownTypography(tree: Root): void {
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'text') node.value = typography(node.value);
    else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

/** One text's typography; quotes at its start are read as kramdown reads a quote with nothing before it. */
export function typography(text: string): string {
  if (!/["'<>]|--|\.\.\./.test(text)) return text;
  return text.replace(SYMBOLS, (match, offset: number) => {
    if (match !== '"' && match !== "'") return SYMBOL_TEXT[match]!;
    return quote(text, offset);
  });
}

function quote(text: string, at: number): string {
  const q = text[at]!;
  const double = q === '"';
  const open = double ? LDQUO : LSQUO;
  const close = double ? RDQUO : RSQUO;
  const next = text[at + 1];
  const rest = text.slice(at + 1, at + 4);
  // A `*` or `_` before it was read by kramdown's emphasis parser (and left as text): the quote then
  // has nothing before it.
  if (at > 0 && text[at - 1] !== '*' && text[at - 1] !== '_') {
    const before = text[at - 1]!;
    // An escaped quote stays straight (the escape was read before this pass).
    if (isSpace(before)) {
      if (q === "'" && /^\d\ds/.test(rest)) return RSQUO;
      return open;
    }
    if ('[{(-'.includes(before)) return open;
    return close;
  }
  // Nothing before it in this text.
  if (next !== undefined && /^[_*]{1,2}\S/.test(text.slice(at + 1, at + 4))) return open;
  if (next !== undefined && PUNCT.test(next) && !text.startsWith('..', at + 1) && !WORD.test(text[at + 2] ?? ''))
    return close;
  if (q === "'" && /^\d\ds/.test(rest)) return RSQUO;
  if (next === undefined || isSpace(next) || (next === 's' && !WORD.test(text[at + 2] ?? ''))) return close;
  return open;
}
