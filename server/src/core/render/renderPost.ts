/**
 * `renderPost`: the post model in, the preview's `RenderResult` out: the header as the blog's post
 * page shows it (title, date, thumbnail), the body as sanitized HTML with `data-line` on every
 * block, and a summary of each paper section.
 *
 * The body is rendered per chunk, split at `#` lines as the parser splits it (kramdown's reading:
 * see `parse/chunks.ts`), and each chunk's HTML is cached by its text, so re-rendering while the
 * user types in one section renders that section alone (`RenderCache`, owned by the post service).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RenderResult } from '../../protocol';
import { DEFAULTS } from '../config/config';
import type { FrontMatterEntry, Post } from '../model';
import { parseJekyllDate, parsePostFileName, type CalendarDate } from '../jekyll';
import { splitIntoChunks, type Chunk } from '../parse/chunks';
import { Lru } from '../cache/lru';
import { BLOG_MATHJAX, type MathDelimiters } from '../site/mathjaxConfig';
import { unclosedBlock } from './kramdownHtmlBlocks';
import { numberDuplicateIds } from './kramdownIds';
import { createTypesetCache, type TypesetCache } from './math';
import { renderChunk, siteImageUrl, type ChunkRenderOptions } from './renderChunk';
import { DATA_IMAGE } from './sanitizeSchema';
import { summarizeHeaderProblems, summarizeSections, type SummaryConfig } from './sectionSummary';

/** What a render needs besides the post. */
export interface RenderOptions {
  /** The post's diagnostics, counted per section (and before the first, for the header) for the badges. */
  diagnostics?: readonly Diagnostic[];
  /** Presenter and link labels (the configuration's); the defaults otherwise. */
  config?: SummaryConfig;
  /** Base URL for site-absolute image paths (`/assets/x.png`), e.g. the webview URI of the site folder. */
  imageBase?: string;
  /** The site's `baseurl` (`/blog`), which site paths may start with. */
  baseurl?: string;
  /** What the previous renders kept (the post service's); without it, every chunk is rendered. */
  cache?: RenderCache;
  /** What the site's MathJax reads as math (`site/mathjaxConfig.ts`); the blog's set-up by default. */
  mathjax?: MathDelimiters;
}

/** Renders `post` for the preview. Never throws on hostile input: what is not allowed is dropped. */
export function renderPost(post: Post, options: RenderOptions = {}): RenderResult {
  const chunkOptions: ChunkRenderOptions = {
    math: mathjaxOn(post) ? (options.mathjax ?? BLOG_MATHJAX) : undefined,
    imageBase: options.imageBase,
    baseurl: options.baseurl,
    typeset: options.cache?.typeset,
  };
  const bodyStart = post.lines.offsetAt(post.bodyRange.start);
  const parts: string[] = [];
  for (const chunk of kramdownPieces(post.text, splitIntoChunks(post.text, bodyStart))) {
    let text = post.text.slice(chunk.start, chunk.end);
    // As the parser does: a byte order mark becomes a space, so `# title` after it is a heading.
    if (chunk.start === 0 && text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
    if (!text.trim()) continue;
    parts.push(
      cachedChunk(
        text,
        chunk.raw ? { ...chunkOptions, raw: true } : chunkOptions,
        post.lines.lineAt(chunk.start),
        options.cache,
      ),
    );
  }
  const date = postDate(post);
  return {
    version: post.version,
    html: numberDuplicateIds(parts.join('\n')),
    title: postTitle(post),
    date: date && blogDate(date),
    dateTime: date && `${date.year}-${pad(date.month)}-${pad(date.day)}`,
    thumbnail: thumbnailOf(post, options.imageBase, options.baseurl),
    sections: summarizeSections(post, options.config ?? DEFAULTS, options.diagnostics ?? []),
    headerProblems: summarizeHeaderProblems(post, options.diagnostics ?? []),
  };
}

/** A stretch of the body rendered on its own; `raw` when kramdown reads it as one HTML block. */
interface Piece extends Chunk {
  raw?: boolean;
}

/**
 * The chunks as kramdown reads the post: a block element left open in a chunk (`<p align="center">`
 * with no `</p>`) runs, as raw HTML, through the chunks up to its end tag or to the end of the post.
 * That stretch is one `raw` piece (never read as Markdown); what follows its end tag goes on as usual.
 */
function kramdownPieces(text: string, chunks: Chunk[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < chunks.length; i++) {
    let { start, end } = chunks[i]!;
    while (start < end) {
      const open = unclosedBlock(text, start, end);
      if (!open) {
        out.push({ start, end });
        break;
      }
      if (open.start > start) out.push({ start, end: open.start });
      out.push({ start: open.start, end: open.end, raw: true });
      while (i + 1 < chunks.length && chunks[i + 1]!.start <= open.end) i++;
      start = Math.min(open.end + 1, text.length);
      end = Math.max(chunks[i]!.end, start);
    }
  }
  return out;
}

/** The last occurrence of a front matter key (YAML keeps the last of duplicates). */
function entry(post: Post, key: string): FrontMatterEntry | undefined {
  const entries = post.frontMatter?.entries ?? [];
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === key) return entries[i];
  return undefined;
}

/** Liquid's truth, as the layout's `{% if page.mathjax %}` reads it: anything but nil and false. */
function mathjaxOn(post: Post): boolean {
  const value = entry(post, 'mathjax')?.value;
  return value !== undefined && value !== null && value !== false;
}

/** The front matter title, or Jekyll's default: the file name's slug, each `-` word capitalized. */
function postTitle(post: Post): string | undefined {
  const value = entry(post, 'title')?.value;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const slug = parsePostFileName(post.fileName)?.slug;
  return slug
    ?.split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function postDate(post: Post): CalendarDate | undefined {
  const date = entry(post, 'date');
  if (!date) return parsePostFileName(post.fileName)?.date;
  // The day as written: `2020-02-23 01:00:00 +0900` is the 23rd, though it is the 22nd in UTC.
  const source = date.valueSource.replace(/^["']|["']$/g, '');
  const written = parseJekyllDate(source) ?? leadingDate(source);
  if (written || !(date.value instanceof Date) || Number.isNaN(date.value.getTime())) return written;
  return { year: date.value.getUTCFullYear(), month: date.value.getUTCMonth() + 1, day: date.value.getUTCDate() };
}

/**
 * The date Jekyll reads from a value that only starts with one (`2020-07-02 ~ 2020-09-24`): Ruby's
 * `Time.parse` takes the leading date and ignores the rest; a day past the month's end rolls over.
 */
function leadingDate(value: string): CalendarDate | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return undefined;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The minima theme's post date, `%b %-d, %Y`: `Apr 2, 2020`. */
export function blogDate({ year, month, day }: CalendarDate): string {
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function thumbnailOf(post: Post, imageBase: string | undefined, baseurl: string | undefined): string | undefined {
  const value = entry(post, 'image_url')?.value;
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (/^https?:\/\//i.test(url) || DATA_IMAGE.test(url)) return url;
  return siteImageUrl(url, imageBase, baseurl);
}

/**
 * Moves chunk-local `data-line`s down by `delta`. The renderer writes `data-line` as an element's
 * first attribute, and text never holds a raw `<`, so this pattern matches those attributes only.
 */
function shiftDataLines(html: string, delta: number): string {
  if (delta === 0) return html;
  return html.replace(
    /(<[a-z][a-z0-9]* data-line=")(\d+)"/g,
    (_, open: string, line: string) => `${open}${Number(line) + delta}"`,
  );
}

/** A rendered chunk, and its last copy moved to its line in the post. */
interface RenderedChunk {
  html: string;
  placed: { delta: number; html: string } | undefined;
}

/**
 * What renders keep for the next render of a post being typed in: each chunk's HTML by its text
 * and options (with its last copy moved to its line in the post, handed out again while the chunk
 * stays put), and typeset formulas. A post service owns one; a render without one keeps nothing.
 */
export class RenderCache {
  /** Sized by characters: the key (the chunk's text), the chunk's HTML and its placed copy. */
  readonly chunks = new Lru<string, RenderedChunk>({
    maxWeight: 8_000_000,
    weigh: (key, entry) => key.length + 2 * entry.html.length,
  });
  readonly typeset: TypesetCache = createTypesetCache();

  /** Empties both (for tests and benchmarks that measure a cold render). */
  clear(): void {
    this.chunks.clear();
    this.typeset.clear();
  }
}

function cachedChunk(text: string, options: ChunkRenderOptions, delta: number, cache: RenderCache | undefined): string {
  const key = `${options.raw ? 'R' : ''}${options.math ? JSON.stringify(options.math) : 0}${options.imageBase ?? ''}\u0000${options.baseurl ?? ''}\u0000${text}`;
  let entry = cache?.chunks.get(key);
  if (entry === undefined) {
    entry = { html: renderChunk(text, options), placed: undefined };
    cache?.chunks.set(key, entry);
  }
  if (entry.placed?.delta !== delta) entry.placed = { delta, html: shiftDataLines(entry.html, delta) };
  return entry.placed.html;
}
