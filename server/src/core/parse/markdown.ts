/**
 * The one Markdown parser of the product: remark (micromark, CommonMark) with `$$` math as the
 * blog writes it. Front matter never reaches it: `parsePost` hands it the body only, one chunk at
 * a time (see `chunks.ts`).
 */
import type { Root } from 'mdast';
import { remark } from 'remark';
import { remarkKramdownMath } from './kramdownMath';

// kramdown (and so the blog) reads math only between `$$`, and a formula runs to the next `$$`;
// a lone `$` is a dollar sign (see `kramdownMath.ts`).
const processor = remark().use(remarkKramdownMath).freeze();

/** Parses Markdown into an mdast tree whose offsets index into `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
