/**
 * `paper-link-missing`: a presenter line's link list has no link labelled `paper link` (any letter
 * case; the labels are `linkLabels.paper`).
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { isPaperLink, linksOf } from './support/links';
import { hasOrphanLink } from './support/orphans';
import { presenterLines } from './support/presenter';

export const paperLinkMissing: RuleDefinition = {
  id: 'paper-link-missing',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A presenter line has no `paper link`.',
    ko: '발표자 줄에 `paper link`가 없습니다.',
  },
  messages: {
    missing: {
      en: 'Expected a link labelled `{label}` in the link list, found none',
      ko: '링크 목록에 `{label}` 링크가 필요하지만 없습니다',
    },
  },
  docs: {
    rationale:
      'Every talk links the paper it presents, so that members can read it before or after the seminar. The link is found ' +
      'by its label, in any letter case; a link with another label (`[arxiv](...)`) does not count.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace('[paper link](https://arxiv.org/abs/1512.03385), ', ''),
      ),
    },
    options: 'The labels are `linkLabels.paper` (default `["paper link"]`).',
  },
  check(post, context, report) {
    for (const section of post.sections) {
      if (hasOrphanLink(section, context.config, 'paper')) continue;
      for (const { line } of presenterLines(post, section, context.config)) {
        if (!line.linkList || linksOf(line).some((link) => isPaperLink(link, context.config))) continue;
        report({
          range: line.linkList.range,
          messageId: 'missing',
          data: { label: context.config.linkLabels.paper[0] ?? 'paper link' },
        });
      }
    }
  },
};
