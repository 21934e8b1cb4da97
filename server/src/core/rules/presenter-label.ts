/**
 * `presenter-label`: a `###` line that is almost a presenter line: its label is misspelled
 * (`발표:`), is not one the configuration names (`Presenter:`), lacks its colon (`발표자 이름`), or
 * is missing (`### 이름 [[paper link](...)]`).
 */
import type { FixDescriptor, RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { presenterLines } from './support/presenter';

export const presenterLabel: RuleDefinition = {
  id: 'presenter-label',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: "A presenter line's label is misspelled, not configured, missing, or lacks its colon.",
    ko: '발표자 줄의 레이블이 틀렸거나, 설정에 없거나, 빠졌거나, 콜론이 없습니다.',
  },
  messages: {
    label: {
      en: 'Expected the presenter label `{expected}:`, found `{found}`',
      ko: '발표자 레이블 `{expected}:`가 필요하지만 `{found}`입니다',
    },
    colon: {
      en: 'Expected a colon after the presenter label (`{expected}:`), found `{found}` without one',
      ko: '발표자 레이블 뒤에 콜론(`{expected}:`)이 필요하지만 `{found}` 뒤에 없습니다',
    },
    noLabel: {
      en: 'Expected the presenter label `{expected}:` before the name, found none',
      ko: '이름 앞에 발표자 레이블 `{expected}:`가 필요하지만 없습니다',
    },
  },
  docs: {
    rationale:
      'The presenter line is found by its label, by this extension and by readers skimming the post. A misspelled or ' +
      'missing label makes the line look like any other heading, and one post should label presenters one way.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace('### 발표자:', '### 발표:')) },
    fix:
      'Writes the configured label (and the colon). Applied automatically for a near miss of a configured label or a ' +
      'missing colon on a line that is otherwise a well-formed presenter line (a name, then a closed link list with a paper ' +
      'or slides link); offered only for another label, a line without one, or an otherwise unfinished line. A heading ' +
      'whose first word only resembles the label (`발표일`, `발표자료`, `발표 요약`) is not a presenter line unless it has ' +
      'a name and a link list, or a paper or slides link.',
    options: 'The labels are `presenterLabels` (default `["발표자"]`), matched without regard to letter case.',
  },
  check(post, context, report) {
    for (const section of post.sections) {
      for (const info of presenterLines(post, section, context.config)) {
        const { line, state, expectedLabel: expected } = info;
        if (state === 'ok') continue;
        if (state === 'no-label' || !line.label) {
          const at = line.colon ? line.colon.start : line.content.range.start;
          report({
            range: info.name?.range ?? line.content.range,
            messageId: 'noLabel',
            data: { expected },
            fix: {
              title: { en: 'Insert the label `{expected}:`', ko: '레이블 `{expected}:` 넣기' },
              safe: false,
              edits: [{ range: { start: at, end: at }, newText: line.colon ? expected : `${expected}: ` }],
            },
          });
          continue;
        }
        const found = line.label.text;
        const fix: FixDescriptor =
          state === 'no-colon'
            ? {
                title: { en: 'Add the colon: `{expected}:`', ko: '콜론 넣기: `{expected}:`' },
                // `### 발표자 소개` is another heading that starts with the word: only a line that is otherwise a presenter line is certain.
                safe: info.wellFormed,
                edits: [{ range: { start: line.label.range.end, end: line.label.range.end }, newText: ':' }],
              }
            : {
                title: { en: 'Use the label `{expected}:`', ko: '레이블을 `{expected}:`(으)로 쓰기' },
                // Safe only for a near miss on a line that is otherwise a well-formed presenter line: without a colon, the
                // first word may be the start of the name, and a near miss may be another word (발표일, 발표자료).
                safe: state === 'misspelled' && line.colon !== undefined && info.wellFormed,
                edits: [{ range: line.label.range, newText: line.colon ? expected : `${expected}:` }],
              };
        report({
          range: line.label.range,
          messageId: state === 'no-colon' ? 'colon' : 'label',
          data: { expected, found },
          fix,
        });
      }
    }
  },
};
