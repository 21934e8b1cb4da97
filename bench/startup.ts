/**
 * Startup and size: the extension's activation timed inside a real VS Code (the integration
 * launcher, code-server and headless Chromium, running only the suite's `activation timing` test
 * on the production build, which prints the times), and the size of the VSIX `npm run package`
 * makes. Both leave the production build in `client/out` and `server/out`: the caller rebuilds the
 * development one after (see {@link restoreDevelopmentBuild}).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';
import { loadAverage } from './stats';

/** What one launch of VS Code measured, in ms. */
export interface ActivationRun {
  /** Time in `activate()`. */
  activate: number;
  /** Loading the extension's bundle (read, compile, evaluate). */
  load: number;
  /** From activation to the language server's first answer. */
  server: number;
  /** The machine's load average when the launch started. */
  machineLoad: number;
}

const TSX = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Launches VS Code once and reads the `[timing]` line of the activation timing test. */
export function measureActivation(): ActivationRun {
  const machineLoad = loadAverage();
  const result = spawnSync(
    process.execPath,
    [TSX, path.join(REPO_ROOT, 'test', 'launch', 'integration.ts'), '--grep', 'activation timing'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SEMINAR_POSTS_PRODUCTION: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15 * 60_000,
    },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const timing = /\[timing\] activate=([\d.]+) load=([\d.]+) server=([\d.]+)/.exec(output);
  if (result.status !== 0 || !timing) {
    throw new Error(
      `the integration launcher did not report the activation timing (exit ${result.status}):\n${output.slice(-3000)}`,
    );
  }
  return { activate: Number(timing[1]), load: Number(timing[2]), server: Number(timing[3]), machineLoad };
}

/** Packages the extension (`npm run package`) into a temporary folder; returns the VSIX's size in bytes. */
export function measureVsix(): { bytes: number; files: number } {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-vsix-')), 'seminar-posts.vsix');
  try {
    const result = spawnSync('npm', ['run', 'package', '--', '--out', out], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 10 * 60_000,
    });
    if (result.status !== 0 || !fs.existsSync(out))
      throw new Error(`npm run package failed:\n${result.stdout}${result.stderr}`);
    const files = /\((\d+) files?,/.exec(result.stdout)?.[1];
    return { bytes: fs.statSync(out).size, files: Number(files ?? Number.NaN) };
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

/** Builds the development bundles again (`node scripts/build.mjs`), as the tests expect them. */
export function restoreDevelopmentBuild(): void {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${result.stdout}${result.stderr}`);
}
