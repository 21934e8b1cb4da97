/**
 * `markdown-in-html-block`: headings, list items or Markdown images that kramdown keeps inside an
 * HTML block, where they are raw text on the blog. kramdown reads an HTML block (`<div>`, `<center>`,
 * `<p>`, ...) to the end tag that closes it, each nested element needing its own: a block never
 * closed (or holding an element never closed, such as a `<b>`) swallows the rest of the post, and
 * Markdown written inside a closed block shows as it is written. An image block `<p align="center">`
 * without `</p>` is `image-block-unclosed`'s. `</p>` followed by a `# heading` on the next line is
 * fine: the parity suite shows kramdown ends the block at `</p>`.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { RuleDefinition } from '../engine/rule';
import type { Post } from '../model';
import { comparePositions } from '../text/lineIndex';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { kramdownBlocks, readRawHtml, type HtmlBlock } from './support/kramdownBlocks';
import { indentOf, insertLineAfter } from './support/lines';

/** A line kramdown would read as a heading, a list item, a Markdown image or a `***` rule outside HTML. */
const MARKDOWN_LINE =
  /^ {0,3}#{1,6}(?:\s|$)|^\s*(?:[-*+]|\d{1,9}[.)])\s+\S|!\[[^\]\n]*\]\([^)\n]*\)|^ {0,3}([-*_])(?: *\1){2,} *$/;

export const markdownInHtmlBlock: RuleDefinition = {
  id: 'markdown-in-html-block',
  category: 'section',
  defaultSeverity: 'error',
  description: {
    en: 'Headings, list items or Markdown images sit inside an HTML block, where kramdown shows them as raw text.',
    ko: '제목, 목록 항목, Markdown 이미지가 HTML 블록 안에 있어 kramdown이 날것의 글자로 보입니다.',
  },
  messages: {
    unclosed: {
      en: 'Expected `</{missing}>` closing the `<{missing}>` opened in this block, found none: kramdown shows the rest of the post as raw text, from `{first}` on line {line} ({count} Markdown line(s))',
      ko: '이 블록에서 연 `<{missing}>`을(를) 닫는 `</{missing}>`가 필요하지만 없습니다: kramdown은 {line}번째 줄의 `{first}`부터 포스트 끝까지 날것의 글자로 보입니다(Markdown 줄 {count}개)',
    },
    inside: {
      en: 'Expected Markdown outside the `<{tag}>` block, found `{first}` on line {line} inside it (the block ends on line {closeLine}): kramdown shows it as raw text ({count} Markdown line(s))',
      ko: 'Markdown은 `<{tag}>` 블록 밖에 있어야 하지만 {line}번째 줄의 `{first}`이(가) 블록 안에 있습니다(블록은 {closeLine}번째 줄에서 끝납니다): kramdown은 이를 날것의 글자로 보입니다(Markdown 줄 {count}개)',
    },
  },
  docs: {
    rationale:
      'kramdown, which renders the blog, reads an HTML block to the end tag that closes it, and everything in between as ' +
      'raw HTML: a `# title`, a `- bullet` or an `![figure](...)` inside shows as those very characters. A block never ' +
      'closed, or one holding an element never closed (a `<b>` or a second `<p>` without its end tag), runs to the end ' +
      'of the post and swallows every paper after it. A `# heading` right after `</p>`, on the next line, is a heading.',
    ok: {
      text: examplePost(SAMPLE_FRONT_MATTER, `${SAMPLE_SECTION}\n\n<div align="center">\n  <b>Figure 1</b>\n</div>`),
    },
    notOk: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        `${SAMPLE_SECTION}\n\n<div align="center">\n  <b>Figure 1</b>\n\n# BERT\n- 요약입니다.`,
      ),
    },
    fix:
      'For a block never closed, inserts its end tag before the first Markdown it swallows; for Markdown inside a closed ' +
      'block, adds `markdown="1"` to the opening tag, which makes kramdown read the block\'s content as Markdown. Neither is ' +
      "applied automatically: where the block was meant to end is the author's to say.",
  },
  check(post, _context, report) {
    for (const block of kramdownBlocks(post).htmlBlocks) {
      if (block.markdown || reportedAsImageBlock(post, block)) continue;
      const swallowed = markdownLines(post, block);
      if (swallowed.length === 0) continue;
      const first = swallowed[0]!;
      const shown = first.text.trim().length > 40 ? `${first.text.trim().slice(0, 39)}…` : first.text.trim();
      const data = { first: shown, line: first.line + 1, count: swallowed.length };
      if (!block.close) {
        // Before the blank lines that come before the first swallowed line.
        let last = first.line - 1;
        while (last > block.firstLine && post.lines.lineText(last).trim() === '') last--;
        const missing = block.missing ?? block.tag;
        const edit = insertLineAfter(post, last, `${indentOf(post, block.firstLine)}</${block.tag}>`);
        report({
          range: block.open,
          messageId: 'unclosed',
          data: { ...data, missing },
          // Only the block's own end tag has a plain place; an element left open inside it is the author's to close.
          fix: !closesBefore(post, block, edit, first.line)
            ? undefined
            : {
                title: {
                  en: `Insert \`</${block.tag}>\` after line ${last + 1}`,
                  ko: `${last + 1}번째 줄 뒤에 \`</${block.tag}>\` 넣기`,
                },
                safe: false,
                edits: [edit],
              },
        });
      } else {
        const at = {
          line: block.open.end.line,
          character:
            block.open.end.character -
            (post.lines.lineText(block.open.end.line)[block.open.end.character - 2] === '/' ? 2 : 1),
        };
        report({
          range: block.open,
          messageId: 'inside',
          data: { ...data, tag: block.tag, closeLine: block.close.end.line + 1 },
          fix: {
            title: {
              en: 'Add `markdown="1"`: kramdown reads the block\'s content as Markdown',
              ko: '`markdown="1"` 넣기: kramdown이 블록 내용을 Markdown으로 읽습니다',
            },
            safe: false,
            edits: [{ range: { start: at, end: at }, newText: ' markdown="1"' }],
          },
        });
      }
    }
  },
};

/** The block's lines (after its opening line, before its end tag) that would be Markdown outside it. */
function markdownLines(post: Post, block: HtmlBlock): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const last = block.close ? block.close.start.line - 1 : block.lastLine;
  for (let line = block.firstLine + 1; line <= last; line++) {
    const text = post.lines.lineText(line);
    if (MARKDOWN_LINE.test(text)) out.push({ line, text });
  }
  return out;
}

/**
 * True when the end tag `edit` inserts closes the block before `line` (the first Markdown it
 * swallowed): not so when an element opened inside the block is still open there.
 */
function closesBefore(post: Post, block: HtmlBlock, edit: TextEdit, line: number): boolean {
  if (block.openElements !== 1) return false;
  const at = post.lines.offsetAt(edit.range.start);
  const text = post.text.slice(0, at) + edit.newText + post.text.slice(at);
  const read = readRawHtml(text, post.lines.offsetAt(block.open.start));
  return read.close !== undefined && read.close.end <= post.lines.lineStart(line) + edit.newText.length;
}

/** True when `image-block-unclosed` reports the block: an image block of the model with no `</p>`. */
function reportedAsImageBlock(post: Post, block: HtmlBlock): boolean {
  if (block.close) return false;
  return post.sections.some((section) =>
    section.imageBlocks.some(
      (image) => !image.close && comparePositions(image.open.range.start, block.open.start) === 0,
    ),
  );
}
