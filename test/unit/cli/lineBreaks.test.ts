/**
 * The bundled CLI on a post whose body ends its lines with lone carriage returns (old Mac line
 * breaks): its 1-based positions, its `--fix-dry-run` diff and its `--fix` count lines as the
 * line index (and kramdown) do, and `--fix` keeps the post's line breaks.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI } from '../../support/paths';

const FRONT =
  '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://a.b/x.png\nmathjax: true\ncomments: true\n---\n';
const BODY = [
  '',
  '# Attention Is All You Need',
  '## Ashish Vaswani et al., NeurIPS 2017',
  '### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://a.b/t.pdf)]',
  '- attention만으로 번역 모델을 만든 논문입니다.',
  '',
  '<p align="center">',
  '  <img src="https://a.b/x.png" width="450 px" alt="model">',
  '</p>',
  '',
].join('\r');
const POST = FRONT + BODY;
/** 1-based, as the CLI prints it: the `<img>` line counted with lone CRs as breaks. */
const IMG_LINE = 8 + 1 + 7;

describe('CLI on lone carriage returns', function () {
  let site: string;
  let file: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'lint', ...args], {
      cwd: site,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' },
    });

  before(function () {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-cr-'));
    fs.writeFileSync(path.join(site, '_config.yml'), 'theme: minima\n');
    fs.mkdirSync(path.join(site, '_posts'));
    file = path.join(site, '_posts', '2020-04-02-2nd_quarter.md');
  });
  beforeEach(() => fs.writeFileSync(file, POST));
  after(() => fs.rmSync(site, { recursive: true, force: true }));

  it('reports 1-based lines and columns of the line index', () => {
    const result = run('--format', 'json');
    const [report] = JSON.parse(result.stdout) as {
      messages: { ruleId: string; line: number; column: number; endLine: number }[];
    }[];
    const width = report!.messages.find((m) => m.ruleId === 'image-width');
    assert.ok(width, result.stdout);
    assert.equal(width.line, IMG_LINE);
    assert.equal(width.endLine, IMG_LINE);
    assert.equal(width.column, POST.split(/\r\n|\r|\n/)[IMG_LINE - 1]!.indexOf('450 px') + 1);
  });

  it('diffs the fixed line under the same line number', () => {
    const result = run('--fix-dry-run');
    assert.match(result.stdout, new RegExp(`^@@ -${IMG_LINE - 3},5 \\+${IMG_LINE - 3},5 @@$`, 'm'), result.stdout);
    assert.match(result.stdout, /^- {2}<img src="https:\/\/a\.b\/x\.png" width="450 px" alt="model">\r$/m);
    assert.match(result.stdout, /^\+ {2}<img src="https:\/\/a\.b\/x\.png" width="450" alt="model">\r$/m);
    assert.equal(fs.readFileSync(file, 'utf8'), POST);
  });

  it('fixes the line and keeps the lone carriage returns', () => {
    const result = run('--fix');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), POST.replace('"450 px"', '"450"'));
  });
});
