/**
 * `seminar-posts lint --fix` and `--fix-dry-run`, with the bundled CLI on a temporary site: which
 * fixes are applied, how files are written (atomically, never when nothing changed, never over
 * another file), and the diff of a dry run.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI } from '../../support/paths';
import { applyUnifiedDiff } from '../../support/unifiedDiff';

const FRONT_MATTER = (title: string) => `---
layout: post
title: "${title}"
date: 2020-04-02
image_url: https://user-images.githubusercontent.com/1/a.png
mathjax: true
comments: true
---
`;

/** One defect of each kind that has a safe fix. */
const BROKEN = `${FRONT_MATTER('2020_2nd_quater')}
# Attention Is All You Need
## Ashish Vaswani et al., NeurIPS 2017
### 발표자 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/my slides.pdf)]
- attention만으로 번역 모델을 만든 논문입니다.

![구조](https://user-images.githubusercontent.com/1/a.png)

# BERT: Pre-training of Deep Bidirectional Transformers
## Jacob Devlin et al., NAACL 2019
### 발표: 이바다 [[presentation material](https://example.com/bert.pdf)]
- 양방향 문맥을 학습합니다.

[paper link](https://arxiv.org/abs/1810.04805)

<p align="center">
  <img src="https://github.com/lab/lab.github.io/blob/master/assets/b.png" width="450px">
`;

const FIXED = `${FRONT_MATTER('2020_2nd_quarter')}
# Attention Is All You Need
## Ashish Vaswani et al., NeurIPS 2017
### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/my%20slides.pdf)]
- attention만으로 번역 모델을 만든 논문입니다.

<p align="center">
  <img src="https://user-images.githubusercontent.com/1/a.png" alt="구조">
</p>

# BERT: Pre-training of Deep Bidirectional Transformers
## Jacob Devlin et al., NAACL 2019
### 발표자: 이바다 [[paper link](https://arxiv.org/abs/1810.04805), [presentation material](https://example.com/bert.pdf)]
- 양방향 문맥을 학습합니다.


<p align="center">
  <img src="https://github.com/lab/lab.github.io/raw/master/assets/b.png" width="450">
</p>
`;

const CLEAN = `${FRONT_MATTER('2020_2nd_quarter')}
# Generative Adversarial Nets
## Ian J. Goodfellow et al. *NIPS 2014*
### 발표자: 박구름 [[paper link](https://arxiv.org/abs/1406.2661), presentation material unavailable]
- 생성자와 판별자가 경쟁하며 학습합니다.
`;

let site: string;
const posts = () => path.join(site, '_posts');
const read = (name: string) => fs.readFileSync(path.join(posts(), name), 'utf8');
const write = (name: string, text: string | Buffer) => fs.writeFileSync(path.join(posts(), name), text);

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: site,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI --fix and --fix-dry-run', () => {
  beforeEach(() => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-fix-'));
    fs.writeFileSync(path.join(site, '_config.yml'), 'theme: minima\n');
    fs.mkdirSync(posts());
  });
  afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

  it('applies every safe fix, re-linting until nothing is left, and reports what remains', () => {
    write('2020-04-02-2nd_quarter.md', BROKEN);
    const r = run(['lint', '--fix', '--format', 'json']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(read('2020-04-02-2nd_quarter.md'), FIXED);
    assert.deepEqual(JSON.parse(r.stdout)[0].messages, []);
    assert.deepEqual(fs.readdirSync(posts()), ['2020-04-02-2nd_quarter.md'], 'no temporary file is left behind');
  });

  it('prints the same changes as a unified diff with --fix-dry-run, and writes nothing', () => {
    write('2020-04-02-2nd_quarter.md', BROKEN);
    const before = fs.statSync(path.join(posts(), '2020-04-02-2nd_quarter.md'));
    const r = run(['lint', '_posts', '--fix-dry-run']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(read('2020-04-02-2nd_quarter.md'), BROKEN);
    assert.equal(fs.statSync(path.join(posts(), '2020-04-02-2nd_quarter.md')).mtimeMs, before.mtimeMs);
    assert.match(
      r.stdout,
      /^--- a\/_posts\/2020-04-02-2nd_quarter\.md\n\+\+\+ b\/_posts\/2020-04-02-2nd_quarter\.md\n@@ -1,/,
    );
    assert.ok(r.stdout.includes('-title: "2020_2nd_quater"\n+title: "2020_2nd_quarter"\n'), r.stdout);
    assert.ok(
      r.stdout.includes(
        '-### 발표: 이바다 [[presentation material](https://example.com/bert.pdf)]\n' +
          '+### 발표자: 이바다 [[paper link](https://arxiv.org/abs/1810.04805), [presentation material](https://example.com/bert.pdf)]\n',
      ),
      r.stdout,
    );
    assert.ok(r.stdout.endsWith('+</p>\n'), r.stdout);
    assert.equal(applyUnifiedDiff(BROKEN, r.stdout), FIXED, 'the diff turns the post into what --fix writes');
  });

  it('never writes a file that no fix changes, and leaves unsafe fixes alone', () => {
    write('2020-04-02-2nd_quarter.md', CLEAN);
    // A missing presenter line has only a snippet fix, which is never applied automatically.
    const unsafe = CLEAN.replace(/^### .*\n/m, '');
    write('2020-04-03-2nd_quarter.md', unsafe.replace('2020-04-02', '2020-04-03'));
    const stats = fs.readdirSync(posts()).map((name) => fs.statSync(path.join(posts(), name)));
    const r = run(['lint', '--fix']);
    assert.equal(r.code, 1, 'the missing presenter line is still an error');
    assert.match(r.stdout, /presenter-line-missing/);
    assert.equal(read('2020-04-02-2nd_quarter.md'), CLEAN);
    assert.equal(read('2020-04-03-2nd_quarter.md'), unsafe.replace('2020-04-02', '2020-04-03'));
    fs.readdirSync(posts()).forEach((name, i) =>
      assert.equal(fs.statSync(path.join(posts(), name)).mtimeMs, stats[i]!.mtimeMs, name),
    );
    const dry = run(['lint', '--fix-dry-run']);
    assert.match(
      dry.stdout,
      /^No safe fix would change anything\.\n/,
      'no diff: it says so, then reports what remains',
    );
    assert.equal(dry.stdout.includes('--- a/'), false);
  });

  it('renames a file Jekyll would skip when its title and date agree, but never over another post', () => {
    write('2020_2nd_quarter.md', CLEAN);
    const dry = run(['lint', '--fix-dry-run']);
    assert.equal(dry.stdout, '--- a/_posts/2020_2nd_quarter.md\n+++ b/_posts/2020-04-02-2nd_quarter.md\n');
    const r = run(['lint', '--fix', '--format', 'json']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(fs.readdirSync(posts()), ['2020-04-02-2nd_quarter.md']);
    assert.equal(read('2020-04-02-2nd_quarter.md'), CLEAN);
    assert.equal(path.basename(JSON.parse(r.stdout)[0].filePath), '2020-04-02-2nd_quarter.md');

    write('2020_2nd_quarter.md', BROKEN);
    const blocked = run(['lint', '--fix', '--format', 'json']);
    assert.match(blocked.stderr, /_posts\/2020_2nd_quarter\.md not renamed: 2020-04-02-2nd_quarter\.md already exists/);
    assert.equal(read('2020-04-02-2nd_quarter.md'), CLEAN, 'the existing post is untouched');
    assert.equal(read('2020_2nd_quarter.md'), FIXED, 'the text fixes are still written, under the old name');
    const results = JSON.parse(blocked.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const blockedResult = results.find((x) => x.filePath.endsWith('2020_2nd_quarter.md'))!;
    assert.ok(blockedResult.messages.some((m) => m.ruleId === 'filename-format'));
  });

  it('does not rename a file whose name names another quarter than its (perhaps copied) front matter', () => {
    write('2020-4th_quarter.md', CLEAN);
    const r = run(['lint', '--fix', '--format', 'json']);
    assert.deepEqual(fs.readdirSync(posts()), ['2020-4th_quarter.md']);
    assert.ok(JSON.parse(r.stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'filename-format'));
  });

  it('keeps a byte order mark and CRLF line breaks, and does not touch text that is not UTF-8', () => {
    write('2020-04-02-2nd_quarter.md', '\ufeff' + BROKEN.replace(/\n/g, '\r\n'));
    const latin1 = Buffer.concat([Buffer.from(BROKEN.replace('2020-04-02', '2020-04-05')), Buffer.from([0xe9, 0x0a])]);
    write('2020-04-05-2nd_quarter.md', latin1);
    const r = run(['lint', '--fix']);
    assert.equal(read('2020-04-02-2nd_quarter.md'), '\ufeff' + FIXED.replace(/\n/g, '\r\n'));
    assert.deepEqual(fs.readFileSync(path.join(posts(), '2020-04-05-2nd_quarter.md')), latin1);
    assert.match(r.stderr, /2020-04-05-2nd_quarter\.md is not UTF-8 text; not fixed/);
  });

  it('leaves a read-only post alone', function () {
    if (process.getuid?.() === 0) this.skip(); // root writes anyway; the check is for users
    write('2020-04-02-2nd_quarter.md', BROKEN);
    fs.chmodSync(path.join(posts(), '2020-04-02-2nd_quarter.md'), 0o444);
    const r = run(['lint', '--fix']);
    assert.match(r.stderr, /is read-only; not fixed/);
    assert.equal(read('2020-04-02-2nd_quarter.md'), BROKEN);
  });

  it('rejects --fix with --fix-dry-run, and --fix-dry-run with a machine format', () => {
    for (const args of [
      ['lint', '--fix', '--fix-dry-run'],
      ['lint', '--fix-dry-run', '--format', 'json'],
      ['rules', '--fix'],
    ]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });
});
