/**
 * CLI throughput: `seminar-posts lint` on a site of generated posts against `markdownlint-cli2`
 * (default configuration) on the same files, each a fresh process timed from spawn to exit with
 * its output to /dev/null; and the floor under both: a Node process that only reads the files, and
 * one that also runs micromark's tokenizer over them (`bench/floor.mjs`). The commands of a round
 * run back to back, so that each round meets the same load.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';
import { loadAverage, now } from './stats';

/** The commands timed, by name. */
export const CLI_COMMANDS = ['seminar-posts', 'markdownlint-cli2', 'read floor', 'tokenize floor'] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

/** One round: each command's wall time (ms), and the load average when the round started. */
export interface CliRound {
  times: Record<CliCommand, number>;
  load: number;
}

const MARKDOWNLINT = path.join(REPO_ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const CLI = path.join(REPO_ROOT, 'server', 'out', 'cli.js');
const FLOOR = path.join(REPO_ROOT, 'bench', 'floor.mjs');

/** The argument vector of each command, run in the site's folder. */
function commandOf(name: CliCommand, site: string): string[] {
  switch (name) {
    case 'seminar-posts':
      return [CLI, 'lint', '.'];
    case 'markdownlint-cli2':
      return [MARKDOWNLINT, '_posts/*.md'];
    case 'read floor':
      return [FLOOR, 'read', site];
    case 'tokenize floor':
      return [FLOOR, 'tokenize', site];
  }
}

/** Runs one command to its end; returns its wall time. Exit 0 or 1 (problems found) is success. */
function timeCommand(name: CliCommand, site: string, capture = false): { ms: number; stdout: string; stderr: string } {
  const started = now();
  const result = spawnSync(process.execPath, commandOf(name, site), {
    cwd: site,
    env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', capture ? 'pipe' : 'ignore', capture ? 'pipe' : 'ignore'],
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 10 * 60_000,
  });
  const ms = now() - started;
  if (result.error || (result.status !== 0 && result.status !== 1)) {
    throw new Error(
      `${name} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr ?? ''}`.slice(0, 2000),
    );
  }
  return { ms, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Times every command `runs` times over the site `site`. */
export function measureCli(site: string, runs: number): CliRound[] {
  const rounds: CliRound[] = [];
  for (let i = 0; i < runs; i++) {
    const load = loadAverage();
    const times = {} as Record<CliCommand, number>;
    for (const name of CLI_COMMANDS) times[name] = timeCommand(name, site).ms;
    rounds.push({ times, load });
  }
  return rounds;
}

/** How many problems each linter reports on the site (one untimed run each, output read). */
export function countProblems(site: string): { ours: number; markdownlint: number } {
  const ours = JSON.parse(
    spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '.'], {
      cwd: site,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    }).stdout,
  ) as { messages: unknown[] }[];
  const markdownlint = timeCommand('markdownlint-cli2', site, true);
  const summary = /Summary: (\d+) error/.exec(markdownlint.stdout + markdownlint.stderr);
  return {
    ours: ours.reduce((n, file) => n + file.messages.length, 0),
    markdownlint: summary ? Number(summary[1]) : Number.NaN,
  };
}
