/**
 * `front-matter-syntax`: the front matter is not valid YAML, is not a list of `key: value` pairs,
 * or is never closed. Jekyll then fails the build or treats the whole post as front matter.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER } from './support/examples';

/** How many YAML errors of one front matter are listed. */
const MAX_LISTED = 10;

export const frontMatterSyntax: RuleDefinition = {
  id: 'front-matter-syntax',
  category: 'front-matter',
  defaultSeverity: 'error',
  description: {
    en: 'The front matter is not valid YAML, not a mapping, or never closed.',
    ko: 'front matter가 올바른 YAML이 아니거나, 매핑이 아니거나, 닫히지 않았습니다.',
  },
  messages: {
    yaml: {
      en: 'Expected valid YAML in the front matter, found an error: {error}',
      ko: 'front matter에 올바른 YAML이 필요하지만 오류가 있습니다: {error}',
    },
    yamlMore: {
      en: 'Expected valid YAML in the front matter, found an error: {error} (and {count} more after it, not listed)',
      ko: 'front matter에 올바른 YAML이 필요하지만 오류가 있습니다: {error} (뒤에 오류 {count}개가 더 있으며 나열하지 않습니다)',
    },
    unclosed: {
      en: 'Expected a closing `---` line after the front matter, found none: the whole post is read as front matter',
      ko: 'front matter 뒤에 닫는 `---` 줄이 필요하지만 없습니다: 포스트 전체가 front matter로 읽힙니다',
    },
    notAMapping: {
      en: 'Expected `key: value` lines in the front matter, found something else',
      ko: 'front matter에 `key: value` 줄이 필요하지만 다른 내용이 있습니다',
    },
  },
  docs: {
    rationale:
      'Jekyll parses the front matter as YAML before anything else. A syntax error stops the build (GitHub Pages ' +
      'then keeps serving the old site), and a block that is never closed swallows the whole post.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(['layout: post', 'title: "2020_2nd_quarter', 'date: 2020-04-02']) },
  },
  check(post, _context, report) {
    const fm = post.frontMatter;
    if (!fm) return;
    if (!fm.closed) {
      report({ range: fm.openRange, messageId: 'unclosed' });
      return;
    }
    // Broken YAML can hold thousands of errors, most of them echoes of the first: the first few
    // are listed, the last of them with a count of the rest.
    const shown = fm.errors.slice(0, MAX_LISTED);
    shown.forEach((error, i) => {
      const rest = fm.errors.length - shown.length;
      if (i === shown.length - 1 && rest > 0) report({ range: error.range, messageId: 'yamlMore', data: { error: error.message, count: String(rest) } });
      else report({ range: error.range, messageId: 'yaml', data: { error: error.message } });
    });
    if (fm.errors.length === 0 && fm.notAMapping) {
      report({ range: fm.contentRange, messageId: 'notAMapping' });
    }
  },
};
