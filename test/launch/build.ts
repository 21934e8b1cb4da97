/**
 * What the launchers build before VS Code starts: the extension (`scripts/build.mjs`), and the
 * integration suite, bundled by esbuild into CommonJS that the extension host `require`s as is.
 *
 * Why a bundle and not TypeScript loaded through tsx inside VS Code: the extension host is shared
 * by every extension, and a require hook installed there would change how all of them load. A
 * bundle is what the extension itself ships as, errors in the suite show before VS Code starts,
 * and `tsc -b` type-checks the sources (test/tsconfig.json includes them).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ExitCode, LaunchError } from './exitCodes';
import { REPO_ROOT, SUITE_OUT_DIR, SUITE_SOURCE_DIR } from './layout';
import { log, seconds } from './progress';

/** Bundles client, server and CLI (`node scripts/build.mjs`). */
export function buildExtension(): void {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) {
    const how = result.error
      ? result.error.message
      : result.signal
        ? `killed by ${result.signal}`
        : `exit code ${result.status}`;
    throw new LaunchError(`Building the extension failed (node scripts/build.mjs: ${how}).`, ExitCode.LauncherError);
  }
}

/** The suite's entry points: `index.ts` and every `*.test.ts` below `test/integration/` (outside `out/`). */
export function suiteEntryPoints(dir = SUITE_SOURCE_DIR): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== SUITE_OUT_DIR) found.push(...suiteEntryPoints(full));
    } else if (entry.name.endsWith('.test.ts') || full === path.join(SUITE_SOURCE_DIR, 'index.ts')) {
      found.push(full);
    }
  }
  return found.sort();
}

/**
 * Bundles the suite to `test/integration/out/`: `index.js` (the `extensionTestsPath`) and one
 * `*.test.js` per test file, keeping their folders. `vscode` is the extension host's own module
 * and Mocha is loaded from `node_modules`, so neither is bundled.
 */
export async function bundleSuite(): Promise<void> {
  const t0 = Date.now();
  fs.rmSync(SUITE_OUT_DIR, { recursive: true, force: true });
  const entryPoints = suiteEntryPoints();
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT_DIR,
    outbase: SUITE_SOURCE_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  log(`integration suite bundled (${entryPoints.length - 1} test files) in ${seconds(Date.now() - t0)}`);
}
