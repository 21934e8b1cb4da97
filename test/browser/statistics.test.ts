/**
 * The statistics page in a real browser (Debian Chromium): its script runs under its CSP (no
 * violation, no error), posts `ready`, takes `update` messages, asks for exports and shows the
 * tables; posts whose titles and names are hostile markup run nothing; and the published posts
 * (read from `../shared/corpus`, skipped where absent) are drawn in the light, dark and high
 * contrast themes, with screenshots in `test-results/statistics-<theme>.png` for a person to look at.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { statisticsContent, statisticsDocument } from '../../client/src/stats/statisticsDocument';
import { seminarPostOf, type SeminarPost } from '../../server/src/core/index/seminar';
import { seminarStatistics } from '../../server/src/core/index/seminarStats';
import { summarizePost } from '../../server/src/core/index/workspaceIndex';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { pageCharts } from '../../server/src/core/stats/charts';
import type { StatisticsResult } from '../../server/src/protocol';
import { corpusAvailable, corpusPosts, requireCorpus } from '../support/paths';
import { launchChromium, type Chromium } from './support/chromium';
import { lastPosted, openPreview, screenshot } from './support/pages';
import { applyTheme, THEMES } from './support/themes';
import { installWebviewHost, ORIGIN, posted, violations, type Recorder } from './support/webview';

const NONCE = 'c3RhdGlzdGljcy1ub25jZS0x';
const MEDIA = { script: `${ORIGIN}/media/stats/stats.js`, css: `${ORIGIN}/media/stats/stats.css` };

function result(posts: SeminarPost[], locale: 'en' | 'ko' = 'en'): StatisticsResult {
  const statistics = seminarStatistics(posts);
  return { totals: statistics.totals, charts: pageCharts(statistics, locale), state: 'ready' };
}

function post(fileName: string, text: string): SeminarPost {
  return seminarPostOf(summarizePost(parsePost(text, `file:///site/_posts/${fileName}`)));
}

const HOSTILE = post(
  '2021-04-01-2nd_quarter.md',
  [
    '---',
    'layout: post',
    'title: "2021_2nd_quarter"',
    'date: 2021-04-01',
    '---',
    '',
    '# <img src=x onerror="__xss(\'title\')"> Attention',
    '## A. Author, <svg onload="__xss(\'venue\')">CVPR</svg> 2020',
    "### 발표자: <script>__xss('presenter')</script> [[paper link](https://arxiv.org/abs/1)]",
    '- x',
    '',
    '# <img src=x onerror="__xss(\'title\')"> Attention',
    '## B. Author, NeurIPS 2019',
    '### 발표자: "><iframe src="javascript:__xss(\'iframe\')"></iframe> [[paper link](https://arxiv.org/abs/2)]',
    '- y',
    '',
  ].join('\n'),
);

function publishedPosts(): SeminarPost[] {
  return corpusPosts().published.map((file) => post(path.basename(file), fs.readFileSync(file, 'utf8')));
}

describe('the statistics page in Chromium', function () {
  let chromium: Chromium;
  let recorder: Recorder;

  before(async () => {
    chromium = await launchChromium();
    const documents = new Map([
      [
        '/hostile.html',
        statisticsDocument({ result: result([HOSTILE]), nonce: NONCE, cspSource: ORIGIN, media: MEDIA, locale: 'en' }),
      ],
      ['/empty.html', statisticsDocument({ nonce: NONCE, cspSource: ORIGIN, media: MEDIA, locale: 'ko' })],
      [
        '/published.html',
        statisticsDocument({
          result: result(corpusAvailable() ? publishedPosts() : []),
          nonce: NONCE,
          cspSource: ORIGIN,
          media: MEDIA,
          locale: 'en',
        }),
      ],
    ]);
    recorder = await installWebviewHost(chromium.context, documents);
  });

  after(async () => {
    await chromium?.close();
  });

  afterEach(() => {
    assert.deepEqual(recorder.xss, [], 'a vector of the posts ran');
    assert.deepEqual(recorder.dialogs, []);
    assert.deepEqual(recorder.consoleErrors, []);
    assert.deepEqual(recorder.strayRequests, []);
  });

  it('draws hostile titles and names as text, with its script running and no CSP violation', async () => {
    const page = await openPreview(chromium.context, recorder, `${ORIGIN}/hostile.html`);
    await provoke(page);
    assert.deepEqual(await violations(page), []);
    const shown = await page.evaluate(() => ({
      figures: document.querySelectorAll('.sp-figure > svg').length,
      foreign: document.querySelectorAll('#sp-stats img, #sp-stats iframe, #sp-stats script, .sp-figure svg svg')
        .length,
      text: document.querySelector('#sp-section-repeated')?.textContent ?? '',
    }));
    assert.equal(shown.figures, 4);
    assert.equal(shown.foreign, 0);
    assert.match(shown.text, /<img src=x onerror="__xss\('title'\)"> Attention/);
    await page.close();
  });

  it('asks the extension for an export, shows a table on request, and takes updates', async () => {
    const page = await openPreview(chromium.context, recorder, `${ORIGIN}/empty.html`);
    assert.match(await page.innerText('#sp-stats'), /발표를 세는 중/);
    const html = statisticsContent(result([HOSTILE], 'ko'), 'ko');
    await page.evaluate((html) => window.postMessage({ type: 'update', html }, '*'), html);
    assert.deepEqual(await lastPosted(page, 'rendered'), { type: 'rendered', charts: 4, tables: 4 });
    const table = page.locator('#sp-table-presenters');
    assert.equal(
      await table.evaluate((t) => t.getBoundingClientRect().width <= 1),
      true,
      'the table is for screen readers until asked for',
    );
    await page.click('[data-toggle-table="presenters"]');
    assert.equal(await table.evaluate((t) => t.getBoundingClientRect().width > 50), true);
    assert.equal(await page.getAttribute('[data-toggle-table="presenters"]', 'aria-expanded'), 'true');
    assert.equal(await page.innerText('[data-toggle-table="presenters"]'), '표 숨기기');
    await page.click('[data-export="csv"][data-chart="venues"]');
    await page.click('[data-export="svg"][data-chart="quarters"]');
    const exports = (await posted(page)).filter((m) => m.type === 'export');
    assert.deepEqual(exports, [
      { type: 'export', chart: 'venues', format: 'csv' },
      { type: 'export', chart: 'quarters', format: 'svg' },
    ]);
    // An update keeps the tables the reader opened.
    await page.evaluate((html) => window.postMessage({ type: 'update', html }, '*'), html);
    assert.equal(await page.getAttribute('[data-toggle-table="presenters"]', 'aria-expanded'), 'true');
    assert.deepEqual(await violations(page), []);
    await page.close();
  });

  for (const theme of THEMES) {
    it(`draws the published posts' statistics in the ${theme.name} theme`, async function () {
      requireCorpus(this);
      const page = await openPreview(chromium.context, recorder, `${ORIGIN}/published.html`);
      await applyTheme(page, theme);
      const drawn = await page.evaluate(() => {
        const bar = document.querySelector('.sp-figure .sp-series-0');
        const label = document.querySelector('.sp-figure .sp-label');
        return {
          bars: document.querySelectorAll('.sp-figure .sp-bar').length,
          fill: bar && getComputedStyle(bar).fill,
          text: label && getComputedStyle(label).fill,
          body: getComputedStyle(document.body).color,
        };
      });
      assert.ok(drawn.bars >= 10, `${drawn.bars} bars`);
      assert.equal(drawn.text, drawn.body, "chart labels in the theme's foreground");
      assert.notEqual(drawn.fill, 'rgb(0, 0, 0)', 'bars in a chart colour');
      await screenshot(page, `statistics-${theme.name}`);
      assert.deepEqual(await violations(page), []);
      await page.close();
    });
  }
});

/** Hovers and clicks every element, as hostile markup waits for. */
async function provoke(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const element of Array.from(document.querySelectorAll('#sp-stats *'))) {
      for (const type of ['mouseover', 'focus', 'load', 'error']) element.dispatchEvent(new Event(type));
    }
  });
}
