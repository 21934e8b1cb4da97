/**
 * Paper sections as the preview's badges and the quarter summary show them: title, authors and
 * venue, presenter, links by kind, image count, and the problems the diagnostics place in them
 * (those the Problems panel lists: hints are not counted).
 */
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { MarkdownLink, Post, Section } from '../model';
import type { ProblemSeverity, RenderResult, SectionSummary } from '../../protocol';

// LSP's severities by number: a value import of the library would put a second copy of it in the
// client's bundle, which reads summaries (the Seminar view, through the workspace index).
const ERROR: DiagnosticSeverity = 1;
const WARNING: DiagnosticSeverity = 2;
const HINT: DiagnosticSeverity = 4;

/** The configuration a summary reads (a `ResolvedConfig` will do): which labels mean presenter, paper and slides. */
export interface SummaryConfig {
  presenterLabels: readonly string[];
  linkLabels: { paper: readonly string[]; slides: readonly string[] };
}

/**
 * True for a diagnostic VS Code's Problems panel lists: errors, warnings and information, not
 * hints (shown only as dots under the text). The badges count what the panel counts.
 */
export function listedInProblems(diagnostic: Diagnostic): boolean {
  return diagnostic.severity !== HINT;
}

/** The worst severity among `found` (none given counts as an error, as VS Code shows it). */
function worstSeverity(found: readonly Diagnostic[]): ProblemSeverity | undefined {
  let worst: number | undefined;
  for (const d of found) worst = Math.min(worst ?? 4, d.severity ?? ERROR);
  return worst === undefined ? undefined : worst === ERROR ? 'error' : worst === WARNING ? 'warning' : 'info';
}

/** One summary per section of `post`, in order. */
export function summarizeSections(
  post: Post,
  config: SummaryConfig,
  diagnostics: readonly Diagnostic[],
): SectionSummary[] {
  const starts = post.sections.map((s) => s.range.start.line);
  const problems = post.sections.map(() => [] as Diagnostic[]);
  for (const diagnostic of diagnostics) {
    if (!listedInProblems(diagnostic)) continue;
    // A problem on the blank lines after a section belongs to it, up to the next `#` line.
    const line = diagnostic.range.start.line;
    let index = -1;
    for (let i = 0; i < starts.length && starts[i]! <= line; i++) index = i;
    if (index >= 0) problems[index]!.push(diagnostic);
  }
  return post.sections.map((section, i) => {
    const found = problems[i]!;
    const first = [...found].sort(byPosition)[0];
    return {
      ...describeSection(section, config),
      problemCount: found.length,
      problemSeverity: worstSeverity(found),
      firstProblem: first && { line: first.range.start.line, character: first.range.start.character },
    };
  });
}

/**
 * The problems before the first section (or anywhere, in a post without one): the front matter's,
 * the file name's, text before the first paper. The header's badge counts them.
 */
export function summarizeHeaderProblems(
  post: Post,
  diagnostics: readonly Diagnostic[],
): RenderResult['headerProblems'] {
  const firstSection = post.sections[0]?.range.start.line ?? Infinity;
  const found = diagnostics.filter((d) => d.range.start.line < firstSection && listedInProblems(d));
  const first = [...found].sort(byPosition)[0];
  return (
    first && {
      count: found.length,
      severity: worstSeverity(found),
      first: { line: first.range.start.line, character: first.range.start.character },
    }
  );
}

type SectionDescription = Omit<SectionSummary, 'problemCount' | 'problemSeverity' | 'firstProblem'>;

/**
 * What a summary says of a section besides its problems, remembered per section and
 * configuration: the parser hands out the same section object while the section is unchanged
 * and unmoved, so a re-render while typing describes only the section typed in.
 */
const descriptions = new WeakMap<SummaryConfig, WeakMap<Section, SectionDescription>>();

function describeSection(section: Section, config: SummaryConfig): SectionDescription {
  let byConfig = descriptions.get(config);
  if (!byConfig) descriptions.set(config, (byConfig = new WeakMap()));
  let description = byConfig.get(section);
  if (!description) {
    description = {
      index: section.index,
      title: section.title.text,
      ...splitAuthors(section),
      presenter: presenterOf(section, config),
      links: sectionLinks(section, config),
      imageCount: section.images.length + section.markdownImages.length,
      line: section.title.range.start.line,
    };
    byConfig.set(section, description);
  }
  return description;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

const YEAR = /(?:19|20)\d{2}/;
const VENUE_WORDS =
  /\b(?:arxiv|neurips|nips|iclr|icml|cvpr|iccv|eccv|aaai|ijcai|acl|emnlp|naacl|coling|interspeech|icassp|mlsp|kdd|www|sigir|recsys|uai|aistats|colt|corl|rss|icra|iros|tpami|jmlr|tacl|nature|science|journal|conference|workshop|proceedings|under review)\b/i;

/**
 * Authors and venue of a `## Authors, Venue` line, as the blog writes it: the venue after a
 * comma (`..., NeurIPS 2019`), emphasized (`Lucas Beyer *CVPR2019*`), after `et al.` (`Kaidi Cao
 * et al. NIPS (2019)`), or missing (`Yu-An Chung, Wei-Hung Weng, ...`).
 */
export function splitAuthors(section: Section): { authors: string | undefined; venue: string | undefined } {
  const heading = section.authors;
  if (!heading) return { authors: undefined, venue: undefined };
  const written = heading.content.text;
  const emphasized = /^(.*?)[,\s]*(\*{1,2}|_{1,2})([^*_]+)\2\s*$/.exec(written);
  if (emphasized) return { authors: plain(emphasized[1]!) || undefined, venue: emphasized[3]!.trim() };
  const text = heading.text;
  const etAl = /^(.*?\bet al\.?)[,\s]+(.+)$/i.exec(text);
  if (etAl) return { authors: etAl[1]!.trim(), venue: etAl[2]!.trim() };
  const comma = text.lastIndexOf(',');
  if (comma >= 0) {
    const last = text.slice(comma + 1).trim();
    if (VENUE_WORDS.test(last) || YEAR.test(last))
      return { authors: text.slice(0, comma).trim() || undefined, venue: last };
  }
  return { authors: text || undefined, venue: undefined };
}

function plain(markdown: string): string {
  return markdown.replace(/[*_`]/g, '').trim();
}

function presenterOf(section: Section, config: SummaryConfig): string | undefined {
  const labels = config.presenterLabels.map((l) => l.toLowerCase());
  const line =
    section.presenterLines.find((p) => p.label && labels.includes(p.label.text.toLowerCase())) ??
    section.presenterLines[0];
  return line?.name?.text;
}

/** The links of a section's presenter lines (and of a bare link paragraph), each with its kind by the configured labels. */
export function sectionLinks(section: Section, config: SummaryConfig): SectionSummary['links'] {
  const paper = config.linkLabels.paper.map((l) => l.toLowerCase());
  const slides = config.linkLabels.slides.map((l) => l.toLowerCase());
  const links: MarkdownLink[] = [];
  for (const line of section.presenterLines) {
    for (const item of line.linkList?.items ?? []) if (item.kind === 'link') links.push(item);
  }
  // The early drafts' bare `[paper link](...)` paragraph, when there is no presenter line.
  for (const paragraph of section.linkParagraphs) links.push(...paragraph.links);
  return links.map((link) => {
    const label = link.label.text.trim();
    const key = label.toLowerCase();
    const kind = paper.includes(key) ? 'paper' : slides.includes(key) ? 'slides' : 'other';
    return { label, url: link.url?.text.trim() || undefined, kind };
  });
}
