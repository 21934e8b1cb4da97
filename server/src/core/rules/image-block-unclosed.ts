/**
 * `image-block-unclosed`: an image block `<p align="center">` without its `</p>` before the section
 * ends, or an `<img>` tag never closed by `>`.
 */
import type { RuleDefinition } from '../engine/rule';
import type { Position, Post, Range } from '../model';
import { comparePositions } from '../text/lineIndex';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { indentOf, insertLineAfter } from './support/lines';

export const imageBlockUnclosed: RuleDefinition = {
  id: 'image-block-unclosed',
  category: 'section',
  defaultSeverity: 'error',
  description: {
    en: 'An image block `<p align="center">` has no `</p>`, or an `<img>` tag is not closed.',
    ko: '이미지 블록 `<p align="center">`에 `</p>`가 없거나 `<img>` 태그가 닫히지 않았습니다.',
  },
  messages: {
    block: {
      en: 'Expected `</p>` closing this image block before the section ends, found none',
      ko: '섹션이 끝나기 전에 이 이미지 블록을 닫는 `</p>`가 필요하지만 없습니다',
    },
    tag: {
      en: 'Expected `>` closing the `<img>` tag, found the end of the block',
      ko: '`<img>` 태그를 닫는 `>`가 필요하지만 블록이 끝났습니다',
    },
  },
  docs: {
    rationale:
      'kramdown reads an HTML block up to its closing tag. Without `</p>`, the next sections can be swallowed into the ' +
      'block and shown as raw text, or lose their headings; a real 4th-quarter draft had this. An `<img` without `>` ' +
      'is not an image at all.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(/\n<\/p>$/, '')) },
    fix: "Inserts `</p>` on a new line after the block's last image.",
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      for (const block of section.imageBlocks) {
        if (block.close) continue;
        const last = block.range.end.line;
        const edit = insertLineAfter(post, last, `${indentOf(post, block.open.range.start.line)}</p>`);
        // A `</p>` inside a comment left open (`<p align="center"><!--`), inside an `<img>` whose
        // quoted address never closes (`src="x.png*>`), or after a `<p` whose own quote never closes
        // (`<p align='center">`: the tag runs on past it), would close nothing.
        const swallowed =
          !block.open.terminated ||
          insideComment(post, edit.range.start) ||
          insideOpenTag(section.images, edit.range.start);
        report({
          range: block.open.range,
          messageId: 'block',
          fix: swallowed
            ? undefined
            : {
                title: { en: 'Insert `</p>`', ko: '`</p>` 넣기' },
                safe: true,
                edits: [edit],
              },
        });
      }
      for (const image of section.images) {
        if (!image.terminated) report({ range: image.range, messageId: 'tag' });
      }
    }
  },
};

/** True when `position` lies inside an `<img>` tag never closed by `>` (which runs on to it). */
function insideOpenTag(images: readonly { terminated: boolean; range: Range }[], position: Position): boolean {
  return images.some(
    (image) =>
      !image.terminated &&
      comparePositions(image.range.start, position) < 0 &&
      comparePositions(position, image.range.end) <= 0,
  );
}

/**
 * True when `position` lies strictly inside an HTML comment of the post, or anywhere after the
 * start of one never closed (it runs to the end of the post, so text inserted at the end is in it).
 */
function insideComment(post: Post, position: Position): boolean {
  return post.comments.some((c) => {
    if (comparePositions(c.range.start, position) >= 0) return false;
    const end = post.lines.offsetAt(c.range.end);
    const closed = post.text.startsWith('-->', end - 3);
    return comparePositions(position, c.range.end) < (closed ? 0 : 1);
  });
}
