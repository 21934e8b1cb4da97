/**
 * `ordered-list-paren`: a line numbered `1)`. kramdown (GFM input, as the blog renders) starts a
 * numbered list item only at `1.`: `1)` is text, and the line joins the paragraph or bullet above it.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { kramdownBlocks } from './support/kramdownBlocks';

const PAREN_ITEM = /^(\s*)(\d{1,9})\)(?=[ \t]+\S)/;

export const orderedListParen: RuleDefinition = {
  id: 'ordered-list-paren',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A line is numbered `1)`, which kramdown does not read as a list item.',
    ko: '`1)`로 번호를 붙인 줄은 kramdown이 목록 항목으로 읽지 않습니다.',
  },
  messages: {
    paren: {
      en: 'Expected `{number}.` to start a numbered list item, found `{number})`: kramdown reads it as text, so the line joins the one above',
      ko: '번호 목록 항목에는 `{number}.`이(가) 필요하지만 `{number})`입니다: kramdown은 이를 글자로 읽어 이 줄이 윗줄에 붙습니다',
    },
  },
  docs: {
    rationale:
      'GitHub and many editors take `1)` for a numbered list, but kramdown, which renders the blog, starts one only at ' +
      '`1.`: `1)` lines run together into the paragraph or the bullet above them.',
    ok: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace('- 152층', '  1. 첫째 단계입니다.\n  2. 둘째 단계입니다.\n- 152층'),
      ),
    },
    notOk: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace('- 152층', '  1) 첫째 단계입니다.\n  2) 둘째 단계입니다.\n- 152층'),
      ),
    },
    fix: 'Writes `1.` for `1)`; applied automatically where two or more such lines follow each other (a list, plainly).',
  },
  check(post, _context, report) {
    const lines = kramdownBlocks(post).lines;
    lines.forEach((line, i) => {
      if (line.kind !== 'text') return;
      const m = PAREN_ITEM.exec(line.text);
      if (!m) return;
      const inRun = [lines[i - 1], lines[i + 1]].some((other) => other?.kind === 'text' && PAREN_ITEM.test(other.text));
      const at = m[1]!.length + m[2]!.length;
      report({
        range: { start: { line: line.line, character: m[1]!.length }, end: { line: line.line, character: at + 1 } },
        messageId: 'paren',
        data: { number: m[2]! },
        fix: {
          title: { en: `Write \`${m[2]}.\``, ko: `\`${m[2]}.\`(으)로 쓰기` },
          safe: inRun,
          edits: [
            {
              range: { start: { line: line.line, character: at }, end: { line: line.line, character: at + 1 } },
              newText: '.',
            },
          ],
        },
      });
    });
  },
};
