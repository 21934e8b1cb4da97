/**
 * Which `###` lines of a section are presenter lines, and how their label is written. Every rule
 * about the presenter line reads this one judgement, so that one defect is reported once: a line
 * with a misspelled label is still the section's presenter line (its label is `presenter-label`'s
 * business, its links are checked as usual), and a section has no presenter line only when no
 * `###` line looks like one.
 */
import type { ResolvedConfig } from '../../config/config';
import type { LinkListItem, Post, PresenterLine, Section, Span } from '../../model';
import { isLabel, misspelledLabel } from './labels';
import { sectionMemo } from './sectionMemo';

/**
 * How the label of a presenter line is written:
 * - `ok`: a configured label and a colon (`### 발표자: 이름 [...]`);
 * - `no-colon`: a configured label without the colon (`### 발표자 이름 [...]`);
 * - `misspelled`: a near miss of a configured label (`### 발표: 이름 [...]`);
 * - `other-label`: a label for a presenter that the configuration does not name (`### Presenter: ...`);
 * - `no-label`: no label at all, only a name and the links (`### 이름 [[paper link](...)]`).
 *
 * Only the configured label itself (and the unambiguous English words for a presenter, with a
 * colon) make a line a presenter line on their own. A near miss (`발표:`, `Presentor:`) or the bare
 * word `발표` ("presentation") makes it one only when the line looks like one: a name followed by a
 * bracketed link list, or a link labelled as a paper or slides link. Korean has real words one
 * edit away from `발표자` (`발표일`, `발표자료`, `발표 요약`): those headings are not presenter lines.
 */
export type PresenterLabelState = 'ok' | 'no-colon' | 'misspelled' | 'other-label' | 'no-label';

export interface PresenterInfo {
  line: PresenterLine;
  state: PresenterLabelState;
  /** The configured label the line should use (the misspelled one's target, else the first configured). */
  expectedLabel: string;
  /** The presenter's name as written; for a line without a label, its first words. */
  name: Span | undefined;
  /**
   * True when what follows the label is a presenter line as the format writes it: a name, then a
   * closed, bracketed link list with a paper or slides link and nothing after it. Only then is
   * writing the label (or its colon) certain to keep what the author meant: the fix may be safe.
   */
  wellFormed: boolean;
}

/** Words that label a presenter in lines that do not use the configured label. */
const PRESENTER_WORDS = ['발표자', '발표', 'presenter', 'presenters', 'presented by', 'speaker'];
/**
 * Those that say "presenter" and nothing else, so that with a colon they make a presenter line even
 * without links (`발표`, "presentation", also heads other lines: `### 발표: 2020-07-02`).
 */
const UNAMBIGUOUS_PRESENTER_WORDS = PRESENTER_WORDS.filter((word) => word !== '발표');
/** Those long enough that a near miss is a misspelling rather than another word (`Presentor`). */
const LONG_PRESENTER_WORDS = PRESENTER_WORDS.filter((word) => word.length > 4);

/** The judgements of a section's lines, remembered (the text at its ranges, which `classify` reads, is the section's). */
const judged = sectionMemo<readonly PresenterInfo[]>();

/** Every `###` line of `section` that is a presenter line, however its label is written. */
export function presenterLines(post: Post, section: Section, config: ResolvedConfig): readonly PresenterInfo[] {
  return judged(config, section, () => {
    const found: PresenterInfo[] = [];
    for (const line of section.presenterLines) {
      const info = classify(post, line, config);
      if (info) found.push(info);
    }
    return found;
  });
}

/** The section's presenter line (its first one), or undefined. */
export function presenterOf(post: Post, section: Section, config: ResolvedConfig): PresenterInfo | undefined {
  return presenterLines(post, section, config)[0];
}

function classify(post: Post, line: PresenterLine, config: ResolvedConfig): PresenterInfo | undefined {
  const labels = config.presenterLabels;
  const first = labels[0] ?? '발표자';
  const label = line.label?.text ?? '';
  const looksLikeOne = looksLikePresenterLine(line, config);
  const wellFormed = looksLikeOne && isWellFormed(line, config);
  const info = (state: PresenterLabelState, expectedLabel: string, name = line.name): PresenterInfo => ({
    line,
    state,
    expectedLabel,
    name,
    wellFormed,
  });
  if (label && isLabel(label, labels)) return info(line.colon ? 'ok' : 'no-colon', labelAsConfigured(label, labels));
  if (label && line.colon && line.name && isLabel(label, UNAMBIGUOUS_PRESENTER_WORDS))
    return info('other-label', first);
  // Beyond this point, nothing in the label says "presenter" for certain: the rest of the line must.
  if (!looksLikeOne) return undefined;
  const near = label ? misspelledLabel(label, labels) : undefined;
  if (near) return info('misspelled', near);
  if (label && (isLabel(label, PRESENTER_WORDS) || misspelledLabel(label, LONG_PRESENTER_WORDS)))
    return info('other-label', first);
  if (!hasPresenterLinks(line, config)) return undefined;
  if (line.colon) return info('other-label', first);
  // No label: what the scanner took for a label is the first word of the name.
  return info('no-label', first, line.label ? joinSpans(post, line.label, line.name) : undefined);
}

/**
 * True when the line reads as a presenter line whatever its label: a name followed by a bracketed
 * link list, or a link (or text) labelled as a paper or slides link.
 */
function looksLikePresenterLine(line: PresenterLine, config: ResolvedConfig): boolean {
  return (line.name !== undefined && line.linkList?.bracketed === true) || hasPresenterLinks(line, config);
}

/** A name, then a closed bracketed list with a paper or slides link and nothing after it. */
function isWellFormed(line: PresenterLine, config: ResolvedConfig): boolean {
  const list = line.linkList;
  return (
    line.name !== undefined &&
    list !== undefined &&
    list.bracketed &&
    list.close !== undefined &&
    list.trailing === undefined &&
    hasPresenterLinks(line, config)
  );
}

/** The configured spelling of `label`. */
function labelAsConfigured(label: string, labels: readonly string[]): string {
  return labels.find((l) => isLabel(label, [l])) ?? label;
}

/** True when the line's link list has a link (or text) labelled as a paper or slides link. */
function hasPresenterLinks(line: PresenterLine, config: ResolvedConfig): boolean {
  const labels = [...config.linkLabels.paper, ...config.linkLabels.slides];
  return (line.linkList?.items ?? []).some((item: LinkListItem) =>
    item.kind === 'link'
      ? isLabel(item.label.text, labels)
      : labels.some((l) => item.text.toLowerCase().includes(l.toLowerCase())),
  );
}

function joinSpans(post: Post, first: Span, last: Span | undefined): Span {
  if (!last) return first;
  const range = { start: first.range.start, end: last.range.end };
  return { text: post.text.slice(post.lines.offsetAt(range.start), post.lines.offsetAt(range.end)), range };
}
