/**
 * The CLI's lint workers (`server/src/cli/workers.ts`): on a site large enough for them, the
 * bundled CLI starts the workers it is told to, prints exactly what it prints in one thread, in
 * every format, and stops the same way on a file it cannot read.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WORKER_THRESHOLD, workerCount } from '../../../server/src/cli/workers';
import { CLI } from '../../support/paths';
import { postText } from '../../protocol/support/site';

function run(
  site: string,
  args: string[],
  workers: string,
  env: NodeJS.ProcessEnv = {},
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: site,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', SEMINAR_POSTS_WORKERS: workers, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI lint workers', function () {
  // Each test spawns CLI processes; a 2-core machine under load has taken over 60 s for one.
  this.timeout(180_000);
  let site: string;

  before(() => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-workers-'));
    fs.writeFileSync(path.join(site, '_config.yml'), 'theme: minima\n');
    fs.mkdirSync(path.join(site, '_posts'));
    const count = WORKER_THRESHOLD + 7;
    for (let i = 0; i < count; i++) {
      const year = 2000 + Math.floor(i / 4);
      const month = String((i % 4) * 3 + 1).padStart(2, '0');
      // A paper presented twice across posts (duplicate-paper), and some posts with problems.
      const papers = [
        { title: i % 10 === 3 ? 'Attention Is All You Need' : `Paper ${i} on Learning`, presenter: '김하늘' },
        { title: `Second paper ${i}`, presenter: i % 6 === 0 ? '' : '이서준' },
      ];
      let text = postText(`${year}-${month}-02`, papers);
      if (i % 7 === 0) text = text.replace('https://example.com/0.pdf', '???');
      if (i % 9 === 0) text = text.replace('layout: post\n', '');
      fs.writeFileSync(
        path.join(site, '_posts', `${year}-${month}-02-${['1st', '2nd', '3rd', '4th'][i % 4]}_quarter.md`),
        text,
      );
    }
  });

  after(() => fs.rmSync(site, { recursive: true, force: true }));

  it('print what one thread prints, in every format, with the same exit code', () => {
    for (const args of [
      ['lint', '.'],
      ['lint', '--format', 'json', '.'],
      ['lint', '--format', 'sarif', '.'],
      ['lint', '--quiet', '.'],
    ]) {
      const one = run(site, args, '0');
      const several = run(site, args, '3');
      assert.ok(one.stdout.length > 0 && one.code !== 2, `${args.join(' ')}: ${one.stderr}`);
      assert.deepEqual(several, one, args.join(' '));
    }
    const json = JSON.parse(run(site, ['lint', '--format', 'json', '.'], '3').stdout) as {
      messages: { ruleId: string }[];
    }[];
    assert.ok(
      json.some((file) => file.messages.some((m) => m.ruleId === 'duplicate-paper')),
      'the posts of the site meet across workers',
    );
  });

  it('are started as many as asked, and none in one thread (counted from outside the CLI)', () => {
    // A preloaded script counts the Worker threads the CLI's main thread starts, and writes the
    // count to a file when the process exits: nothing of the CLI's own output changes.
    const counter = path.join(site, 'count-workers.cjs');
    const countFile = path.join(site, 'workers-started.txt');
    fs.writeFileSync(
      counter,
      `const threads = require('node:worker_threads');
if (threads.isMainThread) {
  let started = 0;
  const Original = threads.Worker;
  threads.Worker = class extends Original { constructor(...args) { super(...args); started++; } };
  process.on('exit', () => require('node:fs').writeFileSync(process.env.COUNT_FILE, String(started)));
}
`,
    );
    const started = (workers: string) => {
      fs.rmSync(countFile, { force: true });
      const r = run(site, ['lint', '--format', 'json', '.'], workers, {
        NODE_OPTIONS: `--require ${counter}`,
        COUNT_FILE: countFile,
      });
      assert.notEqual(r.code, 2, r.stderr);
      return Number(fs.readFileSync(countFile, 'utf8'));
    };
    assert.equal(started('3'), 3);
    assert.equal(started('0'), 0);
  });

  it('number one per core for a large site, at most one per 20 posts, none for a small one', () => {
    const cores = os.availableParallelism();
    assert.equal(workerCount(WORKER_THRESHOLD - 1, {}), 0);
    assert.equal(workerCount(WORKER_THRESHOLD, {}), Math.min(cores, Math.ceil(WORKER_THRESHOLD / 20), 8));
    assert.equal(workerCount(10_000, {}), Math.min(cores, 8));
    assert.equal(workerCount(2, { SEMINAR_POSTS_WORKERS: '5' }), 2, 'never more workers than posts');
    assert.equal(workerCount(500, { SEMINAR_POSTS_WORKERS: 'many' }), 0);
  });

  it('stop on the first post that cannot be checked, as one thread does', () => {
    // Two folders of posts whose configuration files are broken, each differently: the run stops
    // on the first post in the order of the command line, whichever worker read it.
    const broken = ['zz-late', 'aa-early'].map((name, i) => {
      const dir = path.join(site, '_posts', name);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, '.seminar-posts.json'), i === 0 ? '{ "rules": 1 }' : '{ "titlePattern": [] }');
      fs.writeFileSync(
        path.join(dir, '2021-01-07-1st_quarter.md'),
        postText('2021-01-07', [{ title: name, presenter: '김' }]),
      );
      return dir;
    });
    try {
      const args = ['lint', '_posts'];
      const one = run(site, args, '0');
      assert.equal(one.code, 2, one.stderr);
      assert.match(one.stderr, /bad configuration/);
      assert.deepEqual(run(site, args, '3'), one);
    } finally {
      for (const dir of broken) fs.rmSync(dir, { recursive: true });
    }
  });
});
