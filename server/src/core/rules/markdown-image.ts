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
      for (const image of section.markdownImages) {
        report({ range: image.range, messageId: 'image', fix: blockFix(post, section, image) });
      }
    }
  },
};

function within(inner: { start: { line: number; character: number }; end: { line: number; character: number } }, outer: Block['range']): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function blockFix(post: Post, section: Section, image: MarkdownImage): FixDescriptor | undefined {
  const block = section.blocks.find((b) => b.kind === 'paragraph' && within(image.range, b.range));
  if (!block) return undefined;
  const images = section.markdownImages.filter((i) => within(i.range, block.range));
  // The paragraph must hold nothing but its images.
  let rest = post.text.slice(post.lines.offsetAt(block.range.start), post.lines.offsetAt(block.range.end));
  for (const i of [...images].reverse()) {
    const start = post.lines.offsetAt(i.range.start) - post.lines.offsetAt(block.range.start);
    const end = post.lines.offsetAt(i.range.end) - post.lines.offsetAt(block.range.start);
    rest = rest.slice(0, start) + rest.slice(end);
  }
  if (rest.trim() !== '') return undefined;
  const eol = lineBreak(post);
  const tags = images.map((i) => `  <img src="${attribute(i.url)}"${i.alt.trim() ? ` alt="${attribute(i.alt)}"` : ''}>`);
  return {
    title: { en: 'Convert to a centered image block', ko: '가운데 정렬 이미지 블록으로 바꾸기' },
    safe: true,
    edits: [{ range: block.range, newText: ['<p align="center">', ...tags, '</p>'].join(eol) }],
  };
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
