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
 */
export type PresenterLabelState = 'ok' | 'no-colon' | 'misspelled' | 'other-label' | 'no-label';

export interface PresenterInfo {
  line: PresenterLine;
  state: PresenterLabelState;
  /** The configured label the line should use (the misspelled one's target, else the first configured). */
  expectedLabel: string;
  /** The presenter's name as written; for a line without a label, its first words. */
  name: Span | undefined;
}

/** Words that label a presenter in lines that do not use the configured label. */
const PRESENTER_WORDS = ['발표자', '발표', 'presenter', 'presenters', 'presented by', 'speaker'];
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
  if (label && isLabel(label, labels)) {
    return { line, state: line.colon ? 'ok' : 'no-colon', expectedLabel: labelAsConfigured(label, labels), name: line.name };
  }
  const near = label ? misspelledLabel(label, labels) : undefined;
  if (near) return { line, state: 'misspelled', expectedLabel: near, name: line.name };
  if (label && (isLabel(label, PRESENTER_WORDS) || misspelledLabel(label, LONG_PRESENTER_WORDS))) {
    return { line, state: 'other-label', expectedLabel: first, name: line.name };
  }
  if (!hasPresenterLinks(line, config)) return undefined;
  if (line.colon) return { line, state: 'other-label', expectedLabel: first, name: line.name };
  // No label: what the scanner took for a label is the first word of the name.
  return { line, state: 'no-label', expectedLabel: first, name: line.label ? joinSpans(post, line.label, line.name) : undefined };
}

/** The configured spelling of `label`. */
function labelAsConfigured(label: string, labels: readonly string[]): string {
  return labels.find((l) => isLabel(label, [l])) ?? label;
}

/** True when the line's link list has a link (or text) labelled as a paper or slides link. */
function hasPresenterLinks(line: PresenterLine, config: ResolvedConfig): boolean {
  const labels = [...config.linkLabels.paper, ...config.linkLabels.slides];
  return (line.linkList?.items ?? []).some((item: LinkListItem) =>
    item.kind === 'link' ? isLabel(item.label.text, labels) : labels.some((l) => item.text.toLowerCase().includes(l.toLowerCase())));
}

function joinSpans(post: Post, first: Span, last: Span | undefined): Span {
  if (!last) return first;
  const range = { start: first.range.start, end: last.range.end };
  return { text: post.text.slice(post.lines.offsetAt(range.start), post.lines.offsetAt(range.end)), range };
}
