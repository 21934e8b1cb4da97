/**
 * `slides-link-missing`: a presenter line's link list has no `presentation material` link and
 * does not say the slides are unavailable (`presentation material unavailable`, as text).
 */
import type { FixDescriptor, RuleDefinition } from '../engine/rule';
import type { LinkList, Position } from '../model';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { isSlidesLink, linksOf, saysUnavailable } from './support/links';
import { hasOrphanLink } from './support/orphans';
import { presenterLines } from './support/presenter';
import { escapeSnippet } from './support/snippets';

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
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace(
          '[presentation material](https://example.com/resnet.pdf)',
          'presentation material unavailable',
        ),
      ),
    },
    notOk: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace(', [presentation material](https://example.com/resnet.pdf)', ''),
      ),
    },
    fix:
      'Two, for the author to choose (neither is applied automatically): add the link, `[presentation material]()`, with ' +
      'the cursor between the parentheses for its address; or write `presentation material unavailable`, as the blog does ' +
      'when a talk has no slides.',
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
        const label = context.config.linkLabels.slides[0] ?? 'presentation material';
        report({ range: list.range, messageId: 'missing', data: { label }, fix: fixesFor(list, label) });
      }
    }
  },
};

/** Where a new item goes: before the list's `]`, or after its last item when it has no brackets. */
function appendPoint(list: LinkList): Position | undefined {
  if (list.bracketed) return list.close?.start;
  return list.items[list.items.length - 1]?.range.end;
}

/** Add the slides link (a snippet with the cursor in its address), or say the slides are unavailable. */
function fixesFor(list: LinkList, label: string): FixDescriptor[] | undefined {
  const at = appendPoint(list);
  if (!at) return undefined;
  const comma = list.items.length > 0 ? ', ' : '';
  const range = { start: at, end: at };
  return [
    {
      title: { en: 'Add the `{label}` link', ko: '`{label}` 링크 넣기' },
      safe: false,
      snippet: true,
      edits: [{ range, newText: `${comma}[${escapeSnippet(label)}]($1)` }],
    },
    {
      title: { en: 'Write `{label} unavailable`', ko: '`{label} unavailable`이라고 쓰기' },
      safe: false,
      edits: [{ range, newText: `${comma}${label} unavailable` }],
    },
  ];
}
