/**
 * The 3rd-quarter published post (read from `../shared/corpus`, skipped where it is absent) in the
 * preview, in VS Code's light, dark and high contrast themes: its images, the Gate Decorator
 * formula and the Quarter Summary are there, in the theme's colors. Screenshots go to
 * `test-results/preview-3rd-quarter-<theme>[-summary].png` for a person to look at.
 *
 * The post's images are remote (`user-images.githubusercontent.com`) and this machine has no
 * internet: the test host answers them with a gray "remote image (offline)" placeholder.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { previewDocument } from '../../client/src/preview/previewDocument';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { renderPost } from '../../server/src/core/render/renderPost';
import { lintText } from '../support/lint';
import { corpusAvailable, corpusPosts, requireCorpus } from '../support/paths';
import { launchChromium, type Chromium } from './support/chromium';
import { openPreview, screenshot } from './support/pages';
import { applyTheme, THEMES } from './support/themes';
import { installWebviewHost, MEDIA, ORIGIN, type Recorder } from './support/webview';

function thirdQuarterPage(): string {
  const file = corpusPosts().published.find((f) => f.includes('3rd'))!;
  const text = fs.readFileSync(file, 'utf8');
  const diagnostics = lintText(text, { fileName: path.basename(file) });
  const result = renderPost(parsePost(text, `file:///site/_posts/${path.basename(file)}`, 1), { diagnostics });
  return previewDocument({ result, nonce: 'c2NyZWVuc2hvdC1ub25jZS0x', cspSource: ORIGIN, media: MEDIA, locale: 'en' });
}

/** Numbers a person would check on the screenshot. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const images = Array.from(document.querySelectorAll<HTMLImageElement>('.post-content img'));
    const formula = document.querySelector('.math-display .katex-display');
    const visible = (element: Element | null) => !!element && element.getBoundingClientRect().height > 0;
    return {
      background: getComputedStyle(document.body).backgroundColor,
      images: images.length,
      imagesLoaded: images.filter((img) => img.complete && img.naturalWidth > 0).length,
      formulaHeight: formula?.getBoundingClientRect().height ?? 0,
      katexFont: document.fonts.check('20px KaTeX_Main') && document.fonts.check('20px KaTeX_Math'),
      summaryRows: document.querySelectorAll('.sp-summary-table tbody tr').length,
      postVisible: visible(document.querySelector('.post-content')),
      summaryVisible: visible(document.querySelector('.sp-summary-table')),
    };
  });
}

describe('the 3rd-quarter post in the preview, light, dark and high contrast', function () {
  let chromium: Chromium;
  let recorder: Recorder;

  before(async function () {
    requireCorpus(this);
    chromium = await launchChromium();
    recorder = await installWebviewHost(
      chromium.context,
      new Map([['/index.html', corpusAvailable() ? thirdQuarterPage() : '']]),
    );
  });

  after(async () => {
    await chromium?.close();
  });

  const backgrounds: Record<string, string> = {
    light: 'rgb(255, 255, 255)',
    dark: 'rgb(31, 31, 31)',
    'high-contrast': 'rgb(0, 0, 0)',
  };

  for (const theme of THEMES) {
    it(`shows the images, the formula and the summary table in the ${theme.name} theme`, async () => {
      const page = await openPreview(chromium.context, recorder, `${ORIGIN}/index.html`);
      await applyTheme(page, theme);
      const post = await measure(page);
      assert.deepEqual(
        { ...post, formulaHeight: post.formulaHeight > 30 },
        {
          background: backgrounds[theme.name],
          images: 14,
          imagesLoaded: 14,
          formulaHeight: true,
          katexFont: true,
          summaryRows: 9,
          postVisible: true,
          summaryVisible: false,
        },
      );
      await screenshot(page, `preview-3rd-quarter-${theme.name}`);
      await page.click('[data-view-button="summary"]');
      const summary = await measure(page);
      assert.deepEqual([summary.postVisible, summary.summaryVisible], [false, true]);
      await screenshot(page, `preview-3rd-quarter-${theme.name}-summary`);
      assert.deepEqual([recorder.consoleErrors, recorder.strayRequests], [[], []]);
      await page.close();
    });
  }
});
