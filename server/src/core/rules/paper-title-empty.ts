/**
 * `paper-title-empty`: a `#` heading with no text. The section shows as a blank heading and the
 * paper has no name on the page, in the outline or in the workspace index.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

export const paperTitleEmpty: RuleDefinition = {
  id: 'paper-title-empty',
  category: 'section',
  defaultSeverity: 'error',
  description: {
    en: "A paper section's `#` heading has no title.",
    ko: '논문 섹션의 `#` 제목이 비어 있습니다.',
  },
  messages: {
    empty: {
      en: "Expected the paper's title after `#`, found nothing",
      ko: '`#` 뒤에 논문 제목이 필요하지만 비어 있습니다',
    },
  },
  docs: {
    rationale:
      "Every section opens with the presented paper's title. A bare `#` renders as an empty heading, so readers cannot tell " +
      'which paper the summary is about, and the outline and duplicate checks have nothing to go by.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(/^# .*$/m, '#')) },
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      if (section.title.text === '') report({ range: section.title.range, messageId: 'empty' });
    }
  },
};
