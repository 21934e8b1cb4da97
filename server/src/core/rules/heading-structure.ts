/**
 * `heading-structure`: headings out of the post's shape: a `##` or `###` before the first `#`
 * paper title, a heading deeper than `###`, or a second `##` authors line in a section (a real
 * 4th-quarter draft put the venue on a `##` line of its own).
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

export const headingStructure: RuleDefinition = {
  id: 'heading-structure',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A heading is out of place: before the first paper, deeper than `###`, or a second `##` in a section.',
    ko: '제목 줄의 위치가 맞지 않습니다: 첫 논문보다 앞에 있거나, `###`보다 깊거나, 섹션에 `##`이 두 번 있습니다.',
  },
  messages: {
    beforeFirst: {
      en: 'Expected `{marks}` inside a paper section, found it before the first `# Paper title`',
      ko: '`{marks}`는 논문 섹션 안에 있어야 하지만 첫 `# 논문 제목`보다 앞에 있습니다',
    },
    tooDeep: {
      en: 'Expected headings of at most `###`, found `{marks}`',
      ko: '제목은 `###`까지만 있어야 하지만 `{marks}`입니다',
    },
    secondAuthors: {
      en: 'Expected one `##` authors line per section (line {line}), found another',
      ko: '섹션마다 `##` 저자 줄은 하나({line}번째 줄)만 있어야 하지만 또 있습니다',
    },
  },
  docs: {
    rationale:
      "The blog's sections have a fixed shape: `#` title, `##` authors and venue, `###` presenter. The outline, the " +
      'presenter and authors checks and readers skimming the page rely on it. A venue written as a second `##` line shows ' +
      'as a second heading; put it on the authors line (`## Authors, Venue`).',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(', CVPR 2016', '\n## CVPR 2016')) },
  },
  check(post, _context, report) {
    for (const heading of post.preamble.headings) {
      report({ range: heading.range, messageId: 'beforeFirst', data: { marks: '#'.repeat(heading.depth) } });
    }
    for (const section of post.sections) {
      let authorsLine: number | undefined;
      for (const heading of section.headings) {
        if (heading.depth > 3) {
          report({ range: heading.range, messageId: 'tooDeep', data: { marks: '#'.repeat(heading.depth) } });
        } else if (heading.depth === 2) {
          if (authorsLine === undefined) authorsLine = heading.range.start.line;
          else report({ range: heading.range, messageId: 'secondAuthors', data: { line: authorsLine + 1 } });
        }
      }
    }
  },
};
