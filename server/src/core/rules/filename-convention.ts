/**
 * `filename-convention`: Jekyll publishes the post, but its file name breaks the blog's convention,
 * `YYYY-MM-DD-Nth_quarter.md`: a one-digit month or day (`2020-4-2-2nd_quarter.md`), a date that is no
 * calendar day, an extension in capitals or another of Jekyll's Markdown extensions (`.MD`, `.mkd`),
 * or a slug other than the quarter's (`3rd_quater`, the real blog's URL for two months). Names
 * Jekyll does not publish are `filename-format`'s.
 */
import type { RuleDefinition } from '../engine/rule';
import { formatDate, quarterNamedIn, quarterOf, type CalendarDate } from '../jekyll';
import { canonicalDate } from '../jekyllDate';
import { readPostName, type PostName } from '../jekyllPostName';
import { examplePost, SAMPLE_FRONT_MATTER } from './support/examples';
import { jekyllPostDate } from './support/jekyllDates';

interface Options {
  /** Whether the slug must be the quarter's, `Nth_quarter`. */
  quarterSlug: boolean;
}

const QUARTER_SLUG = /^[1-4](?:st|nd|rd|th)_quarter$/;
const CONVENTIONAL_EXTENSIONS = ['md', 'markdown'];

export const filenameConvention: RuleDefinition<Options> = {
  id: 'filename-convention',
  category: 'file',
  defaultSeverity: 'warning',
  description: {
    en: "Jekyll publishes the post, but its file name is not the blog's `YYYY-MM-DD-Nth_quarter.md`.",
    ko: 'Jekyll이 포스트를 게시하지만 파일 이름이 블로그의 `YYYY-MM-DD-Nth_quarter.md` 형식이 아닙니다.',
  },
  messages: {
    shortDate: {
      en: 'Expected the file name `{expected}`, found `{fileName}`: Jekyll publishes it, but the blog writes months and days with two digits',
      ko: '`{expected}` 파일 이름이 필요하지만 `{fileName}`입니다: Jekyll은 게시하지만 블로그는 월과 일을 두 자리로 씁니다',
    },
    notADay: {
      en: 'Expected a calendar day in the file name, found `{datePart}`: Jekyll counts on past it and dates the post {date}',
      ko: '파일 이름에 실제 날짜가 필요하지만 `{datePart}`입니다: Jekyll이 그다음으로 넘겨 포스트 날짜를 {date}(으)로 씁니다',
    },
    notADayIgnored: {
      en: 'Expected a calendar day in the file name, found `{datePart}`: Jekyll ignores it and dates the post {date}, from the front matter',
      ko: '파일 이름에 실제 날짜가 필요하지만 `{datePart}`입니다: Jekyll은 이를 쓰지 않고 front matter에 따라 포스트 날짜를 {date}(으)로 씁니다',
    },
    extension: {
      en: "Expected the file name `{expected}`, found `{fileName}`: Jekyll converts `.{extension}` as Markdown all the same, but the blog's posts end in `.md`",
      ko: '`{expected}` 파일 이름이 필요하지만 `{fileName}`입니다: Jekyll은 `.{extension}`도 Markdown으로 변환하지만 블로그의 포스트는 `.md`로 끝납니다',
    },
    slug: {
      en: "Expected the slug `{expectedSlug}` (the quarter of {date}), found `{slug}`: the post's address ends in `{slug}.html`",
      ko: '슬러그 `{expectedSlug}`({date}의 분기)가 필요하지만 `{slug}`입니다: 포스트 주소가 `{slug}.html`로 끝납니다',
    },
  },
  docs: {
    rationale:
      'Jekyll publishes `2020-4-2-2nd_quarter.md`, `2020-04-02-2nd_quarter.MD` and `2020-04-02-2nd_quater.md` alike, so nothing ' +
      'breaks; but the blog finds, sorts and links its posts by names of one shape, `YYYY-MM-DD-Nth_quarter.md`. The slug is ' +
      "the post's address: the real blog served its 2nd and 3rd quarters at `.../2nd_quater.html` and `.../3rd_quater.html` " +
      'for months before renaming them, which broke every link to the old address. A date in the name that is no calendar ' +
      'day is counted on (`2020-02-30` is 2020-03-01) or, when the front matter has a date, ignored.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER), fileName: '2020-04-02-2nd_quarter.md' },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER), fileName: '2020-4-2-2nd_quarter.md' },
    fix:
      "Renames the file to the blog's shape: two-digit month and day, `.md` (applied automatically: the post keeps its " +
      "address). A slug other than the quarter's becomes `Nth_quarter` (offered, never applied automatically: the address changes).",
    options:
      "`quarterSlug` (default `true`): whether the slug must be the quarter's, `Nth_quarter`; turn it off for a blog " +
      'whose posts are not quarterly.',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      quarterSlug: {
        type: 'boolean',
        description: "Whether the slug must be the quarter's, `Nth_quarter` (default true).",
      },
    },
  },
  defaultOptions: { quarterSlug: true },
  check(post, context, report) {
    const name = readPostName(post.fileName, context.site?.markdownExtensions);
    if (name.kind !== 'post' || !name.markdown) return;
    const used = jekyllPostDate(post, context);
    const range = post.lines.lineRange(0);
    const extension = CONVENTIONAL_EXTENSIONS.includes(name.extension) ? name.extension : 'md';
    // Each problem is reported on its own, with a rename that corrects that part of the name only.
    const named = (datePart: string, slug: string, ext: string) => `${datePart}-${slug}.${ext}`;
    const rename = (newName: string, safe: boolean) => ({
      title: { en: `Rename the file to \`${newName}\``, ko: `파일 이름을 \`${newName}\`(으)로 바꾸기` },
      safe,
      edits: [],
      rename: newName,
    });

    let day: CalendarDate | undefined;
    if (name.date.kind !== 'date' || name.date.rolledOver) {
      // No day of the calendar: Jekyll counts on, or (with a front matter date) ignores the name's date.
      if (used) {
        const date = formatDate(used.date);
        day = used.date;
        report({
          range,
          messageId: used.source === 'file-name' ? 'notADay' : 'notADayIgnored',
          data: { datePart: name.datePart, date },
          fix: rename(named(date, name.slug, name.extension), false),
        });
      }
    } else {
      day = name.date.written;
      if (name.date.shortParts) {
        // Keeping the slug keeps the address: safe to rename unattended.
        const expected = named(canonicalDate(name.date), name.slug, name.extension);
        report({
          range,
          messageId: 'shortDate',
          data: { expected, fileName: post.fileName },
          fix: rename(expected, true),
        });
      }
    }
    if (extension !== name.extension) {
      const expected = named(name.datePart, name.slug, extension);
      report({
        range,
        messageId: 'extension',
        data: { expected, fileName: post.fileName, extension: name.extension },
        fix: rename(expected, true),
      });
    }
    if (day && context.options.quarterSlug && !QUARTER_SLUG.test(name.slug)) {
      const expectedSlug = `${quarterOf(day)}_quarter`;
      report({
        range,
        messageId: 'slug',
        data: { expectedSlug, slug: name.slug, date: formatDate(day) },
        // A slug that names another quarter than the date leaves the choice to the author, as does any rename of the address.
        fix: namesOtherQuarter(name, day)
          ? undefined
          : rename(named(name.datePart, expectedSlug, name.extension), false),
      });
    }
  },
};

/** True when the slug names a quarter other than the date's (`2020-07-02-2nd_quater.md`). */
function namesOtherQuarter(name: PostName, date: CalendarDate): boolean {
  const named = quarterNamedIn(name.slug);
  return named.quarter !== undefined && named.quarter !== quarterOf(date);
}
