/**
 * Where two outlines differ: the longest common subsequence of their entries, and each stretch of
 * entries outside it (a hunk) named by the path of its first kramdown entry (or, where kramdown has
 * none, `+` and the preview's path).
 */
import type { OutlineEntry } from './outline';

export interface Hunk {
  /** The difference's name in `known-differences.md`. */
  readonly at: string;
  readonly kramdown: readonly string[];
  readonly preview: readonly string[];
}

export function diffOutlines(kramdown: readonly OutlineEntry[], preview: readonly OutlineEntry[]): Hunk[] {
  const n = kramdown.length;
  const m = preview.length;
  // lcs[i][j]: the common length of kramdown[i..] and preview[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        kramdown[i]!.text === preview[j]!.text ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let k: OutlineEntry[] = [];
  let p: OutlineEntry[] = [];
  const flush = (): void => {
    if (k.length || p.length) {
      hunks.push({ at: k[0]?.path ?? `+${p[0]!.path}`, kramdown: k.map((e) => e.text), preview: p.map((e) => e.text) });
    }
    k = [];
    p = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && kramdown[i]!.text === preview[j]!.text) {
      flush();
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      k.push(kramdown[i++]!);
    } else {
      p.push(preview[j++]!);
    }
  }
  flush();
  return hunks;
}
