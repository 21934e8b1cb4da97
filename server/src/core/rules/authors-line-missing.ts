/**
 * `authors-line-missing`: no `## Authors, Venue` line right after a paper's title. The real
 * 2nd-quarter post has a second AutoSlim section that went out without one.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { PLACEHOLDERS } from '../templates';
import { insertLineAfter } from './support/lines';
import { escapeSnippet } from './support/snippets';

export const authorsLineMissing: RuleDefinition = {
  id: 'authors-line-missing',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A paper section has no `## Authors, Venue` line right after its title.',
    ko: '논문 섹션의 제목 바로 뒤에 `## 저자, 학회` 줄이 없습니다.',
  },
  messages: {
    missing: {
      en: 'Expected an authors line (`## Authors, Venue`) right after the title, found none',
      ko: '제목 바로 뒤에 저자 줄(`## 저자, 학회`)이 필요하지만 없습니다',
    },
    late: {
      en: 'Expected the authors line right after the title (line {line}), found other content between them',
      ko: '저자 줄이 제목({line}번째 줄) 바로 뒤에 있어야 하지만 사이에 다른 내용이 있습니다',
    },
  },
  docs: {
    rationale:
      'Readers look for who wrote the paper and where it appeared right under its title; every section of the blog has ' +
      'that line. A section without it usually means a section was copied and not finished.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(/^## .*\n/m, '')) },
    fix: 'Inserts `## Authors, Venue` (`## 저자, 학회` in Korean) after the title as a snippet, with tab stops for the authors and the venue.',
  },
  check(post, context, report) {
    for (const section of post.sections) {
      if (section.authors) continue;
      const later = section.headings.find((h) => h.depth === 2);
      if (later) {
        report({ range: later.range, messageId: 'late', data: { line: section.title.range.start.line + 1 } });
        continue;
      }
      report({
        range: section.title.range,
        messageId: 'missing',
        fix: {
          title: { en: 'Insert an authors line', ko: '저자 줄 넣기' },
          safe: false,
          snippet: true,
          edits: [
            insertLineAfter(
              post,
              section.title.range.end.line,
              `## \${1:${escapeSnippet(PLACEHOLDERS.authors[context.locale])}}, \${2:${escapeSnippet(PLACEHOLDERS.venue[context.locale])}}`,
            ),
          ],
        },
      });
    }
  },
};
