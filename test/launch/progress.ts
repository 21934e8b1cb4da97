/**
 * Progress lines for the launchers: every line says which launcher speaks and how long it has run,
 * and long steps say when they start and how long they took. Errors quote the end of a log file.
 */
import * as fs from 'node:fs';

const started = Date.now();

/** Seconds since the launcher started, as `12.3s`. */
function elapsed(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

/** Prints one progress line: `[launch 12.3s] message`. */
export function log(message: string): void {
  console.log(`[launch ${elapsed()}] ${message}`);
}

/** Formats a duration in milliseconds as `52.1 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Runs a long step, printing what it does before and how long it took after. While it runs, a
 * line every `heartbeatMs` (default 30 s) says it is still going, so a slow install is not
 * mistaken for a hang. `run` may be synchronous (a step that blocks prints no heartbeat).
 */
export async function step<T>(what: string, run: () => T | Promise<T>, heartbeatMs = 30_000): Promise<T> {
  const t0 = Date.now();
  log(`${what} ...`);
  const heartbeat = setInterval(
    () => log(`  still ${what.charAt(0).toLowerCase()}${what.slice(1)} (${seconds(Date.now() - t0)})`),
    heartbeatMs,
  );
  try {
    const result = await run();
    log(`${what}: done in ${seconds(Date.now() - t0)}`);
    return result;
  } finally {
    clearInterval(heartbeat);
  }
}

/** The last `lines` lines of a file. */
export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(could not read ${file})`;
  }
}
