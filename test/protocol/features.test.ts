/**
 * Completion, hover, outline, folding and links from the real server process.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  CompletionItem,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
} from 'vscode-languageserver-protocol';
import { CORPUS, requireCorpus } from '../support/paths';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const PAPERS = [
  { title: 'Attention Is All You Need', presenter: '김하늘' },
  { title: 'Deep Residual Learning for Image Recognition', presenter: '이승현' },
  { title: 'BERT: Pre-training of Deep Bidirectional Transformers', presenter: '김하늘' },
];
const POST = '_posts/2020-04-02-2nd_quarter.md';
const TEXT = postText('2020-04-02', PAPERS);

describe('language server: completion, hover, outline, folding, links', function () {
  let client: LspClient;
  let site: TempSite;
  let uri: string;

  const request = <T>(method: string, params: object) =>
    client.connection.sendRequest<T>(method, { textDocument: { uri }, ...params });
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  /** Opens `text` (as version 1 of the post) and waits until it is checked. */
  async function open(text: string): Promise<void> {
    await client.open(uri, text);
    await client.diagnosticsAt(uri, 1);
  }

  beforeEach(async () => {
    site = makeSite({
      [POST]: TEXT,
      '_posts/2019-10-03-4th_quarter.md': postText('2019-10-03', [
        { title: 'Generative Adversarial Networks', presenter: '박지민' },
        { title: 'Dropout', presenter: '김하늘' },
      ]),
      'assets/figure.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      '_layouts/seminar.html': '<html>{{ content }}</html>\n',
    });
    uri = site.uri(POST);
    client = await LspClient.start({ folders: [site.uri()] });
    await client.waitForStatus((s) => s.state === 'ready');
  });

  afterEach(async () => {
    await client.stop();
    site.remove();
  });

  it('completes the front matter keys a post is missing, required ones first, with their documentation', async () => {
    const text = TEXT.replace('image_url: https://user-images.githubusercontent.com/1/0.png\n', '').replace(
      'comments: true\n',
      'com\n',
    );
    await open(text);
    const line = text.split('\n').indexOf('com');
    const items = await request<CompletionItem[]>('textDocument/completion', { position: { line, character: 3 } });
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(labels(sorted).slice(0, 2), ['image_url', 'comments'], 'the missing required keys come first');
    for (const present of ['layout', 'title', 'date', 'mathjax'])
      assert.equal(labels(items).includes(present), false, present);
    const comments = items.find((i) => i.label === 'comments')!;
    assert.equal(comments.textEdit!.newText, 'comments: true');
    assert.deepEqual((comments.textEdit as { range: unknown }).range, {
      start: { line, character: 0 },
      end: { line, character: 3 },
    });
    assert.match((comments.documentation as MarkupContent).value, /comment box/);
    assert.equal(
      items.find((i) => i.label === 'image_url')!.textEdit!.newText,
      'image_url: https://user-images.githubusercontent.com/1/0.png',
      "the post's first image as the thumbnail",
    );
  });

  it("completes front matter values: the site's layouts, booleans, the quarter's title", async () => {
    const text = TEXT.replace('layout: post', 'layout: ')
      .replace('mathjax: true', 'mathjax: ')
      .replace('title: "2020_2nd_quarter"', 'title: ');
    await open(text);
    const lines = text.split('\n');
    const at = (prefix: string) => ({ line: lines.indexOf(prefix), character: prefix.length });
    assert.deepEqual(labels(await request('textDocument/completion', { position: at('layout: ') })), [
      'default',
      'home',
      'page',
      'post',
      'seminar',
    ]);
    assert.deepEqual(labels(await request('textDocument/completion', { position: at('mathjax: ') })), [
      'true',
      'false',
    ]);
    assert.deepEqual(labels(await request('textDocument/completion', { position: at('title: ') })), [
      '"2020_2nd_quarter"',
    ]);
  });

  it('completes the presenter label, presenter names from every post, link labels and <img> attributes', async () => {
    const text = `${TEXT}\n# A New Paper\n## Someone, ICML 2020\n### \n`;
    await open(text);
    const line = text.split('\n').indexOf('### ');
    assert.deepEqual(labels(await request('textDocument/completion', { position: { line, character: 4 } })), [
      '발표자:',
    ]);

    await client.change(uri, 2, [
      { range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: '발표자: ' },
    ]);
    const names = labels(await request('textDocument/completion', { position: { line, character: 9 } }));
    assert.deepEqual(names, ['김하늘', '박지민', '이승현'], 'most frequent first, from this post and the other');

    await client.change(uri, 3, [
      { range: { start: { line, character: 9 }, end: { line, character: 9 } }, text: '김하늘 [[' },
    ]);
    assert.deepEqual(labels(await request('textDocument/completion', { position: { line, character: 15 } })), [
      'paper link',
      'presentation material',
    ]);

    const img = text.split('\n').findIndex((l) => l.includes('<img'));
    const imgLine = text.split('\n')[img]!;
    const items = await request<CompletionItem[]>('textDocument/completion', {
      position: { line: img, character: imgLine.indexOf(' width') + 1 },
    });
    assert.deepEqual(labels(items), ['alt', 'height'], 'the attributes the tag does not have yet');
  });

  it('hovers a front matter key, a presenter, a link and a diagnostic', async () => {
    const text = TEXT.replace('"2020_2nd_quarter"', '"2020_2nd_quater"');
    await open(text);
    const lines = text.split('\n');
    const hover = async (line: number, character: number) =>
      (
        (await request<Hover | null>('textDocument/hover', { position: { line, character } }))?.contents as
          MarkupContent | undefined
      )?.value ?? '';

    assert.match(await hover(lines.indexOf('mathjax: true'), 2), /MathJax/);
    const presenterLine = lines.findIndex((l) => l.includes('발표자: 김하늘'));
    const talks = await hover(presenterLine, lines[presenterLine]!.indexOf('김하늘') + 1);
    assert.match(talks, /Other talks by \*\*김하늘\*\*/);
    assert.match(talks, /BERT/);
    assert.match(talks, /Dropout/);
    assert.doesNotMatch(talks, /Attention/, 'not the talk hovered');
    assert.match(
      await hover(presenterLine, lines[presenterLine]!.indexOf('arxiv') + 2),
      /Opens <https:\/\/arxiv\.org\/abs\/2001\.00000>/,
    );
    const diagnostic = await hover(2, 10);
    assert.match(diagnostic, /\*\*title-format\*\*/);
    assert.match(diagnostic, /docs\/rules\/title-format\.md\)/);
  });

  it('outlines each paper with its presenter', async () => {
    await open(TEXT);
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', {});
    // `postText`'s layout: the front matter on lines 0-7, a blank line, then a section every 9 lines.
    assert.deepEqual(
      symbols.slice(1).map((s) => [s.name, s.detail, s.range.start.line]),
      PAPERS.map((paper, i) => [paper.title, paper.presenter, 9 + 9 * i]),
    );
    assert.equal(symbols[0]!.name, 'front matter');
    assert.deepEqual(
      symbols[0]!.children!.map((c) => c.name),
      ['layout', 'title', 'date', 'image_url', 'mathjax', 'comments'],
    );
  });

  it('outlines the sections of a real post', async function () {
    requireCorpus(this);
    const text = fs.readFileSync(path.join(CORPUS, 'published', '2020-04-02-2nd_quarter.md'), 'utf8');
    await open(text);
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', {});
    const papers = symbols.filter((s) => s.name !== 'front matter');
    assert.deepEqual(
      papers.map((s) => s.name),
      text
        .split('\n')
        .filter((l) => /^# /.test(l))
        .map((l) => l.slice(2).trim()),
    );
    assert.equal(papers.length, 11);
  });

  it('folds the front matter, each section and each image block', async () => {
    await open(TEXT);
    const ranges = await request<FoldingRange[]>('textDocument/foldingRange', {});
    // `postText`'s layout: each section is 9 lines from line 9 (title, authors, presenter, bullet,
    // blank, `<p>`, `<img>`, `</p>`, blank); a section folds from its title to its `</p>`.
    const expected = [
      [0, 7],
      ...PAPERS.flatMap((_, i) => [
        [9 + 9 * i, 16 + 9 * i],
        [14 + 9 * i, 16 + 9 * i],
      ]),
    ];
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine]),
      expected,
    );
  });

  it("links the presenter's links and image sources, site paths to the workspace file", async () => {
    const text = TEXT.replace('https://user-images.githubusercontent.com/1/1.png', '/assets/figure.png').replace(
      'https://user-images.githubusercontent.com/1/2.png',
      '/assets/missing.png',
    );
    await open(text);
    const links = await request<DocumentLink[]>('textDocument/documentLink', {});
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes('https://arxiv.org/abs/2001.00000'));
    assert.ok(targets.includes('https://example.com/0.pdf'));
    assert.ok(targets.includes('https://user-images.githubusercontent.com/1/0.png'));
    assert.ok(targets.includes(site.uri('assets/figure.png')), targets.join('\n'));
    assert.equal(
      targets.some((t) => t?.includes('missing')),
      false,
      'no link to a file that does not exist',
    );
    assert.equal(links.length, 3 * 3 - 1);
  });
});
