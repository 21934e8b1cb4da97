/**
 * A post's file name as Jekyll reads it. Jekyll reads a file of `_posts/` as a post when its name
 * matches `Document::DATE_FILENAME_MATCHER` (`\d{2,4}-\d{1,2}-\d{1,2}-` then a slug and an
 * extension), unless the name starts with `.`, `_`, `#` or `~` or ends with `~` (its entry filter),
 * and converts it with kramdown when the extension, in any letter case, is one of `markdown_ext`
 * (`markdown,mkdown,mkdn,mkd,md` by default). Any other extension is still published, as it is:
 * `2020-04-02-x.txt` becomes `/2020/04/02/x.txt` with its Markdown shown raw.
 *
 * The blog's own convention is narrower: `YYYY-MM-DD-Nth_quarter.md` (see `filename-convention`).
 */
import { readNameDate, type JekyllDateReading } from './jekyllDate';

/** Jekyll's default `markdown_ext`. */
export const DEFAULT_MARKDOWN_EXTENSIONS: readonly string[] = ['markdown', 'mkdown', 'mkdn', 'mkd', 'md'];

/** A name Jekyll reads as a post. */
export interface PostName {
  kind: 'post';
  /** The date part as written (`2020-4-2`). */
  datePart: string;
  /** Jekyll's reading of the date part (used only when the front matter has no `date`). */
  date: JekyllDateReading;
  /** The slug: the URL's last part (`2nd_quarter`). */
  slug: string;
  /** The extension as written, without its dot (`md`, `MD`, `markdown`). */
  extension: string;
  /** True when Jekyll converts the file with kramdown (its extension is one of `markdown_ext`). */
  markdown: boolean;
}

/** Why Jekyll does not read a file of `_posts/` as a post. */
export type SkippedName =
  | { kind: 'skipped'; reason: 'pattern' }
  /** A leading `.`, `_`, `#` or `~`, or a trailing `~` (a backup file). */
  | { kind: 'skipped'; reason: 'special' }
  /** A YAML file: Jekyll reads it as data, never as a post. */
  | { kind: 'skipped'; reason: 'data' };

const DATE_FILENAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)\.([^.]+)$/;

/** How Jekyll reads the file name `name` of a file in `_posts/`. */
export function readPostName(
  name: string,
  markdownExtensions: readonly string[] = DEFAULT_MARKDOWN_EXTENSIONS,
): PostName | SkippedName {
  if (/^[._#~]/.test(name) || name.endsWith('~')) return { kind: 'skipped', reason: 'special' };
  const m = DATE_FILENAME.exec(name);
  if (!m) return { kind: 'skipped', reason: 'pattern' };
  const extension = m[3]!;
  const lower = extension.toLowerCase();
  if (lower === 'yml' || lower === 'yaml') return { kind: 'skipped', reason: 'data' };
  return {
    kind: 'post',
    datePart: m[1]!,
    date: readNameDate(m[1]!),
    // Jekyll drops the periods a slug ends with.
    slug: m[2]!.replace(/\.+$/, ''),
    extension,
    markdown: markdownExtensions.some((ext) => ext.toLowerCase() === lower),
  };
}

/** `markdown_ext` of `_config.yml` (`"md,markdown"`) as a list, or Jekyll's default when unset or not a string. */
export function markdownExtensionsOf(value: unknown): readonly string[] {
  if (typeof value !== 'string') return DEFAULT_MARKDOWN_EXTENSIONS;
  const list = value
    .split(',')
    .map((ext) => ext.trim().replace(/^\./, '').toLowerCase())
    .filter(Boolean);
  return list.length ? list : DEFAULT_MARKDOWN_EXTENSIONS;
}

/**
 * The title Jekyll gives a post whose front matter sets none: its slug, each dash-separated word
 * capitalized as Ruby's `capitalize` does (`2nd_quarter` stays `2nd_quarter`, `my-post` is `My Post`).
 */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}
