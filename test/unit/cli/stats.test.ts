/**
 * `seminar-posts stats` (the bundled CLI) on a temporary site: the same numbers as the core's
 * `seminarStatistics`, as tables or JSON, and usage errors.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seminarStatistics } from '../../../server/src/core/index/seminarStats';
import { CLI, CORPUS, requireCorpus } from '../../support/paths';
import { postText, seminarPost } from '../seminar/support';

const POSTS: [string, Record<string, string>, [string, string, string?][]][] = [
  [
    '2020-04-02-2nd_quarter.md',
    { title: '"2020_2nd_quarter"', date: '2020-04-02' },
    [
      ['AutoSlim', '이승현', 'J. Yu, *arXiv 2019*'],
      ['Item2vec', '성시백', 'O. Barkan, *MLSP2016*'],
    ],
  ],
  [
    '2020-07-02-3rd_quarter.md',
    { title: '"2020_3rd_quarter"', date: '2020-07-02' },
    [['autoslim', '김하늘', 'J. Yu, NeurIPS 2019']],
  ],
];

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI: seminar-posts stats', function () {
  let site: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-stats-'));
    fs.mkdirSync(path.join(site, '_posts'));
    for (const [name, fm, talks] of POSTS) fs.writeFileSync(path.join(site, '_posts', name), postText(fm, talks));
  });
  after(() => fs.rmSync(site, { recursive: true, force: true }));

  it('prints the statistics as JSON, the same as the core computes, with file paths', () => {
    const { code, stdout, stderr } = run(['stats', '--format', 'json'], site);
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout);
    const expected = seminarStatistics(POSTS.map(([name, fm, talks]) => seminarPost(name, fm, talks)));
    assert.deepEqual({ ...json, repeated: undefined }, { ...expected, repeated: undefined });
    assert.deepEqual(json.repeated, [
      {
        title: 'AutoSlim',
        talks: [
          {
            file: '_posts/2020-04-02-2nd_quarter.md',
            quarter: '2020-Q2',
            presenter: '이승현',
            fileName: '2020-04-02-2nd_quarter.md',
            line: 6,
          },
          {
            file: '_posts/2020-07-02-3rd_quarter.md',
            quarter: '2020-Q3',
            presenter: '김하늘',
            fileName: '2020-07-02-3rd_quarter.md',
            line: 6,
          },
        ],
      },
    ]);
  });

  it('prints each chart as a table, in English or Korean', () => {
    const en = run(['stats'], site);
    assert.equal(en.code, 0, en.stderr);
    assert.match(en.stdout, /^2 posts, 3 talks, 3 presenters, 2 quarters, 3 venues\n/);
    assert.match(en.stdout, /Talks per quarter\nQuarter {2}Talks\n------- {2}-----\n2020 Q2 {6}2\n2020 Q3 {6}1\n/);
    assert.match(en.stdout, /Papers presented more than once\n/);
    const ko = run(['stats', '--locale', 'ko', '_posts'], site);
    assert.match(ko.stdout, /^포스트 2개, 발표 3개/);
    assert.match(ko.stdout, /분기별 발표 수\n분기 +발표 수\n/);
    assert.match(ko.stdout, /2020년 2분기 +2\n/);
  });

  it('rejects what does not apply, and an empty folder', () => {
    assert.equal(run(['stats', '--format', 'sarif'], site).code, 2);
    assert.match(run(['stats', '--fix'], site).stderr, /--fix does not apply to 'stats'/);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-empty-'));
    try {
      const result = run(['stats'], empty);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /no post found/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reads the real published posts', function () {
    requireCorpus(this);
    const { code, stdout } = run(['stats', '--format', 'json', path.join(CORPUS, 'published')], site);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.deepEqual(
      json.perQuarter.map((q: { id: string }) => q.id),
      ['2020-Q2', '2020-Q3', '2020-Q4'],
    );
    assert.ok(json.totals.talks >= 20, `${json.totals.talks} talks`);
    assert.ok(
      json.repeated.some((r: { title: string }) => /AutoSlim/.test(r.title)),
      'the AutoSlim title written twice in the 2nd quarter',
    );
  });
});
