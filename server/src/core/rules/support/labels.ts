/**
 * Matching the labels a configuration names (`presenterLabels`, `linkLabels`) against what an
 * author wrote: letter case, Unicode normalization, emphasis marks and runs of spaces do not count.
 */
import { editDistance } from '../../jekyll';
import { memoizeText } from '../../text/memo';

/** `label` as compared: NFC, without emphasis marks, spaces collapsed, lower case. */
export const normalizeLabel: (label: string) => string = memoizeText((label) =>
  label.normalize('NFC').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase(),
);

/** True when `text` is one of `labels`, in any letter case. */
export function isLabel(text: string, labels: readonly string[]): boolean {
  const wanted = normalizeLabel(text);
  return labels.some((label) => normalizeLabel(label) === wanted);
}

/**
 * The label of `labels` that `text` misspells (a small edit distance, at most one edit for labels
 * of up to four characters, two for longer ones), or undefined.
 */
export function misspelledLabel(text: string, labels: readonly string[]): string | undefined {
  const written = normalizeLabel(text);
  if (!written) return undefined;
  for (const label of labels) {
    const wanted = normalizeLabel(label);
    const allowed = wanted.length <= 4 ? 1 : 2;
    if (Math.abs(wanted.length - written.length) <= allowed && editDistance(written, wanted) <= allowed) return label;
  }
  return undefined;
}
