/**
 * What a new author met on a first real post (issue 14), through the bundled CLI on a temporary
 * site: `lint --fix` renames a misspelled key instead of adding a second one, fixes a thumbnail and
 * its image to the same address, checks Markdown images like `<img>`, says when a dry run would
 * change nothing, and ends quietly when its output pipe closes early.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI } from '../../support/paths';

const BODY = `
# Attention Is All You Need
## Ashish Vaswani et al., NeurIPS 2017
### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/slides.pdf)]
- attention만으로 번역 모델을 만든 논문입니다.
`;

const head = (lines: string[]) => ['---', ...lines, '---', ''].join('\n');
const BASE = [
  'layout: post',
  'title: "2020_2nd_quarter"',
  'date: 2020-04-02',
  'image_url: https://user-images.githubusercontent.com/1/a.png',
  'mathjax: true',
];

let site: string;
const posts = () => path.join(site, '_posts');
const read = (name: string) => fs.readFileSync(path.join(posts(), name), 'utf8');
const write = (name: string, text: string) => fs.writeFileSync(path.join(posts(), name), text);

function run(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: site,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; message: string; line: number }[];
}
const lintJson = (...args: string[]) => JSON.parse(run(['lint', ...args, '--format', 'json']).stdout) as JsonResult[];

describe('CLI on a first real post (issue 14)', () => {
  beforeEach(() => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-first-'));
    fs.writeFileSync(path.join(site, '_config.yml'), 'theme: minima\n');
    fs.mkdirSync(posts());
  });
  afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

  describe('a misspelled front matter key', () => {
    it('--fix renames `comment` to `comments` instead of adding a second key', () => {
      write('2020-04-02-2nd_quarter.md', head([...BASE, 'comment: true']) + BODY);
      const r = run(['lint', '--fix', '--format', 'json']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(read('2020-04-02-2nd_quarter.md'), head([...BASE, 'comments: true']) + BODY);
      assert.deepEqual(JSON.parse(r.stdout)[0].messages, []);
    });

    it('leaves an ambiguous misspelling for the author, and adds no key beside it', () => {
      // Two misspellings of the same key: renaming both would make a duplicate; guessing one is a guess.
      const text = head([...BASE, 'comment: true', 'coments: true']) + BODY;
      write('2020-04-02-2nd_quarter.md', text);
      run(['lint', '--fix']);
      assert.equal(read('2020-04-02-2nd_quarter.md'), text);
      const messages = lintJson()[0]!
        .messages.map((m) => m.ruleId)
        .sort();
      assert.deepEqual(messages, ['required-field', 'unknown-field', 'unknown-field']);
    });

    it('does not rename onto a key whose value would then be wrong', () => {
      const text = head([...BASE, 'comment: great talks']) + BODY;
      write('2020-04-02-2nd_quarter.md', text);
      run(['lint', '--fix']);
      assert.equal(read('2020-04-02-2nd_quarter.md'), text, 'comments: great talks would be a field-type error');
    });
  });

  describe('the thumbnail and the images', () => {
    it('--fix takes the thumbnail from the first image as the image fix writes it, and both agree', () => {
      const blob = 'https://github.com/lab/lab.github.io/blob/master/assets/a.png';
      const raw = 'https://github.com/lab/lab.github.io/raw/master/assets/a.png';
      const fm = BASE.filter((l) => !l.startsWith('image_url')).concat('comments: true');
      write(
        '2020-04-02-2nd_quarter.md',
        head(fm) + BODY + `\n<p align="center">\n  <img src="${blob}" width="450">\n</p>\n`,
      );
      const r = run(['lint', '--fix', '--format', 'json']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const fixed = read('2020-04-02-2nd_quarter.md');
      assert.ok(fixed.includes(`image_url: ${raw}\n`), fixed);
      assert.ok(fixed.includes(`<img src="${raw}" width="450">`), fixed);
      assert.ok(!fixed.includes('/blob/'), fixed);
      assert.deepEqual(JSON.parse(r.stdout)[0].messages, []);
    });

    it('reports a `/blob/` thumbnail, a missing site file and a `_posts/` path, and --fix mends the blob', () => {
      const blob = 'https://github.com/lab/lab.github.io/blob/master/assets/a.png';
      const fm = BASE.filter((l) => !l.startsWith('image_url')).concat('comments: true');
      write('2020-04-02-2nd_quarter.md', head([...fm, `image_url: ${blob}`]) + BODY);
      const other = (title: string) => BODY.replace('Attention Is All You Need', title);
      write(
        '2020-07-02-3rd_quarter.md',
        head([
          ...fm.map((l) => l.replace('2020-04-02', '2020-07-02').replace('2nd', '3rd')),
          'image_url: /assets/missing.png',
        ]) + other('Deep Residual Learning'),
      );
      write(
        '2020-10-08-4th_quarter.md',
        head([
          ...fm.map((l) => l.replace('2020-04-02', '2020-10-08').replace('2nd', '4th')),
          'image_url: /_posts/a.png',
        ]) + other('Generative Adversarial Nets'),
      );
      const results = lintJson();
      const byFile = (name: string) => results.find((x) => x.filePath.endsWith(name))!.messages;
      assert.deepEqual(
        byFile('2020-04-02-2nd_quarter.md').map((m) => `${m.line}:${m.ruleId}`),
        ['7:image-src'],
      );
      assert.match(byFile('2020-04-02-2nd_quarter.md')[0]!.message, /\/blob\//);
      assert.deepEqual(
        byFile('2020-07-02-3rd_quarter.md').map((m) => `${m.line}:${m.ruleId}`),
        ['7:image-src'],
      );
      assert.match(byFile('2020-07-02-3rd_quarter.md')[0]!.message, /missing\.png/);
      assert.deepEqual(
        byFile('2020-10-08-4th_quarter.md').map((m) => `${m.line}:${m.ruleId}`),
        ['7:image-src'],
      );
      run(['lint', '--fix']);
      assert.ok(
        read('2020-04-02-2nd_quarter.md').includes(
          'image_url: https://github.com/lab/lab.github.io/raw/master/assets/a.png\n',
        ),
      );
    });
  });

  describe('two posts of one quarter', () => {
    it('reports each against the other, whatever the dates in the quarter; a post Jekyll skips does not count', () => {
      const fm = (date: string) =>
        head([...BASE.map((l) => l.replace('2020-04-02', date).replace('2020_2nd', '2021_1st')), 'comments: true']);
      write('2021-01-07-1st_quarter.md', fm('2021-01-07') + BODY);
      write(
        '2021-02-04-1st_quarter.md',
        fm('2021-02-04') + BODY.replace('Attention Is All You Need', 'Training data-efficient image transformers'),
      );
      write('2021_1st_quater.md', fm('2021-03-04') + BODY.replace('Attention Is All You Need', 'Swin Transformer'));
      const r = run(['lint', '--format', 'json']);
      const results = JSON.parse(r.stdout) as JsonResult[];
      const of = (name: string) =>
        results.find((x) => x.filePath.endsWith(name))!.messages.filter((m) => m.ruleId === 'duplicate-quarter');
      assert.deepEqual(
        of('2021-01-07-1st_quarter.md').map((m) => `${m.line}:${m.message}`),
        ['4:Expected one post for 2021_1st_quarter, found `2021-02-04-1st_quarter.md` too: Jekyll publishes both'],
      );
      assert.deepEqual(
        of('2021-02-04-1st_quarter.md').map((m) => m.line),
        [4],
      );
      assert.deepEqual(of('2021_1st_quater.md'), [], 'a file Jekyll skips is not published (filename-format says so)');
      // The same with the posts spread over lint workers, as a large blog is.
      assert.equal(run(['lint', '--format', 'json'], { SEMINAR_POSTS_WORKERS: '2' }).stdout, r.stdout);
    });

    it("checks one file against the site's others only when they are checked too", () => {
      const fm = (date: string) =>
        head([...BASE.map((l) => l.replace('2020-04-02', date).replace('2020_2nd', '2021_1st')), 'comments: true']);
      write('2021-01-07-1st_quarter.md', fm('2021-01-07') + BODY);
      write('2021-02-04-1st_quarter.md', fm('2021-02-04') + BODY.replace('Attention Is All You Need', 'DeiT'));
      assert.equal(run(['lint', '_posts/2021-01-07-1st_quarter.md']).stdout.includes('duplicate-quarter'), false);
      assert.equal(run(['lint', '_posts']).stdout.includes('duplicate-quarter'), true);
    });
  });

  describe('--fix-dry-run with nothing to fix', () => {
    it('says that nothing would change and reports what remains, as lint does', () => {
      // A warning without a safe fix: nothing for --fix to do, something left to report.
      write(
        '2020-04-02-2nd_quarter.md',
        head([...BASE, 'comments: true']) +
          BODY.replace(', NeurIPS 2017', '').replace('Ashish Vaswani et al.', 'Ashish Vaswani'),
      );
      const r = run(['lint', '--fix-dry-run']);
      const lint = run(['lint']);
      assert.equal(r.code, lint.code);
      assert.equal(r.stdout, `No safe fix would change anything.\n${lint.stdout}`);
      assert.match(r.stdout, /venue-missing/);
      const ko = run(['lint', '--fix-dry-run', '--locale', 'ko']);
      assert.match(ko.stdout, /^안전한 수정으로 바뀔 것이 없습니다\.\n/);
    });

    it('with fixes, keeps stdout a patch and says on stderr what would remain', () => {
      write('2020-04-02-2nd_quarter.md', head([...BASE, 'comment: true']) + BODY.replace(', NeurIPS 2017', ''));
      const r = run(['lint', '--fix-dry-run']);
      assert.match(r.stdout, /^--- a\/_posts\/2020-04-02-2nd_quarter\.md\n/);
      assert.ok(r.stdout.includes('-comment: true\n+comments: true\n'), r.stdout);
      assert.match(r.stderr, /^What would remain after these fixes:\n/);
      assert.match(r.stderr, /venue-missing/);
    });
  });

  describe('a pipe closed early', () => {
    /** Runs the CLI with its stdout a pipe whose reading end is closed before the CLI writes. */
    function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], {
          cwd: site,
          env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.destroy();
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    }

    it('`rules` and `lint` end quietly, with their own exit codes', async () => {
      write('2020-04-02-2nd_quarter.md', head(BASE) + BODY);
      const rules = await runIntoClosedPipe(['rules']);
      assert.deepEqual(rules, { code: 0, stderr: '' });
      // The post lacks `comments` (a warning): exit code 0; with an error, 1.
      assert.deepEqual(await runIntoClosedPipe(['lint']), { code: 0, stderr: '' });
      write('2020-04-02-2nd_quarter.md', head(BASE.filter((l) => !l.startsWith('layout'))) + BODY);
      assert.deepEqual(await runIntoClosedPipe(['lint', '--format', 'json']), { code: 1, stderr: '' });
    });

    it('`lint | head -1` on a large blog prints one line and no stack trace', function () {
      // Two CLI runs over 300 posts: 17 s on the shared 2 cores under load, so more than the 20 s default.
      this.timeout(90_000);
      for (let i = 0; i < 300; i++) {
        const date = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-02`;
        write(
          `${date}-post${i}.md`,
          head([`title: "${i}"`, `date: ${date}`]) + BODY.replace('Attention Is All You Need', `Paper ${i}`),
        );
      }
      for (const command of ['lint', 'rules']) {
        const r = spawnSync(
          'bash',
          [
            '--norc',
            '--noprofile',
            '-c',
            `"${process.execPath}" "${CLI}" ${command} | head -1; echo "status \${PIPESTATUS[0]}" >&2`,
          ],
          { cwd: site, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' } },
        );
        assert.equal(r.stdout.split('\n').length, 2, r.stdout);
        assert.match(r.stderr, /^status [01]\n$/, `${command}: ${r.stderr}`);
      }
    });
  });
});
