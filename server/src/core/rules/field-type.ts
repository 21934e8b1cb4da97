/**
 * `field-type`: a front matter value Jekyll cannot use: a `date` that is not a date (the real
 * blog once had `2020-07-01~2020-09-30`, which broke the build), a flag that is not `true` or
 * `false`, an empty title, an `image_url` that is not a URL.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { FixDescriptor, RuleDefinition } from '../engine/rule';
import { formatDate, isRealDay, parseJekyllDate } from '../jekyll';
import type { FrontMatterEntry } from '../model';
import { examplePost, frontMatterWith } from './support/examples';
import { entryOf, isImageUrlValue, replaceValue } from './support/frontMatter';

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
      en: 'Expected a date such as `2020-04-02` (optionally `HH:MM:SS +ZZZZ`), found `{value}`',
      ko: '`2020-04-02` 같은 날짜(필요하면 `HH:MM:SS +ZZZZ`)가 필요하지만 `{value}`입니다',
    },
    boolean: {
      en: 'Expected `true` or `false` for `{key}`, found `{value}`',
      ko: '`{key}`에는 `true` 또는 `false`가 필요하지만 `{value}`입니다',
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
      'Jekyll fails the whole build on a date it cannot read (the blog once had `date: 2020-07-01~2020-09-30`). ' +
      'A flag written as `"true"` is a string, which the layout may not treat as true, and a thumbnail URL that is not ' +
      'a URL shows as a broken image on the front page.',
    ok: { text: examplePost(frontMatterWith({ date: '2020-02-23 19:33:00 +0900' })) },
    notOk: { text: examplePost(frontMatterWith({ date: '2020-07-01~2020-09-30' })) },
    fix: 'Where the intent is unambiguous: `"true"` becomes `true`, `2020-7-2` becomes `2020-07-02`.',
  },
  check(post, _context, report) {
    const fm = post.frontMatter;
    if (!fm || !fm.closed || fm.errors.length) return;
    const date = entryOf(fm, 'date');
    if (date) {
      // YAML reads `2020-04-02` as a timestamp; check what is written, which must also be a real day.
      const text = date.value instanceof Date ? date.valueSource.trim() : String(date.value ?? '');
      if (date.valueKind !== 'scalar' || !parseJekyllDate(text)) {
        const padded = padDate(text);
        report({
          range: nonEmpty(date),
          messageId: 'date',
          data: { value: date.valueSource.trim() },
          fix: padded ? fix('Write the date as `{fixed}`', '날짜를 `{fixed}`(으)로 쓰기', replaceValue(post, date, padded), padded) : undefined,
        });
      }
    }
    for (const key of BOOLEAN_KEYS) {
      const entry = entryOf(fm, key);
      if (!entry || typeof entry.value === 'boolean') continue;
      const text = String(entry.value ?? '').trim().toLowerCase();
      // Only a written string (`"true"`, `False`) says what was meant; `[false]` prints as "false"
      // but is a list, which Jekyll takes as true: writing `false` would unpublish the post.
      const fixed = entry.valueKind === 'scalar' && (text === 'true' || text === 'false') ? text : undefined;
      report({
        range: nonEmpty(entry),
        messageId: 'boolean',
        data: { key, value: entry.valueSource.trim() },
        fix: fixed ? fix('Write `{fixed}`', '`{fixed}`(으)로 쓰기', replaceValue(post, entry, fixed), fixed) : undefined,
      });
    }
    const title = entryOf(fm, 'title');
    if (title && (title.valueKind !== 'scalar' || String(title.value ?? '').trim() === '')) {
      report({ range: nonEmpty(title), messageId: 'title', data: { value: title.valueSource.trim() } });
    }
    const image = entryOf(fm, 'image_url');
    if (image) {
      const value = String(image.value ?? '').trim();
      if (image.valueKind !== 'scalar' || !isImageUrlValue(value)) {
        report({ range: nonEmpty(image), messageId: 'imageUrl', data: { value: image.valueSource.trim() } });
      }
    }
  },
};

function fix(en: string, ko: string, edit: TextEdit, fixed: string): FixDescriptor {
  return { title: { en: en.replace('{fixed}', fixed), ko: ko.replace('{fixed}', fixed) }, safe: true, edits: [edit] };
}

/** The value's range, or the key's when the value is empty (an empty range is hard to see). */
function nonEmpty(entry: FrontMatterEntry) {
  const r = entry.valueRange;
  return r.start.line === r.end.line && r.start.character === r.end.character ? entry.keyRange : r;
}

/** `2020-7-2` -> `2020-07-02` when that is a real day; undefined otherwise. */
function padDate(value: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(value);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const fixed = formatDate(date);
  return isRealDay(date) && fixed !== value.trim() ? fixed : undefined;
}
