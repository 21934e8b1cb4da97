/**
 * "Fill from paper link": which sections can be filled (a paper link, and a title or authors line
 * that is empty or still the template's), and the edits that write `# Title` and
 * `## First Author et al., Venue Year` from a paper's metadata. Pure: the lookup is the caller's.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { ResolvedConfig } from '../config/config';
import type { HeadingLine, Post, Range, Section } from '../model';
import { authorsLine, titleLine, type PaperMetadata } from '../paper/paperMetadata';
import { paperSourceOf } from '../paper/paperSource';
import { isPaperLink, isPlaceholderTarget, linksOf, linkTarget } from '../rules/support/links';

/** A section that has a paper link, and what of it may be written from that link. */
export interface FillTarget {
  /** The section's index in the post. */
  section: number;
  /** The paper link's address and where it is written. */
  url: string;
  urlRange: Range;
  /** The `#` line. */
  titleRange: Range;
  /** The `##` authors line, when there is one. */
  authorsRange: Range | undefined;
  /** The title is empty or the template's. */
  fillTitle: boolean;
  /** The authors line is missing, empty or the template's. */
  fillAuthors: boolean;
}

/**
 * Texts the project's snippets and commands write as placeholders, in both languages (lower case):
 * a title or authors line still reading one of them was never filled in.
 */
const TEMPLATE_TITLES = new Set(['paper title', '논문 제목', 'title', '제목']);
const TEMPLATE_AUTHORS = new Set([
  'authors, venue',
  '저자, 학회',
  'authors',
  '저자',
  'authors, venue year',
  'authors et al., venue',
]);

/** True when a heading's text is empty or a placeholder of `placeholders`. */
function isTemplate(heading: HeadingLine | undefined, placeholders: ReadonlySet<string>): boolean {
  if (!heading) return true;
  const text = heading.text.replace(/\s+/g, ' ').trim().toLowerCase();
  return text === '' || placeholders.has(text);
}

/** The section's paper link (the presenter line's, or a bare `[paper link](...)` line's) when it names a paper. */
export function paperLinkOf(section: Section, config: ResolvedConfig): { url: string; range: Range } | undefined {
  const links = [...section.presenterLines.flatMap(linksOf), ...section.linkParagraphs.flatMap((p) => p.links)];
  for (const link of links) {
    if (!isPaperLink(link, config)) continue;
    const target = linkTarget(link);
    if (!target || isPlaceholderTarget(target.text) || !paperSourceOf(target.text)) continue;
    return { url: target.text.trim(), range: target.range };
  }
  return undefined;
}

/** The section as a fill target, whether or not anything needs filling; undefined without a paper link. */
export function fillTargetOf(section: Section, config: ResolvedConfig): FillTarget | undefined {
  const link = paperLinkOf(section, config);
  if (!link) return undefined;
  return {
    section: section.index,
    url: link.url,
    urlRange: link.range,
    titleRange: section.title.range,
    authorsRange: section.authors?.range,
    fillTitle: isTemplate(section.title, TEMPLATE_TITLES),
    fillAuthors: isTemplate(section.authors, TEMPLATE_AUTHORS),
  };
}

/** Every section that has a paper link and a title or authors line to fill. */
export function fillTargets(post: Post, config: ResolvedConfig): FillTarget[] {
  return post.sections
    .map((s) => fillTargetOf(s, config))
    .filter((t): t is FillTarget => !!t && (t.fillTitle || t.fillAuthors));
}

/** The section holding `line` (0-based), if any. */
export function sectionAtLine(post: Post, line: number): Section | undefined {
  return post.sections.find(
    (s) => s.range.start.line <= line && line <= Math.max(s.range.end.line, s.title.range.end.line),
  );
}

/**
 * The edits that write the lines of `target` that need it (both with `replace`) from `meta`. An
 * authors line that is missing is inserted right after the title.
 */
export function fillEdits(target: FillTarget, meta: PaperMetadata, replace = false): TextEdit[] {
  const title = target.fillTitle || replace;
  const authors = target.fillAuthors || replace;
  const edits: TextEdit[] = [];
  // A missing authors line goes right after the title: one edit with the title's, when both are written.
  const inserted = authors && !target.authorsRange ? `\n${authorsLine(meta)}` : '';
  if (title) edits.push({ range: target.titleRange, newText: titleLine(meta) + inserted });
  else if (inserted)
    edits.push({ range: { start: target.titleRange.end, end: target.titleRange.end }, newText: inserted });
  if (authors && target.authorsRange) edits.push({ range: target.authorsRange, newText: authorsLine(meta) });
  return edits;
}
