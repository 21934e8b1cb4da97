/**
 * A figure pasted or dropped into a post: where its file goes in the site, the name it gets (never
 * one already taken), the address the post gives it, and the centered image block written for it.
 * Pure: the paste and drop providers (`paste/figureProviders.ts`) read the data and the files.
 *
 * ```html
 * <p align="center">
 *   <img src="/assets/img/2020-04-02-2nd_quarter/figure.png" alt="figure">
 * </p>
 * ```
 */
import { SETTINGS } from '../../../server/src/core/config/settings';
import { bodyStartLine } from './postText';
import { centeredBlockAround, githubRawUrl, imageUrlProblem } from './imageBlock';

/** The file extension for each image type a paste or drop may carry. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
};

/** Extensions of image files (lower case) that browsers show. */
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'avif', 'bmp', 'apng']);

/** The default of `seminarPosts.images.folder` (the settings module holds it). */
export const DEFAULT_IMAGE_FOLDER = SETTINGS['images.folder'].default;

/** True when `name` (a file name or path) ends in an image extension. */
export function isImageFileName(name: string): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && IMAGE_EXTENSIONS.has(ext);
}

/** Why a folder setting cannot be used. */
export type FolderProblem = 'absolute' | 'outside' | 'underscore';

/**
 * The folder (relative to the site root, `/`-separated, no leading or trailing slash) that
 * `template` names for the post `postFileName`: `{post}` is the file name without its extension.
 * A folder that leaves the site, is absolute, or starts with `_` or `.` (Jekyll does not publish
 * those) is a problem, not a folder.
 */
export function imageFolder(template: string, postFileName: string): { folder: string } | { problem: FolderProblem } {
  const post = postFileName.replace(/\.[^.]*$/, '');
  const expanded = template
    .trim()
    .replace(/\{post\}/g, post)
    .replace(/\\/g, '/');
  if (/^(?:\/|[A-Za-z]:)/.test(expanded)) return { problem: 'absolute' };
  const parts = expanded.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) return { problem: 'outside' };
  if (parts.some((part) => part.startsWith('_') || part.startsWith('.'))) return { problem: 'underscore' };
  return { folder: parts.join('/') };
}

/**
 * A file name for a figure: the given name with the characters a URL or a file system would trip
 * on replaced, and an image extension (from the type when the name has none). A clipboard image
 * with no name becomes `figure.png`.
 */
export function figureFileName(name: string | undefined, mimeType: string | undefined): string {
  const base = (name ?? '').replace(/^.*[\\/]/, '');
  const match = /^(.*?)(?:\.([A-Za-z0-9]+))?$/.exec(base)!;
  let stem = match[1]!;
  let ext = match[2]?.toLowerCase();
  if (ext === undefined || !IMAGE_EXTENSIONS.has(ext)) {
    if (ext !== undefined) stem = base;
    ext = (mimeType && IMAGE_TYPES[mimeType.toLowerCase()]) ?? 'png';
  }
  const clean = stem
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return `${clean || 'figure'}.${ext === 'jpeg' ? 'jpg' : ext}`;
}

/** `name` when it is free, otherwise `stem-1.ext`, `stem-2.ext`, ...: never a name `taken` says is used. */
export function freeFileName(name: string, taken: (name: string) => boolean): string {
  if (!taken(name)) return name;
  const m = /^(.*?)(\.[^.]*)?$/.exec(name)!;
  for (let i = 1; ; i++) {
    const candidate = `${m[1]}-${i}${m[2] ?? ''}`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * The address a post gives a site file (`relativePath` inside the site, `/`-separated): a site
 * path, percent-encoded where a URL needs it. Under a `baseurl` the path starts with
 * `{{ site.baseurl }}`, which Jekyll fills in (Liquid runs on posts), so the image still loads if
 * the baseurl changes; the checks and the preview read that prefix too.
 */
export function sitePathOf(relativePath: string, baseurl: string | undefined): string {
  const path =
    '/' +
    relativePath
      .split('/')
      .filter(Boolean)
      .map((part) => encodeURIComponent(part))
      .join('/');
  return baseurl ? `{{ site.baseurl }}${path}` : path;
}

/** The alt text a figure gets from its file name: `resnet-block.png` -> `resnet block`. */
export function altFromFileName(name: string): string {
  const stem = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  let decoded = stem;
  try {
    decoded = decodeURIComponent(stem);
  } catch {
    // keep the name as written
  }
  return (
    decoded
      .replace(/[-_.+]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'figure'
  );
}

/**
 * One `<img>` tag with its `alt` (and width, when there is one). `src` is written as given: make it
 * with {@link sitePathOf} or {@link imageUrlOf}, which leave nothing an attribute cannot hold.
 */
export function figureTag(src: string, alt: string, width: number | null): string {
  const safeAlt = alt
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return `<img src="${src}" alt="${safeAlt}"${width ? ` width="${width}"` : ''}>`;
}

/** A position in a post: 0-based line and UTF-16 character. */
interface Position {
  line: number;
  character: number;
}

/** Where and what to write for a figure: replace `range` with `text`. */
export interface FigurePlacement {
  range: { start: Position; end: Position };
  text: string;
  /** `into-block`: `<img>` lines added to the centered block at the cursor (side by side); `block`: a new block. */
  kind: 'block' | 'into-block';
}

/**
 * Where the figures (`tags`, one `<img>` each) go for a selection from `start` to `end` (equal for
 * a cursor or a drop), or undefined where a figure has no place (the front matter). Inside a
 * centered block they are added to it as `<img>` lines; elsewhere a new block is written. The
 * selection is replaced, except that a cursor inside a line's text never splits it: the figures
 * then go after that line. Blank lines keep a new block off the text around it (kramdown reads a
 * `<p>` line right after a bullet as part of the bullet).
 */
export function figurePlacement(
  lines: readonly string[],
  start: Position,
  end: Position,
  tags: readonly string[],
): FigurePlacement | undefined {
  const body = bodyStartLine(lines);
  if (start.line < body || (body === 0 && /^---\s*$/.test(lines[0] ?? ''))) return undefined;
  const line = (n: number) => lines[n] ?? '';
  const before = line(start.line).slice(0, start.character);
  const after = line(end.line).slice(end.character);
  const cursor = start.line === end.line && start.character === end.character;
  const splitsText = cursor && before.trim() !== '' && after.trim() !== '';
  const lineEnd = { line: end.line, character: line(end.line).length };
  const block = centeredBlockAround(lines, start.line);
  if (block && centeredBlockAround(lines, end.line)?.open === block.open) {
    const inside = start.line > block.open && end.line < block.close;
    const last = block.close - 1;
    const indent = /^\s*<img/i.test(line(last)) ? /^\s*/.exec(line(last))![0] : '  ';
    const joined = tags.join('\n' + indent);
    // A cursor on the `<p>` line puts the figures first; on the `</p>` line or inside a tag, after that line.
    if ((cursor && !inside) || (inside && splitsText)) {
      const n = !inside && start.line === block.open ? block.open : inside ? end.line : last;
      const where = { line: n, character: line(n).length };
      return { range: { start: where, end: where }, text: '\n' + indent + joined, kind: 'into-block' };
    }
    if (inside) {
      const prefix = before.trim() !== '' ? '\n' + indent : before === '' ? indent : '';
      return { range: { start, end }, text: prefix + joined + (after.trim() !== '' ? '\n' : ''), kind: 'into-block' };
    }
    // A selection over the block's `<p>` or `</p>` line is replaced by a new block.
  }

  const blockText = ['<p align="center">', ...tags.map((tag) => '  ' + tag), '</p>'].join('\n');
  const blank = (n: number) => n < body || n >= lines.length || line(n).trim() === '';
  if (splitsText) {
    return {
      range: { start: lineEnd, end: lineEnd },
      text: '\n\n' + blockText + (blank(end.line + 1) ? '' : '\n'),
      kind: 'block',
    };
  }
  const prefix = before.trim() !== '' ? '\n\n' : blank(start.line - 1) ? '' : '\n';
  const suffix = after.trim() !== '' ? '\n\n' : after === '' && !blank(end.line + 1) ? '\n' : '';
  return { range: { start, end }, text: prefix + blockText + suffix, kind: 'block' };
}

/**
 * The image URL a pasted or dropped text is, or undefined: one absolute http(s) URL that names an
 * image (an image extension, or an upload host that serves only images). A paper link or any other
 * URL is not taken: pasting it stays plain text.
 */
export function imageUrlOf(text: string): string | undefined {
  const value = text.trim();
  if (!/^https?:\/\/\S+$/i.test(value) || imageUrlProblem(value) === 'not-a-url') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const uploads =
    url.hostname === 'user-images.githubusercontent.com' ||
    url.hostname === 'private-user-images.githubusercontent.com' ||
    (url.hostname === 'github.com' && /^\/user-attachments\/assets\//.test(url.pathname));
  if (!uploads && !isImageFileName(decodeURIComponentSafe(url.pathname))) return undefined;
  // A GitHub `blob/` page is not the image; its `raw/` address is.
  return githubRawUrl(value).replace(/"/g, '%22');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
