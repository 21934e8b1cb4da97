/**
 * `parsePost`: text in, post model out. Parse once per document version; every rule and feature
 * reads the result.
 */
import type { Block, HeadingLine, Post, Section } from '../model';
import { LineIndex } from '../text/lineIndex';
import { splitIntoChunks } from './chunks';
import { chunkAt, frontMatterOf, type ChunkEntry, type ParseCache } from './parseCache';

export { ParseCache, shiftLines } from './parseCache';

/** How a post is parsed. */
export interface ParseOptions {
  /**
   * Where the parts of this text are kept for the next parse of the document: a document being
   * edited (the post service's cache). Without one, a text read once (the workspace index, the
   * CLI, a fix being tried), nothing is kept.
   */
  cache?: ParseCache;
}

/** Parses a post. `uri` names it (its file name matters to the rules); `version` is the editor's. */
export function parsePost(text: string, uri: string, version?: number, options: ParseOptions = {}): Post {
  const cache = options.cache;
  const { frontMatter, bodyStart, lines: headLines } = frontMatterOf(text, cache);
  // `bodyStart` is a line start (or the end of the text), so chunks start at line starts too, and
  // the post's line index is the chunks' indexes joined.
  const pieces = [{ offset: 0, lines: headLines }];
  const models = [];
  let line = headLines.lineCount - 1;
  let sectionCount = 0;
  const previous = cache ? cache.previousChunks(uri) : [];
  const entries: ChunkEntry[] = [];
  for (const chunk of splitIntoChunks(text, bodyStart)) {
    let chunkText = text.slice(chunk.start, chunk.end);
    // A byte order mark (only possible at offset 0) becomes a space of the same length, so that
    // offsets stay exact and `# title` right after the mark is still a heading.
    if (chunk.start === 0 && chunkText.charCodeAt(0) === 0xfeff) chunkText = ' ' + chunkText.slice(1);
    const { model, lines, entry } = chunkAt(chunkText, line, sectionCount, cache, previous, entries.length);
    entries.push(entry);
    models.push(model);
    sectionCount += model.sections.length;
    pieces.push({ offset: chunk.start, lines });
    line += lines.lineCount - 1;
  }
  const lines = LineIndex.joined(text, pieces);
  cache?.rememberChunks(uri, entries);

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
  for (const model of models) {
    if (sections.length === 0) {
      preambleBlocks.push(...model.leading.blocks);
      preambleHeadings.push(...model.leading.headings);
    } else if (model.leading.blocks.length) {
      // Only reachable if the split missed nothing but a chunk still opens without a heading.
      // Models are shared with the cache: the section is copied, never changed in place.
      const last = sections[sections.length - 1]!;
      sections[sections.length - 1] = { ...last, blocks: [...last.blocks, ...model.leading.blocks] };
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
