/**
 * `presenter-line-missing`: a paper section without a presenter line (`### 발표자: 이름 [...]`).
 * The early drafts had none, only a bare `[paper link](...)` line.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { insertLineAfter } from './support/lines';
import { presenterOf } from './support/presenter';
import { presenterLineSnippet } from './support/snippets';

export const presenterLineMissing: RuleDefinition = {
  id: 'presenter-line-missing',
  category: 'section',
  defaultSeverity: 'error',
  description: {
    en: 'A paper section has no presenter line (`### 발표자: name [[paper link](...), ...]`).',
    ko: '논문 섹션에 발표자 줄(`### 발표자: 이름 [[paper link](...), ...]`)이 없습니다.',
  },
  messages: {
    missing: {
      en: 'Expected a presenter line (`### {label}: name [[paper link](...), [presentation material](...)]`) in this section, found none',
      ko: '이 섹션에 발표자 줄(`### {label}: 이름 [[paper link](...), [presentation material](...)]`)이 필요하지만 없습니다',
    },
  },
  docs: {
    rationale:
      'The presenter line says who presented the paper and links the paper and the slides; it is what members come to the ' +
      'post for. A `###` line counts as one when it has a configured label (`presenterLabels`, any letter case), a near ' +
      'miss of one (reported by `presenter-label`), or the paper and slides links.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(/^### .*\n/m, '')) },
    fix: 'Inserts a presenter line after the authors line (or the title) as a snippet, with tab stops for the name and both links.',
    options:
      'The label is the first of `presenterLabels`; the link labels are the first of `linkLabels.paper` and `linkLabels.slides`.',
  },
  check(post, context, report) {
    for (const section of post.sections) {
      if (presenterOf(post, section, context.config)) continue;
      const after = section.authors ?? section.title;
      report({
        range: section.title.range,
        messageId: 'missing',
        data: { label: context.config.presenterLabels[0] ?? '발표자' },
        fix: {
          title: { en: 'Insert a presenter line', ko: '발표자 줄 넣기' },
          safe: false,
          snippet: true,
          edits: [insertLineAfter(post, after.range.end.line, presenterLineSnippet(context.config, context.locale))],
        },
      });
    }
  },
};
