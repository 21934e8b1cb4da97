/**
 * `seminarPosts/render` from the real server process: the post at the server's current version,
 * with that version's diagnostics on the sections' badges, site images resolved against the
 * webview's resource base, and a plain answer (never a crash) for what it cannot render.
 */
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import {
  isRenderRefusal,
  RenderRequest,
  type RenderParams,
  type RenderRefusal,
  type RenderResult,
} from '../../server/src/protocol';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const POST = '_posts/2020-04-02-2nd_quarter.md';
const PAPERS = [
  { title: 'Attention Is All You Need', presenter: '김하늘' },
  { title: 'Deep Residual Learning for Image Recognition', presenter: '이승현' },
];
const TEXT = postText('2020-04-02', PAPERS);
const BASE = 'https://file+.vscode-resource.vscode-cdn.net';

describe('language server: seminarPosts/render', function () {
  let client: LspClient;
  let site: TempSite;
  let uri: string;

  const render = (params: Partial<RenderParams> & Record<string, unknown> = {}) =>
    client.connection.sendRequest<RenderResult | RenderRefusal>(RenderRequest.method, {
      textDocument: { uri },
      ...params,
    });
  const rendered = async (params: Partial<RenderParams> = {}): Promise<RenderResult> => {
    const answer = await render(params);
    assert.ok(!isRenderRefusal(answer), `refused: ${JSON.stringify(answer)}`);
    return answer;
  };

  beforeEach(async () => {
    site = makeSite({
      [POST]: TEXT,
      'notes/readme.md': '# Not a post\n',
      'assets/figure.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    uri = site.uri(POST);
    client = await LspClient.start({ folders: [site.uri()] });
    await client.waitForStatus((s) => s.state === 'ready');
  });

  afterEach(async () => {
    await client.stop();
    site.remove();
  });

  it('renders the open post at its current version: header, body with source lines, sections', async () => {
    await client.open(uri, TEXT, 3);
    const result = await rendered();
    assert.equal(result.version, 3);
    assert.deepEqual([result.title, result.date, result.dateTime], ['2020_2nd_quarter', 'Apr 2, 2020', '2020-04-02']);
    assert.deepEqual(
      result.sections.map((s) => [s.title, s.presenter, s.problemCount]),
      [
        ['Attention Is All You Need', '김하늘', 0],
        ['Deep Residual Learning for Image Recognition', '이승현', 0],
      ],
    );
    const heading = TEXT.split('\n').indexOf('# Deep Residual Learning for Image Recognition');
    assert.ok(
      result.html.includes(
        `<h1 data-line="${heading}" id="user-content-deep-residual-learning-for-image-recognition">Deep Residual Learning for Image Recognition</h1>`,
      ),
      result.html,
    );

    await client.change(uri, 4, [
      { text: TEXT.replace('# Attention Is All You Need', '# Attention Is All You Need (v2)') },
    ]);
    const changed = await rendered();
    assert.equal(changed.version, 4);
    assert.equal(changed.sections[0]!.title, 'Attention Is All You Need (v2)');
  });

  it("counts the version's diagnostics per section, the same ones the editor is shown", async () => {
    const broken = TEXT.replace(
      '### 발표자: 이승현 [[paper link](https://arxiv.org/abs/2001.00001), ',
      '### 발표자: 이승현 [[paper link](???), ',
    );
    await client.open(uri, broken, 1);
    const published = await client.diagnosticsAt(uri, 1);
    const result = await rendered();
    const placeholder = published.find((d) => d.code === 'link-placeholder');
    assert.ok(placeholder, `no link-placeholder in ${published.map((d) => d.code).join(', ')}`);
    assert.deepEqual(
      result.sections.map((s) => s.problemCount),
      [0, published.length],
    );
    assert.deepEqual(result.sections[1]!.firstProblem, placeholder.range.start);
  });

  it("resolves site-absolute images against the site folder's webview URI, and takes only an https base", async () => {
    const text = TEXT.replaceAll('https://user-images.githubusercontent.com/1/0.png', '/assets/figure.png');
    await client.open(uri, text, 1);
    const siteFolder = new URL(pathToFileURL(site.dir).href).pathname;
    const withBase = await rendered({ resourceBase: `${BASE}/` });
    assert.ok(withBase.html.includes(`src="${BASE}${siteFolder}/assets/figure.png"`), withBase.html);
    assert.equal(withBase.thumbnail, `${BASE}${siteFolder}/assets/figure.png`);
    for (const resourceBase of [undefined, 'javascript:alert(1)//', 'file:///']) {
      const { html, thumbnail } = await rendered({ resourceBase });
      assert.ok(html.includes('<img src="/assets/figure.png"'), `${resourceBase}: left as written, ${html}`);
      assert.equal(thumbnail, undefined);
    }
  });

  it('says why it renders nothing: a file that is not a post, a document that is not open, a paused post', async () => {
    const other = site.uri('notes/readme.md');
    await client.open(other, '# Not a post\n', 1);
    const notPost = await render({ textDocument: { uri: other } });
    assert.ok(isRenderRefusal(notPost));
    assert.deepEqual([notPost.refused, notPost.version], ['notPost', 1]);
    assert.match(notPost.message, /seminarPosts\.posts/);

    const closed = await render();
    assert.ok(isRenderRefusal(closed));
    assert.deepEqual([closed.refused, closed.version], ['notOpen', undefined]);

    await client.open(uri, `${TEXT}\u0000`, 2);
    const paused = await render();
    assert.ok(isRenderRefusal(paused));
    assert.deepEqual([paused.refused, paused.version], ['paused', 2]);
    assert.match(paused.message, /binary/);
  });

  it("typesets what the site's MathJax set-up typesets, and follows a change of _includes/ on disk", async () => {
    const text = TEXT.replace(
      '- 이 논문의 핵심 아이디어를 요약합니다.\n',
      '- 이 논문의 핵심 아이디어를 요약합니다.\n\n**손실 $L_1$**을 줄인다\n',
    );
    assert.notEqual(text, TEXT);
    const include = '_includes/mathjax.html';
    /** Writes the include and tells the server, which rescans (`indexing`, then `ready`). */
    const writeInclude = async (html: string, type: 1 | 2) => {
      site.write(include, html);
      const before = client.statuses.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: site.uri(include), type }],
      });
      await client.waitForStatus((s) => client.statuses.indexOf(s) >= before && s.state === 'indexing');
      await client.waitForStatus((s) => client.statuses.indexOf(s) >= before && s.state === 'ready');
    };
    // MathJax loaded without a tex2jax set-up: MathJax 2's defaults, no single-dollar math.
    await writeInclude(
      '<script src="https://cdn.jsdelivr.net/npm/mathjax@2/MathJax.js?config=TeX-AMS_CHTML"></script>\n',
      1,
    );
    await client.open(uri, text, 1);
    const raw = await rendered();
    assert.ok(raw.html.includes('<strong>손실 $L_1$</strong>을'), raw.html);

    await writeInclude(
      `<script type="text/x-mathjax-config">MathJax.Hub.Config({ tex2jax: { inlineMath: [['$','$'], ['\\\\(','\\\\)']], processEscapes: true } });</script>\n`,
      2,
    );
    const typeset = await rendered();
    assert.match(
      typeset.html,
      /<strong>손실 <span class="katex">[\s\S]*?<annotation encoding="application\/x-tex">L_1<\/annotation>[\s\S]*?<\/strong>을/,
    );
  });

  it('answers a request without a document with an error, and keeps serving', async () => {
    await assert.rejects(
      client.connection.sendRequest(RenderRequest.method, {}),
      (error: { code?: number }) => error.code === ErrorCodes.InvalidParams,
    );
    await assert.rejects(
      client.connection.sendRequest(RenderRequest.method, null),
      (error: { code?: number }) => error.code === ErrorCodes.InvalidParams,
    );
    await client.open(uri, TEXT, 1);
    assert.equal((await rendered()).version, 1);
  });
});
