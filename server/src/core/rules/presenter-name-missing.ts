/**
 * `presenter-name-missing`: a presenter line without the presenter's name
 * (`### 발표자: [[paper link](...), ...]`).
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { presenterLines } from './support/presenter';

export const presenterNameMissing: RuleDefinition = {
  id: 'presenter-name-missing',
  category: 'section',
  defaultSeverity: 'error',
  description: {
    en: 'A presenter line has no name.',
    ko: '발표자 줄에 이름이 없습니다.',
  },
  messages: {
    missing: {
      en: "Expected the presenter's name after `{label}:`, found none",
      ko: '`{label}:` 뒤에 발표자 이름이 필요하지만 없습니다',
    },
  },
  docs: {
    rationale:
      'The seminar credits each talk to its presenter, and members look a talk up by who gave it. A presenter line without ' +
      'a name is a section copied from another and not finished.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace('발표자: 홍길동 ', '발표자: ')) },
  },
  check(post, context, report) {
    for (const section of post.sections) {
      for (const { line, name, expectedLabel } of presenterLines(post, section, context.config)) {
        if (name) continue;
        const range =
          line.label && line.colon
            ? { start: line.label.range.start, end: line.colon.end }
            : (line.label?.range ?? line.colon ?? line.content.range);
        report({ range, messageId: 'missing', data: { label: line.label?.text ?? expectedLabel } });
      }
    }
  },
};
