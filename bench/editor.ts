/**
 * The author's view, in a real VS Code: the integration launcher (code-server and headless
 * Chromium) runs `test/integration/editorSpeed.test.ts` alone on the fixture site with the largest
 * real post, which writes its timings to a JSON file: Open Preview to the Side to the page's first
 * report (cold, then warm after closing it), a keystroke to the page showing that version, and a
 * keystroke to its squiggle. The machine's load average is taken before and after the launch.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EditorFigures } from '../test/integration/editorSpeed.test';
import { REPO_ROOT } from './paths';
import { loadAverage } from './stats';

const TSX = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** One launch's figures, with the load average before and after it. */
export type EditorRun = EditorFigures & { loadBefore: number; loadAfter: number };

/** Launches VS Code once and measures `rounds` keystrokes of each kind (and up to 10 warm opens). */
export function measureEditor(rounds: number): EditorRun {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-editor-bench-'));
  const out = path.join(folder, 'figures.json');
  try {
    const loadBefore = loadAverage();
    const result = spawnSync(
      process.execPath,
      [TSX, path.join(REPO_ROOT, 'test', 'launch', 'integration.ts'), '--grep', 'editor speed'],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          SEMINAR_POSTS_EDITOR_BENCH: out,
          SEMINAR_POSTS_EDITOR_BENCH_ROUNDS: String(rounds),
        },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 20 * 60_000,
      },
    );
    const loadAfter = loadAverage();
    if (result.status !== 0 || !fs.existsSync(out)) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
      throw new Error(`the editor figures were not written (exit ${result.status}):\n${output.slice(-3000)}`);
    }
    return { ...(JSON.parse(fs.readFileSync(out, 'utf8')) as EditorFigures), loadBefore, loadAfter };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
