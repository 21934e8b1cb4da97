/**
 * Builds the model of one chunk of the body: its sections (one per `#` heading), and whatever
 * comes before the first heading. Ranges are local to the chunk (line 0 is the chunk's first
 * line), so that a chunk's model can be reused wherever the chunk moves in the post.
 */
import type { Heading, Html, Link, List, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type {
  Block,
  Bullet,
  HeadingLine,
  HtmlAttribute,
  HtmlComment,
  HtmlTag,
  ImageBlock,
  MarkdownImage,
  MarkdownLink,
  MathSpan,
  Range,
  Section,
  SimplifiedPart,
  Span,
} from '../model';
import { LineIndex } from '../text/lineIndex';
import { scanHtml, type RawTag } from './htmlTags';
import { parseMarkdown } from './markdown';
import { guardMarkdown } from './markdownGuard';
import { scanPresenterLine } from './presenterLine';
import { findAuthorsVenue, findTitleVenue, type VenueOffsets } from './venue';

/** The model of one chunk, with chunk-local ranges. */
export interface ChunkModel {
  /** Blocks and headings before the chunk's first `#` heading. */
  leading: { blocks: Block[]; headings: HeadingLine[] };
  sections: Section[];
  comments: HtmlComment[];
  math: MathSpan[];
  /** Lines the guard handed to the parser as plain text (see `markdownGuard.ts`). */
  simplified: SimplifiedPart[];
}

/** What may stand between the links of a link paragraph: commas, `and`, `&`, `|`, `/`, `및`, `그리고`. */
const LINK_JOINERS = /^(?:[\s,&|/·]|and\b|및|그리고)*$/i;

interface Offsets {
  start: number;
  end: number;
}

/** Parses `text` (one chunk) and builds its model; `lines` is the index of `text`. */
export function buildChunkModel(text: string, lines = new LineIndex(text)): ChunkModel {
  // The tree is of the guarded text (same length, same offsets); the model reads the original.
  const guarded = guardMarkdown(text);
  const tree = parseMarkdown(guarded.text);
  const builder = new ChunkBuilder(text, lines);
  for (const node of tree.children) builder.add(node);
  const model = builder.finish();
  model.simplified = guarded.simplified.map(({ start, end, reason }) => ({ range: lines.rangeOf(start, end), reason }));
  return model;
}

class ChunkBuilder {
  private readonly model: ChunkModel = {
    leading: { blocks: [], headings: [] },
    sections: [],
    comments: [],
    math: [],
    simplified: [],
  };
  private section: Section | undefined;
  private sectionEnd = 0;
  private tags: { tag: RawTag }[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  add(node: RootContent): void {
    const at = offsets(node);
    if (!at) return;
    if (node.type === 'heading' && node.depth === 1) {
      this.closeSection();
      this.section = {
        index: 0,
        range: this.lines.rangeOf(at.start, at.end),
        title: this.headingLine(node, at),
        headings: [],
        authors: undefined,
        presenterLines: [],
        bullets: [],
        imageBlocks: [],
        images: [],
        markdownImages: [],
        linkParagraphs: [],
        separators: [],
        blocks: [],
      };
      this.sectionEnd = at.end;
      this.collectInline(node);
      return;
    }
    const block: Block = { kind: this.blockKind(node, at), range: this.lines.rangeOf(at.start, at.end) };
    const section = this.section;
    if (!section) {
      this.model.leading.blocks.push(block);
      if (node.type === 'heading') this.model.leading.headings.push(this.headingLine(node, at));
      this.collectInline(node);
      return;
    }
    this.sectionEnd = Math.max(this.sectionEnd, at.end);
    switch (node.type) {
      case 'heading': {
        const heading = this.headingLine(node, at);
        // Comments are invisible on the page, so they do not come between the title and the authors.
        if (node.depth === 2 && !section.authors && section.blocks.every((b) => b.kind === 'comment'))
          section.authors = heading;
        if (node.depth === 3) {
          section.presenterLines.push(
            scanPresenterLine(
              heading.content.text,
              this.lines.offsetAt(heading.content.range.start),
              heading.range,
              (s, e) => this.lines.rangeOf(s, e),
            ),
          );
        }
        section.headings.push(heading);
        break;
      }
      case 'list':
        this.addBullets(section, node);
        break;
      case 'paragraph':
        this.addLinkParagraph(section, node, at);
        break;
      case 'thematicBreak':
        section.separators.push(block.range);
        break;
      default:
        break;
    }
    section.blocks.push(block);
    this.collectInline(node);
  }

  finish(): ChunkModel {
    this.closeSection();
    return this.model;
  }

  private closeSection(): void {
    const section = this.section;
    if (!section) return;
    section.range = this.lines.rangeOf(this.lines.offsetAt(section.title.range.start), this.sectionEnd);
    let venue = this.venueIn(section.authors, findAuthorsVenue);
    // A venue written on a `##` line of its own (a second authors line) still names the venue.
    for (const heading of section.headings)
      if (!venue && heading.depth === 2) venue = this.venueIn(heading, findAuthorsVenue);
    venue ??= this.venueIn(section.title, findTitleVenue);
    if (venue) section.venue = venue;
    this.buildImageBlocks(section);
    this.model.sections.push(section);
    this.section = undefined;
    this.tags = [];
  }

  private venueIn(
    heading: HeadingLine | undefined,
    find: (content: string) => VenueOffsets | undefined,
  ): Span | undefined {
    if (!heading) return undefined;
    const found = find(heading.content.text);
    if (!found) return undefined;
    const base = this.lines.offsetAt(heading.content.range.start);
    return {
      text: heading.content.text.slice(found.start, found.end),
      range: this.lines.rangeOf(base + found.start, base + found.end),
    };
  }

  private headingLine(node: Heading, at: Offsets): HeadingLine {
    const first = node.children[0] && offsets(node.children[0]);
    const last = node.children.length ? offsets(node.children[node.children.length - 1]!) : undefined;
    let contentStart: number;
    let contentEnd: number;
    if (first && last) {
      contentStart = first.start;
      contentEnd = last.end;
    } else {
      // An empty heading: an empty content range just after its `#` marks.
      const marks = /^ {0,3}#*/.exec(this.text.slice(at.start, at.end));
      contentStart = contentEnd = at.start + (marks ? marks[0].length : 0);
    }
    return {
      depth: node.depth,
      text: toString(node).trim(),
      content: { text: this.text.slice(contentStart, contentEnd), range: this.lines.rangeOf(contentStart, contentEnd) },
      range: this.lines.rangeOf(at.start, at.end),
    };
  }

  private blockKind(node: RootContent, at: Offsets): string {
    if (node.type === 'html') {
      const scanned = scanHtml(this.text, at.start, at.end);
      if (scanned.tags.length === 0 && scanned.comments.length > 0) {
        const rest = this.text.slice(at.start, at.end).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
        if (!rest.trim()) return 'comment';
      }
    }
    return node.type;
  }

  private addBullets(section: Section, list: List): void {
    for (const item of list.children) {
      const at = offsets(item);
      if (!at) continue;
      const firstLine = this.lines
        .lineText(this.lines.lineAt(at.start))
        .slice(this.lines.positionAt(at.start).character);
      const bullet: Bullet = {
        range: this.lines.rangeOf(at.start, at.end),
        text: firstLine.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s*/, '').trimEnd(),
        ordered: list.ordered === true,
      };
      section.bullets.push(bullet);
    }
  }

  private addLinkParagraph(section: Section, paragraph: Paragraph, at: Offsets): void {
    const links: MarkdownLink[] = [];
    for (const child of paragraph.children) {
      if (child.type === 'link') {
        const link = this.markdownLink(child);
        if (link) links.push(link);
      } else if (child.type === 'text') {
        if (!LINK_JOINERS.test(child.value)) return;
      } else {
        return;
      }
    }
    if (links.length) section.linkParagraphs.push({ range: this.lines.rangeOf(at.start, at.end), links });
  }

  private markdownLink(link: Link): MarkdownLink | undefined {
    const at = offsets(link);
    if (!at) return undefined;
    const raw = this.text.slice(at.start, at.end);
    if (!raw.startsWith('[')) return undefined; // an autolink or a bare URL
    const labelEnd = raw.lastIndexOf('](');
    if (labelEnd < 0 || !raw.endsWith(')')) return undefined;
    const urlStart = at.start + labelEnd + 2;
    const urlEnd = at.end - 1;
    return {
      kind: 'link',
      range: this.lines.rangeOf(at.start, at.end),
      label: { text: raw.slice(1, labelEnd), range: this.lines.rangeOf(at.start + 1, at.start + labelEnd) },
      url: { text: this.text.slice(urlStart, urlEnd), range: this.lines.rangeOf(urlStart, urlEnd) },
      unclosed: false,
    };
  }

  /** Collects HTML tags and comments, Markdown images and math anywhere under `node`. */
  private collectInline(root: Nodes): void {
    const visit = (node: Nodes): void => {
      const at = offsets(node);
      switch (node.type) {
        case 'html':
          if (at) this.addHtml(node, at);
          return;
        case 'image':
          if (at && this.section) {
            const image: MarkdownImage = {
              range: this.lines.rangeOf(at.start, at.end),
              alt: node.alt ?? '',
              url: node.url,
            };
            this.section.markdownImages.push(image);
          }
          return;
        case 'math':
        case 'inlineMath':
          if (at)
            this.model.math.push({
              range: this.lines.rangeOf(at.start, at.end),
              display: node.type === 'math',
              value: node.value,
            });
          return;
        case 'paragraph': {
          // kramdown renders `$$...$$` standing alone in its paragraph as display math.
          const content = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
          const only = content.length === 1 ? content[0] : undefined;
          const math = only?.type === 'inlineMath' ? only : undefined;
          const mathAt = math && offsets(math);
          if (math && mathAt && this.text.startsWith('$$', mathAt.start)) {
            this.model.math.push({
              range: this.lines.rangeOf(mathAt.start, mathAt.end),
              display: true,
              value: math.value,
            });
            return;
          }
          for (const child of node.children) visit(child);
          return;
        }
        default:
          if ('children' in node) for (const child of node.children) visit(child);
      }
    };
    visit(root);
  }

  private addHtml(_node: Html, at: Offsets): void {
    const scanned = scanHtml(this.text, at.start, at.end);
    for (const comment of scanned.comments) {
      this.model.comments.push({ text: comment.text, range: this.lines.rangeOf(comment.start, comment.end) });
    }
    if (this.section) for (const tag of scanned.tags) this.tags.push({ tag });
  }

  private buildImageBlocks(section: Section): void {
    let open: ImageBlock | undefined;
    for (const { tag: raw } of this.tags) {
      const tag = this.htmlTag(raw);
      if (tag.name === 'p' && !tag.closing) {
        if (open) this.endBlock(section, open, undefined);
        open = { range: tag.range, open: tag, close: undefined, images: [] };
      } else if (tag.name === 'p' && tag.closing) {
        if (open) {
          this.endBlock(section, open, tag);
          open = undefined;
        }
      } else if (tag.name === 'img' && !tag.closing) {
        section.images.push(tag);
        open?.images.push(tag);
      }
    }
    if (open) this.endBlock(section, open, undefined);
  }

  private endBlock(section: Section, block: ImageBlock, close: HtmlTag | undefined): void {
    const start = this.lines.offsetAt(block.open.range.start);
    let end: number;
    if (close) end = this.lines.offsetAt(close.range.end);
    else {
      // Unclosed: the block runs to its last image, or to the end of its opening tag.
      const last = block.images[block.images.length - 1];
      end = this.lines.offsetAt((last ?? block.open).range.end);
    }
    section.imageBlocks.push({ ...block, close, range: this.lines.rangeOf(start, end) });
  }

  private htmlTag(raw: RawTag): HtmlTag {
    const range = (s: number, e: number): Range => this.lines.rangeOf(s, e);
    return {
      name: raw.name,
      closing: raw.closing,
      selfClosing: raw.selfClosing,
      terminated: raw.terminated,
      range: range(raw.start, raw.end),
      nameRange: range(raw.nameStart, raw.nameEnd),
      attributes: raw.attributes.map((a): HtmlAttribute => ({
        name: a.name,
        nameRange: range(a.nameStart, a.nameEnd),
        value: a.value ? { text: a.value.text, range: range(a.value.start, a.value.end) } : undefined,
        range: range(a.start, a.end),
      })),
    };
  }
}

function offsets(node: Nodes | Root): Offsets | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}
