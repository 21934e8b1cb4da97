/**
 * The post model: one parse of a seminar post, read by every rule and feature.
 *
 * Every position is an LSP range (0-based line, UTF-16 character) into the post's text. The model
 * records what is written, not what is right: a presenter line with a misspelled label is still a
 * `PresenterLine`, with its label as written, so that rules can say what is wrong with it.
 */
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from './text/lineIndex';

export type { Range, Position } from 'vscode-languageserver-types';

/** A piece of the source: its text as written and where it is. */
export interface Span {
  text: string;
  range: Range;
}

export interface Post {
  uri: string;
  /** Document version (LSP) or undefined for a file read from disk. */
  version: number | undefined;
  text: string;
  lines: LineIndex;
  /** The file's base name, e.g. `2020-04-02-2nd_quarter.md`. */
  fileName: string;
  /** Undefined when the post does not start with a `---` line. */
  frontMatter: FrontMatter | undefined;
  /** Whatever sits between the front matter and the first `#` heading. */
  preamble: Preamble;
  /** One section per `#` heading, in order. */
  sections: Section[];
  /** Every HTML comment (`<!-- ... -->`), anywhere in the body. */
  comments: HtmlComment[];
  /** Every math span (`$$...$$` inline, or a `$$` block). */
  math: MathSpan[];
  /** From the end of the front matter (or the start of the text) to the end of the text. */
  bodyRange: Range;
  /**
   * Lines the parser read as plain text because their Markdown was too complex to parse quickly
   * (thousands of marks in a paragraph, lists nested dozens deep: see `parse/markdownGuard.ts`).
   * Empty for every normal post.
   */
  simplified: SimplifiedPart[];
}

/** A stretch of lines read as plain text, and why. */
export interface SimplifiedPart {
  range: Range;
  /** `syntax`: too many Markdown marks in one paragraph; `nesting`: lists or quotes nested too deep. */
  reason: 'syntax' | 'nesting';
}

export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---` (or to the end of the text when unclosed). */
  range: Range;
  openRange: Range;
  /** The closing delimiter line; undefined when the block is never closed. */
  closeRange: Range | undefined;
  closed: boolean;
  /** The YAML between the delimiters. */
  contentRange: Range;
  raw: string;
  /** Top-level keys in source order; a duplicated key appears once per occurrence. */
  entries: FrontMatterEntry[];
  /** YAML syntax errors at the parser's positions. */
  errors: YamlProblem[];
  /** True when the YAML parsed but is not a mapping (a list, a bare string). */
  notAMapping: boolean;
}

export type YamlValueKind = 'scalar' | 'map' | 'seq' | 'null' | 'alias';

export interface FrontMatterEntry {
  key: string;
  keyRange: Range;
  /** The value as Jekyll's YAML (1.1) reads it: string, number, boolean, Date, null, array, object. */
  value: unknown;
  /** The value as written ('' when there is none). */
  valueSource: string;
  /** Where the value is written; an empty range just after the colon when there is none. */
  valueRange: Range;
  valueKind: YamlValueKind;
  /** True when the scalar was written in quotes. */
  quoted: boolean;
  /** The whole `key: value` pair, including a value that runs over several lines. */
  range: Range;
}

export interface YamlProblem {
  message: string;
  /** Parser's error code, e.g. `BAD_INDENT`. */
  code: string;
  range: Range;
}

export interface Preamble {
  /** Range of the text between the front matter and the first section (may be empty). */
  range: Range;
  /** Blocks that are not blank, with their kind (`paragraph`, `heading`, `html`, ...). */
  blocks: Block[];
  headings: HeadingLine[];
}

export interface Block {
  kind: string;
  range: Range;
}

export interface HeadingLine {
  depth: number;
  /** The heading's plain text (Markdown marks removed), trimmed. */
  text: string;
  /** The heading's content as written, without the `#` marks and surrounding spaces. */
  content: Span;
  /** The whole heading line. */
  range: Range;
}

export interface Section {
  /** 0-based position of the section in the post. */
  index: number;
  /** From the `#` line to the last non-blank line before the next section. */
  range: Range;
  title: HeadingLine;
  /** Every heading of the section after the title, in order (`##`, `###`, deeper). */
  headings: HeadingLine[];
  /** The first `##` heading of the section, when nothing but comments comes between it and the title. */
  authors: HeadingLine | undefined;
  /**
   * Where the paper was published, as written: on the authors line (`*CVPR2019*`, `NeurIPS 2019`,
   * `arxiv.1806`, a year), on another `##` line of the section, or, failing those, at the end of the
   * title (`... on ICLR2021 (under review)`).
   * Undefined when neither names one (and in models built before this field existed).
   */
  venue?: Span;
  /** Every `###` heading scanned as a presenter line, in order. */
  presenterLines: PresenterLine[];
  /** Items of the section's top-level lists. */
  bullets: Bullet[];
  /** `<p ...>` ... `</p>` blocks. */
  imageBlocks: ImageBlock[];
  /** Every `<img>` tag of the section, inside an image block or not. */
  images: HtmlTag[];
  markdownImages: MarkdownImage[];
  /**
   * Paragraphs that hold nothing but links, joined by commas or words such as `and` (the early
   * drafts' `[paper link](...)` line).
   */
  linkParagraphs: LinkParagraph[];
  /** `***` (and other thematic break) lines. */
  separators: Range[];
  /** Blocks of the section after the title, in order. */
  blocks: Block[];
}

/** A `###` line read as `label: name [[link](url), [link](url)]`. */
export interface PresenterLine {
  range: Range;
  /** Everything after `### `. */
  content: Span;
  /** Text before the colon (or, without a colon, before the name); undefined when there is none. */
  label: Span | undefined;
  /** The colon (`:` or full-width `：`) after the label. */
  colon: Range | undefined;
  /** The presenter's name: text after the colon up to the link list. */
  name: Span | undefined;
  /** The bracketed link list; undefined when the line has no `[`. */
  linkList: LinkList | undefined;
}

export interface LinkList {
  /** From the opening `[` to the closing `]` (or the end of the line). */
  range: Range;
  /** True when the list starts with `[` followed by the first item (`[[a](..)...]`). */
  bracketed: boolean;
  /** The closing `]`; undefined when the list is never closed. */
  close: Range | undefined;
  items: LinkListItem[];
  /** Text left after the list closes, before the end of the line. */
  trailing: Span | undefined;
}

export type LinkListItem = MarkdownLink | TextItem;

export interface MarkdownLink {
  kind: 'link';
  /** The whole `[label](url)`. */
  range: Range;
  label: Span;
  /** The target; undefined when the `(url)` part is missing. */
  url: Span | undefined;
  /** True when the `(` of the target was opened and never closed. */
  unclosed: boolean;
}

export interface TextItem {
  kind: 'text';
  range: Range;
  text: string;
}

export interface Bullet {
  range: Range;
  /** First line's text after the marker. */
  text: string;
  ordered: boolean;
}

export interface HtmlTag {
  /** Lower-case tag name, e.g. `img`, `p`. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** False when the tag never reaches its `>`. */
  terminated: boolean;
  range: Range;
  nameRange: Range;
  attributes: HtmlAttribute[];
}

export interface HtmlAttribute {
  /** Lower-case attribute name. */
  name: string;
  nameRange: Range;
  /** Undefined for a bare attribute (`<img hidden>`). */
  value: Span | undefined;
  /** The whole `name="value"`. */
  range: Range;
}

export interface ImageBlock {
  /** From `<p` to the end of `</p>`; when unclosed, to the end of its last `<img>` (or of the `<p>` tag). */
  range: Range;
  open: HtmlTag;
  close: HtmlTag | undefined;
  images: HtmlTag[];
}

export interface MarkdownImage {
  range: Range;
  alt: string;
  url: string;
}

export interface LinkParagraph {
  range: Range;
  links: MarkdownLink[];
}

export interface HtmlComment {
  /** The text between `<!--` and `-->`, trimmed. */
  text: string;
  range: Range;
}

export interface MathSpan {
  range: Range;
  display: boolean;
  value: string;
}
