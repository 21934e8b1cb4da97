/**
 * What `parsePost` keeps between calls, so that a keystroke costs the parse of the section it
 * touched and little else:
 *
 * - chunk models by their text (with the chunk's line index), each with its last copy placed in a
 *   post (moved down to its line, its sections numbered): a chunk that has not moved since the
 *   previous parse is handed out as it was, without copying;
 * - the front matter by the text it depends on (the opening line to the closing one).
 *
 * Everything handed out is shared between parses and never changed in place. Both caches drop
 * their least recently used entries past a size in characters. They live in a `ParseCache`, which
 * a post service owns; a caller that reads each text once (the workspace index, the CLI) parses
 * without one: the cache would only hold on to memory.
 */
import type { FrontMatter } from '../model';
import { Lru } from '../cache/lru';
import { LineIndex } from '../text/lineIndex';
import { findFrontMatter, frontMatterExtent, parseFrontMatter, type FrontMatterBlock } from './frontMatter';
import { buildChunkModel, type ChunkModel } from './sections';

/** A chunk's model with chunk-local ranges, its line index, and its last copy placed in a post. */
export interface ChunkEntry {
  /** The chunk's text: the cache's key. */
  text: string;
  model: ChunkModel;
  lines: LineIndex;
  placed: { delta: number; firstIndex: number; model: ChunkModel } | undefined;
}

/** The front matter of a post, and the line index of the text up to the body. */
export interface FrontMatterPart {
  block: FrontMatterBlock | undefined;
  frontMatter: FrontMatter | undefined;
  /** Offset where the body starts. */
  bodyStart: number;
  /** Index of `text.slice(0, bodyStart)`. */
  lines: LineIndex;
}

/**
 * The caches of a document being edited: chunk models by text, front matters by text, and the
 * chunks of the last parse of each document (a few). A post service owns one; a parse without
 * one (a text read once) keeps nothing.
 */
export class ParseCache {
  readonly chunks = new Lru<string, ChunkEntry>({ maxWeight: 4_000_000, weigh: (text) => text.length });
  readonly frontMatters = new Lru<string, FrontMatterPart>({ maxWeight: 400_000, weigh: (text) => text.length });
  private readonly lastChunks = new Lru<string, ChunkEntry[]>({ maxWeight: 16, maxEntryWeight: 1 });

  /** The chunks of the last parse of `uri`, by position. */
  previousChunks(uri: string): readonly ChunkEntry[] {
    return this.lastChunks.get(uri) ?? [];
  }

  /** Remembers the chunks of a parse of `uri` for the next one. */
  rememberChunks(uri: string, entries: ChunkEntry[]): void {
    this.lastChunks.set(uri, entries);
  }

  /** Forgets the last parse of `uri` (a closed document). */
  forget(uri: string): void {
    this.lastChunks.delete(uri);
  }

  /** Empties every cache (for tests and benchmarks that measure a cold parse). */
  clear(): void {
    this.chunks.clear();
    this.frontMatters.clear();
    this.lastChunks.clear();
  }
}

/**
 * The model of the chunk `text` placed in a post: every range moved down by `delta` lines, its
 * sections numbered from `firstIndex`. Also the chunk's own line index, and its cache entry.
 *
 * `previous` are the chunks of the previous parse of the same document and `position` this
 * chunk's place among the new ones. A chunk found there (at the same place or one off, without
 * hashing its text; else anywhere, by length first) is the usual case while typing. A chunk seen
 * for the first time goes into the cache only when the next parse meets it again: the versions
 * of the section being typed in are garbage by the next keystroke, and kept in the cache they
 * would survive into the old generation and make the collector's pauses longer.
 */
export function chunkAt(
  text: string,
  delta: number,
  firstIndex: number,
  cache: ParseCache | undefined,
  previous: readonly ChunkEntry[] = [],
  position = 0,
): { model: ChunkModel; lines: LineIndex; entry: ChunkEntry } {
  let entry: ChunkEntry | undefined;
  if (cache) {
    const same = (e: ChunkEntry | undefined) => e !== undefined && e.text.length === text.length && e.text === text;
    const near = [previous[position], previous[position + 1], previous[position - 1]].find(same);
    entry = near ?? cache.chunks.get(text) ?? previous.find(same);
    // Met in two parses in a row: worth keeping.
    if (entry) cache.chunks.set(entry.text, entry);
  }
  if (!entry) {
    const lines = new LineIndex(text);
    entry = { text, model: buildChunkModel(text, lines), lines, placed: undefined };
  }
  const placed = entry.placed;
  if (placed?.delta === delta && placed.firstIndex === firstIndex)
    return { model: placed.model, lines: entry.lines, entry };
  let model = placed?.delta === delta ? placed.model : shiftLines(entry.model, delta);
  if (model.sections.some((section, i) => section.index !== firstIndex + i)) {
    model = { ...model, sections: model.sections.map((section, i) => ({ ...section, index: firstIndex + i })) };
  }
  entry.placed = { delta, firstIndex, model };
  return { model, lines: entry.lines, entry };
}

/** The front matter of `text` (undefined parts when it opens none). */
export function frontMatterOf(text: string, cache: ParseCache | undefined): FrontMatterPart {
  const extent = frontMatterExtent(text);
  // Without front matter the body starts at 0, whatever follows.
  const key = extent === undefined ? '' : text.slice(0, extent);
  const hit = cache?.frontMatters.get(key);
  if (hit) return hit;
  const block = extent === undefined ? undefined : findFrontMatter(text);
  const bodyStart = block ? block.bodyStart : 0;
  const lines = new LineIndex(text.slice(0, bodyStart));
  const part: FrontMatterPart = {
    block,
    // The ranges lie in the front matter, where the lines of its text and of the whole agree.
    frontMatter: block ? parseFrontMatter(text, block, new LineIndex(text)) : undefined,
    bodyStart,
    lines,
  };
  cache?.frontMatters.set(key, part);
  return part;
}

/**
 * A copy of `value` with every position (`{ line, character }`) moved down by `delta` lines.
 * Cached models are shared, so they are never changed in place; with `delta` 0 the value itself
 * is returned.
 */
export function shiftLines<T>(value: T, delta: number): T {
  return delta === 0 ? value : (shift(value, delta) as T);
}

function shift(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shift(value[i], delta);
    return out;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.line === 'number' && typeof o.character === 'number')
    return { line: o.line + delta, character: o.character };
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(o)) copy[key] = shift(o[key], delta);
  return copy;
}
