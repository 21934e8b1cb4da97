/**
 * The post's date as Jekyll will use it, for the rules that compare dates: the front matter's
 * `date` read as Jekyll reads it (`jekyllDate.ts`), in the zone the site builds in; without one, the
 * file name's date.
 */
import type { RuleContext } from '../../engine/rule';
import type { CalendarDate } from '../../jekyll';
import {
  buildTimeZone,
  inBuildZone,
  readJekyllDate,
  type BuildDate,
  type JekyllDate,
  type JekyllDateReading,
} from '../../jekyllDate';
import { readPostName } from '../../jekyllPostName';
import type { FrontMatterEntry, Post } from '../../model';
import { entryOf, readableFrontMatter } from './frontMatter';

/** The text Jekyll turns into a date: a scalar's text as written (quotes removed), '' for no value. */
export function dateTextOf(entry: FrontMatterEntry): string | undefined {
  if (entry.valueKind === 'null') return '';
  if (entry.valueKind !== 'scalar') return undefined;
  if (typeof entry.value === 'string') return entry.value;
  // A YAML timestamp or number: what is written.
  return entry.valueSource.trim();
}

/** Jekyll's reading of a `date` entry (a list or a mapping is never read: `unread`). */
export function readEntryDate(entry: FrontMatterEntry): JekyllDateReading {
  const text = dateTextOf(entry);
  return text === undefined ? { kind: 'unread' } : readJekyllDate(text);
}

/** The zone the post's site builds in (UTC outside a site, as on GitHub Pages). */
export function zoneOf(context: Pick<RuleContext, 'site'>): string {
  return buildTimeZone(context.site?.timezone);
}

/** The post's date as Jekyll will use it, and where it comes from. */
export interface PostDate {
  source: 'front-matter' | 'file-name';
  /** The `date` entry, when the date comes from the front matter. */
  entry: FrontMatterEntry | undefined;
  reading: JekyllDate;
  build: BuildDate;
  /** The day in the build's zone. */
  date: CalendarDate;
}

/**
 * The date Jekyll gives the post: the front matter's `date` when the front matter can be read and
 * has one, else the file name's. Undefined when Jekyll cannot read the date that counts (a rule of
 * its own says so) or the post has none.
 */
export function jekyllPostDate(post: Post, context: Pick<RuleContext, 'site'>): PostDate | undefined {
  const zone = zoneOf(context);
  const fm = readableFrontMatter(post);
  const entry = fm ? entryOf(fm, 'date') : undefined;
  if (entry) {
    const reading = readEntryDate(entry);
    if (reading.kind !== 'date') return undefined;
    const build = inBuildZone(reading, zone);
    return { source: 'front-matter', entry, reading, build, date: build.date };
  }
  const name = readPostName(post.fileName, context.site?.markdownExtensions);
  if (name.kind !== 'post' || name.date.kind !== 'date') return undefined;
  const build = inBuildZone(name.date, zone);
  return { source: 'file-name', entry: undefined, reading: name.date, build, date: build.date };
}
