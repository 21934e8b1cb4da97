/**
 * `filename-format`: Jekyll does not publish the file as a Markdown post because of its name. A
 * file of `_posts/` is read as a post only when its name is a date, a dash, a slug and an extension
 * (`Document::DATE_FILENAME_MATCHER`) and does not start with `.`, `_`, `#` or `~`; any other
 * name is skipped without a word (the real blog had `temp.md`, `2020_3rd_quater.md` and
 * `2020-4th_quarter.md` in `_posts/`). A name with an extension outside `markdown_ext` (`.txt`,
 * `.mdown`) is published as it is, its Markdown never converted; a date in the name that is no date
 * (`2020-13-01`) stops the whole build when the front matter has none. Names Jekyll publishes but the
 * blog would not write (`2020-4-2-...`, `.MD`) are `filename-convention`'s.
 */
import type { RuleDefinition } from '../engine/rule';
import { formatDate, quarterNamedIn, quarterOf } from '../jekyll';
import { readPostName } from '../jekyllPostName';
import type { Post } from '../model';
import { examplePost, SAMPLE_FRONT_MATTER } from './support/examples';
import { entryOf, readableFrontMatter, stringValue } from './support/frontMatter';
import { jekyllPostDate } from './support/jekyllDates';

export const filenameFormat: RuleDefinition = {
  id: 'filename-format',
  category: 'file',
  defaultSeverity: 'error',
  description: {
    en: 'Jekyll does not publish the file as a Markdown post: its name is not `YYYY-MM-DD-slug.md`, its extension is not Markdown, or its date is no date.',
    ko: 'Jekyll이 파일을 Markdown 포스트로 게시하지 않습니다: 이름이 `YYYY-MM-DD-slug.md`가 아니거나, 확장자가 Markdown이 아니거나, 날짜가 날짜가 아닙니다.',
  },
  messages: {
    format: {
      en: 'Expected a file name like `2020-04-02-2nd_quarter.md`, found `{fileName}`: Jekyll will not publish this post',
      ko: '`2020-04-02-2nd_quarter.md` 같은 파일 이름이 필요하지만 `{fileName}`입니다: Jekyll이 이 포스트를 게시하지 않습니다',
    },
    notMarkdown: {
      en: 'Expected a Markdown extension such as `.md`, found `.{extension}`: Jekyll publishes the file as it is, with its Markdown shown as raw text',
      ko: '`.md` 같은 Markdown 확장자가 필요하지만 `.{extension}`입니다: Jekyll이 파일을 그대로 게시해 Markdown이 날것의 글자로 보입니다',
    },
    nameDate: {
      en: 'Expected a real date in the file name, found `{datePart}`: with no `date` in the front matter, Jekyll cannot read it and stops the whole build',
      ko: '파일 이름에 실제 날짜가 필요하지만 `{datePart}`입니다: front matter에 `date`가 없으면 Jekyll이 이를 읽지 못해 빌드 전체가 멈춥니다',
    },
  },
  docs: {
    rationale:
      'Jekyll reads a file of `_posts/` as a post only when its name is a date, a dash, a slug and an extension (one- and ' +
      'two-digit months and days alike), and skips a name that starts with `_`, `.`, `#` or `~`. Any other name is skipped ' +
      'silently, so the post simply never appears. It converts the text with kramdown only when the extension is one of ' +
      '`markdown_ext` (`md`, `markdown`, `mkdown`, `mkdn`, `mkd`, in any letter case): `2020-04-02-x.txt` is published at ' +
      '`/2020/04/02/x.txt` as raw text. And when the front matter has no `date`, a date in the name that is no date ' +
      '(`2020-13-01`) stops the whole build.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER), fileName: '2020-04-02-2nd_quarter.md' },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER), fileName: '2020_2nd_quater.md' },
    fix:
      'Renames the file from the date Jekyll reads in the front matter and its quarter (`2020-04-02-2nd_quarter.md`). It is ' +
      'applied automatically only when the title names the same quarter as the date and the old name names no other quarter. ' +
      'A file with another extension is renamed to `.md`.',
  },
  check(post, context, report) {
    const name = readPostName(post.fileName, context.site?.markdownExtensions);
    if (name.kind === 'post') {
      if (!name.markdown) {
        const newName = post.fileName.slice(0, post.fileName.length - name.extension.length) + 'md';
        report({
          range: post.lines.lineRange(0),
          messageId: 'notMarkdown',
          data: { extension: name.extension, newName },
          fix: {
            title: { en: 'Rename the file to `{newName}`', ko: '파일 이름을 `{newName}`(으)로 바꾸기' },
            safe: true,
            edits: [],
            rename: newName,
          },
        });
      } else if (name.date.kind === 'invalid' && readsNameDate(post)) {
        report({ range: post.lines.lineRange(0), messageId: 'nameDate', data: { datePart: name.datePart } });
      }
      return;
    }
    const fm = readableFrontMatter(post);
    const used = jekyllPostDate(post, context);
    const date = used?.source === 'front-matter' ? used.date : undefined;
    const extension = /\.markdown$/i.test(post.fileName) ? 'markdown' : 'md';
    const newName = date ? `${formatDate(date)}-${quarterOf(date)}_quarter.${extension}` : undefined;
    const title = fm ? stringValue(entryOf(fm, 'title')) : undefined;
    const titleAgrees =
      date !== undefined &&
      title !== undefined &&
      context.config.titlePattern.test(title) &&
      quarterNamedIn(title).quarter === quarterOf(date) &&
      quarterNamedIn(title).year === date.year;
    // A name that says another quarter (`2020-4th_quarter.md` holding a copied 3rd-quarter front
    // matter) means the front matter may be the stale part: renaming is then the author's call.
    const named = quarterNamedIn(post.fileName);
    const nameAgrees =
      date !== undefined &&
      (named.quarter === undefined || named.quarter === quarterOf(date)) &&
      (named.year === undefined || named.year === date.year);
    report({
      range: post.lines.lineRange(0),
      messageId: 'format',
      data: { fileName: post.fileName, newName: newName ?? '' },
      fix: newName
        ? {
            title: { en: 'Rename the file to `{newName}`', ko: '파일 이름을 `{newName}`(으)로 바꾸기' },
            safe: titleAgrees && nameAgrees,
            edits: [],
            rename: newName,
          }
        : undefined,
    });
  },
};

/**
 * True when Jekyll reads the date of the post's file name: when the front matter sets no `date`. A
 * front matter Jekyll fails to read (broken YAML, a list) stops it before, so it never reads the name.
 */
function readsNameDate(post: Post): boolean {
  const fm = post.frontMatter;
  if (!fm || !fm.closed) return true;
  if (fm.errors.length > 0 || fm.notAMapping) return false;
  return entryOf(fm, 'date') === undefined;
}
