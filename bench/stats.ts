/**
 * Small helpers of the benchmarks: percentiles, the load average beside each run, timing.
 */
import * as os from 'node:os';

/** The value below which `p` (0..1) of `values` fall (nearest rank); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The one-minute load average, to print beside a run (the machine may be shared). */
export function loadAverage(): number {
  return os.loadavg()[0]!;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const now = (): number => performance.now();

/** `value` with `digits` decimals, or `n/a`. */
export function fixed(value: number | undefined, digits = 1): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

/** Logs a line of progress to stderr (stdout carries the report). */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
