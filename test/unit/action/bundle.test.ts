/**
 * The Action's bundle is committed (GitHub runs `dist/action/index.js` as it is, with no install
 * step): this fails when the committed bundle is not what the sources build, with the same esbuild
 * options as `npm run build` (`scripts/actionBundle.mjs`).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ACTION_BUNDLE, actionBuildOptions, ROOT } from '../../../scripts/actionBundle.mjs';

/** The bundle as git holds it (its index: what the next commit, or the checked-out one, has); undefined outside git. */
function committedBundle(): string | undefined {
  const inGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' });
  if (inGit.status !== 0 || inGit.stdout.trim() !== 'true') return undefined;
  const shown = spawnSync('git', ['show', `:${ACTION_BUNDLE}`], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return shown.status === 0 ? shown.stdout : '';
}

describe('GitHub Action bundle', function () {
  this.timeout(120_000);
  let built: string;

  before(async () => {
    const result = await esbuild.build(actionBuildOptions({ write: false }));
    built = result.outputFiles![0]!.text;
  });

  it('is the same in every build', async () => {
    const again = await esbuild.build(actionBuildOptions({ write: false }));
    assert.equal(again.outputFiles![0]!.text, built);
    assert.ok(!built.includes(ROOT), 'the bundle names no path of this machine');
  });

  it('is committed as the sources build it', function () {
    const committed = committedBundle();
    if (committed === undefined) {
      console.log(`      (not a git checkout: ${ACTION_BUNDLE} is compared with the file on disk only)`);
      assert.equal(
        fs.readFileSync(path.join(ROOT, ACTION_BUNDLE), 'utf8'),
        built,
        `${ACTION_BUNDLE} is stale: run \`npm run build\``,
      );
      return;
    }
    assert.ok(
      committed !== '',
      `${ACTION_BUNDLE} is not in git: run \`npm run build\` and commit it (\`git add ${ACTION_BUNDLE}\`)`,
    );
    // Not assert.equal: a diff of two 900 KB texts would drown the message.
    assert.ok(
      committed === built,
      `${ACTION_BUNDLE} in git is not what the sources build: run \`npm run build\` and commit it (\`git add ${ACTION_BUNDLE}\`)`,
    );
  });
});
