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
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace(
          /<p align="center">\n.*\n<\/p>/,
          '![resnet](https://user-images.githubusercontent.com/1/resnet-block.png)',
        ),
      ),
    },
    fix:
      'Turns Markdown images into one `<p align="center">` block with an `<img>` per image (keeping their alt text), ' +
      'wherever they stand. Images on lines of their own (a paragraph of images, an image line right after a bullet) become the ' +
      'block in place, applied automatically; an image inside a sentence or bullet leaves the text and its block follows the ' +
      'paragraph or list (offered, not applied automatically: the figure moves). `image-src` checks their addresses alike.',
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      for (const images of groupsOf(post, section)) {
        const fix = conversion(post, section, images);
        for (const image of images) report({ range: image.range, messageId: 'image', fix });
      }
    }
  },
};

type Range = Block['range'];
const within = (inner: Range, outer: Range) =>
  comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;

/**
 * The section's Markdown images in groups that become one block: images with nothing but spaces or
 * a line break between them (a blank line, or any text, starts another group).
 */
function groupsOf(post: Post, section: Section): MarkdownImage[][] {
  const groups: MarkdownImage[][] = [];
  let previous: MarkdownImage | undefined;
  for (const image of section.markdownImages) {
    const between = previous
      ? post.text.slice(post.lines.offsetAt(previous.range.end), post.lines.offsetAt(image.range.start))
      : undefined;
    if (between !== undefined && /^[ \t]*(?:\r?\n[ \t]*)?$/.test(between)) groups[groups.length - 1]!.push(image);
    else groups.push([image]);
    previous = image;
  }
  return groups;
}

/**
 * The fix that turns a group of Markdown images into one centered block, wherever it stands:
 * - on lines of their own (a paragraph of images, an image line after a bullet): those lines
 *   become the block, with the blank lines that keep it a block of its own (safe);
 * - among other text (`- the structure: ![](a.png)`): the images leave the text and the block
 *   follows the paragraph or list that held them (not safe: the figure moves).
 */
function conversion(post: Post, section: Section, images: MarkdownImage[]): FixDescriptor | undefined {
  // `![image]()` has no address to move: the block would only trade this note for an empty `src`.
  if (images.some((image) => !image.url.trim())) return undefined;
  const first = images[0]!.range.start;
  const last = images[images.length - 1]!.range.end;
  const before = post.lines.lineText(first.line).slice(0, first.character);
  const after = post.lines.lineText(last.line).slice(last.character);
  // An image inside a link (`[![](a.png)](b)`) is the link's content: moving it would break the link.
  if (/\[\s*$/.test(before) || /^\s*\]/.test(after)) return undefined;
  const eol = lineBreak(post);
  const block = imageBlock(images, eol);
  if (!before.trim() && !after.trim()) {
    const previous = first.line > 0 ? post.lines.lineText(first.line - 1) : '';
    const blankBefore = previous.trim() === '' || /^ {0,3}#{1,6}(?:[ \t]|$)/.test(previous);
    return {
      title: TITLE,
      safe: true,
      // An HTML block runs to the next blank line: without one after `</p>`, the line below (a
      // presenter line, say) would become part of the block and vanish from the page. Before it, a
      // blank line ends the paragraph or list item the images continued.
      edits: [
        {
          range: {
            start: { line: first.line, character: 0 },
            end: { line: last.line, character: post.lines.lineText(last.line).length },
          },
          newText: (blankBefore ? '' : eol) + block + (nextLineBlank(post, last.line) ? '' : eol),
        },
      ],
    };
  }
  const holder = section.blocks.find((b) => within(images[0]!.range, b.range));
  if (!holder) return undefined;
  // The images leave the line with the spaces before them (or, at the start of the text, after them).
  const start = { line: first.line, character: before.trim() ? before.trimEnd().length : first.character };
  const end = before.trim()
    ? last
    : { line: last.line, character: last.character + (after.length - after.trimStart().length) };
  const lineEnd = { line: holder.range.end.line, character: post.lines.lineText(holder.range.end.line).length };
  const insert = eol + eol + block + (nextLineBlank(post, lineEnd.line) ? '' : eol);
  const edits =
    comparePositions(end, lineEnd) === 0
      ? [{ range: { start, end }, newText: insert }]
      : [
          { range: { start, end }, newText: '' },
          { range: { start: lineEnd, end: lineEnd }, newText: insert },
        ];
  return { title: MOVE_TITLE, safe: false, edits };
}

const TITLE = { en: 'Convert to a centered image block', ko: '가운데 정렬 이미지 블록으로 바꾸기' };
const MOVE_TITLE = {
  en: 'Move into a centered image block after this paragraph',
  ko: '이 문단 뒤의 가운데 정렬 이미지 블록으로 옮기기',
};

function imageBlock(images: MarkdownImage[], eol: string): string {
  const tags = images.map(
    (i) => `  <img src="${attribute(i.url)}"${i.alt.trim() ? ` alt="${attribute(i.alt)}"` : ''}>`,
  );
  return ['<p align="center">', ...tags, '</p>'].join(eol);
}

/** True when the line after `line` is blank, or there is none. */
function nextLineBlank(post: Post, line: number): boolean {
  const next = line + 1;
  return next >= post.lines.lineCount || post.lines.lineText(next).trim() === '';
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
