/**
 * The one Markdown parser of the product: remark (micromark, CommonMark) with `$$` math as the
 * blog writes it. Front matter never reaches it: `parsePost` hands it the body only, one chunk at
 * a time (see `chunks.ts`).
 */
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkMath from 'remark-math';

// kramdown (and so the blog) reads math only between `$$`; a lone `$` is a dollar sign.
const processor = remark().use(remarkMath, { singleDollarTextMath: false }).freeze();

/** Parses Markdown into an mdast tree whose offsets index into `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
