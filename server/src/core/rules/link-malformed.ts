/**
 * `link-malformed`: a presenter line's link list that Markdown cannot read as the blog means it:
 * an unclosed list or target, a link without its `(url)`, text between the links, or text after
 * the list.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { saysUnavailable } from './support/links';
import { presenterLines } from './support/presenter';

/** Text made of HTML comments only (a suppression comment at the end of the line). */
const ONLY_COMMENTS = /^(?:\s*<!--(?:[^-]|-(?!->))*-->)+\s*$/;

export const linkMalformed: RuleDefinition = {
  id: 'link-malformed',
  category: 'section',
  defaultSeverity: 'error',
  description: {
    en: "A presenter line's link list is malformed: unbalanced brackets, a link without `(url)`, or stray text.",
    ko: '발표자 줄의 링크 목록 형식이 잘못되었습니다: 괄호 짝이 맞지 않거나, `(url)`이 없는 링크나, 엉뚱한 글이 있습니다.',
  },
  messages: {
    unclosedList: {
      en: 'Expected `]` closing the link list, found the end of the line',
      ko: '링크 목록을 닫는 `]`가 필요하지만 줄이 끝났습니다',
    },
    noTarget: {
      en: 'Expected `(url)` right after `[{label}]`, found none',
      ko: '`[{label}]` 바로 뒤에 `(url)`이 필요하지만 없습니다',
    },
    unclosedTarget: {
      en: 'Expected `)` closing the target of `[{label}]`, found the end of the line',
      ko: '`[{label}]`의 주소를 닫는 `)`가 필요하지만 줄이 끝났습니다',
    },
    text: {
      en: 'Expected only links separated by commas in the list, found `{text}`',
      ko: '목록에는 쉼표로 구분한 링크만 있어야 하지만 `{text}`가 있습니다',
    },
    trailing: {
      en: 'Expected the line to end with the link list, found `{text}` after it',
      ko: '링크 목록 바로 뒤에 줄 끝이 필요하지만 `{text}`가 더 있습니다',
    },
  },
  docs: {
    rationale:
      'A bracket or parenthesis left open makes Markdown print the rest of the line as text: the links are gone and readers ' +
      'see `[[paper link](https://...` instead. Text between the links is usually a leftover of an edit. The text ' +
      '`presentation material unavailable` is accepted in the list.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace('resnet.pdf)]', 'resnet.pdf)')) },
  },
  check(post, context, report) {
    for (const section of post.sections) {
      for (const { line } of presenterLines(post, section, context.config)) {
        const list = line.linkList;
        if (!list) continue;
        for (const item of list.items) {
          if (item.kind === 'text') {
            if (!saysUnavailable(item, context.config))
              report({ range: item.range, messageId: 'text', data: { text: item.text } });
          } else if (!item.url) {
            report({ range: item.range, messageId: 'noTarget', data: { label: item.label.text } });
          } else if (item.unclosed) {
            report({ range: item.range, messageId: 'unclosedTarget', data: { label: item.label.text } });
          }
        }
        if (list.bracketed && !list.close) report({ range: list.range, messageId: 'unclosedList' });
        if (list.trailing && !ONLY_COMMENTS.test(list.trailing.text)) {
          report({ range: list.trailing.range, messageId: 'trailing', data: { text: list.trailing.text } });
        }
      }
    }
  },
};
