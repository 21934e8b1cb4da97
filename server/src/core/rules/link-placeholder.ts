/**
 * `link-placeholder`: a link of the presenter line (or of a bare link line) whose target is empty
 * or stands in for one: `[presentation material](???)` went out in the real 3rd-quarter post.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { isPlaceholderTarget, linkTarget } from './support/links';
import { sectionLinks } from './support/orphans';

export const linkPlaceholder: RuleDefinition = {
  id: 'link-placeholder',
  category: 'section',
  defaultSeverity: 'error',
  description: {
    en: "A presenter line's link has an empty or placeholder target (`???`, `#`, `TODO`, `url`, ...).",
    ko: '발표자 줄의 링크 주소가 비었거나 임시 값(`???`, `#`, `TODO`, `url` 등)입니다.',
  },
  messages: {
    placeholder: {
      en: 'Expected the address of `{label}`, found the placeholder `{url}`',
      ko: '`{label}`의 주소가 필요하지만 임시 값 `{url}`입니다',
    },
    empty: {
      en: 'Expected the address of `{label}` between the parentheses, found nothing',
      ko: '`{label}`의 괄호 안에 주소가 필요하지만 비어 있습니다',
    },
  },
  docs: {
    rationale:
      'A placeholder written while the slides were not yet uploaded is easy to forget: the real 3rd-quarter post still ' +
      'links its slides to `???`. Readers click and land nowhere. When the slides will not come, write ' +
      '`presentation material unavailable` instead of a link.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace('https://example.com/resnet.pdf', '???')) },
  },
  check(post, context, report) {
    for (const section of post.sections) {
      for (const link of sectionLinks(post, section, context.config)) {
        const target = linkTarget(link);
        if (!target || !isPlaceholderTarget(target.text)) continue;
        const empty = target.text.trim() === '';
        report({
          range: empty ? link.range : target.range,
          messageId: empty ? 'empty' : 'placeholder',
          data: { label: link.label.text, url: target.text },
        });
      }
    }
  },
};
