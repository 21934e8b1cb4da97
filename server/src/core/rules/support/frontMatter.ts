/**
 * Reading and editing the front matter, for the rules that check it.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { formatDate, parseJekyllDate, parsePostFileName, quarterTitle, type CalendarDate } from '../../jekyll';
import type { FrontMatter, FrontMatterEntry, Post, Range } from '../../model';
import type { SiteContext } from '../../site/site';
import { loadableAddress, postImages } from './imageAddress';

/** The front matter when it can be trusted: present, closed, valid YAML, a mapping. */
export function readableFrontMatter(post: Post): FrontMatter | undefined {
  const fm = post.frontMatter;
  if (!fm || !fm.closed || fm.errors.length > 0 || fm.notAMapping) return undefined;
  return fm;
}

/** The entry Jekyll uses for `key` (the last one, as YAML readers keep the last duplicate). */
export function entryOf(fm: FrontMatter, key: string): FrontMatterEntry | undefined {
  for (let i = fm.entries.length - 1; i >= 0; i--) if (fm.entries[i]!.key === key) return fm.entries[i];
  return undefined;
}

/** The value of `key` as a trimmed string, when it is a scalar. */
export function stringValue(entry: FrontMatterEntry | undefined): string | undefined {
  if (!entry || entry.valueKind !== 'scalar') return undefined;
  if (entry.value instanceof Date) return entry.valueSource.trim();
  return typeof entry.value === 'string' ? entry.value.trim() : entry.valueSource.trim();
}

/** The post's line break (`\r\n` when its first line ends so). */
export function lineBreak(post: Post): string {
  const i = post.text.indexOf('\n');
  return i > 0 && post.text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Inserts `key: value` lines just before the closing `---`. */
/**
 * True when a key line can be added to the front matter without breaking it: the YAML parses and
 * its keys start at the first column (a new key under ` a: 1` would be an indentation error).
 */
export function canInsertEntries(fm: FrontMatter): boolean {
  return fm.errors.length === 0 && !fm.notAMapping && fm.entries.every((e) => e.keyRange.start.character === 0);
}

export function insertEntries(post: Post, fm: FrontMatter, lines: string[]): TextEdit {
  let at = fm.closeRange ? fm.closeRange.start : fm.contentRange.end;
  // Before a YAML document end (`...`): a key after it would be a second document.
  while (
    at.character === 0 &&
    at.line - 1 > fm.openRange.start.line &&
    /^\.\.\.\s*$/.test(post.lines.lineText(at.line - 1))
  )
    at = { line: at.line - 1, character: 0 };
  const eol = lineBreak(post);
  return { range: { start: at, end: at }, newText: lines.map((l) => l + eol).join('') };
}

/**
 * `range` without a line break it ends with: a range that ends at the start of a line (as a block
 * scalar's node does) ends instead at the end of the line before, so that an edit over it never
 * takes the line break before the next key.
 */
function withoutTrailingBreak(post: Post, range: Range): Range {
  if (range.end.character !== 0 || range.end.line <= range.start.line) return range;
  return { start: range.start, end: post.lines.positionAt(post.lines.lineEnd(range.end.line - 1)) };
}

/** Replaces the value of `entry` (inserting one after the colon when it has none). */
export function replaceValue(post: Post, entry: FrontMatterEntry, newText: string): TextEdit {
  const empty =
    entry.valueRange.start.line === entry.valueRange.end.line &&
    entry.valueRange.start.character === entry.valueRange.end.character;
  return { range: withoutTrailingBreak(post, entry.valueRange), newText: empty ? ` ${newText}` : newText };
}

/** Removes the line(s) of `entry`, line break included (and nothing of the line after them). */
export function removeEntry(post: Post, entry: FrontMatterEntry): TextEdit {
  const start = { line: entry.range.start.line, character: 0 };
  const endLine = withoutTrailingBreak(post, entry.range).end.line + 1;
  const end =
    endLine < post.lines.lineCount
      ? { line: endLine, character: 0 }
      : post.lines.positionAt(post.lines.lineEnd(endLine - 1));
  return { range: { start, end }, newText: '' };
}

/** YAML for a string value: quoted, as the blog writes titles. */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

/** The post's date: the front matter's when valid, else the file name's. */
export function postDate(post: Post): CalendarDate | undefined {
  const fm = post.frontMatter;
  const value = fm ? stringValue(entryOf(fm, 'date')) : undefined;
  return (value !== undefined ? parseJekyllDate(value) : undefined) ?? parsePostFileName(post.fileName)?.date;
}

/**
 * The quarter Jekyll publishes the post in, as `2021-1` (year and quarter 1-4), read from its date:
 * undefined when Jekyll would not publish it (a file name it skips, `published: false`) or when
 * its date cannot be read.
 */
export function publishedQuarter(post: Post): string | undefined {
  if (!parsePostFileName(post.fileName)) return undefined;
  const fm = post.frontMatter;
  if (fm && entryOf(fm, 'published')?.value === false) return undefined;
  const date = postDate(post);
  return date ? `${date.year}-${Math.floor((date.month - 1) / 3) + 1}` : undefined;
}

/**
 * True for an `image_url` Jekyll's theme can show: an absolute http(s) URL, or a site path such as
 * `/assets/a.png`, without whitespace (what `field-type` accepts).
 */
export function isImageUrlValue(value: string): boolean {
  return /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value) || /^\/[^\s]*[^/\s]$/.test(value);
}

/**
 * The value the fix inserts for `key`, or undefined when there is no sensible one. The thumbnail is
 * the post's first image (HTML or Markdown) as `image-src` would leave it: a `/blob/` address as its
 * `/raw/` one, an image that stays broken skipped.
 */
export function suggestedValue(post: Post, key: string, site?: SiteContext): string | undefined {
  switch (key) {
    case 'layout':
      return 'post';
    case 'mathjax':
    case 'comments':
      return 'true';
    case 'date': {
      const named = parsePostFileName(post.fileName);
      return named ? formatDate(named.date) : undefined;
    }
    case 'title': {
      const date = postDate(post);
      return date ? quoted(quarterTitle(date)) : undefined;
    }
    case 'image_url': {
      for (const image of postImages(post)) {
        if (image.kind === 'thumbnail') continue;
        const src = loadableAddress(image.address.text, site);
        // Only an image `field-type` accepts: a fix must not bring a new error.
        if (src && /^https?:\/\//i.test(src) && isImageUrlValue(src)) return src;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * True when the entry's key is written as a plain word (`title`, `image_url`): the only keys a fix
 * renames or removes, written at the start of its line. An empty key (read as `null`), `? key`,
 * `&anchor`, `!tag` or `[a]` is broken or unusual YAML
 * for the author to read; so is any key of a front matter with syntax errors, whose entries are
 * the parser's best guess (a `[` left open swallows the lines after it).
 */
export function isPlainKey(post: Post, entry: FrontMatterEntry): boolean {
  if (post.frontMatter?.errors.length) return false;
  // `? key` (YAML's explicit key) or an indented key: removing its line can change what the next line means.
  if (entry.keyRange.start.character !== 0) return false;
  const written = post.text.slice(post.lines.offsetAt(entry.keyRange.start), post.lines.offsetAt(entry.keyRange.end));
  return written === entry.key && /^[\p{L}\p{N}_-]+$/u.test(written);
}
