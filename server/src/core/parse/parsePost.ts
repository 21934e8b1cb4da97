/**
 * `parsePost`: text in, post model out. Parse once per document version; every rule and feature
 * reads the result.
 */
import type { Block, HeadingLine, Post, Section } from '../model';
import { LineIndex } from '../text/lineIndex';
import { splitIntoChunks } from './chunks';
import { findFrontMatter, parseFrontMatter } from './frontMatter';
import { buildChunkModel, type ChunkModel } from './sections';

/** Parses a post. `uri` names it (its file name matters to the rules); `version` is the editor's. */
export function parsePost(text: string, uri: string, version?: number): Post {
  const lines = new LineIndex(text);
  const block = findFrontMatter(text);
  const frontMatter = block ? parseFrontMatter(text, block, lines) : undefined;
  const bodyStart = block ? block.bodyStart : 0;

  const sections: Section[] = [];
  const preambleBlocks: Block[] = [];
  const preambleHeadings: HeadingLine[] = [];
  const post: Post = {
    uri,
    version,
    text,
    lines,
    fileName: fileNameOf(uri),
    frontMatter,
    preamble: { range: lines.rangeOf(bodyStart, bodyStart), blocks: preambleBlocks, headings: preambleHeadings },
    sections,
    comments: [],
    math: [],
    bodyRange: lines.rangeOf(bodyStart, text.length),
    simplified: [],
  };

  // `bodyStart` is a line start (or the end of the text), so chunks start at line starts too.
  for (const chunk of splitIntoChunks(text, bodyStart)) {
    let chunkText = text.slice(chunk.start, chunk.end);
    // A byte order mark (only possible at offset 0) becomes a space of the same length, so that
    // offsets stay exact and `# title` right after the mark is still a heading.
    if (chunk.start === 0 && chunkText.charCodeAt(0) === 0xfeff) chunkText = ' ' + chunkText.slice(1);
    const model = shiftLines(chunkModel(chunkText), lines.lineAt(chunk.start));
    if (sections.length === 0) {
      preambleBlocks.push(...model.leading.blocks);
      preambleHeadings.push(...model.leading.headings);
    } else {
      // Only reachable if the split missed nothing but a chunk still opens without a heading.
      sections[sections.length - 1]!.blocks.push(...model.leading.blocks);
    }
    for (const section of model.sections) {
      sections.push(section.index === sections.length ? section : { ...section, index: sections.length });
    }
    post.comments.push(...model.comments);
    post.math.push(...model.math);
    post.simplified.push(...model.simplified);
  }

  const firstSection = sections[0];
  post.preamble.range = {
    start: post.bodyRange.start,
    end: firstSection ? firstSection.range.start : post.bodyRange.end,
  };
  return post;
}

/** The base name of a URI or path, decoded (`file:///site/_posts/2020-04-02-x.md` -> `2020-04-02-x.md`). */
export function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

// ---------------------------------------------------------------------------------------------
// Chunk models are cached by their text: typing in one section re-parses only that section.

const MAX_CACHED_CHARS = 4_000_000;
const chunkCache = new Map<string, ChunkModel>();
let cachedChars = 0;

function chunkModel(text: string): ChunkModel {
  const hit = chunkCache.get(text);
  if (hit) {
    // Refresh its place in the least-recently-used order.
    chunkCache.delete(text);
    chunkCache.set(text, hit);
    return hit;
  }
  const model = buildChunkModel(text);
  if (text.length <= MAX_CACHED_CHARS / 4) {
    chunkCache.set(text, model);
    cachedChars += text.length;
    for (const key of chunkCache.keys()) {
      if (cachedChars <= MAX_CACHED_CHARS) break;
      chunkCache.delete(key);
      cachedChars -= key.length;
    }
  }
  return model;
}

/** Empties the chunk cache (for tests and benchmarks that measure a cold parse). */
export function clearParseCache(): void {
  chunkCache.clear();
  cachedChars = 0;
}

/**
 * A copy of `value` with every position moved down by `delta` lines. Cached models are shared, so
 * they are never changed in place; with `delta` 0 the cached model itself is returned.
 */
export function shiftLines<T>(value: T, delta: number): T {
  if (delta === 0) return value;
  const shift = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(shift);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.character === 'number') {
      return { line: o.line + delta, character: o.character };
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(o)) copy[key] = shift(o[key]);
    return copy;
  };
  return shift(value) as T;
}
