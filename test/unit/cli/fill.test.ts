/**
 * `seminar-posts fill` (the bundled CLI) end to end, on a temporary site, with a local server on
 * 127.0.0.1 standing in for the arXiv API, doi.org and a CVF page (SEMINAR_POSTS_ARXIV_API,
 * SEMINAR_POSTS_DOI_API; the page is linked at its local address): each source fills its section,
 * each failure (timeout, 404, malformed feed, no metadata, refused) is named and changes nothing,
 * `--dry-run` prints the diff and writes nothing, and the exit codes are lint's.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { answer, closedPort, hang, startLocalServer, type LocalServer } from '../../support/localServer';
import { CLI, REPO_ROOT } from '../../support/paths';

const fixture = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'paper', name), 'utf8');

const FRONT =
  '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://example.com/x.png\nmathjax: true\ncomments: true\n---\n\n';
/** A section as the snippet leaves it, with a paper link. */
const section = (link: string) =>
  `# Paper title\n## Authors, Venue\n### 발표자: 김하늘 [[paper link](${link}), [presentation material](https://example.com/s.pdf)]\n- 요약입니다.\n\n`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking this process (the local server answers it). */
function run(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      // NODE_OPTIONS carries the test's network guard into the CLI: it reaches 127.0.0.1 only.
      env: { PATH: process.env.PATH, NODE_OPTIONS: process.env.NODE_OPTIONS, LANG: 'en_US.UTF-8', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI: fill', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let site: string;
  let env: NodeJS.ProcessEnv;
  const post = (name: string) => path.join(site, '_posts', name);
  const write = (name: string, body: string) => fs.writeFileSync(post(name), FRONT + body);

  before(async () => {
    server = await startLocalServer({
      '/api/query': (req, res) => {
        const id = new URL(req.url!, 'http://x').searchParams.get('id_list');
        const body =
          id === '1512.03385'
            ? fixture('arxiv-1512.03385.atom.xml')
            : id === '2001.00002'
              ? '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>'
              : fixture('arxiv-error.atom.xml');
        res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(body);
      },
      '/doi/10.1038/nature16961': answer(
        200,
        { 'content-type': 'application/vnd.citationstyles.csl+json' },
        0,
        fixture('doi-10.1038-nature16961.csl.json'),
      ),
      '/cvf/html/Xie_CVPR_2020_paper.html': answer(200, {}, 0, fixture('cvf-page-head.html')),
      '/gone.html': answer(404, {}, 0, 'not here'),
      '/blog.html': answer(200, {}, 0, '<html><head><title>A blog</title></head></html>'),
      '/hang.html': hang(),
    });
  });
  after(() => server.close());

  beforeEach(() => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-fill-'));
    fs.mkdirSync(path.join(site, '_posts'));
    fs.writeFileSync(path.join(site, '_config.yml'), 'theme: minima\n');
    env = {
      SEMINAR_POSTS_ARXIV_API: server.url('/api'),
      SEMINAR_POSTS_DOI_API: server.url('/doi'),
      XDG_CACHE_HOME: path.join(site, '.cache'),
    };
  });
  afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

  it('fills a section from each source: arXiv, a DOI, a CVF page', async () => {
    write(
      '2020-04-02-2nd_quarter.md',
      section('https://arxiv.org/abs/1512.03385') +
        section('https://doi.org/10.1038/nature16961') +
        section(server.url('/cvf/html/Xie_CVPR_2020_paper.html')),
    );
    const result = await run(['fill', '.'], env, site);
    assert.equal(result.code, 0, result.stderr);
    const text = fs.readFileSync(post('2020-04-02-2nd_quarter.md'), 'utf8');
    assert.ok(
      text.includes('# Deep Residual Learning for Image Recognition\n## Kaiming He et al., arXiv 2015\n'),
      text,
    );
    assert.ok(
      text.includes(
        '# Mastering the game of Go with deep neural networks and tree search\n## David Silver et al., Nature 2016\n',
      ),
      text,
    );
    assert.ok(
      text.includes(
        '# Self-Training With Noisy Student Improves ImageNet Classification\n## Qizhe Xie et al., CVPR 2020\n',
      ),
      text,
    );
    assert.match(
      result.stdout,
      /_posts\/2020-04-02-2nd_quarter\.md:10: filled from https:\/\/arxiv\.org\/abs\/1512\.03385/,
    );
    assert.match(result.stderr, /3 of 3 sections filled in 1 posts; 0 could not be filled/);
    // Kept on disk in the cache folder: a second run asks nothing.
    write('2020-07-02-3rd_quarter.md', section('https://arxiv.org/abs/1512.03385'));
    const hits = server.total;
    assert.equal((await run(['fill', '_posts/2020-07-02-3rd_quarter.md'], env, site)).code, 0);
    assert.equal(server.total, hits, 'the second run made a request');
  });

  it('--dry-run prints the unified diff and writes nothing', async () => {
    const body = section('https://arxiv.org/abs/1512.03385');
    write('2020-04-02-2nd_quarter.md', body);
    const result = await run(['fill', '--dry-run', '--no-cache', '_posts'], env, site);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.readFileSync(post('2020-04-02-2nd_quarter.md'), 'utf8'), FRONT + body);
    assert.match(
      result.stdout,
      /^--- a\/_posts\/2020-04-02-2nd_quarter\.md\n\+\+\+ b\/_posts\/2020-04-02-2nd_quarter\.md\n@@ /,
    );
    assert.match(
      result.stdout,
      /\n-# Paper title\n-## Authors, Venue\n\+# Deep Residual Learning for Image Recognition\n\+## Kaiming He et al\., arXiv 2015\n/,
    );
    assert.ok(!fs.existsSync(path.join(site, '.cache')), '--no-cache wrote a cache');
  });

  for (const [label, link, reason] of [
    ['a 404', () => server.url('/gone.html'), /the server answered 404 \(not found\)/],
    ['a malformed feed', () => 'https://arxiv.org/abs/2001.00002', /the answer could not be read: not an Atom feed/],
    ['no metadata', () => server.url('/blog.html'), /no title or authors found: the page has no citation_\* meta tags/],
    ['an arXiv id the API does not know', () => 'https://arxiv.org/abs/9999.99999', /arXiv says: incorrect id format/],
    ['a timeout', () => server.url('/hang.html'), /no answer within 5 s/],
  ] as const) {
    it(`names the URL and the reason of ${label}, exits 1 and changes nothing`, async () => {
      const url = link();
      const body = section(url);
      write('2020-04-02-2nd_quarter.md', body);
      const result = await run(['fill', '--no-cache', '.'], env, site);
      assert.equal(result.code, 1, result.stderr);
      assert.ok(
        result.stderr.includes(`_posts/2020-04-02-2nd_quarter.md:10: Could not read the paper at ${url}`),
        result.stderr,
      );
      assert.match(result.stderr, reason);
      assert.equal(fs.readFileSync(post('2020-04-02-2nd_quarter.md'), 'utf8'), FRONT + body);
    });
  }

  it('says so when the host refuses (offline), in Korean too, and fills what it can', async () => {
    const port = await closedPort();
    write(
      '2020-04-02-2nd_quarter.md',
      section(`http://127.0.0.1:${port}/paper.html`) + section('https://arxiv.org/abs/1512.03385'),
    );
    const result = await run(['fill', '--no-cache', '--locale', 'ko', '.'], env, site);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      new RegExp(
        `:10: http://127\\.0\\.0\\.1:${port}/paper\\.html에서 논문 정보를 읽지 못했습니다: 연결이 거부되었습니다`,
      ),
    );
    assert.match(result.stderr, /섹션 2개 중 1개를 채웠고 1개는 채우지 못했습니다/);
    const text = fs.readFileSync(post('2020-04-02-2nd_quarter.md'), 'utf8');
    assert.ok(text.includes('# Paper title\n## Authors, Venue\n'), 'the failed section changed');
    assert.ok(text.includes('# Deep Residual Learning for Image Recognition'), 'the other section was not filled');
  });

  it('exits 0 with nothing to fill, and 2 for bad usage', async () => {
    write(
      '2020-04-02-2nd_quarter.md',
      '# A Paper\n## Someone, CVPR 2020\n### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1512.03385)]\n- x\n',
    );
    const hits = server.total;
    const nothing = await run(['fill', '.'], env, site);
    assert.equal(nothing.code, 0);
    assert.match(nothing.stderr, /Nothing to fill/);
    assert.equal(server.total, hits, 'a request for a finished section');
    assert.equal((await run(['fill', '--fix'], env, site)).code, 2);
    assert.equal((await run(['fill', '--no-cache', '--cache-dir', 'x'], env, site)).code, 2);
    assert.equal((await run(['fill', 'missing-folder'], env, site)).code, 2);
    assert.equal((await run(['lint', '--dry-run'], env, site)).code, 2);
  });
});
