/**
 * `slides-link-missing`: a presenter line's link list has no `presentation material` link and
 * does not say the slides are unavailable (`presentation material unavailable`, as text).
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { isSlidesLink, linksOf, saysUnavailable } from './support/links';
import { hasOrphanLink } from './support/orphans';
import { presenterLines } from './support/presenter';

export const slidesLinkMissing: RuleDefinition = {
  id: 'slides-link-missing',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A presenter line has no `presentation material` link and does not say the slides are unavailable.',
    ko: '발표자 줄에 `presentation material` 링크가 없고, 자료가 없다는 말도 없습니다.',
  },
  messages: {
    missing: {
      en: 'Expected a link labelled `{label}` (or the text `{label} unavailable`), found neither',
      ko: '`{label}` 링크(또는 `{label} unavailable`이라는 글)가 필요하지만 둘 다 없습니다',
    },
  },
  docs: {
    rationale:
      'Members who missed a talk read its slides. When there are none, the blog says so in the list ' +
      '(`[[paper link](...), presentation material unavailable]`), which this rule accepts; a list that simply lacks the ' +
      'link leaves readers wondering.',
    ok: {
      text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace('[presentation material](https://example.com/resnet.pdf)', 'presentation material unavailable')),
    },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(', [presentation material](https://example.com/resnet.pdf)', '')) },
    options: 'The labels are `linkLabels.slides` (default `["presentation material"]`).',
  },
  check(post, context, report) {
    for (const section of post.sections) {
      if (hasOrphanLink(section, context.config, 'slides')) continue;
      for (const { line } of presenterLines(post, section, context.config)) {
        const list = line.linkList;
        if (!list) continue;
        if (linksOf(line).some((link) => isSlidesLink(link, context.config))) continue;
        if (list.items.some((item) => saysUnavailable(item, context.config))) continue;
        report({ range: list.range, messageId: 'missing', data: { label: context.config.linkLabels.slides[0] ?? 'presentation material' } });
      }
    }
  },
};
