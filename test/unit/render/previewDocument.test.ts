/**
 * The webview page builder (pure, no `vscode`): its Content-Security-Policy, escaping, problem
 * badges, the Quarter Summary and its two languages. The browser test loads the same page for real.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isOpenableLink } from '../../../client/src/preview/messages';
import { noticeContent, previewContent } from '../../../client/src/preview/previewContent';
import { contentSecurityPolicy, previewDocument } from '../../../client/src/preview/previewDocument';
import { STRING_IDS, text } from '../../../client/src/preview/strings';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { renderPost } from '../../../server/src/core/render/renderPost';
import type { RenderResult } from '../../../server/src/protocol';
import { FIXTURES } from '../../support/paths';

const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2U=';
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const MEDIA = {
  script: `${CSP_SOURCE}/ext/media/preview/preview.js`,
  css: `${CSP_SOURCE}/ext/media/preview/preview.css`,
  katexCss: `${CSP_SOURCE}/ext/media/katex/katex.min.css`,
};

function fixture(name: string, diagnostics: [number, number][] = []): RenderResult {
  const file = path.join(FIXTURES, 'render', name);
  const post = parsePost(fs.readFileSync(file, 'utf8'), `file:///site/_posts/${name}`, 7);
  return renderPost(post, {
    diagnostics: diagnostics.map(([line, character]) => ({
      range: { start: { line, character }, end: { line, character } },
      message: 'x',
    })),
  });
}

describe('previewDocument', () => {
  it('sets a strict Content-Security-Policy: nothing by default, scripts by nonce, styles from the extension', () => {
    assert.equal(
      contentSecurityPolicy(NONCE, CSP_SOURCE),
      [
        "default-src 'none'",
        `img-src ${CSP_SOURCE} https: data:`,
        `font-src ${CSP_SOURCE}`,
        `style-src ${CSP_SOURCE}`,
        `style-src-elem ${CSP_SOURCE}`,
        "style-src-attr 'unsafe-inline'",
        `script-src 'nonce-${NONCE}'`,
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    );
  });

  it('refuses a nonce or cspSource that could break out of the policy', () => {
    for (const nonce of ['short', `${NONCE}' 'unsafe-inline`, `${NONCE}"`])
      assert.throws(() => contentSecurityPolicy(nonce, CSP_SOURCE));
    for (const source of [`${CSP_SOURCE}; script-src *`, "'unsafe-inline'", "'self' 'unsafe-eval'", "'self'x", ''])
      assert.throws(() => contentSecurityPolicy(NONCE, source), source);
    // What code-server's webviews give.
    assert.match(
      contentSecurityPolicy(NONCE, "'self' https://*.vscode-cdn.net"),
      /^default-src 'none'; img-src 'self' https:\/\/\*\.vscode-cdn\.net https: data:; /,
    );
  });

  it('builds the page: the policy first in <head>, the style sheets, one script with the nonce', () => {
    const html = previewDocument({
      result: fixture('2021-01-07-1st_quarter.md'),
      nonce: NONCE,
      cspSource: CSP_SOURCE,
      media: MEDIA,
      locale: 'en',
    });
    const head = html.slice(0, html.indexOf('</head>'));
    assert.match(
      head,
      /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; /,
    );
    assert.ok(head.includes(`<link rel="stylesheet" href="${MEDIA.katexCss}">`));
    assert.ok(head.includes(`<link rel="stylesheet" href="${MEDIA.css}">`));
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${NONCE}" src="${MEDIA.script}">`]);
    assert.match(html, /<div id="sp-content" data-version="7">/);
    // As minima's post page: no `image_url` thumbnail (only the home page's list shows it).
    assert.match(
      html,
      /<header class="post-header"><h1 class="post-title">2021_1st_quarter<\/h1><p class="post-meta"><time datetime="2021-01-07">Jan 7, 2021<\/time><\/p><\/header>/,
    );
  });

  it('escapes everything it takes from the result but the sanitized body', () => {
    const result = fixture('2021-07-01-3rd_quarter-xss.md');
    const html = previewDocument({
      result: { ...result, thumbnail: "javascript:__xss('thumbnail')" },
      nonce: NONCE,
      cspSource: CSP_SOURCE,
      media: MEDIA,
      locale: 'en',
    });
    assert.ok(!html.includes("<script>__xss('title')"));
    assert.ok(
      html.includes(
        '<h1 class="post-title">&#60;script&#62;__xss(&#39;title&#39;)&#60;/script&#62;2021_3rd_quarter</h1>',
      ),
    );
    assert.ok(!html.includes('post-thumbnail'), 'a javascript: thumbnail is not shown');
    assert.ok(
      !/href="(?:javascript|data):/i.test(html),
      "the presenter line's javascript: and data: links are not links",
    );
    assert.ok(
      html.includes(
        '<span class="sp-muted sp-bad-link" title="Not an http(s) or mailto link: javascript:__xss(&#39;presenter-link&#39;)">',
      ),
    );
  });

  it('starts without a post: a notice (escaped), "Rendering…" by default, no version', () => {
    const waiting = previewDocument({ nonce: NONCE, cspSource: CSP_SOURCE, media: MEDIA, locale: 'ko' });
    assert.match(
      waiting,
      /<div id="sp-content" data-version="">\n<p class="sp-notice" role="status">렌더링하는 중…<\/p>\n<\/div>/,
    );
    const notice = previewDocument({
      notice: 'Not a post: <b>x</b>',
      nonce: NONCE,
      cspSource: CSP_SOURCE,
      media: MEDIA,
      locale: 'en',
    });
    assert.ok(notice.includes('<p class="sp-notice" role="status">Not a post: &#60;b&#62;x&#60;/b&#62;</p>'));
    assert.equal(noticeContent('a & b'), '<p class="sp-notice" role="status">a &#38; b</p>');
  });

  it('puts a badge on each section with problems, pointing at its first problem', () => {
    const content = previewContent(
      fixture('2021-01-07-1st_quarter.md', [
        [13, 2],
        [12, 4],
        [27, 0],
      ]),
      'en',
    );
    const badges = [
      ...content.matchAll(
        /<h1 data-line="(\d+)"[^>]*>[^<]*<button type="button" class="sp-badge sp-badge-error" data-problem-line="(\d+)" data-problem-character="(\d+)" title="Go to the first problem in this section">([^<]*)<\/button><\/h1>/g,
      ),
    ].map((m) => m.slice(1).join(' '));
    assert.deepEqual(badges, ['9 12 4 2 problems', '22 27 0 1 problem']);
    assert.ok(
      !content.includes(
        '<h1 data-line="39" id="user-content-denoising-diffusion-probabilistic-models">Denoising Diffusion Probabilistic Models <button',
      ),
    );
  });

  it('puts a badge under the title for the problems before the first paper, and none without them', () => {
    const content = previewContent(
      fixture('2021-01-07-1st_quarter.md', [
        [3, 6],
        [1, 0],
        [13, 2],
      ]),
      'en',
    );
    const header = content.slice(content.indexOf('<header'), content.indexOf('</header>'));
    assert.match(
      header,
      /<\/h1>.*<p class="sp-header-problems"><button type="button" class="sp-badge sp-badge-error" data-problem-line="1" data-problem-character="0" title="Go to the first problem before the first paper \(front matter, file name\)">2 problems<\/button><\/p>$/,
    );
    assert.ok(
      previewContent(
        fixture('2021-01-07-1st_quarter.md', [
          [3, 6],
          [1, 0],
        ]),
        'ko',
      ).includes('>문제 2개</button></p></header>'),
    );
    assert.ok(!previewContent(fixture('2021-01-07-1st_quarter.md', [[13, 2]]), 'en').includes('sp-header-problems'));
  });

  it('summarizes the quarter in a table: #, paper, venue, presenter, paper and slides links, images', () => {
    const content = previewContent(fixture('2021-01-07-1st_quarter.md', [[13, 2]]), 'en');
    const table = content.slice(content.indexOf('<section class="sp-summary"'));
    assert.match(
      table,
      /<thead><tr><th scope="col" class="sp-col-number">#<\/th><th scope="col" class="sp-col-paper">Paper<\/th><th scope="col" class="sp-col-venue">Venue<\/th><th scope="col" class="sp-col-presenter">Presenter<\/th><th scope="col" class="sp-col-paperLink">Paper link<\/th><th scope="col" class="sp-col-slides">Slides<\/th><th scope="col" class="sp-col-images">Images<\/th><\/tr><\/thead>/,
    );
    const rows = [...table.matchAll(/<tr data-section="\d+">(.*?)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<td class="sp-col-\w+" data-label="[^"]*">(.*?)<\/td>/g)].map((c) =>
        c[1]!.replace(/<[^>]+>/g, ''),
      ),
    );
    assert.deepEqual(rows, [
      ['1', 'Attention Is All You Need 1 problem', 'NIPS (2017)', '홍길동', 'arxiv.org', 'slides.example.org', '2'],
      ['2', 'Deep Residual Learning for Image Recognition', 'CVPR2016', '김철수', 'arxiv.org', 'none', '0'],
      ['3', 'Denoising Diffusion Probabilistic Models', '', '이영희', 'arxiv.org', '???', '1'],
    ]);
    assert.match(
      table,
      /<a href="#" class="sp-section-link" data-reveal-line="22" title="Show this section in the post">Deep Residual/,
    );
    assert.match(
      table,
      /<a href="https:\/\/arxiv\.org\/abs\/1706\.03762" title="https:\/\/arxiv\.org\/abs\/1706\.03762">arxiv\.org<\/a>/,
    );
  });

  it('speaks Korean', () => {
    const result = fixture('2021-01-07-1st_quarter.md', [
      [13, 2],
      [12, 4],
    ]);
    const html = previewDocument({ result, nonce: NONCE, cspSource: CSP_SOURCE, media: MEDIA, locale: 'ko' });
    assert.match(html, /<html lang="ko">/);
    assert.ok(html.includes('>문제 2개</button>'));
    assert.ok(html.includes('<th scope="col" class="sp-col-presenter">발표자</th>'));
    assert.ok(html.includes('data-view-button="summary" aria-pressed="false">분기 요약</button>'));
    assert.ok(previewContent({ ...result, sections: [] }, 'ko').includes('아직 논문 섹션이 없습니다.'));
  });

  it('has every page string in English and Korean', () => {
    for (const id of STRING_IDS) {
      assert.ok(text(id, 'en').trim() && text(id, 'ko').trim(), id);
      if (id !== 'number') assert.notEqual(text(id, 'en'), text(id, 'ko'), id);
    }
  });

  it('lets the extension open http, https and mailto links only', () => {
    for (const href of ['https://arxiv.org/abs/1', 'http://a.b/c', 'mailto:a@b.c', ' HTTPS://A.B/ '])
      assert.ok(isOpenableLink(href), href);
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'vbscript:x',
      'data:text/html,x',
      'file:///etc/passwd',
      'command:workbench.action.quit',
      'vscode://x',
      '???',
      '#top',
      '',
    ]) {
      assert.ok(!isOpenableLink(href), href);
    }
  });
});
