/**
 * `field-type`: a front matter value Jekyll cannot use as the blog means it: a `date` Jekyll cannot
 * read (it stops the whole build), or reads otherwise than written (an impossible day rolled into
 * the next month, the first date of a range: the real blog once had `2020-07-01~2020-09-30`), a
 * flag that is not `true` or `false`, an empty title, an `image_url` that is not a URL. The date is
 * read as Jekyll reads it (`jekyllDate.ts`); the parity suite holds each case against `jekyll build`.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { FixDescriptor, Report, RuleDefinition } from '../engine/rule';
import { formatDate } from '../jekyll';
import { canonicalDate, inBuildZone } from '../jekyllDate';
import type { FrontMatterEntry, Post } from '../model';
import { examplePost, frontMatterWith } from './support/examples';
import { entryOf, isImageUrlValue, replaceValue } from './support/frontMatter';
import { readEntryDate, zoneOf } from './support/jekyllDates';

const BOOLEAN_KEYS = ['mathjax', 'comments', 'published'];

export const fieldType: RuleDefinition = {
  id: 'field-type',
  category: 'front-matter',
  defaultSeverity: 'error',
  description: {
    en: 'A front matter value of the wrong kind: a bad `date`, a non-boolean flag, an empty `title`, a bad `image_url`.',
    ko: 'front matter 값의 종류가 잘못되었습니다: 잘못된 `date`, 참/거짓이 아닌 값, 빈 `title`, 잘못된 `image_url`.',
  },
  messages: {
    date: {
      en: 'Expected a date such as `2020-04-02` (optionally `HH:MM:SS +ZZZZ`), found `{value}`, which Jekyll may misread or reject',
      ko: '`2020-04-02` 같은 날짜(필요하면 `HH:MM:SS +ZZZZ`)가 필요하지만 `{value}`입니다: Jekyll이 잘못 읽거나 읽지 못할 수 있습니다',
    },
    dateInvalid: {
      en: 'Expected a date such as `2020-04-02`, found `{value}`: Jekyll cannot read it and stops the whole build (the blog keeps its old pages)',
      ko: '`2020-04-02` 같은 날짜가 필요하지만 `{value}`입니다: Jekyll이 읽지 못해 빌드 전체가 멈춥니다(블로그는 이전 페이지 그대로입니다)',
    },
    dateEmpty: {
      en: 'Expected a date such as `2020-04-02`, found none: Jekyll cannot read an empty `date` and stops the whole build (the blog keeps its old pages)',
      ko: '`2020-04-02` 같은 날짜가 필요하지만 비어 있습니다: Jekyll이 빈 `date`를 읽지 못해 빌드 전체가 멈춥니다(블로그는 이전 페이지 그대로입니다)',
    },
    dateRange: {
      en: 'Expected one date, found `{value}`: Jekyll reads only `{leading}` and dates the post {date}',
      ko: '날짜 하나가 필요하지만 `{value}`입니다: Jekyll은 `{leading}`만 읽어 포스트 날짜를 {date}(으)로 씁니다',
    },
    dateRolledOver: {
      en: 'Expected a real calendar day, found `{value}`: Jekyll counts on past it and dates the post {date}',
      ko: '실제 있는 날짜가 필요하지만 `{value}`입니다: Jekyll이 그다음으로 넘겨 포스트 날짜를 {date}(으)로 씁니다',
    },
    dateShort: {
      en: 'Expected the date written as `{fixed}`, found `{value}`: Jekyll reads it as {date}, but the blog writes months and days with two digits',
      ko: '날짜 표기 `{fixed}`이(가) 필요하지만 `{value}`입니다: Jekyll은 {date}(으)로 읽지만 블로그는 월과 일을 두 자리로 씁니다',
    },
    boolean: {
      en: 'Expected `true` or `false` for `{key}`, found `{value}`',
      ko: '`{key}`에는 `true` 또는 `false`가 필요하지만 `{value}`입니다',
    },
    publishedString: {
      en: 'Expected `true` or `false` for `published`, found `{value}`: Jekyll takes any text for true and publishes the post',
      ko: '`published`에는 `true` 또는 `false`가 필요하지만 `{value}`입니다: Jekyll은 어떤 글자든 참으로 여겨 포스트를 게시합니다',
    },
    title: {
      en: 'Expected a non-empty title, found `{value}`',
      ko: '비어 있지 않은 제목이 필요하지만 `{value}`입니다',
    },
    imageUrl: {
      en: 'Expected an absolute http(s) URL or a site path such as `/assets/a.png` for `image_url`, found `{value}`',
      ko: '`image_url`에는 절대 http(s) URL이나 `/assets/a.png` 같은 사이트 경로가 필요하지만 `{value}`입니다',
    },
  },
  docs: {
    rationale:
      "Jekyll reads `date` with Ruby's `Time.parse`. A value with no date in it (`TBD`, an empty `date:`), a month " +
      'or a day out of range (`2020-13-01`, `2020-02-32`) or a bad time (`25:00`) stops the whole build: GitHub Pages ' +
      'then keeps serving the old site. Other values are read otherwise than written: an impossible day is counted on ' +
      'into the next month (`2020-02-30` is published on 2020-03-01), and of a range only the first date counts (the blog ' +
      'once had `date: 2020-07-01~2020-09-30`, which Jekyll reads as 2020-07-01 and also puts in the URL). One-digit ' +
      'months and days (`2021-1-7`) are read as meant, and only noted (info). A flag written as `"true"` is a string, ' +
      'which the layout may not treat as true, and a thumbnail URL that is not a URL shows as a broken image on the front page.',
    ok: { text: examplePost(frontMatterWith({ date: '2020-02-23 19:33:00 +0900' })) },
    notOk: { text: examplePost(frontMatterWith({ date: '2020-07-01~2020-09-30' })) },
    fix:
      'Where the intent is unambiguous: `"true"` becomes `true`, `2021-1-7` becomes `2021-01-07` (applied automatically). ' +
      'A range or an impossible day can be replaced by the date Jekyll uses (offered, never applied automatically: the ' +
      'author may have meant another day).',
  },
  check(post, context, report) {
    const fm = post.frontMatter;
    if (!fm || !fm.closed || fm.errors.length) return;
    const date = entryOf(fm, 'date');
    if (date) checkDate(post, date, zoneOf(context), report);
    for (const key of BOOLEAN_KEYS) {
      const entry = entryOf(fm, key);
      if (!entry || typeof entry.value === 'boolean') continue;
      const text = valueText(entry).trim().toLowerCase();
      // Only a written string (`"true"`, `False`) says what was meant; `[false]` prints as "false"
      // but is a list, which Jekyll takes as true: writing `false` would unpublish the post.
      const fixed = entry.valueKind === 'scalar' && (text === 'true' || text === 'false') ? text : undefined;
      report({
        range: nonEmpty(entry),
        // `published` is tested by Ruby's truthiness: a string (even "false") publishes the post.
        messageId: key === 'published' && typeof entry.value === 'string' ? 'publishedString' : 'boolean',
        data:
          key === 'published' && typeof entry.value === 'string'
            ? { value: entry.valueSource.trim() }
            : { key, value: entry.valueSource.trim() },
        fix: fixed
          ? fix('Write `{fixed}`', '`{fixed}`(으)로 쓰기', replaceValue(post, entry, fixed), fixed)
          : undefined,
      });
    }
    const title = entryOf(fm, 'title');
    if (title && (title.valueKind !== 'scalar' || valueText(title).trim() === '')) {
      report({ range: nonEmpty(title), messageId: 'title', data: { value: title.valueSource.trim() } });
    }
    const image = entryOf(fm, 'image_url');
    if (image) {
      const value = valueText(image).trim();
      if (image.valueKind !== 'scalar' || !isImageUrlValue(value)) {
        report({ range: nonEmpty(image), messageId: 'imageUrl', data: { value: image.valueSource.trim() } });
      }
    }
  },
};

/** The value as these checks read it: `String(value)`, `''` for none. */
function valueText(entry: FrontMatterEntry): string {
  // A list reads as its items joined by commas, a map as `[object Object]` (as before the lint
  // came). Known flaw, left for its own change: `published: [false]` (a list: truthy, published)
  // reads as `false` and is offered the safe fix `published: false`.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML value of any kind, see above
  return String(entry.value ?? '');
}

function fix(en: string, ko: string, edit: TextEdit, fixed: string): FixDescriptor {
  return { title: { en: en.replace('{fixed}', fixed), ko: ko.replace('{fixed}', fixed) }, safe: true, edits: [edit] };
}

/** The value's range, or the key's when the value is empty (an empty range is hard to see). */
function nonEmpty(entry: FrontMatterEntry) {
  const r = entry.valueRange;
  return r.start.line === r.end.line && r.start.character === r.end.character ? entry.keyRange : r;
}

/** Reports a `date` Jekyll cannot read, or reads otherwise than written. */
function checkDate(post: Post, entry: FrontMatterEntry, zone: string, report: Report): void {
  const value = entry.valueSource.trim();
  const reading = readEntryDate(entry);
  if (reading.kind === 'unread') {
    report({ range: nonEmpty(entry), messageId: 'date', data: { value } });
    return;
  }
  if (reading.kind === 'invalid') {
    report({
      range: nonEmpty(entry),
      messageId: reading.reason === 'empty' ? 'dateEmpty' : 'dateInvalid',
      data: { value },
    });
    return;
  }
  const date = formatDate(inBuildZone(reading, zone).date);
  const fixed = canonicalDate(reading);
  const write = (safe: boolean): FixDescriptor => ({
    title: { en: `Write \`${fixed}\``, ko: `\`${fixed}\`(으)로 쓰기` },
    safe,
    edits: [replaceValue(post, entry, fixed)],
  });
  if (reading.rest) {
    report({
      range: entry.valueRange,
      messageId: 'dateRange',
      data: { value, leading: reading.leading, date },
      fix: write(false),
      severity: 'warning',
    });
  } else if (reading.rolledOver) {
    report({
      range: entry.valueRange,
      messageId: 'dateRolledOver',
      data: { value, date },
      fix: write(false),
      severity: 'warning',
    });
  } else if (reading.shortParts) {
    report({
      range: entry.valueRange,
      messageId: 'dateShort',
      data: { value, fixed, date },
      fix: write(true),
      severity: 'info',
    });
  }
}
