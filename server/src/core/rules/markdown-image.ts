/**
 * `markdown-image`: a Markdown image `![...](...)` where the blog's house style is a centered
 * `<p align="center"><img ...></p>` block. The early 3rd-quarter drafts used Markdown images.
 */
import type { FixDescriptor, RuleDefinition } from '../engine/rule';
import type { Block, MarkdownImage, Post, Section } from '../model';
import { comparePositions } from '../text/lineIndex';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { lineBreak } from './support/frontMatter';

export const markdownImage: RuleDefinition = {
  id: 'markdown-image',
  category: 'section',
  defaultSeverity: 'info',
  description: {
    en: 'A Markdown image is used where the blog centers figures in a `<p align="center">` block.',
    ko: '블로그는 그림을 `<p align="center">` 블록으로 가운데 정렬하는데 Markdown 이미지를 썼습니다.',
  },
  messages: {
    image: {
      en: 'Expected a centered `<p align="center">` image block, found a Markdown image',
      ko: '가운데 정렬한 `<p align="center">` 이미지 블록이 필요하지만 Markdown 이미지입니다',
    },
  },
  docs: {
    rationale:
      'Every figure of the published posts sits in a `<p align="center">` block, where `width` can size it and put two side ' +
      'by side. A Markdown image renders left-aligned at full size, out of step with the rest of the post.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: {
      text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(/<p align="center">\n.*\n<\/p>/, '![resnet](https://user-images.githubusercontent.com/1/resnet-block.png)')),
    },
    fix: 'Turns a paragraph made of Markdown images into one `<p align="center">` block with an `<img>` per image (keeping ' +
      'their alt text). Offered only where the images stand alone in their paragraph.',
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      for (const { images, fix } of groupByParagraph(post, section)) {
        for (const image of images) report({ range: image.range, messageId: 'image', fix });
      }
    }
  },
};

type Range = Block['range'];
const within = (inner: Range, outer: Range) =>
  comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;

/**
 * The section's Markdown images grouped by the top-level paragraph that holds them (both lists
 * are in source order, so one walk pairs them), each group with the fix for its paragraph.
 */
function groupByParagraph(post: Post, section: Section): { images: MarkdownImage[]; fix: FixDescriptor | undefined }[] {
  const paragraphs = section.blocks.filter((b) => b.kind === 'paragraph');
  const groups: { images: MarkdownImage[]; block: Block | undefined }[] = [];
  let p = 0;
  for (const image of section.markdownImages) {
    while (p < paragraphs.length && comparePositions(paragraphs[p]!.range.end, image.range.start) < 0) p++;
    const block = p < paragraphs.length && within(image.range, paragraphs[p]!.range) ? paragraphs[p] : undefined;
    const last = groups[groups.length - 1];
    if (block && last?.block === block) last.images.push(image);
    else groups.push({ images: [image], block });
  }
  return groups.map(({ images, block }) => ({ images, fix: block ? blockFix(post, block, images) : undefined }));
}

/** Replaces a paragraph made of nothing but Markdown images with one centered image block. */
function blockFix(post: Post, block: Block, images: MarkdownImage[]): FixDescriptor | undefined {
  // `![image]()` has no address to move: the block would only trade this note for an empty `src`.
  if (images.some((image) => !image.url.trim())) return undefined;
  let at = post.lines.offsetAt(block.range.start);
  for (const image of images) {
    const start = post.lines.offsetAt(image.range.start);
    if (post.text.slice(at, start).trim() !== '') return undefined;
    at = post.lines.offsetAt(image.range.end);
  }
  if (post.text.slice(at, post.lines.offsetAt(block.range.end)).trim() !== '') return undefined;
  const eol = lineBreak(post);
  const tags = images.map((i) => `  <img src="${attribute(i.url)}"${i.alt.trim() ? ` alt="${attribute(i.alt)}"` : ''}>`);
  return {
    title: { en: 'Convert to a centered image block', ko: '가운데 정렬 이미지 블록으로 바꾸기' },
    safe: true,
    // An HTML block runs to the next blank line: without one after `</p>`, the line below (a
    // presenter line, say) would become part of the block and vanish from the page.
    edits: [{ range: block.range, newText: ['<p align="center">', ...tags, '</p>'].join(eol) + (nextLineBlank(post, block) ? '' : eol) }],
  };
}

/** True when the line after `block` is blank, or there is none. */
function nextLineBlank(post: Post, block: Block): boolean {
  const next = block.range.end.line + 1;
  return next >= post.lines.lineCount || post.lines.lineText(next).trim() === '';
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
