/**
 * The posts of the publishing parity suite: one per construct an author writes that decides whether,
 * where and how Jekyll publishes a post. Each names the reports it is there for; the suite checks
 * that they come, and that what they claim is what `jekyll build` does.
 */

export interface PublishingCase {
  /** The post's path in the site (`_posts/...`). */
  path: string;
  text: string;
  /** What the post is about. */
  why: string;
  /** `rule-id` or `rule-id/messageId` reports the post must raise. */
  reports?: string[];
}

const BODY = [
  '',
  '# Attention Is All You Need',
  '## Ashish Vaswani et al., NeurIPS 2017',
  '### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/slides/transformer.pdf)]',
  '- 순환 구조 없이 attention만으로 번역 모델을 만든 논문입니다.',
  '',
].join('\n');

/** A post with the blog's front matter; `keys` replaces (or, with `undefined`, removes) keys. */
function post(keys: Record<string, string | undefined> = {}, body = BODY): string {
  const base: Record<string, string | undefined> = {
    layout: 'post',
    title: '"2020_2nd_quarter"',
    date: '2020-04-02',
    image_url: 'https://example.com/a.png',
    mathjax: 'true',
    comments: 'true',
    ...keys,
  };
  const lines = Object.entries(base)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}:${v === '' ? '' : ` ${v}`}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** `YYYY-MM-DD HH:MM:SS +0000` for `instant`. */
function utcStamp(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19).replace('T', ' ')} +0000`;
}

const HOUR = 3_600_000;

/** Posts built together in one site with the blog's settings (UTC, no `future`). */
export const ALL_CASES: PublishingCase[] = [
  { path: '_posts/2020-04-02-2nd_quarter.md', text: post(), why: "the blog's own shape" },
  {
    path: '_posts/2020-04-03-2nd_quarter.md',
    text: BODY,
    why: 'no front matter: published, titled from the name, no layout',
    reports: ['front-matter-missing/missing'],
  },
  {
    path: '_posts/2020-04-06-2nd_quarter.md',
    text: `\n${post({ date: '2020-04-06' })}`,
    why: 'a blank line before `---`: the front matter shows as text',
    reports: ['front-matter-missing/blankLinesBefore'],
  },
  {
    path: '_posts/2020-04-07-2nd_quarter.md',
    text: post({ date: '2020-04-07' }).replace(/\n---\n/, '\n\n'),
    why: 'a front matter never closed: the whole file is text',
    reports: ['front-matter-syntax/unclosed'],
  },
  {
    path: '_posts/2020-04-08-2nd_quarter.md',
    text: post({ title: '"2020_2nd_quarter', date: '2020-04-08' }),
    why: 'broken YAML: published on the build day, no title',
    reports: ['front-matter-syntax/yamlPublished'],
  },
  {
    path: '_posts/2020-04-09-2nd_quarter.md',
    text: '---\n- layout\n- post\n---\n' + BODY,
    why: 'YAML that is a list',
    reports: ['front-matter-syntax/notAMappingPublished'],
  },
  {
    path: '_posts/2020-4-6-2nd_quarter.md',
    text: post({ date: undefined }),
    why: 'one-digit month and day in the name',
    reports: ['filename-convention/shortDate'],
  },
  {
    path: '_posts/2020-04-10-2nd_quarter.MD',
    text: post({ date: '2020-04-10' }),
    why: 'an upper-case extension',
    reports: ['filename-convention/extension'],
  },
  {
    path: '_posts/2020-04-13-2nd_quarter.markdown',
    text: post({ date: '2020-04-13' }),
    why: 'the long extension, as the blog allows',
  },
  {
    path: '_posts/2020-04-14-2nd_quarter.mkd',
    text: post({ date: '2020-04-14' }),
    why: "another of Jekyll's Markdown extensions",
    reports: ['filename-convention/extension'],
  },
  {
    path: '_posts/2020-04-15-2nd_quarter.txt',
    text: post({ date: '2020-04-15' }),
    why: 'not a Markdown extension: published raw',
    reports: ['filename-format/notMarkdown'],
  },
  {
    path: '_posts/2020-04-16-2nd_quarter.mdown',
    text: post({ date: '2020-04-16' }),
    why: '`.mdown` is not in `markdown_ext`',
    reports: ['filename-format/notMarkdown'],
  },
  { path: '_posts/temp.md', text: post(), why: 'no date in the name: skipped', reports: ['filename-format/format'] },
  {
    path: '_posts/2020_3rd_quater.md',
    text: post(),
    why: 'underscores in the date: skipped',
    reports: ['filename-format/format'],
  },
  {
    path: '_posts/2020-4th_quarter.md',
    text: post(),
    why: 'no month and day: skipped',
    reports: ['filename-format/format'],
  },
  {
    path: '_posts/_2020-04-17-2nd_quarter.md',
    text: post({ date: '2020-04-17' }),
    why: 'a leading underscore: skipped',
    reports: ['filename-format/format'],
  },
  {
    path: '_posts/2020-03-01-1st_quarter.md',
    text: post({ title: '"2020_1st_quarter"', date: '2020-02-30' }),
    why: 'an impossible day rolls over',
    reports: ['field-type/dateRolledOver'],
  },
  {
    path: '_posts/2020-02-28-1st_quarter.md',
    text: post({ title: '"2020_1st_quarter"', date: '2020-02-31' }),
    why: 'a rolled-over day against the name',
    reports: ['field-type/dateRolledOver', 'filename-date-mismatch'],
  },
  {
    path: '_posts/2020-02-30-1st_quarter.md',
    text: post({ title: '"2020_1st_quarter"', date: undefined }),
    why: 'an impossible day in the name rolls over',
    reports: ['filename-convention/notADay'],
  },
  {
    path: '_posts/2020-13-45-2nd_quarter.md',
    text: post({ date: '2020-04-20' }),
    why: 'no date in the name, one in the front matter',
    reports: ['filename-convention/notADayIgnored'],
  },
  {
    path: '_posts/2020-07-01-3rd_quarter.md',
    text: post({ title: '"2020_3rd_quarter"', date: '2020-07-02 ~ 2020-09-24' }),
    why: 'a range: its first date, also in the URL',
    reports: ['field-type/dateRange', 'filename-date-mismatch'],
  },
  {
    path: '_posts/2020-07-02-3rd_quarter.md',
    text: post({ title: '"2020_3rd_quarter"', date: '2020-07-02~2020-09-30' }),
    why: 'a range without spaces',
    reports: ['field-type/dateRange'],
  },
  {
    path: '_posts/2021-01-07-1st_quarter.md',
    text: post({ title: '"2021_1st_quarter"', date: '2021-1-7' }),
    why: 'a one-digit YAML 1.1 timestamp',
    reports: ['field-type/dateShort'],
  },
  {
    path: '_posts/2020-04-21-2nd_quarter.md',
    text: post({ date: '2020-04-21 23:30:00 -0500' }),
    why: 'a time and zone that fall on the next day in UTC',
    reports: ['filename-date-mismatch/mismatchRead'],
  },
  {
    path: '_posts/2020-04-22-2nd_quarter.md',
    text: post({ date: '2020-04-22 08:00:00 +0900' }),
    why: 'a Korean morning is the day before in UTC',
    reports: ['filename-date-mismatch/mismatchRead'],
  },
  {
    path: '_posts/2020-03-31-1st_quarter.md',
    text: post({ title: '"2020_1st_quarter"', date: '2020-03-31 20:00:00 -0500' }),
    why: "an evening of the quarter's last day in America is the next quarter in UTC",
    reports: ['title-date-mismatch/date', 'filename-date-mismatch/mismatchRead'],
  },
  {
    path: '_posts/2020-04-23-2nd_quarter.md',
    text: post({ date: '2020-04-23 19:33:00 +0900' }),
    why: 'a time and zone on the same day',
  },
  {
    path: '_posts/2020-04-24-2nd_quarter.md',
    text: post({ date: '2020-04-23 24:00' }),
    why: 'hour 24 is the next midnight',
    reports: ['field-type/dateRolledOver'],
  },
  {
    path: '_posts/2020-04-27-2nd_quarter.md',
    text: post({ date: '"2020-04-28"' }),
    why: 'a quoted date that disagrees with the name',
    reports: ['filename-date-mismatch/mismatch'],
  },
  {
    path: '_posts/20-04-29-2nd_quarter.md',
    text: post({ date: undefined }),
    why: 'a two-digit year in the name',
    reports: ['filename-convention/shortDate'],
  },
  {
    path: '_posts/2099-01-01-1st_quarter.md',
    text: post({ title: '"2099_1st_quarter"', date: '2099-01-01' }),
    why: 'a future date',
    reports: ['future-date/future'],
  },
  {
    path: '_posts/2099-04-16-2nd_quarter.md',
    text: post({ title: '"2099_2nd_quarter"', date: undefined }),
    why: 'a future date in the name only',
    reports: ['future-date/futureName'],
  },
  {
    path: '_posts/2020-04-30-2nd_quarter.md',
    text: post({ date: '2020-04-30', published: 'false' }),
    why: '`published: false`',
  },
  {
    path: '_posts/2020-05-01-2nd_quarter.md',
    text: post({ date: '2020-05-01', published: '"false"' }),
    why: '`published: "false"` is a string, so true',
    reports: ['field-type/publishedString'],
  },
  {
    path: '_posts/2020-05-04-2nd_quarter.md',
    text: post({ date: '2020-05-04', title: undefined }),
    why: 'no title: the slug',
    reports: ['required-field'],
  },
  {
    path: '_posts/2020-05-05-2nd_quarter.md',
    text: post({ date: '2020-05-05', title: '' }),
    why: 'an empty title: the slug',
    reports: ['field-type'],
  },
  {
    path: '_posts/2020-05-06-2nd_quarter.md',
    text: post({ date: '2020-05-06', layout: undefined }),
    why: 'no layout',
    reports: ['required-field'],
  },
  {
    path: '_posts/2020-05-07-2nd_quarter.md',
    text: '---\n---\n' + BODY,
    why: 'an empty front matter',
    reports: ['required-field'],
  },
  {
    path: '_posts/2020-05-08-2nd_quarter.md',
    text: post({ date: '2020-05-08' }).replace(/\n---\n/, '\n...\n'),
    why: 'a front matter closed by `...`',
  },
  {
    path: '_posts/sub/2020-05-11-2nd_quarter.md',
    text: post({ date: '2020-05-11' }),
    why: 'a post in a folder of `_posts/`',
  },
];

// The moment-relative posts are built right after they are written: an hour either way is enough.
ALL_CASES.push(
  {
    path: '_posts/2020-05-12-2nd_quarter.md',
    text: post({ date: utcStamp(Date.now() - HOUR) }),
    why: 'dated an hour ago: published',
    reports: ['filename-date-mismatch'],
  },
  {
    path: '_posts/2020-05-13-2nd_quarter.md',
    text: post({ date: utcStamp(Date.now() + 3 * HOUR) }),
    why: 'dated three hours ahead: left out',
    reports: ['future-date/future'],
  },
);

/** Posts built in a site that sets `timezone: Asia/Seoul` and `future: true`. */
export const ZONE_CASES: PublishingCase[] = [
  {
    path: '_posts/2020-04-02-2nd_quarter.md',
    text: post({ date: '2020-04-02 08:00:00 +0900' }),
    why: 'a Korean morning is that day in Seoul',
  },
  {
    path: '_posts/2020-04-01-2nd_quarter.md',
    text: post({ date: '2020-04-01 20:00:00 -0500' }),
    why: 'an American evening is the next day in Seoul',
    reports: ['filename-date-mismatch/mismatchRead'],
  },
  {
    path: '_posts/2020-04-06-2nd_quarter.md',
    text: post({ date: '2020-04-06' }),
    why: 'a date alone is midnight in Seoul',
  },
  {
    path: '_posts/2020-04-07-2nd_quarter.md',
    text: post({ date: '2020-04-07 23:30' }),
    why: "a time without zone is Seoul's",
  },
  {
    path: '_posts/2099-01-01-1st_quarter.md',
    text: post({ title: '"2099_1st_quarter"', date: '2099-01-01' }),
    why: 'a future date, published with `future: true`',
  },
];

/** Posts that stop the whole build, each built alone. */
export const FAILING_CASES: PublishingCase[] = [
  {
    path: '_posts/2020-04-02-2nd_quarter.md',
    text: post({ date: '' }),
    why: 'an empty `date:`',
    reports: ['field-type/dateEmpty'],
  },
  {
    path: '_posts/2020-04-02-2nd_quarter.md',
    text: post({ date: 'TBD' }),
    why: 'a date with no date in it',
    reports: ['field-type/dateInvalid'],
  },
  {
    path: '_posts/2020-04-02-2nd_quarter.md',
    text: post({ date: '2020-13-01' }),
    why: 'month 13',
    reports: ['field-type/dateInvalid'],
  },
  {
    path: '_posts/2020-04-02-2nd_quarter.md',
    text: post({ date: '2020-02-32' }),
    why: 'day 32',
    reports: ['field-type/dateInvalid'],
  },
  {
    path: '_posts/2020-04-02-2nd_quarter.md',
    text: post({ date: '2020-04-02 25:00:00' }),
    why: 'hour 25',
    reports: ['field-type/dateInvalid'],
  },
  {
    path: '_posts/2020-13-01-2nd_quarter.md',
    text: post({ date: undefined }),
    why: 'month 13 in the name, no date in the front matter',
    reports: ['filename-format/nameDate'],
  },
];
