/**
 * The Seminar view's and the statistics page's pure parts (no `vscode`): the view's store applied
 * answer by answer, problems counted per talk, the statistics page's CSP, content and messages,
 * and its words in both languages. The browser test loads the page for real.
 */
import * as assert from 'node:assert/strict';
import { countPostProblems, SeminarStore } from '../../../client/src/seminar/seminarStore';
import { parseStatisticsMessage } from '../../../client/src/stats/messages';
import { statisticsContent, statisticsDocument, statisticsPolicy } from '../../../client/src/stats/statisticsDocument';
import { STRING_IDS, text } from '../../../client/src/stats/strings';
import { seminarStatistics } from '../../../server/src/core/index/seminarStats';
import { pageCharts } from '../../../server/src/core/stats/charts';
import type { SeminarResult, StatisticsResult } from '../../../server/src/protocol';
import { seminarPost } from './support';

const HANGUL = /[\uac00-\ud7a3]/;
const Q2 = seminarPost('2020-04-02-2nd_quarter.md', { title: '"2020_2nd_quarter"', date: '2020-04-02' }, [
  ['One', '김'],
  ['Two', '이'],
]);
const Q3 = seminarPost('2020-07-02-3rd_quarter.md', { title: '"2020_3rd_quarter"', date: '2020-07-02' }, [
  ['Three', '김'],
]);
const reach = { scope: 'workspace' as const, maxPosts: 1 };
const answer = (over: Partial<SeminarResult>): SeminarResult => ({
  revision: 1,
  reset: false,
  posts: [],
  removed: [],
  state: 'ready',
  problems: reach,
  ...over,
});

describe("the Seminar view's store", () => {
  it('takes every post, then only the changed and removed ones', () => {
    const store = new SeminarStore();
    assert.deepEqual([...store.apply(answer({ revision: 4, reset: true, posts: [Q2, Q3] }))].length, 2);
    assert.equal(store.revision, 4);
    assert.deepEqual(
      store.quarterGroups().map((g) => g.id),
      ['2020-Q3', '2020-Q2'],
    );
    const renamed = { ...Q3, talks: [{ ...Q3.talks[0]!, title: 'Three (again)' }] };
    assert.deepEqual([...store.apply(answer({ revision: 6, posts: [renamed] }))], [Q3.uri]);
    assert.equal(
      store.quarterGroups()[0]!.talks[0]!.talk.title,
      'Three (again)',
      'groups are computed again after a change',
    );
    assert.deepEqual(
      store.presenterGroups().map((g) => [g.name, g.talks.length]),
      [
        ['김', 2],
        ['이', 1],
      ],
    );
    store.apply(answer({ revision: 7, removed: [Q2.uri] }));
    assert.equal(store.size, 1);
    assert.equal(store.talkCount, 1);
    store.apply(answer({ revision: 9, reset: true, posts: [Q2] }));
    assert.deepEqual(
      [...store.allPosts()].map((p) => p.uri),
      [Q2.uri],
      'a reset drops what was there',
    );
  });

  it('knows which posts the Problems panel lists without opening them: the newest maxPosts', () => {
    const store = new SeminarStore();
    store.apply(answer({ reset: true, posts: [Q2, Q3] }));
    assert.equal(store.checkedOnDisk(Q3.uri), true);
    assert.equal(store.checkedOnDisk(Q2.uri), false);
    store.apply(answer({ problems: { scope: 'open', maxPosts: 500 } }));
    assert.equal(store.checkedOnDisk(Q3.uri), false);
  });

  it('counts problems per talk, those before the first talk apart', () => {
    const counted = countPostProblems(Q2, [
      { severity: 0, line: 1 },
      { severity: 1, line: Q2.talks[0]!.line },
      { severity: 2, line: Q2.talks[1]!.line + 3 },
      { severity: 0, line: Q2.talks[1]!.line - 1 },
    ]);
    assert.deepEqual(counted.header, { errors: 1, warnings: 0, infos: 0 });
    assert.deepEqual(counted.talks, [
      { errors: 1, warnings: 1, infos: 0 },
      { errors: 0, warnings: 0, infos: 1 },
    ]);
    assert.deepEqual(counted.total, { errors: 2, warnings: 1, infos: 1 });
  });
});

describe('the statistics page', () => {
  const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2U=';
  const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
  const media = { script: `${CSP_SOURCE}/media/stats/stats.js`, css: `${CSP_SOURCE}/media/stats/stats.css` };
  const result = (posts = [Q2, Q3], locale: 'en' | 'ko' = 'en'): StatisticsResult => {
    const statistics = seminarStatistics(posts);
    return { totals: statistics.totals, charts: pageCharts(statistics, locale), state: 'ready' };
  };

  it('has a stricter policy than the preview: no web images, no inline style, scripts by nonce only', () => {
    assert.equal(
      statisticsPolicy(NONCE, CSP_SOURCE),
      `default-src 'none'; img-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; style-src ${CSP_SOURCE}; script-src 'nonce-${NONCE}'; base-uri 'none'; form-action 'none'`,
    );
    assert.throws(() => statisticsPolicy('short', CSP_SOURCE));
    assert.throws(() => statisticsPolicy(NONCE, "x; script-src 'unsafe-inline'"));
    const page = statisticsDocument({ result: result(), nonce: NONCE, cspSource: CSP_SOURCE, media, locale: 'en' });
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.match(page, new RegExp(`<script nonce="${NONCE}" src="${media.script.replace(/[.+]/g, '\\$&')}"></script>`));
    assert.doesNotMatch(page, /style="/);
  });

  it('shows each chart with its table, export buttons and words, in English and Korean', () => {
    const en = statisticsContent(result(), 'en');
    assert.equal((en.match(/<section class="sp-chart-section"/g) ?? []).length, 4);
    assert.equal((en.match(/<table>/g) ?? []).length, 4);
    assert.match(en, /2 posts, 3 talks, 2 presenters, 2 quarters, 1 venue</);
    assert.match(en, /data-export="svg" data-chart="quarters"/);
    assert.match(en, /<th scope="row">2020 Q2<\/th><td class="sp-number">2<\/td>/);
    assert.match(en, /No paper was presented twice\./, 'an empty chart says why');
    const ko = statisticsContent(result([Q2, Q3], 'ko'), 'ko');
    assert.match(ko, /포스트 2개, 발표 3개/);
    assert.match(ko, /표로 보기/);
    for (const id of STRING_IDS) assert.match(text(id, 'ko'), HANGUL, id);
    const loading = statisticsDocument({ nonce: NONCE, cspSource: CSP_SOURCE, media, locale: 'ko' });
    assert.match(loading, /발표를 세는 중/);
  });

  it('escapes what the posts say in its tables', () => {
    const hostile = seminarPost('2020-04-02-2nd_quarter.md', { title: '"x"', date: '2020-04-02' }, [
      ['<img src=x onerror=alert(1)>', '</th><script>alert(1)</script>'],
    ]);
    const html = statisticsContent(result([hostile]), 'en');
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;\/th&gt;&lt;script&gt;/);
  });

  it("accepts only the page's own messages", () => {
    assert.deepEqual(parseStatisticsMessage({ type: 'export', chart: 'venues', format: 'csv' }), {
      type: 'export',
      chart: 'venues',
      format: 'csv',
    });
    assert.equal(parseStatisticsMessage({ type: 'export', chart: '../../etc/passwd', format: 'csv' }), undefined);
    assert.equal(parseStatisticsMessage({ type: 'export', chart: 'venues', format: 'exe' }), undefined);
    assert.deepEqual(parseStatisticsMessage({ type: 'rendered', charts: 3, tables: 4 }), {
      type: 'rendered',
      charts: 3,
      tables: 4,
    });
    assert.equal(parseStatisticsMessage({ type: 'rendered', charts: '3' }), undefined);
    assert.equal(parseStatisticsMessage('ready'), undefined);
  });
});
