/**
 * The preview page in a real browser (Debian Chromium): the hostile fixture post's vectors run in
 * none of three setups, one per layer of defense, and the page's own script does run and talk.
 *
 * - the whole page: sanitized body, CSP, nonce'd script (what the editor shows);
 * - the sanitized body alone, without CSP or script: the sanitizer must stop everything by itself;
 * - the raw, unsanitized vectors under the page's CSP: the CSP must stop everything by itself, and
 *   its violation reports prove it is enforced.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { previewDocument } from '../../client/src/preview/previewDocument';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { renderPost } from '../../server/src/core/render/renderPost';
import { FIXTURES } from '../support/paths';
import { launchChromium, type Chromium } from './support/chromium';
import {
  DOCUMENT_URL,
  installWebviewHost,
  MEDIA,
  ORIGIN,
  posted,
  violations,
  watchPage,
  type Recorder,
} from './support/webview';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';
const XSS_FILE = path.join(FIXTURES, 'render', '2021-07-01-3rd_quarter-xss.md');
const XSS_TEXT = fs.readFileSync(XSS_FILE, 'utf8');
const xssResult = renderPost(parsePost(XSS_TEXT, 'file:///site/_posts/2021-07-01-3rd_quarter.md', 1));
const page = (body: typeof xssResult) =>
  previewDocument({ result: body, nonce: NONCE, cspSource: ORIGIN, media: MEDIA, locale: 'en' });

const DOCUMENTS = new Map<string, string>([
  ['/index.html', page(xssResult)],
  // The sanitizer alone: the rendered body in a bare page, no CSP, no script.
  [
    '/sanitized-only.html',
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${xssResult.html}</body></html>`,
  ],
  // The CSP alone: the fixture's body, not sanitized, as raw HTML inside the real page.
  // A control: vectors that do run where nothing stops them, so a silent recorder means something.
  [
    '/control.html',
    `<!DOCTYPE html><html><body><img src="x" onerror="__xss('control-onerror')"><script>__xss('control-script')</script></body></html>`,
  ],
  ['/csp-only.html', page({ ...xssResult, html: XSS_TEXT.slice(XSS_TEXT.indexOf('\n---\n', 4) + 5) })],
]);

/** Fires what hostile markup waits for: hover, focus, toggles and clicks on every element. */
async function provoke(page: Page): Promise<void> {
  await page.evaluate(() => {
    // A real click on an http(s) link would leave the page; hostile links are the point here.
    document.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (link && /^https?:/i.test(link.getAttribute('href') ?? '')) event.preventDefault();
    });
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart'])
        element.dispatchEvent(new Event(type));
      if (element instanceof HTMLElement) {
        element.focus();
        if (element.matches('a, button, summary, input')) element.click();
      }
    }
  });
  await page.waitForLoadState('networkidle');
}

/** Script-bearing things left in the live DOM (as the browser parsed the HTML it was given). */
async function liveScriptVectors(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const name = element.tagName.toLowerCase();
      if (
        ['iframe', 'object', 'embed', 'form', 'base', 'meta', 'svg', 'math', 'template', 'style', 'link'].includes(
          name,
        ) &&
        !element.closest('.katex')
      ) {
        if (!(name === 'meta' && element.closest('head')) && !(name === 'link' && element.closest('head')))
          found.push(`<${name}>`);
      }
      if (name === 'script' && !element.hasAttribute('nonce')) found.push('<script>');
      for (const attribute of Array.from(element.attributes)) {
        // eslint-disable-next-line no-control-regex -- control characters are what a browser drops from a URL
        const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (attribute.name.startsWith('on')) found.push(`<${name} ${attribute.name}>`);
        if (
          /^(?:javascript|vbscript):/.test(value) ||
          (value.startsWith('data:') && !(name === 'img' && value.startsWith('data:image/')))
        ) {
          found.push(`<${name} ${attribute.name}="${attribute.value}">`);
        }
      }
    }
    return found;
  });
}

describe('the preview page in Chromium', function () {
  let chromium: Chromium;
  let recorder: Recorder;

  before(async function () {
    chromium = await launchChromium();
    recorder = await installWebviewHost(chromium.context, DOCUMENTS);
  });

  after(async () => {
    await chromium?.close();
  });

  async function open(url: string): Promise<Page> {
    recorder.xss.length = recorder.dialogs.length = recorder.consoleErrors.length = recorder.strayRequests.length = 0;
    const tab = await chromium.context.newPage();
    watchPage(tab, recorder);
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForLoadState('networkidle');
    return tab;
  }

  it('sees a vector that runs: the control page without defenses', async () => {
    const tab = await open(`${ORIGIN}/control.html`);
    await tab.waitForFunction(() => document.readyState === 'complete');
    assert.deepEqual([...recorder.xss].sort(), ['control-onerror', 'control-script']);
    await tab.close();
  });

  it("runs none of the post's scripts and its own nonce'd one: the whole page", async () => {
    const tab = await open(DOCUMENT_URL);
    assert.deepEqual(
      (await posted(tab)).filter((m) => m.type === 'ready'),
      [{ type: 'ready', version: 1 }],
      "the page's script ran",
    );
    await provoke(tab);
    assert.deepEqual(recorder.xss, []);
    assert.deepEqual(recorder.dialogs, []);
    assert.deepEqual(await liveScriptVectors(tab), []);
    assert.deepEqual(await violations(tab), [], 'nothing hostile was even left for the CSP to block');
    assert.equal(tab.url(), DOCUMENT_URL);
    const opened = (await posted(tab)).filter((m) => m.type === 'openLink').map((m) => String(m.href));
    assert.ok(opened.length > 0 && opened.every((href) => /^https?:\/\//.test(href)), opened.join(' '));
    assert.deepEqual(recorder.strayRequests, []);
    await tab.close();
  });

  it('stops every vector with the sanitizer alone: the body in a page with no CSP and no script', async () => {
    const tab = await open(`${ORIGIN}/sanitized-only.html`);
    await provoke(tab);
    assert.deepEqual(recorder.xss, []);
    assert.deepEqual(recorder.dialogs, []);
    assert.deepEqual(await liveScriptVectors(tab), []);
    assert.ok(
      (await tab.locator('img[src="https://images.example.org/kept.png"]').count()) === 1,
      'the legitimate image is kept',
    );
    await tab.close();
  });

  it('stops every raw vector with the CSP alone, and reports what it blocked', async () => {
    const tab = await open(`${ORIGIN}/csp-only.html`);
    assert.ok((await liveScriptVectors(tab)).length > 20, 'the raw vectors are really in this page');
    await provoke(tab);
    assert.deepEqual(recorder.xss, []);
    assert.deepEqual(recorder.dialogs, []);
    assert.ok(
      (await posted(tab)).some((m) => m.type === 'ready'),
      "the nonce'd script still ran",
    );
    const blocked = new Set((await violations(tab)).map((v) => v.split(' ')[0]));
    for (const directive of ['script-src-elem', 'script-src-attr', 'style-src-elem', 'form-action'])
      assert.ok(blocked.has(directive), `${directive} in ${[...blocked].join(', ')}`);
    assert.equal(tab.url(), `${ORIGIN}/csp-only.html`);
    await tab.close();
  });
});
