/**
 * The paper lookup over the real HTTP client and Node transport, against a local server on
 * 127.0.0.1 standing in for the arXiv API, doi.org and a CVF page (their bases set as the settings
 * and environment variables allow): each source, each failure with a message naming the URL and
 * the reason, the cache (memory and disk: no second request), and one request per host at a time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PaperLookupError } from '../../../server/src/core/paper/paperLookup';
import { createPaperLookup } from '../../../server/src/node/paperLookups';
import { answer, closedPort, hang, startLocalServer, type LocalServer } from '../../support/localServer';
import { REPO_ROOT } from '../../support/paths';

const fixture = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'paper', name), 'utf8');

async function failure(promise: Promise<unknown>): Promise<PaperLookupError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PaperLookupError, `a PaperLookupError, not ${String(error)}`);
    return error;
  }
  assert.fail('expected a failure');
}

describe('paper lookup (local server)', function () {
  let server: LocalServer;
  let folder: string;
  const env = () => ({ SEMINAR_POSTS_ARXIV_API: server.url('/api'), SEMINAR_POSTS_DOI_API: server.url('/doi') });
  const lookup = (cacheFolder?: string, timeoutMs = 1500) => createPaperLookup({ env: env(), cacheFolder, timeoutMs });

  before(async () => {
    server = await startLocalServer({
      '/api/query': (req, res) => {
        const id = new URL(req.url!, 'http://x').searchParams.get('id_list');
        const body =
          id === '1512.03385'
            ? fixture('arxiv-1512.03385.atom.xml')
            : id === '1911.04252v4'
              ? fixture('arxiv-journal-ref.atom.xml')
              : id === '2001.00002'
                ? '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Broken'
                : fixture('arxiv-error.atom.xml');
        res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(body);
      },
      '/doi/10.1038/nature16961': (req, res) => {
        assert.match(String(req.headers.accept), /application\/vnd\.citationstyles\.csl\+json/);
        res
          .writeHead(200, { 'content-type': 'application/vnd.citationstyles.csl+json' })
          .end(fixture('doi-10.1038-nature16961.csl.json'));
      },
      '/doi/10.1000/moved': answer(302, { location: '/doi/10.1038/nature16961' }),
      '/cvf/html/Xie_CVPR_2020_paper.html': answer(200, {}, 0, fixture('cvf-page-head.html')),
      '/slow/a.html': answer(200, {}, 300, fixture('cvf-page-head.html')),
      '/slow/b.html': answer(200, {}, 300, fixture('cvf-page-head.html')),
      '/blog.html': answer(200, {}, 0, '<html><head><title>Just a blog</title></head><body>hi</body></html>'),
      '/gone.html': answer(404, {}, 0, 'not here'),
      '/error.html': answer(500, {}, 0, 'oops'),
      '/hang.html': hang(),
    });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-papers-'));
  });
  after(async () => {
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads an arXiv link through the API base of SEMINAR_POSTS_ARXIV_API', async () => {
    const found = await lookup().lookup('https://arxiv.org/abs/1512.03385');
    assert.equal(found.title, 'Deep Residual Learning for Image Recognition');
    assert.equal(found.source, 'arxiv');
    const versioned = await lookup().lookup('https://arxiv.org/pdf/1911.04252v4.pdf');
    assert.equal(versioned.venue, 'CVPR 2020');
  });

  it('reads a DOI through SEMINAR_POSTS_DOI_API, following a redirect', async () => {
    assert.equal((await lookup().lookup('https://doi.org/10.1038/nature16961')).venue, 'Nature');
    assert.equal((await lookup().lookup('https://doi.org/10.1000/moved')).year, 2016);
  });

  it("reads a page's citation tags", async () => {
    const found = await lookup().lookup(server.url('/cvf/html/Xie_CVPR_2020_paper.html'));
    assert.deepEqual([found.venue, found.year, found.authors.length], ['CVPR', 2020, 4]);
  });

  it('names the URL and the reason of every failure, in both languages', async () => {
    const gone = await failure(lookup().lookup(server.url('/gone.html')));
    assert.equal(gone.failure, 'notFound');
    assert.equal(
      gone.describe('en'),
      `Could not read the paper at ${server.url('/gone.html')}: the server answered 404 (not found)`,
    );
    assert.equal(
      gone.describe('ko'),
      `${server.url('/gone.html')}에서 논문 정보를 읽지 못했습니다: 서버가 404(없음)로 응답했습니다`,
    );
    const error = await failure(lookup().lookup(server.url('/error.html')));
    assert.match(error.describe('en'), /the server answered 500/);
    const noTags = await failure(lookup().lookup(server.url('/blog.html')));
    assert.equal(noTags.failure, 'noMetadata');
    assert.match(noTags.describe('en'), /no title or authors found: the page has no citation_\* meta tags/);
    const arxivError = await failure(lookup().lookup('https://arxiv.org/abs/9999.99999'));
    assert.equal(arxivError.failure, 'noMetadata');
    assert.match(
      arxivError.describe('en'),
      /^Could not read the paper at https:\/\/arxiv\.org\/abs\/9999\.99999 \(http:\/\/127\.0\.0\.1:\d+\/api\/query\?id_list=9999\.99999&max_results=1\): no title or authors found: arXiv says: incorrect id format/,
    );
    const malformed = await failure(lookup().lookup('https://arxiv.org/abs/2001.00002'));
    assert.equal(malformed.failure, 'malformed');
  });

  it('gives up after its time limit, and says so', async () => {
    const started = Date.now();
    const slow = await failure(lookup(undefined, 400).lookup(server.url('/hang.html')));
    assert.equal(slow.failure, 'network');
    assert.equal(slow.net?.failure, 'timeout');
    assert.equal(
      slow.describe('en'),
      `Could not read the paper at ${server.url('/hang.html')}: no answer within 0.4 s`,
    );
    assert.ok(Date.now() - started < 5000);
  });

  it('says a host that refuses the connection is unreachable', async () => {
    const port = await closedPort();
    const refused = await failure(lookup().lookup(`http://127.0.0.1:${port}/paper.html`));
    assert.equal(refused.net?.failure, 'refused');
    assert.match(
      refused.describe('en'),
      new RegExp(
        `^Could not read the paper at http://127\\.0\\.0\\.1:${port}/paper\\.html: the connection was refused`,
      ),
    );
    assert.match(refused.describe('ko'), /연결이 거부되었습니다/);
  });

  it('keeps results per URL in memory and on disk: no second request', async () => {
    const url = server.url('/cvf/html/Xie_CVPR_2020_paper.html');
    const before = server.hits('/cvf/html/Xie_CVPR_2020_paper.html');
    const first = lookup(folder);
    await first.lookup(url);
    await first.lookup(url);
    assert.equal(server.hits('/cvf/html/Xie_CVPR_2020_paper.html'), before + 1, 'memory');
    await first.flush();
    const second = lookup(folder);
    assert.equal((await second.cached(url))?.venue, 'CVPR', 'the disk cache');
    await second.lookup(url);
    assert.equal(server.hits('/cvf/html/Xie_CVPR_2020_paper.html'), before + 1, 'disk');
    assert.equal(await second.cached(server.url('/blog.html')), undefined, 'a failure is not kept');
  });

  it('sends one request per host at a time', async () => {
    const paper = lookup();
    await Promise.all([
      paper.lookup(server.url('/slow/a.html', 'h1.localhost')),
      paper.lookup(server.url('/slow/b.html', 'h1.localhost')),
    ]);
    assert.equal(server.peakOfHost('h1.localhost'), 1);
  });
});
