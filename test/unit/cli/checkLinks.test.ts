/**
 * `seminar-posts lint --check-links` (the bundled CLI, as CI runs it) against a local server on
 * 127.0.0.1: link-dead in JSON and SARIF, exit codes as for other warnings, the cache folder (a
 * second run asks nothing), `--no-cache`, and progress lines on a terminal, on stderr only.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI } from '../../support/paths';
import { answer, startLocalServer, type LocalServer } from '../../support/localServer';

function postWith(links: string[]): string {
  return [
    '---',
    'layout: post',
    'title: "2020_2nd_quarter"',
    'date: 2020-04-02',
    'image_url: /assets/a.png',
    'mathjax: true',
    'comments: true',
    '---',
    '',
    ...links.map(
      (url, i) =>
        `# Paper number ${i}\n## A. Author, ICML 2020\n### 발표자: 홍길동 [[paper link](${url}), presentation material unavailable]\n- 요약입니다.\n`,
    ),
  ].join('\n');
}

/** Runs the CLI without blocking this process, whose event loop serves the local server. */
function run(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return spawnAsync(process.execPath, [CLI, ...args], cwd, env);
}

function spawnAsync(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // The test's environment carries the network guard (NODE_OPTIONS) into the CLI.
  const child = spawn(command, args, { cwd, env: { ...process.env, LANG: 'en_US.UTF-8', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('CLI --check-links', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let site: string;
  let cacheDir: string;

  before(async () => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
    server = await startLocalServer({
      '/ok': answer(200),
      '/missing': answer(404),
      '/private': answer(403),
      '/moved': answer(301, { location: '/ok' }),
    });
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-links-cli-'));
    cacheDir = path.join(site, '.cache');
    fs.writeFileSync(path.join(site, '_config.yml'), 'theme: minima\n');
    fs.mkdirSync(path.join(site, '_posts'));
    fs.mkdirSync(path.join(site, 'assets'));
    fs.writeFileSync(path.join(site, 'assets', 'a.png'), '');
    fs.writeFileSync(
      path.join(site, '_posts', '2020-04-02-2nd_quarter.md'),
      postWith([server.url('/ok'), server.url('/missing'), server.url('/private'), server.url('/moved')]),
    );
  });
  after(async () => {
    await server.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  it('reports link-dead in JSON, warnings exit 0 (1 over --max-warnings), and the summary goes to stderr', async () => {
    const result = await run(['lint', '--check-links', '--cache-dir', cacheDir, '--format', 'json'], site);
    assert.equal(result.code, 0, result.stderr);
    const [file] = JSON.parse(result.stdout) as {
      messages: { ruleId: string; severity: string; message: string; line: number }[];
    }[];
    const links = file!.messages.filter((m) => m.ruleId === 'link-dead');
    assert.deepEqual(
      links.map((m) => [m.line, m.severity]),
      [
        [17, 'warning'],
        [22, 'info'],
        [27, 'info'],
      ],
    );
    assert.match(links[0]!.message, /HTTP 404 Not Found/);
    assert.match(links[1]!.message, /needs a sign-in \(HTTP 403 Forbidden\)/);
    assert.match(links[2]!.message, /moved permanently to `http:\/\/127\.0\.0\.1:\d+\/ok`/);
    assert.match(result.stderr, /^seminar-posts: checked 4 links in \d+\.\d s \(4 asked\)\n$/);
    assert.equal((await run(['lint', '--check-links', '--cache-dir', cacheDir, '--max-warnings', '0'], site)).code, 1);
  });

  it('reports link-dead in SARIF, with the rule described', async () => {
    const result = await run(['lint', '--check-links', '--no-cache', '--format', 'sarif'], site);
    const log = JSON.parse(result.stdout) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[];
    };
    assert.ok(log.runs[0]!.tool.driver.rules.some((r) => r.id === 'link-dead'));
    assert.deepEqual(
      log.runs[0]!.results.filter((r) => r.ruleId === 'link-dead').map((r) => r.level),
      ['warning', 'note', 'note'],
    );
  });

  it('asks nothing for fresh results on a second run, everything with --no-cache; without --check-links, nothing at all', async () => {
    const folder = path.join(site, '.cache-second');
    await run(['lint', '--check-links', '--cache-dir', folder], site);
    assert.ok(fs.existsSync(path.join(folder, 'links.json')));
    const before = server.total;
    const second = await run(['lint', '--check-links', '--cache-dir', folder], site);
    assert.equal(server.total, before, 'no request');
    assert.match(second.stderr, /\(0 asked, 4 from the cache\)/);
    assert.match(second.stdout, /HTTP 404 Not Found/, 'the cached results are reported as before');
    await run(['lint', '--check-links', '--no-cache'], site);
    assert.ok(server.total > before + 3);
    const plain = server.total;
    await run(['lint'], site);
    assert.equal(server.total, plain);
  });

  it('uses the system cache folder by default', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-home-'));
    try {
      await run(['lint', '--check-links'], site, { HOME: home, XDG_CACHE_HOME: path.join(home, 'xdg') });
      assert.ok(fs.existsSync(path.join(home, 'xdg', 'seminar-posts', 'links.json')));
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('prints a progress line per 50 links on a terminal, to stderr only', async function () {
    const script = '/usr/bin/script';
    if (!fs.existsSync(script)) {
      console.log('      (skipped: no `script` to give the CLI a terminal)');
      this.skip();
    }
    const many = path.join(site, 'many');
    fs.mkdirSync(path.join(many, '_posts'), { recursive: true });
    fs.writeFileSync(
      path.join(many, '_posts', '2020-04-02-2nd_quarter.md'),
      postWith(Array.from({ length: 120 }, (_, i) => `${server.url('/ok')}?n=${i}`)),
    );
    const out = path.join(site, 'many.json');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} lint --check-links --no-cache --format json _posts > ${JSON.stringify(out)}`;
    const tty = await spawnAsync(script, ['-qec', command, '/dev/null'], many);
    const lines = tty.stdout.split(/\r?\n/).filter((line) => line.includes('checked'));
    assert.deepEqual(lines.slice(0, 3), [
      'seminar-posts: checked 50 of 120 links',
      'seminar-posts: checked 100 of 120 links',
      'seminar-posts: checked 120 of 120 links',
    ]);
    assert.match(lines[3]!, /checked 120 links in/);
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(out, 'utf8')), 'stdout is JSON only');
  });

  it('says its summary in Korean with --locale ko', async () => {
    const result = await run(
      ['lint', '--check-links', '--no-cache', '--locale', 'ko', '--format', 'json', '_posts'],
      site,
    );
    assert.match(result.stderr, /^seminar-posts: 링크 4개를 \d+\.\d초에 검사했습니다\(요청 4개\)\n$/);
    const second = await run(
      ['lint', '--check-links', '--cache-dir', cacheDir, '--locale', 'ko', '--format', 'json', '_posts'],
      site,
    );
    assert.match(second.stderr, /\(요청 0개, 캐시에서 4개\)/);
  });

  it('refuses --cache-dir and --no-cache without --check-links', async () => {
    const result = await run(['lint', '--no-cache'], site);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--no-cache applies to --check-links only/);
  });
});
