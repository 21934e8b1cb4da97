/**
 * What "New Quarter Post" writes and where: the quarter read from what the user typed, the seminar
 * date, the file name, the text, and the site root among the folders of a workspace. Pure (no
 * `vscode`), so plain Node tests cover every decision the command makes.
 */
import {
  QUARTER_ORDINALS,
  formatDate,
  isRealDay,
  parsePostFileName,
  quarterNamedIn,
  type CalendarDate,
  type QuarterOrdinal,
} from '../../../server/src/core/jekyll';

/** A quarter of a year: 1 (Jan-Mar) to 4 (Oct-Dec). */
export interface YearQuarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** The quarter `date` falls in. */
export function quarterContaining(date: CalendarDate): YearQuarter {
  return { year: date.year, quarter: (Math.floor((date.month - 1) / 3) + 1) as YearQuarter['quarter'] };
}

/** The blog's ordinal of a quarter (`2nd`). */
export function ordinalOf(quarter: YearQuarter['quarter']): QuarterOrdinal {
  return QUARTER_ORDINALS[quarter - 1]!;
}

/** How the command shows a quarter in its input box: `2020 2nd`. */
export function formatYearQuarter({ year, quarter }: YearQuarter): string {
  return `${year} ${ordinalOf(quarter)}`;
}

/**
 * Reads a year and quarter as a person types them: `2020 2nd`, `2020_2nd_quarter`, `2020 Q2`,
 * `2020-2`, `2020 2`, `2020년 2분기`. Undefined when it names no year from 1900 to 2999 and
 * quarter from 1 to 4.
 */
export function parseYearQuarter(text: string): YearQuarter | undefined {
  const m =
    /^\s*(\d{4})(?:\s*년\s*|[-_/.,\s]+|\s*(?=q))(?:q\s*)?([1-4])(st|nd|rd|th)?(?:[_\s]*quarter|\s*분기)?\s*$/iu.exec(
      text,
    );
  if (!m) return undefined;
  const year = Number(m[1]);
  const quarter = Number(m[2]) as YearQuarter['quarter'];
  if (year < 1900 || year > 2999) return undefined;
  if (m[3] && `${quarter}${m[3].toLowerCase()}` !== ordinalOf(quarter)) return undefined;
  return { year, quarter };
}

/** Reads a seminar date written `YYYY-MM-DD` (a real day), or undefined. */
export function parseSeminarDate(text: string): CalendarDate | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDay(date) ? date : undefined;
}

/** True when `date` falls in the quarter. */
export function isInQuarter(date: CalendarDate, yq: YearQuarter): boolean {
  const q = quarterContaining(date);
  return q.year === yq.year && q.quarter === yq.quarter;
}

/** The first and last month (1-12) of a quarter. */
export function quarterMonths(quarter: YearQuarter['quarter']): [number, number] {
  return [quarter * 3 - 2, quarter * 3];
}

/** The date the command offers: today when today lies in the quarter, else the quarter's first day. */
export function defaultSeminarDate(yq: YearQuarter, today: CalendarDate): CalendarDate {
  return isInQuarter(today, yq) ? today : { year: yq.year, month: quarterMonths(yq.quarter)[0], day: 1 };
}

/**
 * The post's file name: `YYYY-MM-DD-Nth_quarter.md`, the seminar date then the quarter, as the
 * blog names its posts (`2020-04-02-2nd_quarter.md`) and as `filename-format`'s fix renames them.
 */
export function quarterPostFileName(yq: YearQuarter, date: CalendarDate): string {
  return `${formatDate(date)}-${ordinalOf(yq.quarter)}_quarter.md`;
}

/** The post's title, as the blog writes it: `2020_2nd_quarter`. */
export function quarterPostTitle(yq: YearQuarter): string {
  return `${yq.year}_${ordinalOf(yq.quarter)}_quarter`;
}

/**
 * The new post: the front matter the blog's posts carry (without `image_url`, which is one of the
 * post's own images and does not exist yet) and one empty paper section, ready to be filled in.
 */
export function quarterPostText(yq: YearQuarter, date: CalendarDate, presenterLabel: string): string {
  return [
    '---',
    'layout: post',
    `title: "${quarterPostTitle(yq)}"`,
    `date: ${formatDate(date)}`,
    'mathjax: true',
    'comments: true',
    '---',
    '',
    '# ',
    '## ',
    `### ${presenterLabel}: `,
    '- ',
    '',
  ].join('\n');
}

/** Where the cursor goes in a new post: at the end of the paper title line (`# `). */
export function paperTitlePosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > 0 && /^# ?$/.test(l));
  return line < 0 ? { line: 0, character: 0 } : { line, character: lines[line]!.length };
}

/**
 * The file names among `names` that are posts of the same quarter: named for it (whatever their
 * date), or, when their name names no quarter (`2021-02-04-vit.md`), dated in it.
 */
export function postsOfQuarter(names: readonly string[], yq: YearQuarter): string[] {
  return names.filter((name) => {
    const parsed = parsePostFileName(name);
    if (!parsed) return false;
    const named = quarterNamedIn(parsed.slug);
    if (!named.quarter) return isInQuarter(parsed.date, yq);
    return (named.year ?? parsed.date.year) === yq.year && named.quarter === ordinalOf(yq.quarter);
  });
}

/**
 * Folders that look like the root of a Jekyll site, from the paths (forward slashes) of the
 * `_config.yml` files and the post files found in a workspace: the folder of each `_config.yml`
 * and the folder holding each `_posts`. Shallowest first.
 */
export function siteRootCandidates(configFiles: readonly string[], postFiles: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const file of configFiles) roots.add(file.slice(0, Math.max(0, file.lastIndexOf('/'))));
  for (const file of postFiles) {
    const root = siteRootOfPost(file);
    if (root !== undefined) roots.add(root);
  }
  const depth = (p: string) => p.split('/').length;
  return [...roots].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

/** The site root of a file inside a `_posts` folder (the folder holding `_posts`), or undefined. */
export function siteRootOfPost(file: string): string | undefined {
  const at = file.lastIndexOf('/_posts/');
  return at < 0 ? undefined : file.slice(0, at);
}
