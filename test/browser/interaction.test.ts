/**
 * The page's script talking to the extension, in Chromium: scroll sync both ways, double-click to
 * reveal a line, problem badges, links, the Post / Quarter Summary switch, and in-place updates
 * that keep the reader where they were. The diagnostics are placed by the test (the section rules
 * that will produce them belong to another issue); `test-results/preview-badges-dark.png` shows them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { previewContent } from '../../client/src/preview/previewContent';
import { previewDocument } from '../../client/src/preview/previewDocument';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { renderPost } from '../../server/src/core/render/renderPost';
import { FIXTURES } from '../support/paths';
import { launchChromium, type Chromium } from './support/chromium';
import { lastPosted, openPreview, screenshot } from './support/pages';
import { applyTheme, THEMES } from './support/themes';
import { installWebviewHost, MEDIA, ORIGIN, type Recorder } from './support/webview';

const NAME = '2021-01-07-1st_quarter.md';
const TEXT = fs.readFileSync(path.join(FIXTURES, 'render', NAME), 'utf8');
const at = (line: number, character: number) => ({
  range: { start: { line, character }, end: { line, character: character + 1 } },
  message: 'x',
});
const render = (text: string, version: number) =>
  renderPost(parsePost(text, `file:///site/_posts/${NAME}`, version), {
    diagnostics: [at(13, 2), at(12, 4), at(27, 0), at(1, 0)],
  });
const DOCUMENT = previewDocument({
  result: render(TEXT, 1),
  nonce: 'aW50ZXJhY3Rpb24tbm9uY2U=',
  cspSource: ORIGIN,
  media: MEDIA,
  locale: 'en',
});

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);
const topOf = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().top, selector);
const send = (page: Page, message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);

describe('the preview page talking to the extension', function () {
  let chromium: Chromium;
  let recorder: Recorder;
  let page: Page;

  before(async function () {
    chromium = await launchChromium();
    recorder = await installWebviewHost(chromium.context, new Map([['/index.html', DOCUMENT]]));
    page = await openPreview(chromium.context, recorder, `${ORIGIN}/index.html`);
    await page.setViewportSize({ width: 800, height: 500 });
    await applyTheme(
      page,
      THEMES.find((t) => t.name === 'dark')!,
    );
  });

  after(async () => {
    await chromium?.close();
  });

  it('shows a badge on each section with problems, and reports a click on it', async () => {
    assert.deepEqual(await page.locator('h1 .sp-badge').allTextContents(), ['2 problems', '1 problem']);
    await screenshot(page, 'preview-badges-dark');
    await page.click('h1[data-line="22"] .sp-badge');
    assert.deepEqual(await lastPosted(page, 'revealProblem'), { type: 'revealProblem', line: 27, character: 0 });
  });

  it('shows a badge under the title for a front matter problem, and reports a click on it', async () => {
    assert.deepEqual(await page.locator('.post-header .sp-badge').allTextContents(), ['1 problem']);
    assert.equal(
      await page.locator('.post-title').textContent(),
      '2021_1st_quarter',
      'the title reads as the title alone',
    );
    await page.click('.post-header .sp-badge');
    assert.deepEqual(await lastPosted(page, 'revealProblem'), { type: 'revealProblem', line: 1, character: 0 });
  });

  it('scrolls to the line the editor shows, below the sticky view switch', async () => {
    await send(page, { type: 'scrollToLine', line: 22 });
    await page.waitForFunction(() => window.scrollY > 0);
    const bar = await page.evaluate(() => document.querySelector('.sp-views')!.getBoundingClientRect().height);
    assert.ok(Math.abs((await topOf(page, 'h1[data-line="22"]')) - bar) <= 2, "the section's heading is at the top");
  });

  it('tells the editor which line is at the top when the user scrolls, and nothing for its own scrolling', async () => {
    await page.evaluate(() => {
      (window as unknown as { __posted: unknown[] }).__posted.length = 0;
    });
    await send(page, { type: 'scrollToLine', line: 9 });
    await page.waitForFunction(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
    );
    const echoed = (await page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted)).filter(
      (m) => m.type === 'didScroll',
    );
    assert.deepEqual(echoed, [], 'the scroll the editor asked for is not echoed back');
    await send(page, { type: 'scrollToLine', line: 22 });
    await page.waitForFunction(
      () =>
        Math.abs(
          document.querySelector('h1[data-line="22"]')!.getBoundingClientRect().top -
            document.querySelector('.sp-views')!.getBoundingClientRect().height,
        ) <= 2,
    );
    await page.evaluate(() => window.scrollBy(0, 120));
    const message = await lastPosted(page, 'didScroll');
    assert.ok(Number(message.line) > 22 && Number(message.line) < 30, `line ${String(message.line)}`);
  });

  it("reveals the double-clicked block's line", async () => {
    await page.dblclick('li[data-line="25"]');
    assert.deepEqual(await lastPosted(page, 'revealLine'), { type: 'revealLine', line: 25 });
  });

  it('hands link clicks to the extension instead of navigating', async () => {
    await page.click('a[href="https://arxiv.org/abs/1512.03385"]');
    assert.deepEqual(await lastPosted(page, 'openLink'), {
      type: 'openLink',
      href: 'https://arxiv.org/abs/1512.03385',
    });
    assert.equal(page.url(), `${ORIGIN}/index.html`);
  });

  it('switches to the Quarter Summary and back to a section from it', async () => {
    await page.click('[data-view-button="summary"]');
    assert.equal(await page.locator('.sp-summary-table tbody tr').count(), 3);
    assert.equal(await page.locator('.post-content').isVisible(), false);
    await page.click('[data-reveal-line="39"]');
    assert.equal(await page.locator('.post-content').isVisible(), true);
    const bar = await page.evaluate(() => document.querySelector('.sp-views')!.getBoundingClientRect().height);
    assert.ok(Math.abs((await topOf(page, 'h1[data-line="39"]')) - bar) <= 2);
  });

  it('swaps in new content and keeps the same line at the top', async () => {
    await send(page, { type: 'scrollToLine', line: 25 });
    await page.waitForFunction(
      () =>
        Math.abs(
          document.querySelector('li[data-line="25"]')!.getBoundingClientRect().top -
            document.querySelector('.sp-views')!.getBoundingClientRect().height,
        ) <= 2,
    );
    const edited = TEXT.replace(
      '# Attention Is All You Need\n',
      '# Attention Is All You Need\n\nA new paragraph, typed just now.\n\n',
    );
    const html = previewContent(render(edited, 2), 'en');
    await send(page, { type: 'update', html, version: 2 });
    await page.waitForFunction(() => document.getElementById('sp-content')!.dataset.version === '2');
    assert.equal(await page.locator('p[data-line="11"]').textContent(), 'A new paragraph, typed just now.');
    const bar = await page.evaluate(() => document.querySelector('.sp-views')!.getBoundingClientRect().height);
    assert.ok(
      Math.abs((await topOf(page, 'h1[data-line="25"]')) - bar) <= 2,
      "line 25 (now the next section's heading) stays at the top",
    );
    assert.ok((await scrollY(page)) > 0);
    assert.deepEqual([recorder.xss, recorder.consoleErrors, recorder.strayRequests], [[], [], []]);
    // The post's three images: the header shows no `image_url` thumbnail (the post page does not; issue 13).
    assert.deepEqual(
      await lastPosted(page, 'rendered'),
      {
        type: 'rendered',
        version: 2,
        view: 'post',
        title: '2021_1st_quarter',
        sections: 3,
        images: 3,
        imagesLoaded: 3,
      },
      'the update is reported, as read from the page',
    );
  });

  it('switches to the view the extension asks for, and reports it', async () => {
    const lastRendered = () =>
      page.evaluate(() =>
        (window as unknown as { __posted: { type: string; view?: string }[] }).__posted
          .filter((m) => m.type === 'rendered')
          .pop(),
      );
    await send(page, { type: 'showView', view: 'summary' });
    await page.waitForFunction(
      () =>
        (window as unknown as { __posted: { type: string; view?: string }[] }).__posted
          .filter((m) => m.type === 'rendered')
          .pop()?.view === 'summary',
    );
    assert.deepEqual(await lastRendered(), {
      type: 'rendered',
      version: 2,
      view: 'summary',
      title: '2021_1st_quarter',
      sections: 3,
      images: 3,
      imagesLoaded: 3,
    });
    assert.equal(await page.locator('.sp-summary-table').isVisible(), true);
    assert.equal(await page.locator('.post-content').isVisible(), false);
    await send(page, { type: 'showView', view: 'nonsense' });
    await send(page, { type: 'showView', view: 'post' });
    await page.waitForFunction(
      () =>
        (window as unknown as { __posted: { type: string; view?: string }[] }).__posted
          .filter((m) => m.type === 'rendered')
          .pop()?.view === 'post',
    );
    assert.equal(await page.locator('.post-content').isVisible(), true);
  });

  it('keeps the Quarter Summary where the reader scrolled it when new content comes', async () => {
    await page.setViewportSize({ width: 800, height: 200 });
    await send(page, { type: 'showView', view: 'summary' });
    await page.waitForFunction(() => document.body.dataset.view === 'summary');
    await page.evaluate(() => window.scrollTo(0, 60));
    const before = await scrollY(page);
    assert.ok(before > 0, 'the summary scrolls in a 200 px view');
    const html = previewContent(render(TEXT, 3), 'en');
    await send(page, { type: 'update', html, version: 3 });
    await page.waitForFunction(() => document.getElementById('sp-content')!.dataset.version === '3');
    assert.equal(await scrollY(page), before);
    await send(page, { type: 'showView', view: 'post' });
    await page.setViewportSize({ width: 800, height: 500 });
  });

  it('patches an update: unchanged blocks stay the same elements, with their new lines; the page equals the new content', async () => {
    // Mark every element of the post as it is now, then edit one bullet and add a line above it.
    await page.evaluate(() => {
      for (const element of Array.from(document.querySelectorAll('.post-content *')))
        (element as unknown as { __old: boolean }).__old = true;
    });
    const edited = TEXT.replace(
      '# Attention Is All You Need\n',
      '# Attention Is All You Need\n\nA new paragraph, typed just now.\n\n',
    )
      .replace('# Deep Residual Learning for Image Recognition\n', '# Deep Residual Learning for Image Recognition\n\n')
      .replace('- 실험 결과는 아래 표와 같습니다.', '- 실험 결과는 아래 표에 있습니다.');
    const html = previewContent(render(edited, 4), 'en');
    await send(page, { type: 'update', html, version: 4 });
    await page.waitForFunction(() => document.getElementById('sp-content')!.dataset.version === '4');
    const seen = await page.evaluate((html) => {
      const old = (e: Element) => (e as unknown as { __old?: boolean }).__old === true;
      const fresh = document.createElement('template');
      fresh.innerHTML = html;
      const blocks = Array.from(document.querySelectorAll('.post-content > *'));
      return {
        same: document.getElementById('sp-content')!.innerHTML === fresh.innerHTML,
        images: Array.from(document.querySelectorAll('.post-content img')).map(old),
        changed: blocks.filter((e) => !old(e)).map((e) => `${e.tagName.toLowerCase()}@${e.getAttribute('data-line')}`),
        kept: blocks.filter(old).length,
      };
    }, html);
    assert.ok(seen.same, 'the patched page is not what the new content would give');
    assert.deepEqual(seen.images, [true, true, true], 'an image element was made anew (it would load again)');
    // Only the edited list is new; the heading (now a line lower) and every other block are kept.
    // Only the new paragraph and the edited list are new; every other block is kept, the ones below
    // the added lines with their new lines (the third section's heading: line 40 of the file, now 44).
    assert.deepEqual(seen.changed, ['p@11', 'ul@29']);
    assert.ok(seen.kept > 10, `only ${seen.kept} blocks kept`);
    assert.equal(await page.locator('h1[data-line="43"]').count(), 1, "the third section's heading has its new line");
  });

  it('keeps the post and lock the extension names in its webview state, beside the view', async () => {
    const saved = () =>
      page.evaluate(() =>
        (window as unknown as { acquireVsCodeApi(): { getState(): unknown } }).acquireVsCodeApi().getState(),
      );
    await send(page, { type: 'identity', uri: 'file:///site/_posts/2021-01-07-1st_quarter.md', locked: true });
    await page.waitForFunction(
      () =>
        (window as unknown as { acquireVsCodeApi(): { getState(): { uri?: string } } }).acquireVsCodeApi().getState()
          .uri !== undefined,
    );
    assert.deepEqual(await saved(), {
      view: 'post',
      uri: 'file:///site/_posts/2021-01-07-1st_quarter.md',
      locked: true,
    });
    await send(page, { type: 'identity', uri: 42, locked: 'no' });
    await send(page, { type: 'showView', view: 'summary' });
    await page.waitForFunction(
      () =>
        (window as unknown as { acquireVsCodeApi(): { getState(): { view?: string } } }).acquireVsCodeApi().getState()
          .view === 'summary',
    );
    assert.deepEqual(
      await saved(),
      { view: 'summary', uri: 'file:///site/_posts/2021-01-07-1st_quarter.md', locked: true },
      'a malformed identity changes nothing',
    );
    await send(page, { type: 'showView', view: 'post' });
  });
});
