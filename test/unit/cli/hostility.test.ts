/**
 * The bundled CLI against a hostile file system: paths it cannot read, a folder with no post, a
 * broken configuration, symbolic link loops, a path with spaces and Korean, and `--fix` killed
 * while it writes. Each gets one clear line and the documented exit code; a killed `--fix` leaves
 * the post whole (old text or new, never part of it).
 *
 * Tests run as root here, and root reads a file whatever its mode: "permission denied" is tested
 * with `chmod 000` only when the tests run as another user; as root it is skipped, saying so.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEMPORARY_SUFFIX } from '../../../server/src/cli/fix';
import { CLI, REPO_ROOT } from '../../support/paths';

/** Preloaded to kill the CLI while it writes (`SEMINAR_POSTS_CRASH_AT`): the product has no such hook. */
const CRASH_PRELOAD = path.join(REPO_ROOT, 'test', 'support', 'crashOnWrite.cjs');

const GOOD = `---
layout: post
title: "2020_2nd_quarter"
date: 2020-04-02
image_url: https://user-images.githubusercontent.com/1/a.png
mathjax: true
comments: true
---

# Attention Is All You Need
## Ashish Vaswani et al., NeurIPS 2017
### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/t.pdf)]
- attention만으로 번역 모델을 만든 논문입니다.
`;
/** A typo `--fix` corrects (`quater`) and a missing key it inserts. */
const FIXABLE = GOOD.replace('2020_2nd_quarter', '2020_2nd_quater').replace('comments: true\n', '');

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** One line on stderr, naming the problem, and exit code 2. */
function assertFatal(r: ReturnType<typeof run>, message: RegExp): void {
  assert.equal(r.code, 2, `exit code; stderr: ${r.stderr}`);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, message);
}

describe('CLI on a hostile file system', function () {
  // Each test spawns CLI processes; a 2-core machine under load has taken over 60 s for one.
  this.timeout(180_000);
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-hostile-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };

  it('says which path it cannot read: a dangling link, a FIFO, a folder as --config', () => {
    write('_posts/2020-04-02-2nd_quarter.md', GOOD);
    fs.symlinkSync('nowhere.md', path.join(root, '_posts', 'dangling.md'));
    assertFatal(run(['lint', '_posts/dangling.md'], root), /cannot read _posts\/dangling\.md: no such file or folder/);
    spawnSync('mkfifo', [path.join(root, '_posts', 'pipe.md')]);
    assertFatal(run(['lint', '_posts/pipe.md'], root), /cannot read _posts\/pipe\.md: not a file or folder/);
    assertFatal(
      run(['lint', '--config', '_posts', '_posts/2020-04-02-2nd_quarter.md'], root),
      /cannot read configuration _posts: is a folder/,
    );
    // A folder skips what it cannot read (the dangling link, the FIFO) and checks the rest.
    const r = run(['lint', '.'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No problems in 1 file/);
  });

  it('says permission denied for a file it may not read (not as root, who may read anything)', function () {
    if (process.getuid?.() === 0) {
      console.log('      (skipped: the tests run as root, and root reads a file whatever its mode)');
      this.skip();
    }
    write('_posts/2020-04-02-2nd_quarter.md', GOOD);
    fs.chmodSync(path.join(root, '_posts', '2020-04-02-2nd_quarter.md'), 0o000);
    assertFatal(run(['lint', '_posts/2020-04-02-2nd_quarter.md'], root), /permission denied/);
  });

  it('says so, and exits 2, in a folder with no post', () => {
    fs.mkdirSync(path.join(root, 'empty'));
    write('notes/readme.md', '# Just notes\n');
    assertFatal(run(['lint', 'empty'], root), /no post found in empty/);
    assertFatal(run(['lint', 'notes'], root), /no post found in notes/);
    assertFatal(run(['lint', 'notes/*.markdown'], root), /no post found in notes\/\*\.markdown/);
  });

  it('names a broken .seminar-posts.json and where it breaks, and exits 2', () => {
    write('_posts/2020-04-02-2nd_quarter.md', GOOD);
    for (const [config, message] of [
      ['{"rules": {', /bad configuration \.seminar-posts\.json: \(root\): not valid JSON/],
      ['{"rules": {"title-format": "loud"}}', /bad configuration \.seminar-posts\.json: rules\.title-format/],
      ['\u0000\u0001binary', /bad configuration \.seminar-posts\.json/],
      ['[]', /bad configuration \.seminar-posts\.json/],
    ] as const) {
      write('.seminar-posts.json', config);
      assertFatal(run(['lint'], root), message);
    }
  });

  it('keeps stderr clean when the YAML has a list as a key, in a post and in _config.yml', () => {
    // The YAML library warns on stderr when it turns such a key into a string; the problem is the
    // post's to report, not the library's.
    const odd = 'tags:\n  ? [a, b]\n  : c\n';
    write('_config.yml', `title: Lab\nnav:\n  ? [x]\n  : y\n`);
    write('_posts/2020-04-02-2nd_quarter.md', GOOD.replace('mathjax: true\n', `mathjax: true\n${odd}`));
    const r = run(['lint', '_posts'], root);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0, r.stdout);
  });

  it('follows symbolic links once: a loop neither hangs nor checks a post twice', () => {
    write('_posts/2020-04-02-2nd_quarter.md', GOOD);
    fs.symlinkSync('..', path.join(root, '_posts', 'up'));
    fs.symlinkSync('.', path.join(root, '_posts', 'here'));
    fs.symlinkSync('b', path.join(root, '_posts', 'a.md'));
    fs.symlinkSync('a.md', path.join(root, '_posts', 'b'));
    const r = run(['lint', '.', '--format', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).map((f: { filePath: string }) => path.relative(root, f.filePath)),
      ['_posts/2020-04-02-2nd_quarter.md'],
    );
    assertFatal(run(['lint', '_posts/a.md'], root), /cannot read _posts\/a\.md: too many symbolic links/);
  });

  it('checks and fixes a post under a path with spaces and Korean', () => {
    const relative = '연구실 블로그/_posts/2020-04-02-2nd_quarter.md';
    write(relative, FIXABLE);
    const json = run(['lint', '연구실 블로그', '--format', 'json'], root);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout)[0].filePath, path.join(root, relative));
    const stylish = run(['lint', '연구실 블로그'], root);
    assert.match(stylish.stdout, /연구실 블로그\/_posts\/2020-04-02-2nd_quarter\.md/);
    const sarif = JSON.parse(run(['lint', '연구실 블로그', '--format', 'sarif'], root).stdout);
    assert.equal(
      sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
      '%EC%97%B0%EA%B5%AC%EC%8B%A4%20%EB%B8%94%EB%A1%9C%EA%B7%B8/_posts/2020-04-02-2nd_quarter.md',
    );
    assert.equal(run(['lint', '--fix', '연구실 블로그'], root).code, 0);
    assert.match(fs.readFileSync(path.join(root, relative), 'utf8'), /title: "2020_2nd_quarter"[\s\S]*comments: true/);
  });

  for (const moment of ['mid-write', 'before-rename'] as const) {
    it(`leaves the post whole when --fix is killed ${moment === 'mid-write' ? 'halfway through writing' : 'before it replaces the post'}`, () => {
      const relative = '_posts/2020-04-02-2nd_quarter.md';
      // A large post, so that a half-written file would be obvious.
      const large = FIXABLE + '- 긴 요약입니다.\n'.repeat(5_000);
      write(relative, large);
      const r = run(['lint', '--fix', '_posts'], root, { SEMINAR_POSTS_CRASH_AT: moment }, [
        '--require',
        CRASH_PRELOAD,
      ]);
      assert.equal(r.signal, 'SIGKILL', `the CLI was not killed: ${r.stderr}`);
      assert.equal(fs.readFileSync(path.join(root, relative), 'utf8'), large, 'the post changed');
      // What a crash leaves: the temporary file beside the post, hidden, never a post itself.
      const left = fs.readdirSync(path.join(root, '_posts')).filter((name) => name !== '2020-04-02-2nd_quarter.md');
      assert.equal(left.length, 1, left.join(', '));
      assert.ok(left[0]!.startsWith('.2020-04-02-2nd_quarter.md.') && left[0]!.endsWith(TEMPORARY_SUFFIX), left[0]);
      // The next run ignores it, fixes the post, and writes it whole.
      const again = run(['lint', '--fix', '_posts'], root);
      assert.equal(again.code, 0, again.stdout + again.stderr);
      const fixed = fs.readFileSync(path.join(root, relative), 'utf8');
      assert.match(fixed, /title: "2020_2nd_quarter"/);
      assert.ok(fixed.endsWith('- 긴 요약입니다.\n'.repeat(3)));
    });
  }
});
