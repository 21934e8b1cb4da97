/**
 * The preview's problem badges count what VS Code's Problems panel lists (errors, warnings and
 * information: not hints), in a colour per worst severity, and the Quarter Summary lays out for a
 * narrow pane (issue 14). On the real 3rd-quarter post (from `../shared/corpus`, skipped where it
 * is absent) with its real diagnostics, and on a fixture post with an error and a warning.
 * Screenshots: `test-results/preview-badges-3rd-quarter.png`, `preview-badge-colours-<theme>.png`,
 * `preview-summary-narrow.png`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { previewDocument } from '../../client/src/preview/previewDocument';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { renderPost } from '../../server/src/core/render/renderPost';
import { lintText } from '../support/lint';
import { corpusAvailable, corpusPosts, FIXTURES, requireCorpus } from '../support/paths';
import { launchChromium, type Chromium } from './support/chromium';
import { openPreview, screenshot } from './support/pages';
import { applyTheme, THEMES } from './support/themes';
import { installWebviewHost, MEDIA, ORIGIN, type Recorder } from './support/webview';

const page = (text: string, fileName: string, diagnostics: Diagnostic[]) =>
  previewDocument({
    result: renderPost(parsePost(text, `file:///site/_posts/${fileName}`, 1), { diagnostics }),
    nonce: 'YmFkZ2VzLW5vbmNlLTEyMzQ1Ng==',
    cspSource: ORIGIN,
    media: MEDIA,
    locale: 'en',
  });

/** The real 3rd-quarter post and the diagnostics the checks give it. */
function thirdQuarter(): { html: string; diagnostics: Diagnostic[] } {
  const file = corpusPosts().published.find((f) => f.includes('3rd'))!;
  const text = fs.readFileSync(file, 'utf8');
  const diagnostics = lintText(text, { fileName: path.basename(file) });
  return { html: page(text, path.basename(file), diagnostics), diagnostics };
}

const FIXTURE = '2021-01-07-1st_quarter.md';
const FIXTURE_TEXT = fs.readFileSync(path.join(FIXTURES, 'render', FIXTURE), 'utf8');
const problem = (line: number, severity: DiagnosticSeverity): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  message: 'x',
  severity,
});
/** An error in the first section, a warning and a hint in the second, a hint alone in the third. */
const COLOURED = page(FIXTURE_TEXT, FIXTURE, [
  problem(12, DiagnosticSeverity.Error),
  problem(13, DiagnosticSeverity.Hint),
  problem(27, DiagnosticSeverity.Warning),
  problem(28, DiagnosticSeverity.Hint),
  problem(35, DiagnosticSeverity.Hint),
]);

const badgeTexts = (p: Page, selector = 'h1 .sp-badge') => p.locator(selector).allTextContents();
const background = (p: Page, selector: string) =>
  p.evaluate((s) => getComputedStyle(document.querySelector(s)!).backgroundColor, selector);

describe("the preview's problem badges and the Quarter Summary in a narrow pane", function () {
  let chromium: Chromium;
  let recorder: Recorder;
  let real: { html: string; diagnostics: Diagnostic[] } | undefined;

  before(async () => {
    real = corpusAvailable() ? thirdQuarter() : undefined;
    chromium = await launchChromium();
    recorder = await installWebviewHost(
      chromium.context,
      new Map([
        ['/real.html', real?.html ?? ''],
        ['/coloured.html', COLOURED],
      ]),
    );
  });

  after(async () => {
    await chromium?.close();
  });

  it('on the 3rd-quarter post, count what the Problems panel lists: its hints get no badge', async function () {
    requireCorpus(this);
    const listed = real!.diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint);
    assert.ok(
      real!.diagnostics.some((d) => d.severity === DiagnosticSeverity.Hint),
      'the post has hints (venue-missing) the panel does not list',
    );
    const tab = await openPreview(chromium.context, recorder, `${ORIGIN}/real.html`);
    const counts = (await badgeTexts(tab, '.post .sp-badge')).map((t) => Number(/\d+/.exec(t)![0]));
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      listed.length,
      `badges ${JSON.stringify(counts)} for ${listed.length} listed problems`,
    );
    await screenshot(tab, 'preview-badges-3rd-quarter');
    await tab.close();
  });

  for (const theme of THEMES) {
    it(`colour an error's badge unlike a warning's (${theme.name} theme), and leave hints out`, async () => {
      const tab = await openPreview(chromium.context, recorder, `${ORIGIN}/coloured.html`);
      await applyTheme(tab, theme);
      assert.deepEqual(await badgeTexts(tab), ['1 problem', '1 problem']);
      assert.deepEqual(await tab.locator('h1 .sp-badge').evaluateAll((els: Element[]) => els.map((e) => e.className)), [
        'sp-badge sp-badge-error',
        'sp-badge sp-badge-warning',
      ]);
      const error = await background(tab, 'h1 .sp-badge-error');
      const warning = await background(tab, 'h1 .sp-badge-warning');
      if (theme.name !== 'high-contrast') assert.notEqual(error, warning, `${theme.name}: both badges are ${error}`);
      await screenshot(tab, `preview-badge-colours-${theme.name}`);
      await tab.close();
    });
  }

  it('lays the Quarter Summary out for a half-width pane: the title takes the width, a badge stays on one line', async () => {
    const tab = await openPreview(chromium.context, recorder, `${ORIGIN}/coloured.html`);
    await tab.setViewportSize({ width: 420, height: 700 });
    await tab.click('[data-view-button="summary"]');
    const layout = await tab.evaluate(() => {
      const cell = document.querySelector('.sp-summary-table td.sp-col-paper')!.getBoundingClientRect();
      const badge = document.querySelector('.sp-summary-table .sp-badge')!;
      const lineHeight = parseFloat(getComputedStyle(badge).lineHeight) || 16;
      return {
        cell: cell.width,
        view: document.documentElement.clientWidth,
        badgeLines: Math.round(badge.getBoundingClientRect().height / lineHeight),
      };
    });
    assert.ok(layout.cell > layout.view * 0.7, `the paper cell is ${layout.cell} px of ${layout.view}`);
    assert.ok(layout.badgeLines <= 1, `the badge takes ${layout.badgeLines} lines`);
    const label = await tab.evaluate(
      () => getComputedStyle(document.querySelector('.sp-summary-table td.sp-col-presenter')!, '::before').content,
    );
    assert.equal(label, '"Presenter: "', 'each cell names its column');
    await screenshot(tab, 'preview-summary-narrow');
    await tab.setViewportSize({ width: 1000, height: 700 });
    assert.equal(await tab.locator('.sp-summary-table thead').isVisible(), true, 'a wide pane keeps the table');
    await tab.close();
  });
});
