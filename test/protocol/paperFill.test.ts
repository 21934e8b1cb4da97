/**
 * "Fill from paper link" from the real server process: the code lens on a section to fill, the
 * `seminarPosts/fillSection` request against a local arXiv API (the only request that reaches the
 * network), the result kept per URL, and a failure that names the URL and writes nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text/edits';
import type { FillSectionResult } from '../../server/src/protocol';
import { startLocalServer, type LocalServer } from '../support/localServer';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const ATOM = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'paper', 'arxiv-1512.03385.atom.xml'), 'utf8');
const POST = '_posts/2020-04-02-2nd_quarter.md';
/** A post whose second section is the snippet's leftover, linking `link`. */
const textWith = (
  link: string,
) => `${postText('2020-04-02', [{ title: 'Attention Is All You Need', presenter: '김하늘' }])}
# Paper title
## Authors, Venue
### 발표자: 이승현 [[paper link](${link}), [presentation material](https://example.com/resnet.pdf)]
- 잔차 연결로 깊은 네트워크를 학습한다.
`;

describe('language server: fill from paper link', function () {
  let client: LspClient;
  let site: TempSite;
  let api: LocalServer;
  let uri: string;
  let version = 0;

  const fill = (line: number) =>
    client.connection.sendRequest<FillSectionResult>('seminarPosts/fillSection', {
      textDocument: { uri },
      line,
      endpoints: { arxiv: api.url('/api') },
    });
  const lenses = () => client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });

  /** Opens (or replaces) the post's text and waits until it is checked. */
  async function show(text: string): Promise<void> {
    version++;
    if (version === 1) await client.open(uri, text);
    else await client.change(uri, version, [{ text }]);
    await client.diagnosticsAt(uri, version);
  }

  beforeEach(async () => {
    api = await startLocalServer({
      '/api/query': (req, res) => {
        const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list');
        if (id?.replace(/v\d+$/, '') === '1512.03385')
          res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM);
        else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      },
    });
  });

  beforeEach(async () => {
    version = 0;
    site = makeSite({ [POST]: '' });
    uri = site.uri(POST);
    client = await LspClient.start({ folders: [site.uri()] });
    await client.waitForStatus((s) => s.state === 'ready');
  });

  afterEach(async () => {
    await client.stop();
    site.remove();
    await api.close();
  });

  it('puts a lens on the leftover section, fills it from the arXiv API once, and the lens goes', async () => {
    const text = textWith('https://arxiv.org/pdf/1512.03385v1.pdf');
    await show(text);
    const title = text.split('\n').indexOf('# Paper title');
    const before = await lenses();
    assert.deepEqual(
      before.map((l) => [l.range.start.line, l.command?.command]),
      [[title, 'seminarPosts.fillFromPaperLink']],
    );
    assert.equal(api.total, 0, 'a lens asked the network');

    const result = await fill(title + 2);
    assert.equal(result.kind, 'filled', JSON.stringify(result));
    if (result.kind !== 'filled') return;
    assert.equal(result.version, version);
    const filled = applyEdits(text, result.edits);
    assert.deepEqual(filled.split('\n').slice(title, title + 2), [
      '# Deep Residual Learning for Image Recognition',
      '## Kaiming He et al., arXiv 2015',
    ]);
    assert.equal(api.hits('/api/query'), 1);

    await show(filled);
    assert.deepEqual(await lenses(), [], 'a lens stayed on the filled section');
    const diagnostics = client.diagnostics.get(uri)!.diagnostics;
    assert.deepEqual(
      diagnostics.filter((d) => d.range.start.line >= title && d.range.start.line <= title + 1),
      [],
      'the filled lines are flagged',
    );

    // The same paper again (a leftover written back): the kept result, no second request.
    await show(text);
    assert.equal((await fill(title)).kind, 'filled');
    assert.equal(api.hits('/api/query'), 1, 'the result was not kept per URL');
  });

  it('says a finished section is complete, and a failed lookup names the URL and the reason', async () => {
    const text = textWith('https://arxiv.org/abs/2001.99999');
    await show(text);
    const title = text.split('\n').indexOf('# Paper title');
    assert.equal((await fill(text.split('\n').indexOf('# Attention Is All You Need'))).kind, 'complete');

    const failed = await fill(title);
    assert.equal(failed.kind, 'failed', JSON.stringify(failed));
    if (failed.kind !== 'failed') return;
    assert.match(failed.message, /2001\.99999/);
    assert.match(failed.message, /404/);
    assert.equal(api.hits('/api/query'), 1);
  });
});
