/**
 * The pre-commit hook (`.pre-commit-hooks.yaml`) with the real `pre-commit` (Debian's package): a
 * blog repository's `.pre-commit-config.yaml` names a snapshot of this repository (its files as they
 * are now, committed in a temporary repository), pre-commit installs the hook as it would from
 * GitHub (`npm install`, `npm pack`, `npm install -g` with the system's Node), and runs it on the
 * staged posts. Every request goes through a proxy on 127.0.0.1 that reaches the npm registry and
 * nothing else, and the test fails on anything else tried (a Node download, a GitHub fetch).
 * Skipped, with a note, where `pre-commit` is not installed.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';
import { ONE_TALK_POST } from '../support/posts';
import { startRegistryOnlyProxy, type RegistryOnlyProxy } from './registryOnlyProxy';

const GOOD = ONE_TALK_POST;
const BAD = GOOD.replace('"2020_2nd_quarter"', '"2020_3rd_quarter"')
  .replace('2020-04-02', '2020-07-02')
  .replace('(https://example.com/t.pdf)', '(???)')
  .replace('Attention Is All You Need', 'Deep Residual Learning')
  .replace('Ashish Vaswani et al., NeurIPS 2017', 'Kaiming He et al., CVPR 2016');

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** This repository's files as they are now (tracked and new, not ignored), committed in a new repository; its commit. */
function snapshot(into: string): string {
  fs.mkdirSync(into, { recursive: true });
  const files = git(REPO_ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard')
    .split('\0')
    .filter(Boolean);
  for (const file of new Set(files)) {
    const from = path.join(REPO_ROOT, file);
    const stat = fs.lstatSync(from, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue; // deleted, or a link (the shared .vscode-test)
    fs.mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    fs.copyFileSync(from, path.join(into, file));
    fs.chmodSync(path.join(into, file), stat.mode & 0o777);
  }
  git(into, 'init', '-q');
  git(into, 'add', '-A');
  git(into, 'commit', '-q', '-m', 'snapshot');
  return git(into, 'rev-parse', 'HEAD').trim();
}

describe('pre-commit hook (the real pre-commit, offline but for the npm registry)', function () {
  this.timeout(15 * 60_000);
  let scratch: string;
  let blog: string;
  let home: string;
  let proxy: RegistryOnlyProxy;

  // Not spawnSync: the proxy runs in this process, and must answer while pre-commit runs.
  const preCommit = (...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve, reject) => {
      // No standard input, as in CI: an open pipe would keep a prompt of npm's waiting.
      const child = spawn('pre-commit', [...args, '--color', 'never'], {
        cwd: blog,
        env: preCommitEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  /**
   * The user's environment (its certificate settings too), without what `npm run` adds for its own
   * script (`npm_*`), with every request sent through the proxy.
   */
  const preCommitEnv = (): NodeJS.ProcessEnv => ({
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD')),
    LANG: 'C.UTF-8',
    PRE_COMMIT_HOME: home,
    HTTPS_PROXY: proxy.url,
    HTTP_PROXY: proxy.url,
    https_proxy: proxy.url,
    http_proxy: proxy.url,
    NO_PROXY: '',
    no_proxy: '',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });

  before(async function () {
    const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    if (found.error || found.status !== 0) {
      console.log(
        "      (skipped: pre-commit is not installed; `apt-get install pre-commit` installs it, as `npm test`'s setup does)",
      );
      this.skip();
    }
    const registry = spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).stdout.trim();
    proxy = await startRegistryOnlyProxy(new URL(registry).hostname);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-pre-commit-'));
    home = path.join(scratch, 'pre-commit-home');
    const hookRepo = path.join(scratch, 'seminar-posts');
    const rev = snapshot(hookRepo);

    blog = path.join(scratch, 'blog');
    fs.mkdirSync(path.join(blog, '_posts'), { recursive: true });
    git(blog, 'init', '-q');
    fs.writeFileSync(path.join(blog, '_config.yml'), 'theme: minima\n');
    fs.writeFileSync(
      path.join(blog, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: seminar-posts\n`,
    );
    fs.writeFileSync(path.join(blog, '_posts', '2020-04-02-2nd_quarter.md'), GOOD);
    // Not a post: the hook never sees it.
    fs.writeFileSync(path.join(blog, 'README.md'), '# Lab blog\n[slides](???)\n');
    git(blog, 'add', '_config.yml', '.pre-commit-config.yaml', '_posts/2020-04-02-2nd_quarter.md', 'README.md');
    // Not staged: the hook never sees it either.
    fs.writeFileSync(path.join(blog, '_posts', '2020-07-02-3rd_quarter.md'), BAD);
  });

  after(async () => {
    await proxy?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("installs with the system's Node and packages from the npm registry alone, and passes good staged posts", async () => {
    const run = await preCommit('run');
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^seminar-posts\.+Passed$/m);
    assert.deepEqual(proxy.refused, [], `the install reached beyond the npm registry: ${proxy.refused.join(', ')}`);
    const environments = fs
      .readdirSync(home)
      .filter((name) => name.startsWith('repo'))
      .flatMap((repo) => fs.readdirSync(path.join(home, repo)).filter((name) => name.startsWith('node_env')));
    assert.deepEqual(environments, ['node_env-system'], 'pre-commit used the installed Node (no Node download)');
  });

  it('fails on a staged post with an error, naming the post, the place and the rule', async () => {
    git(blog, 'add', '_posts/2020-07-02-3rd_quarter.md');
    const run = await preCommit('run');
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^seminar-posts\.+Failed$/m);
    assert.match(run.stdout, /^_posts\/2020-07-02-3rd_quarter\.md$/m);
    assert.match(
      run.stdout,
      /^ {2}12:87 +error +Expected the address of `presentation material`, found the placeholder `\?\?\?` +link-placeholder$/m,
    );
    assert.doesNotMatch(run.stdout, /2020-04-02-2nd_quarter\.md|README/);
    assert.deepEqual(proxy.refused, []);
  });
});
