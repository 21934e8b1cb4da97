/**
 * `summary-missing`: a paper section without summary bullets (or with only empty `- ` items, as
 * drafts left them).
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

export const summaryMissing: RuleDefinition = {
  id: 'summary-missing',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A paper section has no summary bullets.',
    ko: '논문 섹션에 요약 글머리 기호 목록이 없습니다.',
  },
  messages: {
    missing: {
      en: 'Expected summary bullets (`- ...`) under the presenter line, found none',
      ko: '발표자 줄 아래에 요약 목록(`- ...`)이 필요하지만 없습니다',
    },
    empty: {
      en: 'Expected text in the summary bullets, found only empty `-` items',
      ko: '요약 목록에 내용이 필요하지만 빈 `-` 항목뿐입니다',
    },
  },
  docs: {
    rationale:
      "The bullets are the post's content: a few lines on what the paper does and what the presenter made of it. A section " +
      'with only links tells readers nothing about the talk; drafts often leave it for later and forget.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(/^- .*\n/gm, '')) },
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      if (section.bullets.some((b) => b.text.trim() !== '')) continue;
      report({ range: section.title.range, messageId: section.bullets.length ? 'empty' : 'missing' });
    }
  },
};
