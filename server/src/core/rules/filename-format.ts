/**
 * `filename-format`: the post's file is not named `YYYY-MM-DD-slug.md` (or `.markdown`). Jekyll
 * skips such a file without a word: the post never appears. The real blog had `temp.md`,
 * `2020_3rd_quater.md` and `2020-4th_quarter.md` in `_posts/`.
 */
import type { RuleDefinition } from '../engine/rule';
import { formatDate, parseJekyllDate, parsePostFileName, quarterNamedIn, quarterOf } from '../jekyll';
import { examplePost, SAMPLE_FRONT_MATTER } from './support/examples';
import { entryOf, readableFrontMatter, stringValue } from './support/frontMatter';

export const filenameFormat: RuleDefinition = {
  id: 'filename-format',
  category: 'file',
  defaultSeverity: 'error',
  description: {
    en: 'The file is not named `YYYY-MM-DD-slug.md` (or `.markdown`), so Jekyll skips it.',
    ko: '파일 이름이 `YYYY-MM-DD-slug.md`(또는 `.markdown`)가 아니어서 Jekyll이 건너뜁니다.',
  },
  messages: {
    format: {
      en: 'Expected a file name like `2020-04-02-2nd_quarter.md`, found `{fileName}`: Jekyll will not publish this post',
      ko: '`2020-04-02-2nd_quarter.md` 같은 파일 이름이 필요하지만 `{fileName}`입니다: Jekyll이 이 포스트를 게시하지 않습니다',
    },
  },
  docs: {
    rationale:
      'Jekyll publishes a file of `_posts/` only when its name is a date, a dash, a slug and a Markdown extension. Any other ' +
      'name is skipped silently, so the post simply never appears.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER), fileName: '2020-04-02-2nd_quarter.md' },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER), fileName: '2020_2nd_quater.md' },
    fix: 'Renames the file from the front matter date and its quarter (`2020-04-02-2nd_quarter.md`). It is applied automatically ' +
      'only when the title names the same quarter as the date and the old name names no other quarter.',
  },
  check(post, context, report) {
    if (parsePostFileName(post.fileName)) return;
    const fm = readableFrontMatter(post);
    const dateText = fm ? stringValue(entryOf(fm, 'date')) : undefined;
    const date = dateText !== undefined ? parseJekyllDate(dateText) : undefined;
    const extension = /\.markdown$/i.test(post.fileName) ? 'markdown' : 'md';
    const newName = date ? `${formatDate(date)}-${quarterOf(date)}_quarter.${extension}` : undefined;
    const title = fm ? stringValue(entryOf(fm, 'title')) : undefined;
    const titleAgrees = date !== undefined && title !== undefined && context.config.titlePattern.test(title) &&
      quarterNamedIn(title).quarter === quarterOf(date) && quarterNamedIn(title).year === date.year;
    // A name that says another quarter (`2020-4th_quarter.md` holding a copied 3rd-quarter front
    // matter) means the front matter may be the stale part: renaming is then the author's call.
    const named = quarterNamedIn(post.fileName);
    const nameAgrees = date !== undefined && (named.quarter === undefined || named.quarter === quarterOf(date)) &&
      (named.year === undefined || named.year === date.year);
    report({
      range: post.lines.lineRange(0),
      messageId: 'format',
      data: { fileName: post.fileName, newName: newName ?? '' },
      fix: newName
        ? { title: { en: 'Rename the file to `{newName}`', ko: '파일 이름을 `{newName}`(으)로 바꾸기' }, safe: titleAgrees && nameAgrees, edits: [], rename: newName }
        : undefined,
    });
  },
};
