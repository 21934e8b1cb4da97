/**
 * `presenter-links-missing`: a presenter line without its bracketed link list
 * (`### 발표자: 김성빈`), as a real 3rd-quarter draft had it.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { orphanLinkParagraphs } from './support/orphans';
import { presenterLines } from './support/presenter';
import { linkListSnippet } from './support/snippets';

export const presenterLinksMissing: RuleDefinition = {
  id: 'presenter-links-missing',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A presenter line has no bracketed list of links.',
    ko: '발표자 줄에 대괄호로 묶은 링크 목록이 없습니다.',
  },
  messages: {
    missing: {
      en: 'Expected the link list `[[paper link](...), [presentation material](...)]` after the name, found none',
      ko: '이름 뒤에 링크 목록 `[[paper link](...), [presentation material](...)]`이 필요하지만 없습니다',
    },
  },
  docs: {
    rationale:
      'Members come to the post for the paper and the slides of each talk. Without the link list they have to search for ' +
      'both. When the links sit on a line of their own instead, `orphan-paper-link` reports that.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(/^(### 발표자: 홍길동) .*$/m, '$1')) },
    fix: 'Appends `[[paper link](), [presentation material]()]` as a snippet, with tab stops for both targets.',
    options: 'The link labels are the first of `linkLabels.paper` and `linkLabels.slides`.',
  },
  check(post, context, report) {
    for (const section of post.sections) {
      if (orphanLinkParagraphs(section, context.config).length > 0) continue;
      for (const { line, name } of presenterLines(post, section, context.config)) {
        if (line.linkList) continue;
        const end = line.content.range.end;
        report({
          range: name?.range ?? line.content.range,
          messageId: 'missing',
          fix: {
            title: { en: 'Append the link list', ko: '링크 목록 덧붙이기' },
            safe: false,
            snippet: true,
            edits: [{ range: { start: end, end }, newText: ` ${linkListSnippet(context.config, 1)}` }],
          },
        });
      }
    }
  },
};
