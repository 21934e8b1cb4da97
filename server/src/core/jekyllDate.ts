/**
 * Dates as Jekyll reads them. Jekyll turns a post's `date` (whatever YAML made of it) and the date of
 * its file name into a time with Ruby's `Time.parse(value.to_s)` in the build's time zone
 * (`Jekyll::Utils.parse_date`), which:
 * - rolls an impossible day over into the next month (`2020-02-30` is 2020-03-01, `2020-4-31` is
 *   2020-05-01) but stops the whole build on a month or day out of range (`2020-13-01`,
 *   `2020-02-32`), on a bad time (`25:00`) and on a value with no date in it (`hello`, an empty
 *   `date:`);
 * - reads one-digit months and days (`2021-1-7`);
 * - takes the first date of a range and ignores the rest (`2020-07-02 ~ 2020-09-24` is 2020-07-02);
 * - applies a written offset (`+0900`, `+09:00`, `Z`, `UTC`), else reads the time in the build's
 *   zone: `_config.yml`'s `timezone`, or UTC where it sets none (GitHub Pages builds in UTC).
 *
 * Only the forms the parity suite (`test/jekyll/publishing.test.ts`) holds against the real
 * `jekyll build` are read; anything else is `unread`: Ruby guesses at it in ways these checks do
 * not follow (`April 2, 2020` is a date to Ruby, `2020년 4월 2일` stops the build).
 */
import { formatDate, type CalendarDate } from './jekyll';

/** A time of day as written. */
export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

/** A date Jekyll reads. */
export interface JekyllDate {
  kind: 'date';
  /** The day as written (it may not exist: `2020-02-30`). */
  written: CalendarDate;
  /** The time as written, when there is one. */
  time: ClockTime | undefined;
  /** The written offset from UTC in minutes (`+0900` is 540), or undefined when the value has none. */
  offsetMinutes: number | undefined;
  /** The offset as written (`+0900`, `Z`), or undefined. */
  zone: string | undefined;
  /** True when the written day (or time) does not exist and Ruby counts on past it. */
  rolledOver: boolean;
  /** The date, time and zone as written, without what Jekyll ignores after them. */
  leading: string;
  /** What Jekyll ignores after the date (`~ 2020-09-24`), trimmed; '' when nothing. */
  rest: string;
  /** True when the month or day is written with one digit (`2021-1-7`). */
  shortParts: boolean;
}

/** Why Jekyll cannot read a date: it then stops the whole build. */
export type InvalidDateReason = 'empty' | 'no-date' | 'month' | 'day' | 'time';

export type JekyllDateReading =
  | JekyllDate
  | { kind: 'invalid'; reason: InvalidDateReason }
  /** A value Ruby may read one way or another; the checks do not guess. */
  | { kind: 'unread' };

/** Where a post is dated in the build's time zone, and the moment it stands for. */
export interface BuildDate {
  /** The calendar day in the build's zone: what the URL and the page show. */
  date: CalendarDate;
  /** Milliseconds since the epoch. */
  instant: number;
}

const DATE = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;
const TIME = String.raw`(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?`;
const ZONE = String.raw`[ \t]*(Z|UTC|GMT|UT|[+-]\d{2}(?::?\d{2})?)`;
const FRONT_MATTER_DATE = new RegExp(`^${DATE}(?:${TIME}(?:${ZONE})?)?(?![\\d:])(.*)$`, 's');
/** What may follow the date and be ignored: the end of a range (a second ISO date) or words without digits or Latin letters. */
const RANGE_END = /^[~〜～–—-]\s*\d{4}-\d{1,2}-\d{1,2}$/;
const IGNORABLE = /^[^\dA-Za-z:]*$/;
/** Month names (and their beginnings) that Ruby's `Date._parse` reads. */
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * Reads a front matter `date` (its text as written, quotes removed) as Jekyll does.
 */
export function readJekyllDate(value: string): JekyllDateReading {
  const text = value.trim();
  if (text === '') return { kind: 'invalid', reason: 'empty' };
  const m = FRONT_MATTER_DATE.exec(text);
  if (!m) {
    // Nothing Ruby can take for a date (no digit, no month name): `Time.parse` raises.
    return /\d/.test(text) || MONTH_NAME.test(text) ? { kind: 'unread' } : { kind: 'invalid', reason: 'no-date' };
  }
  const rest = m[8]!.trim();
  if (rest !== '' && !RANGE_END.test(rest) && !IGNORABLE.test(rest)) return { kind: 'unread' };
  const written = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const time = m[4] !== undefined ? { hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) } : undefined;
  const zone = m[7];
  const checked = checkParts(written, time);
  if (checked) return { kind: 'invalid', reason: checked };
  const leading = text.slice(0, text.length - m[8]!.length).trimEnd();
  return {
    kind: 'date',
    written,
    time,
    offsetMinutes: zone === undefined ? undefined : offsetOf(zone),
    zone,
    rolledOver: rollsOver(written, time),
    leading,
    rest,
    shortParts: m[2]!.length === 1 || m[3]!.length === 1,
  };
}

/**
 * Reads the date of a post's file name (`2020-4-2` of `2020-4-2-2nd_quarter.md`: two to four digits
 * of year, one or two of month and day), as Jekyll does when the front matter has no date. A
 * two-digit year is Ruby's: 69-99 are 1969-1999, 00-68 are 2000-2068.
 */
export function readNameDate(part: string): JekyllDateReading {
  const m = /^(\d{2,4})-(\d{1,2})-(\d{1,2})$/.exec(part);
  if (!m) return { kind: 'unread' };
  let year = Number(m[1]);
  if (m[1]!.length === 2) year += year >= 69 ? 1900 : 2000;
  const written = { year, month: Number(m[2]), day: Number(m[3]) };
  const checked = checkParts(written, undefined);
  if (checked) return { kind: 'invalid', reason: checked };
  return {
    kind: 'date',
    written,
    time: undefined,
    offsetMinutes: undefined,
    zone: undefined,
    rolledOver: rollsOver(written, undefined),
    leading: part,
    rest: '',
    shortParts: m[1]!.length !== 4 || m[2]!.length === 1 || m[3]!.length === 1,
  };
}

/** Month and day in range (a day up to 31 in any month: Ruby rolls it over), and a real time of day. */
function checkParts(date: CalendarDate, time: ClockTime | undefined): InvalidDateReason | undefined {
  if (date.month < 1 || date.month > 12) return 'month';
  if (date.day < 1 || date.day > 31) return 'day';
  if (time) {
    // `24:00` is the next midnight; a 60th second the next minute.
    if (time.hour > 24 || time.minute > 59 || time.second > 60) return 'time';
    if (time.hour === 24 && (time.minute > 0 || time.second > 0)) return 'time';
  }
  return undefined;
}

function rollsOver(date: CalendarDate, time: ClockTime | undefined): boolean {
  return date.day > daysIn(date.year, date.month) || time?.hour === 24 || time?.second === 60;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetOf(zone: string): number {
  if (/^(?:Z|UTC|GMT|UT)$/.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * The date as the blog writes it, for the same moment: `YYYY-MM-DD`, then ` HH:MM:SS` and the zone
 * when the value has them, with an impossible day (or a 24th hour) counted on as Ruby counts it.
 */
export function canonicalDate(date: JekyllDate): string {
  const { written, time } = date;
  const wall = new Date(wallTime(written, time));
  const day = formatDate({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() });
  if (!time) return day;
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}`;
  return `${day} ${clock}${date.zone !== undefined ? ` ${date.zone}` : ''}`;
}

/**
 * The time zone a site builds in: `_config.yml`'s `timezone` when it names a zone, else UTC (GitHub
 * Pages builds in UTC; a zone the system does not know also leaves the build in UTC).
 */
export function buildTimeZone(timezone: string | undefined): string {
  return timezone && isTimeZone(timezone) ? timezone : 'UTC';
}

/** True when `name` is a time zone the runtime knows (`Asia/Seoul`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The day and moment `date` stands for in a build in `timeZone` (see {@link buildTimeZone}). */
export function inBuildZone(date: JekyllDate, timeZone: string): BuildDate {
  const { written, time } = date;
  const wall = wallTime(written, time);
  const instant =
    date.offsetMinutes !== undefined ? wall - date.offsetMinutes * 60_000 : zonedToInstant(wall, timeZone);
  return { date: dayIn(instant, timeZone), instant };
}

/**
 * The wall time of a day and time as milliseconds, read as if in UTC. Like Ruby, it counts a day past
 * the month's end, a 24th hour and a 60th second on.
 */
function wallTime(date: CalendarDate, time: ClockTime | undefined): number {
  // setUTCFullYear, unlike Date.UTC, does not read the years 0-99 as 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  d.setUTCHours(time?.hour ?? 0, time?.minute ?? 0, time?.second ?? 0, 0);
  return d.getTime();
}

/** The calendar day of `instant` in `timeZone`. */
export function dayIn(instant: number, timeZone: string): CalendarDate {
  const parts = wallClock(instant, timeZone);
  return { year: parts.year, month: parts.month, day: parts.day };
}

/** `instant` as `YYYY-MM-DD HH:MM` in `timeZone`, for messages. */
export function formatInstant(instant: number, timeZone: string): string {
  const p = wallClock(instant, timeZone);
  return `${formatDate(p)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, timeZone: string): CalendarDate & { hour: number; minute: number; second: number } {
  if (timeZone === 'UTC') {
    const d = new Date(instant);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const value = (type: string) =>
    Number(format.formatToParts(new Date(instant)).find((p) => p.type === type)?.value ?? 0);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
    second: value('second'),
  };
}

/** The instant at which the clocks of `timeZone` show `wall` (a UTC-based wall time). */
function zonedToInstant(wall: number, timeZone: string): number {
  if (timeZone === 'UTC') return wall;
  // The zone's offset at the wall time taken as UTC, then corrected once (enough outside the hour a
  // clock change skips or repeats, where Ruby's choice is not modelled).
  const offsetAt = (instant: number) => {
    const p = wallClock(instant, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
  };
  const first = wall - offsetAt(wall);
  return wall - offsetAt(first);
}
