/**
 * Image addresses as the published site will load them, for every image of a post: an `<img src>`,
 * a Markdown image's `(url)`, and the `image_url` thumbnail. `image-src` reports what this finds;
 * `required-field` and `markdown-image` use the same reading, so that their fixes write the
 * address `image-src` would write and never one it then flags.
 */
import type { MarkdownImage, Post, Span } from '../../model';
import type { SiteContext } from '../../site/site';

const GITHUB_BLOB = /^(https?:\/\/(?:www\.)?github\.com\/[^/\s]+\/[^/\s]+)\/blob\//i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** `{{ site.baseurl }}` (or `site.url`, or both) before a site path. */
const SITE_PREFIX = /^(?:\{\{\s*site\.(?:url|baseurl)\s*\}\}\s*)+/;

/** What is wrong with an image address, and the address that mends it when one is known. */
export type ImageAddressProblem =
  /** A GitHub `/blob/` page: `fixed` is the `/raw/` address of the same file. */
  | { kind: 'blob'; fixed: string; safe: true }
  /** A path inside `_posts/` (never served): `fixed` is the file under `assets/`, when the site has it there. */
  | { kind: 'posts'; fixed: string | undefined; safe: boolean }
  /** A site path of a file the site does not have. */
  | { kind: 'notFound'; fixed: undefined; safe: false }
  /** Neither http(s) nor a site path (`file:`, `C:`...). */
  | { kind: 'scheme'; fixed: undefined; safe: false }
  /** A relative path: `fixed` roots it at the site, safe when the site has the file there. */
  | { kind: 'relative'; fixed: string | undefined; safe: boolean };

/** The problem of `address` (an image's address as written, trimmed), or undefined when it will load. */
export function imageAddressProblem(address: string, site: SiteContext | undefined): ImageAddressProblem | undefined {
  const value = address.trim();
  if (!value) return undefined;
  const blob = GITHUB_BLOB.exec(value);
  if (blob) return { kind: 'blob', fixed: value.replace(GITHUB_BLOB, '$1/raw/'), safe: true };
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || value.startsWith('//')) {
    return /^(?:https?:)?\/\/[^/]+\.github\.io\/(?:.*\/)?_posts\//i.test(value)
      ? { kind: 'posts', fixed: undefined, safe: false }
      : undefined;
  }
  if (scheme === 'data') return undefined;
  if (scheme !== undefined) return { kind: 'scheme', fixed: undefined, safe: false };
  const path = sitePath(value);
  if (path === undefined) return undefined;
  if (path.split('/').includes('_posts')) {
    const fixed = assetsPath(path, site);
    return { kind: 'posts', fixed, safe: fixed !== undefined };
  }
  if (!path.startsWith('/') && !SITE_PREFIX.test(value)) {
    const rooted = '/' + path.replace(/^(?:\.\.?\/)+/, '');
    const known = rooted !== '/' && (!site || site.exists(rooted));
    return { kind: 'relative', fixed: known ? rooted : undefined, safe: known && site !== undefined };
  }
  if (site && !site.exists(path)) return { kind: 'notFound', fixed: undefined, safe: false };
  return undefined;
}

/**
 * The address an image will have once its safe fix is applied: itself when nothing is wrong, the
 * mended one when the fix is safe, undefined when it stays broken.
 */
export function loadableAddress(address: string, site: SiteContext | undefined): string | undefined {
  const problem = imageAddressProblem(address, site);
  if (!problem) return address.trim();
  return problem.safe ? problem.fixed : undefined;
}

/** The site path of an address that names one (`/assets/a.png`, `{{ site.baseurl }}/assets/a.png`); undefined for Liquid it cannot read. */
function sitePath(src: string): string | undefined {
  const path = src.replace(SITE_PREFIX, '');
  if (path.includes('{{') || path.includes('{%')) return undefined;
  return path.replace(/[?#].*$/, '').replace(/\\/g, '/');
}

/** The same file under `assets/` for a `_posts/` path, when the site has it there. */
function assetsPath(path: string, site: SiteContext | undefined): string | undefined {
  if (!site) return undefined;
  const parts = path.split('/');
  const afterPosts = parts.slice(parts.lastIndexOf('_posts') + 1).join('/');
  const base = parts[parts.length - 1]!;
  const found = [`assets/${afterPosts}`, `assets/${base}`, `assets/images/${base}`].find((p) => site.exists(p));
  return found && `/${found}`;
}

/** One image of a post: where its address is written, and which kind of image holds it. */
export interface PostImage {
  kind: 'html' | 'markdown' | 'thumbnail';
  /** The address as written (untrimmed) and its range. */
  address: Span;
}

/**
 * Every image of the post with an address, in source order: the `image_url` thumbnail first, then
 * each section's `<img src>` and Markdown images.
 */
export function postImages(post: Post): PostImage[] {
  const out: PostImage[] = [];
  const thumbnail = post.frontMatter?.closed ? thumbnailEntry(post) : undefined;
  if (thumbnail) out.push({ kind: 'thumbnail', address: thumbnail });
  for (const section of post.sections) {
    const found: PostImage[] = [];
    for (const image of section.images) {
      const src = image.attributes.find((a) => a.name === 'src')?.value;
      if (src) found.push({ kind: 'html', address: src });
    }
    for (const image of section.markdownImages) {
      const address = markdownImageAddress(post, image);
      if (address) found.push({ kind: 'markdown', address });
    }
    found.sort(
      (a, b) =>
        a.address.range.start.line - b.address.range.start.line ||
        a.address.range.start.character - b.address.range.start.character,
    );
    out.push(...found);
  }
  return out;
}

/** The `image_url` value as written (inside its quotes, when quoted), when it is one scalar string on one line. */
function thumbnailEntry(post: Post): Span | undefined {
  const fm = post.frontMatter!;
  let entry;
  for (let i = fm.entries.length - 1; i >= 0 && !entry; i--)
    if (fm.entries[i]!.key === 'image_url') entry = fm.entries[i];
  if (!entry || entry.valueKind !== 'scalar' || typeof entry.value !== 'string') return undefined;
  const { start, end } = entry.valueRange;
  if (start.line !== end.line) return undefined;
  let from = post.lines.offsetAt(start);
  let to = post.lines.offsetAt(end);
  if (entry.quoted) {
    const quote = post.text[from];
    if ((quote !== '"' && quote !== "'") || post.text[to - 1] !== quote || to - from < 2) return undefined;
    from++;
    to--;
  }
  const text = post.text.slice(from, to);
  // An escape in the quotes (`\u0041`, `''`) makes the written text differ from the value: leave it.
  if (text !== entry.value) return undefined;
  return { text, range: post.lines.rangeOf(from, to) };
}

/**
 * Where a Markdown image's address is written: `![alt](address "title")` or `![alt](<address>)`.
 * Undefined when it cannot be told (the address is then not checked).
 */
export function markdownImageAddress(post: Post, image: MarkdownImage): Span | undefined {
  const start = post.lines.offsetAt(image.range.start);
  const raw = post.text.slice(start, post.lines.offsetAt(image.range.end));
  if (!raw.startsWith('![') || !raw.endsWith(')')) return undefined;
  // The alt text may hold `](`; the address is after the last `](` whose destination reads to the end.
  for (let at = raw.lastIndexOf(']('); at > 1; at = raw.lastIndexOf('](', at - 1)) {
    const found = destinationAt(raw, at + 2);
    if (found && raw.slice(found.start, found.end) === image.url) {
      return { text: image.url, range: post.lines.rangeOf(start + found.start, start + found.end) };
    }
  }
  return undefined;
}

/** The destination that starts at `from` (after `](`) and runs, with an optional title, to the final `)`. */
function destinationAt(raw: string, from: number): { start: number; end: number } | undefined {
  let i = from;
  while (raw[i] === ' ' || raw[i] === '\t' || raw[i] === '\n') i++;
  let start: number;
  let end: number;
  if (raw[i] === '<') {
    start = i + 1;
    end = raw.indexOf('>', start);
    if (end < 0) return undefined;
    i = end + 1;
  } else {
    start = i;
    let depth = 0;
    while (i < raw.length - 1 && !/\s/.test(raw[i]!)) {
      if (raw[i] === '\\') i++;
      else if (raw[i] === '(') depth++;
      else if (raw[i] === ')' && depth-- === 0) break;
      i++;
    }
    end = i;
  }
  const rest = raw.slice(i, raw.length - 1).trim();
  if (rest && !/^(?:"[^]*"|'[^]*'|\([^]*\))$/.test(rest)) return undefined;
  return { start, end };
}
