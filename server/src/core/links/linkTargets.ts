/**
 * The addresses a link check may request: those written in the post, and only these kinds: the
 * presenter line's links (paper, slides and others) and bare link lines, `<img src>`, Markdown
 * images, and the front matter's `image_url`. Only absolute http(s) addresses without spaces
 * (`link-url` and `image-src` speak of the others), never a placeholder, never one the
 * configuration's `links.ignore` names.
 */
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/config';
import type { Post, Range } from '../model';
import { isPaperLink, isPlaceholderTarget, isSlidesLink, linkTarget } from '../rules/support/links';
import { sectionLinks } from '../rules/support/orphans';

export type LinkKind = 'paper' | 'slides' | 'link' | 'image' | 'thumbnail';

/** One address of the post and where it is written. */
export interface LinkTarget {
  /** The address as written. */
  url: string;
  /** Just the address (inside quotes, brackets or parentheses). */
  range: Range;
  kind: LinkKind;
  /** The link's label, `img`, `![...]` or `image_url`. */
  label: string;
  /** The quote around a front matter value (`"` or `'`), whose rules a new address must follow. */
  yamlQuote?: '"' | "'";
}

const CHECKABLE = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** Every checkable address of `post`, in the order written. */
export function linkTargets(post: Post, config: ResolvedConfig): LinkTarget[] {
  const out: LinkTarget[] = [];
  const ignored = ignoreMatcher(config.links.ignore);
  const add = (target: LinkTarget) => {
    if (CHECKABLE.test(target.url) && !ignored(target.url)) out.push(target);
  };

  const image = post.frontMatter?.entries.find(
    (e) => e.key === 'image_url' && e.valueKind === 'scalar' && typeof e.value === 'string',
  );
  if (image) {
    const range = image.quoted ? shrink(image.valueRange) : image.valueRange;
    const quote = image.quoted ? (image.valueSource.trim()[0] as '"' | "'") : undefined;
    if (range)
      add({
        url: String(image.value),
        range,
        kind: 'thumbnail',
        label: 'image_url',
        ...(quote ? { yamlQuote: quote } : {}),
      });
  }

  for (const section of post.sections) {
    for (const link of sectionLinks(post, section, config)) {
      const target = linkTarget(link);
      if (!target || isPlaceholderTarget(target.text)) continue;
      const kind: LinkKind = isPaperLink(link, config) ? 'paper' : isSlidesLink(link, config) ? 'slides' : 'link';
      add({ url: target.text, range: target.range, kind, label: link.label.text });
    }
    for (const img of section.images) {
      const src = img.attributes.find((a) => a.name === 'src')?.value;
      if (src && src.text === src.text.trim() && src.text)
        add({ url: src.text, range: src.range, kind: 'image', label: 'img' });
    }
    for (const md of section.markdownImages) {
      const range = markdownImageUrlRange(post, md.range, md.url);
      if (range) add({ url: md.url, range, kind: 'image', label: `![${md.alt}]` });
    }
  }
  return out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** The unique addresses of `targets`, without their fragments (which are never sent). */
export function uniqueAddresses(targets: readonly LinkTarget[]): string[] {
  return [...new Set(targets.map((t) => addressKey(t.url)))];
}

/** The key a result is kept under: the address without its fragment. */
export function addressKey(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/**
 * True when `url` is ignored by one of `patterns`: a pattern with `/` in it is matched against the
 * whole address (without its fragment), any other against the host name; letter case is ignored.
 */
export function ignoreMatcher(patterns: readonly string[]): (url: string) => boolean {
  if (patterns.length === 0) return () => false;
  const hostPatterns = patterns.filter((p) => !p.includes('/'));
  const urlPatterns = patterns.filter((p) => p.includes('/'));
  const host = hostPatterns.length ? picomatch(hostPatterns, { nocase: true, dot: true }) : () => false;
  const whole = urlPatterns.length ? picomatch(urlPatterns, { nocase: true, dot: true }) : () => false;
  return (url) => {
    const name = hostOf(url);
    return (name !== undefined && host(name)) || whole(addressKey(url));
  };
}

/** The host name of `url` in lower case (no port), or undefined. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A one-line range without its first and last character (the quotes). */
function shrink(range: Range): Range | undefined {
  if (range.start.line !== range.end.line || range.end.character - range.start.character < 2) return undefined;
  return {
    start: { line: range.start.line, character: range.start.character + 1 },
    end: { line: range.end.line, character: range.end.character - 1 },
  };
}

/** Where the address of `![alt](url)` is written, when it is there as read. */
function markdownImageUrlRange(post: Post, range: Range, url: string): Range | undefined {
  if (!url) return undefined;
  const start = post.lines.offsetAt(range.start);
  const text = post.text.slice(start, post.lines.offsetAt(range.end));
  const open = text.indexOf('](');
  if (open < 0) return undefined;
  let at = text.indexOf(url, open + 2);
  if (at < 0) return undefined;
  at += start;
  const from = post.lines.positionAt(at);
  const to = post.lines.positionAt(at + url.length);
  return from.line === to.line ? { start: from, end: to } : undefined;
}
