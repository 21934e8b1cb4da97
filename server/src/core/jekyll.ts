/**
 * Facts about Jekyll and about the seminar's quarters that rules, completion and commands share.
 */

/** Quarter ordinals as the blog writes them: Q1 = `1st` (Jan-Mar) ... Q4 = `4th` (Oct-Dec). */
export const QUARTER_ORDINALS = ['1st', '2nd', '3rd', '4th'] as const;
export type QuarterOrdinal = (typeof QUARTER_ORDINALS)[number];

/** A calendar day. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DATE_VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(?:[+-]\d{2}:?\d{2}|Z))?)?$/;

/**
 * Reads a front matter `date` as Jekyll accepts it: `YYYY-MM-DD`, optionally followed by
 * ` HH:MM[:SS]` and a ` +ZZZZ` offset, naming a real calendar day and a real time.
 * Undefined when Jekyll would not accept it.
 */
export function parseJekyllDate(value: string): CalendarDate | undefined {
  const m = DATE_VALUE.exec(value.trim());
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isRealDay(date)) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 60)) return undefined;
  return date;
}

export function isRealDay({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Today in the local time zone. */
export function todayString(now = new Date()): string {
  return formatDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

export function quarterOf(date: CalendarDate): QuarterOrdinal {
  return QUARTER_ORDINALS[Math.floor((date.month - 1) / 3)]!;
}

/** The title the blog gives the quarter of `date`, e.g. `2020_2nd_quarter`. */
export function quarterTitle(date: CalendarDate): string {
  return `${date.year}_${quarterOf(date)}_quarter`;
}

/** Year and quarter named in a title or file name (`2020_3rd_quater2` -> 2020, `3rd`). */
export function quarterNamedIn(text: string): { year: number | undefined; quarter: QuarterOrdinal | undefined } {
  const year = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(text);
  const quarter = /(?:^|[^a-z0-9])([1-4])(?:st|nd|rd|th)(?![a-z])/i.exec(text.replace(/_/g, ' '));
  return {
    year: year ? Number(year[1]) : undefined,
    quarter: quarter ? QUARTER_ORDINALS[Number(quarter[1]) - 1] : undefined,
  };
}

/** What Jekyll requires of a post's file name: `YYYY-MM-DD-slug.EXT`; this blog uses `md` or `markdown`. */
export const POST_FILE_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.(md|markdown)$/;

/** The date and slug of a post file name that Jekyll publishes, or undefined when Jekyll skips it. */
export function parsePostFileName(name: string): { date: CalendarDate; slug: string; extension: string } | undefined {
  const m = POST_FILE_NAME.exec(name);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isRealDay(date)) return undefined;
  return { date, slug: m[4]!, extension: m[5]! };
}

/**
 * Front matter keys Jekyll (or a common plugin) reads, besides the blog's own. A key outside this
 * list and the configured required fields is reported by `unknown-field`.
 */
export const KNOWN_JEKYLL_KEYS = [
  'layout',
  'title',
  'date',
  'permalink',
  'published',
  'categories',
  'category',
  'tags',
  'excerpt',
  'excerpt_separator',
  'author',
  'authors',
  'content',
  'description',
  'image',
  'slug',
  'lang',
  'last_modified_at',
  'redirect_from',
  'redirect_to',
  'sitemap',
  'render_with_liquid',
  'toc',
  'math',
] as const;

/** Keys of the blog's posts, in the order the blog writes them. */
export const BLOG_KEYS = ['layout', 'title', 'date', 'image_url', 'mathjax', 'comments'] as const;

/** Levenshtein distance, for did-you-mean suggestions (short strings only). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest of `candidates` to `word` within `maxDistance`, or undefined. */
export function closest(word: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const d =
      candidate.toLowerCase() === word.toLowerCase() ? 0.5 : editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
