import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { seminarStatistics, venueName } from '../../../server/src/core/index/seminarStats';
import { CHART_IDS, MAX_BARS, pageCharts, seminarCharts } from '../../../server/src/core/stats/charts';
import { axisTicks, barChartSvg, columnChartSvg, escapeXml } from '../../../server/src/core/stats/svg';
import { tableCsv, tableText } from '../../../server/src/core/stats/tables';
import { REPO_ROOT } from '../../support/paths';
import { matchSnapshot } from '../render/snapshot';
import { seminarPost } from './support';

const POSTS = [
  seminarPost('2020-04-02-2nd_quarter.md', { title: '"2020_2nd_quarter"', date: '2020-04-02' }, [
    ['AutoSlim: Towards One-Shot Architecture Search', '이승현', 'Jiahui Yu, Thomas Huang, *arXiv 2019*'],
    ['Item2vec', '성시백', 'Oren Barkan and Noam Koenigstein, *MLSP2016*'],
    ['Deep Residual Learning', '김하늘', 'Kaiming He et al. NIPS (2016)'],
  ]),
  seminarPost('2021-01-07-1st_quarter.md', { title: '"2021_1st_quarter"', date: '2021-01-07' }, [
    ['Big Transfer (BiT)', '이승현', 'Lucas Beyer *CVPR2019*'],
    ['autoslim - towards one-shot architecture search', '김하늘', 'Jiahui Yu, 2019'],
    ['Attention Is All You Need', '이승현', 'Ashish Vaswani et al., NeurIPS 2017'],
  ]),
  seminarPost('temp.md', { title: '"draft"' }, [['A Draft Paper', '이승현', 'Someone, Journal of Things 2018']]),
];

describe('seminar statistics', () => {
  const stats = seminarStatistics(POSTS);

  it('counts talks per quarter, oldest first, quarters without a post as 0', () => {
    assert.deepEqual(
      stats.perQuarter.map((q) => [q.id, q.talks]),
      [
        ['2020-Q2', 3],
        ['2020-Q3', 0],
        ['2020-Q4', 0],
        ['2021-Q1', 3],
      ],
    );
    assert.deepEqual(stats.totals, { posts: 3, talks: 7, presenters: 3, quarters: 2, venues: 5, undatedTalks: 1 });
  });

  it("counts each presenter's talks by year, most first", () => {
    assert.deepEqual(stats.years, [2020, 2021]);
    assert.deepEqual(stats.perPresenter, [
      {
        name: '이승현',
        total: 4,
        byYear: [
          { year: 2020, talks: 1 },
          { year: 2021, talks: 2 },
        ],
        undated: 1,
      },
      {
        name: '김하늘',
        total: 2,
        byYear: [
          { year: 2020, talks: 1 },
          { year: 2021, talks: 1 },
        ],
        undated: 0,
      },
      { name: '성시백', total: 1, byYear: [{ year: 2020, talks: 1 }], undated: 0 },
    ]);
  });

  it('counts venues by name without the year, NIPS as NeurIPS', () => {
    assert.deepEqual(stats.venues, [
      { venue: 'NeurIPS', talks: 2 },
      { venue: 'arXiv', talks: 1 },
      { venue: 'CVPR', talks: 1 },
      { venue: 'Journal of Things', talks: 1 },
      { venue: 'MLSP', talks: 1 },
    ]);
    assert.equal(stats.talksWithoutVenue, 1, 'a year alone is no venue');
    assert.equal(venueName('arxiv.1806'), 'arXiv');
    assert.equal(venueName('ICLR2021 (under review)'), 'ICLR');
    assert.equal(venueName("NeurIPS'19"), 'NeurIPS');
    assert.equal(venueName('2020'), undefined);
    assert.equal(venueName('*NowhereConf2021*'), 'NowhereConf', 'an unknown name fused with its year');
    assert.equal(venueName('IEEE Transactions on Audio, 2019'), 'IEEE Transactions on Audio');
  });

  it('lists the papers presented more than once, with each presentation, oldest first', () => {
    assert.deepEqual(
      stats.repeated.map((r) => [r.title, r.talks.map((t) => `${t.quarter} ${t.presenter}`)]),
      [['AutoSlim: Towards One-Shot Architecture Search', ['2020-Q2 이승현', '2021-Q1 김하늘']]],
    );
  });

  it('is the same for the same posts in any order', () => {
    assert.deepEqual(seminarStatistics([...POSTS].reverse()), stats);
  });

  it('says there is nothing when there are no posts', () => {
    const empty = seminarStatistics([]);
    assert.deepEqual(empty.perQuarter, []);
    const charts = seminarCharts(empty, 'en');
    assert.deepEqual(
      charts.map((c) => c.id),
      [...CHART_IDS],
    );
    for (const chart of charts) {
      assert.equal(chart.svg, undefined);
      assert.ok(chart.empty, `${chart.id} says why it is empty`);
    }
  });
});

/** Every tag of `svg` is one the charts draw, with only the attributes they use (so no script, link, handler or style attribute). */
function assertOnlyChartMarkup(svg: string, what: string): void {
  const tags = new Set(['svg', 'style', 'rect', 'title', 'text', 'line', 'g']);
  const attributes = new Set([
    'xmlns',
    'class',
    'width',
    'height',
    'viewBox',
    'role',
    'aria-labelledby',
    'id',
    'x',
    'y',
    'x1',
    'x2',
    'y1',
    'y2',
    'text-anchor',
    'transform',
  ]);
  for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
    const m = /^<\/?([a-z]+)((?:\s+[\w-]+="[^"<>]*")*)\s*\/?>$/i.exec(tag);
    assert.ok(m, `${what}: unexpected markup ${tag}`);
    assert.ok(tags.has(m[1]!), `${what}: element ${m[1]}`);
    for (const [, name] of m[2]!.matchAll(/([\w-]+)="/g))
      assert.ok(attributes.has(name!), `${what}: attribute ${name} in ${tag}`);
  }
  // Outside the tags, no raw markup characters: every text from the posts is escaped.
  assert.doesNotMatch(
    svg.replace(/<style>[^<]*<\/style>/, '').replace(/<[^>]*>/g, ''),
    /[<>"]/,
    `${what}: unescaped text`,
  );
}

describe('seminar charts', () => {
  const stats = seminarStatistics(POSTS);

  it('draws each chart as SVG the same way every time (snapshots)', () => {
    for (const locale of ['en', 'ko'] as const) {
      const charts = seminarCharts(stats, locale);
      const text = charts
        .map((c) => `## ${c.id}: ${c.title}\n${c.description}\n${c.svg}\n${c.standaloneSvg}\n${tableText(c.table)}`)
        .join('\n');
      matchSnapshot(text, path.join(REPO_ROOT, 'test', 'unit', 'seminar', `charts.${locale}.snap`));
      assert.deepEqual(seminarCharts(stats, locale), charts);
    }
  });

  it("escapes the posts' text, and draws no script, link, event handler or style attribute", () => {
    const hostile = seminarPost('2020-04-02-2nd_quarter.md', { title: '"x"', date: '2020-04-02' }, [
      ['</svg><script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'A, <b onclick="x()">CVPR</b> 2019'],
      ['</svg><script>alert(1)</script>', '=HYPERLINK("http://evil")'],
    ]);
    for (const chart of seminarCharts(seminarStatistics([hostile]), 'en')) {
      for (const svg of [chart.svg, chart.standaloneSvg]) {
        if (!svg) continue;
        assertOnlyChartMarkup(svg, chart.id);
        assert.equal((svg.match(/<svg/g) ?? []).length, 1, `${chart.id}: one svg element`);
        if (chart.id === 'repeated')
          assert.ok(svg.includes('&lt;/svg&gt;&lt;script&gt;'), 'the title is shown, escaped');
        assert.ok(svg.endsWith('</svg>'));
      }
    }
    const csv = seminarCharts(seminarStatistics([hostile]), 'en')
      .map((c) => tableCsv(c.table))
      .join('');
    assert.match(csv, /^"'=HYPERLINK\(""http:\/\/evil""\)"/m, 'a formula is quoted as text');
  });

  it('writes CSV with quotes where needed and CRLF line ends', () => {
    assert.equal(
      tableCsv({
        caption: 'c',
        columns: ['a', 'b'],
        rows: [
          ['x, "y"', 2],
          ['-1', 3],
          ['줄\n바꿈', 0],
        ],
      }),
      'a,b\r\n"x, ""y""",2\r\n\'-1,3\r\n"줄\n바꿈",0\r\n',
    );
  });

  it('aligns text tables with Hangul as two columns', () => {
    assert.equal(
      tableText({
        caption: 'T',
        columns: ['이름', 'n'],
        rows: [
          ['김하늘', 12],
          ['Al', 3],
        ],
      }),
      'T\n이름     n\n------  --\n김하늘  12\nAl       3\n',
    );
  });

  it('keeps the charts to their limits, and stacks older years together', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      seminarPost(
        `${2000 + i}-04-02-2nd_quarter.md`,
        { title: `"${2000 + i}_2nd_quarter"`, date: `${2000 + i}-04-02` },
        [
          [`Paper ${i}`, `발표자${i % 25}`, `A, VENUE${i} 2019`],
          [`Other ${i}`, '김하늘'],
        ],
      ),
    );
    const charts = seminarCharts(seminarStatistics(many), 'en');
    const presenters = charts.find((c) => c.id === 'presenters')!;
    assert.equal(
      (presenters.svg!.match(/class="sp-label" x="\d+" y="\d+" text-anchor="end">/g) ?? []).length,
      MAX_BARS.presenters,
    );
    assert.equal(presenters.table.rows.length, 26, 'the table lists every presenter');
    assert.match(presenters.svg!, /Before 2025/);
    assert.equal(presenters.table.columns.length, 2 + 30, 'the table keeps every year');
    const quarters = charts.find((c) => c.id === 'quarters')!;
    assert.equal(quarters.table.rows.length, 29 * 4 + 1);
  });

  it("gives the page the charts without standalone SVG, and the presenter table in the chart's columns (the export keeps every year)", () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      seminarPost(
        `${2000 + i}-04-02-2nd_quarter.md`,
        { title: `"${2000 + i}_2nd_quarter"`, date: `${2000 + i}-04-02` },
        [
          [`Paper ${i}`, `발표자${i % 25}`, `A, VENUE${i} 2019`],
          [`Other ${i}`, '김하늘'],
        ],
      ),
    );
    const stats = seminarStatistics(many);
    const full = seminarCharts(stats, 'en');
    const page = pageCharts(stats, 'en');
    assert.deepEqual(
      page.map((c) => c.id),
      [...CHART_IDS],
    );
    assert.ok(page.every((c) => !('standaloneSvg' in c)));
    assert.deepEqual(
      page.map((c) => c.svg),
      full.map((c) => c.svg),
      'the same drawings',
    );
    const presenters = page.find((c) => c.id === 'presenters')!;
    assert.deepEqual(presenters.table.columns, [
      'Presenter',
      'Total',
      'Before 2025',
      '2025',
      '2026',
      '2027',
      '2028',
      '2029',
    ]);
    assert.equal(presenters.table.rows.length, 26, 'every presenter');
    // 김하늘 presented in each of the 30 years: 25 of them before 2025.
    assert.deepEqual(
      presenters.table.rows.find((row) => row[0] === '김하늘'),
      ['김하늘', 30, 25, 1, 1, 1, 1, 1],
    );
    for (const row of presenters.table.rows)
      assert.equal(
        (row.slice(2) as number[]).reduce((a, b) => a + b, 0),
        row[1],
        `${row[0]}: the columns add up to the total`,
      );
    assert.deepEqual(
      full.find((c) => c.id === 'presenters')!.table.rows.find((row) => row[0] === '김하늘'),
      ['김하늘', 30, ...new Array<number>(30).fill(1)],
      'the export has every year',
    );
    for (const id of ['quarters', 'venues', 'repeated'] as const) {
      assert.deepEqual(page.find((c) => c.id === id)!.table, full.find((c) => c.id === id)!.table, id);
    }
  });

  it('picks round axis steps', () => {
    assert.deepEqual(axisTicks(4), [0, 1, 2, 3, 4]);
    assert.deepEqual(axisTicks(11), [0, 5, 10, 15]);
    assert.deepEqual(axisTicks(0), [0, 1]);
    assert.equal(escapeXml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
    assert.match(
      columnChartSvg({ id: 'x', title: 't', series: ['a'], data: [] }),
      /^<svg[^>]*><title id="x-title">t<\/title>/,
    );
    assert.match(
      barChartSvg({ id: 'x', title: 't', series: ['a', 'b'], data: [{ label: 'l', values: [1, 2] }] }),
      /sp-series-1/,
    );
  });
});
