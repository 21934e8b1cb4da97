/**
 * `scripts/setup.ts`, the `pretest`/`prestart` step, run as `npm test` runs it, on a PATH made for
 * each case: nothing found and nothing to install with (it must stop with the one command to run),
 * and a stand-in `apt-get` (it must install exactly what is missing, saying why, then check again).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHROMIUM_CANDIDATES, findChromium } from '../../launch/chromiumPath';
import { REPO_ROOT } from '../../support/paths';

const SETUP = path.join(REPO_ROOT, 'scripts', 'setup.ts');
const isDebian = fs.existsSync('/etc/debian_version') && process.platform === 'linux';

interface Run {
  status: number | null;
  lines: string[];
}

/** Runs the setup with PATH = `bin` only (plus `/bin` for `sh`), and `extra` in the environment. */
function runSetup(bin: string, extra: NodeJS.ProcessEnv, args: string[] = ['test']): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', SETUP, ...args], {
    cwd: REPO_ROOT,
    env: { HOME: os.tmpdir(), PATH: bin, ...extra },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, lines: `${result.stdout}${result.stderr}`.split('\n').filter(Boolean) };
}

function script(file: string, body: string): void {
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

describe('scripts/setup.ts (the pretest step)', function () {
  this.timeout(120_000);
  let bin: string;
  beforeEach(() => {
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-setup-'));
  });
  afterEach(() => fs.rmSync(bin, { recursive: true, force: true }));

  it('searches CHROMIUM only when it is set, else the system places in order', () => {
    assert.deepEqual(
      findChromium({ CHROMIUM: '/opt/chrome' }, (f) => f === '/opt/chrome'),
      { found: true, path: '/opt/chrome', fromVariable: true },
    );
    assert.deepEqual(
      findChromium({ CHROMIUM: '/opt/none' }, (f) => f === '/usr/bin/chromium'),
      { found: false, fromVariable: true, searched: ['/opt/none'] },
    );
    assert.deepEqual(
      findChromium({}, (f) => f === CHROMIUM_CANDIDATES[1]),
      { found: true, path: CHROMIUM_CANDIDATES[1], fromVariable: false },
    );
    assert.deepEqual(
      findChromium({}, () => false),
      { found: false, fromVariable: false, searched: CHROMIUM_CANDIDATES },
    );
  });

  it('stops at once with the one command to run when Jekyll is missing and nothing can install it', function () {
    if (!isDebian) this.skip();
    // No apt-get, no jekyll on this PATH; Chromium is "found" (CHROMIUM names an existing file).
    const run = runSetup(bin, { CHROMIUM: process.execPath });
    assert.equal(run.status, 1, run.lines.join('\n'));
    assert.ok(
      run.lines.some((l) => /^\[setup\] missing Jekyll .*: the Jekyll parity suite/.test(l)),
      run.lines.join('\n'),
    );
    const command = run.lines.filter((l) => l.startsWith('[setup] run: '));
    assert.equal(command.length, 1, run.lines.join('\n'));
    assert.match(
      command[0]!,
      /apt-get install -y .*\bjekyll jekyll-theme-minima ruby-kramdown-parser-gfm ruby-jekyll-feed\b/,
    );
  });

  it('names a CHROMIUM that points at nothing, and installs nothing', function () {
    if (!isDebian) this.skip();
    const log = path.join(bin, 'apt.log');
    script(path.join(bin, 'apt-get'), `echo "$@" >> ${log}`);
    const run = runSetup(bin, { CHROMIUM: path.join(bin, 'no-chromium') });
    assert.equal(run.status, 1);
    assert.deepEqual(run.lines, [
      `[setup] CHROMIUM=${path.join(bin, 'no-chromium')} does not exist: point it at a Chromium or Chrome, or unset it to use the system's.`,
    ]);
    assert.equal(fs.existsSync(log), false, 'apt-get was called');
  });

  it('installs what is missing with apt-get, one line each saying why, then finds it', function () {
    if (!isDebian || process.getuid?.() !== 0) this.skip(); // without root it would need sudo
    const log = path.join(bin, 'apt.log');
    // Everything but Jekyll is "present", whether or not this clone has code-server yet (which
    // decides whether rg and the build tools are needed), so only Jekyll is missing.
    for (const tool of ['rg', 'python3', 'make', 'g++', 'krb5-config']) script(path.join(bin, tool), 'exit 0');
    script(path.join(bin, 'fc-list'), 'echo /usr/share/fonts/truetype/nanum/NanumGothic.ttf');
    // A stand-in apt-get: records its arguments; "installing" writes a jekyll and a ruby that work.
    script(
      path.join(bin, 'apt-get'),
      [
        `echo "$@" >> ${log}`,
        `case "$*" in *install*) printf '#!/bin/sh\\necho jekyll 4.3.1\\n' > ${bin}/jekyll; printf '#!/bin/sh\\nexit 0\\n' > ${bin}/ruby; printf '#!/bin/sh\\necho pre-commit 3.0.4\\n' > ${bin}/pre-commit; /bin/chmod +x ${bin}/jekyll ${bin}/ruby ${bin}/pre-commit;; esac`,
      ].join('\n'),
    );
    const run = runSetup(bin, { CHROMIUM: process.execPath });
    assert.equal(run.status, 0, run.lines.join('\n'));
    assert.ok(
      run.lines.some((l) =>
        /^\[setup\] installing Jekyll .* \(jekyll jekyll-theme-minima ruby-kramdown-parser-gfm ruby-jekyll-feed\): the Jekyll parity suite/.test(
          l,
        ),
      ),
      run.lines.join('\n'),
    );
    const calls = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.match(calls[0]!, /\bupdate\b/);
    assert.match(
      calls[1]!,
      /\binstall -y -qq jekyll jekyll-theme-minima ruby-kramdown-parser-gfm ruby-jekyll-feed pre-commit$/,
    );
    assert.ok(
      run.lines.includes(
        "[setup] installing pre-commit (pre-commit): the pre-commit hook's test installs and runs the hook with the real pre-commit",
      ),
      run.lines.join('\n'),
    );
    // A second run finds everything and says nothing.
    const again = runSetup(bin, { CHROMIUM: process.execPath });
    assert.deepEqual([again.status, again.lines], [0, []]);
  });

  it('with --check reports and installs nothing, even where apt-get could', function () {
    if (!isDebian) this.skip();
    const log = path.join(bin, 'apt.log');
    script(path.join(bin, 'apt-get'), `echo "$@" >> ${log}`);
    const run = runSetup(bin, { CHROMIUM: process.execPath }, ['test', '--check']);
    assert.equal(run.status, 1);
    assert.ok(run.lines.includes('[setup] (SEMINAR_POSTS_SETUP=check: nothing was installed)'), run.lines.join('\n'));
    assert.equal(fs.existsSync(log), false);
  });
});
