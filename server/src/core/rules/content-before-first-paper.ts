/**
 * `content-before-first-paper`: text between the front matter and the first `#` heading. It shows
 * above the first paper, and it is often a leftover (a note, a pasted link).
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

export const contentBeforeFirstPaper: RuleDefinition = {
  id: 'content-before-first-paper',
  category: 'post',
  defaultSeverity: 'info',
  description: {
    en: 'Text sits between the front matter and the first paper section.',
    ko: 'front matter와 첫 논문 섹션 사이에 글이 있습니다.',
  },
  messages: {
    before: {
      en: 'Expected the first paper section (`# Paper title`) right after the front matter, found other text first',
      ko: 'front matter 바로 뒤에 첫 논문 섹션(`# 논문 제목`)이 필요하지만 다른 글이 먼저 있습니다',
    },
  },
  docs: {
    rationale:
      "The blog's posts open with the first paper. Text above it is shown before every paper and is usually a leftover. " +
      'Comments (`<!-- ... -->`) do not count; headings there are reported by `heading-structure`.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, `이번 분기 발표 목록입니다.\n\n${SAMPLE_SECTION}`) },
  },
  check(post, _context, report) {
    if (post.sections.length === 0) return;
    const blocks = post.preamble.blocks.filter((b) => b.kind !== 'comment' && b.kind !== 'heading');
    const first = blocks[0];
    const last = blocks[blocks.length - 1];
    if (!first || !last) return;
    report({ range: { start: first.range.start, end: last.range.end }, messageId: 'before' });
  },
};
