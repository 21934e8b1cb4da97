/**
 * `empty-post`: the post has no paper section (no `#` heading), so it shows as an empty page.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER } from './support/examples';

export const emptyPost: RuleDefinition = {
  id: 'empty-post',
  category: 'post',
  defaultSeverity: 'warning',
  description: {
    en: 'The post has no paper section (`# title`).',
    ko: '포스트에 논문 섹션(`# 제목`)이 없습니다.',
  },
  messages: {
    empty: {
      en: 'Expected at least one paper section (`# Paper title`), found none',
      ko: '논문 섹션(`# 논문 제목`)이 하나 이상 필요하지만 없습니다',
    },
  },
  docs: {
    rationale:
      "A quarter's post lists the papers presented; one without any `#` section is published as an empty page.",
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, '발표 내용은 곧 정리할 예정입니다.') },
  },
  check(post, _context, report) {
    if (post.sections.length > 0) return;
    const fm = post.frontMatter;
    report({ range: fm?.closeRange ?? fm?.openRange ?? post.lines.lineRange(0), messageId: 'empty' });
  },
};
