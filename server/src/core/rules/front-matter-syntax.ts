/**
 * `front-matter-syntax`: the front matter is not valid YAML, is not a list of `key: value` pairs,
 * or is never closed. Jekyll does not stop the build for it: it logs a YAML error and publishes the
 * post with no front matter data (dated the moment of the build, its address made from the whole
 * file name, no title, no layout), and a block never closed is no front matter at all, so the whole
 * file is the post's text. The parity suite holds both against `jekyll build`.
 */
import type { RuleDefinition } from '../engine/rule';
import { readPostName, titleFromSlug } from '../jekyllPostName';
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
    yamlPublished: {
      en: 'Expected valid YAML in the front matter, found an error: {error}. Jekyll logs it and publishes the post without its front matter: dated the moment of the build, at an address made from the whole file name, with no title and no layout (GitHub Pages gives it `post`)',
      ko: 'front matter에 올바른 YAML이 필요하지만 오류가 있습니다: {error}. Jekyll은 이를 기록만 하고 front matter 없이, 빌드한 시각의 날짜로, 파일 이름 전체로 만든 주소에, 제목과 레이아웃 없이(GitHub Pages는 `post`를 씁니다) 포스트를 게시합니다',
    },
    yaml: {
      en: 'Expected valid YAML in the front matter, found an error: {error}',
      ko: 'front matter에 올바른 YAML이 필요하지만 오류가 있습니다: {error}',
    },
    yamlMore: {
      en: 'Expected valid YAML in the front matter, found an error: {error} (and {count} more after it, not listed)',
      ko: 'front matter에 올바른 YAML이 필요하지만 오류가 있습니다: {error} (뒤에 오류 {count}개가 더 있으며 나열하지 않습니다)',
    },
    unclosed: {
      en: "Expected a closing `---` line after the front matter, found none: Jekyll reads no front matter and publishes the whole file as the post's text, titled `{title}` from its file name, without a layout (GitHub Pages gives it `post`)",
      ko: 'front matter 뒤에 닫는 `---` 줄이 필요하지만 없습니다: Jekyll은 front matter를 읽지 않고 파일 전체를 포스트 본문으로, 파일 이름에서 딴 `{title}` 제목으로 레이아웃 없이(GitHub Pages는 `post`를 씁니다) 게시합니다',
    },
    unclosedNotPublished: {
      en: 'Expected a closing `---` line after the front matter, found none: Jekyll reads no front matter, only text',
      ko: 'front matter 뒤에 닫는 `---` 줄이 필요하지만 없습니다: Jekyll은 front matter 없이 글자로만 읽습니다',
    },
    notAMapping: {
      en: 'Expected `key: value` lines in the front matter, found something else',
      ko: 'front matter에 `key: value` 줄이 필요하지만 다른 내용이 있습니다',
    },
    notAMappingPublished: {
      en: 'Expected `key: value` lines in the front matter, found something else: Jekyll logs an error and publishes the post without its front matter: dated the moment of the build, at an address made from the whole file name, with no title and no layout (GitHub Pages gives it `post`)',
      ko: 'front matter에 `key: value` 줄이 필요하지만 다른 내용이 있습니다: Jekyll은 오류를 기록하고 front matter 없이, 빌드한 시각의 날짜로, 파일 이름 전체로 만든 주소에, 제목과 레이아웃 없이(GitHub Pages는 `post`를 씁니다) 포스트를 게시합니다',
    },
  },
  docs: {
    rationale:
      'Jekyll reads the front matter as YAML before anything else. On a syntax error (or YAML that is not `key: value` ' +
      'lines) it logs the error and publishes the post as if it had no front matter data at all: no title, no layout, ' +
      'dated the moment of the build and listed under that day, at an address made from the whole file name ' +
      '(`/2026/12/06/2020-04-02-2nd_quarter.html`). A block that is never closed is no front matter: the whole file, ' +
      "`---` and keys included, is published as the post's text, titled from the file name.",
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(['layout: post', 'title: "2020_2nd_quarter', 'date: 2020-04-02']) },
  },
  check(post, context, report) {
    const fm = post.frontMatter;
    if (!fm) return;
    // What Jekyll does with the post depends on its name: a name it skips is filename-format's.
    const name = readPostName(post.fileName, context.site?.markdownExtensions);
    const published = name.kind === 'post';
    if (!fm.closed) {
      if (published) report({ range: fm.openRange, messageId: 'unclosed', data: { title: titleFromSlug(name.slug) } });
      else report({ range: fm.openRange, messageId: 'unclosedNotPublished' });
      return;
    }
    // Broken YAML can hold thousands of errors, most of them echoes of the first: the first few
    // are listed, the last of them with a count of the rest.
    const shown = fm.errors.slice(0, MAX_LISTED);
    shown.forEach((error, i) => {
      const rest = fm.errors.length - shown.length;
      if (i === shown.length - 1 && rest > 0)
        report({ range: error.range, messageId: 'yamlMore', data: { error: error.message, count: String(rest) } });
      // What Jekyll then does is said once, on the first error.
      else
        report({
          range: error.range,
          messageId: i === 0 && published ? 'yamlPublished' : 'yaml',
          data: { error: error.message },
        });
    });
    if (fm.errors.length === 0 && fm.notAMapping) {
      report({ range: fm.contentRange, messageId: published ? 'notAMappingPublished' : 'notAMapping' });
    }
  },
};
