/**
 * Folding ranges: the front matter, each paper section, image blocks, and comments and math
 * blocks that run over several lines.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Post, Range } from '../model';

/** The folding ranges of `post`, in document order. */
export function getFoldingRanges(post: Post): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (range: Range, kind?: FoldingRangeKind) => {
    if (range.end.line <= range.start.line) return;
    const folding: FoldingRange = { startLine: range.start.line, endLine: range.end.line };
    if (kind) folding.kind = kind;
    out.push(folding);
  };
  if (post.frontMatter) add(post.frontMatter.range);
  for (const section of post.sections) {
    add(section.range, FoldingRangeKind.Region);
    for (const block of section.imageBlocks) add(block.range);
  }
  for (const comment of post.comments) add(comment.range, FoldingRangeKind.Comment);
  for (const math of post.math) if (math.display) add(math.range);
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
