/**
 * The statistics page's charts, from `seminarStatistics`: each with its SVG (for the page, and
 * standalone for the export), its table (for screen readers, the CSV export and the CLI) and
 * its words in English or Korean. Pure and deterministic.
 */
import { formatMessage, type Locale } from '../engine/messages';
import type { Quarter } from '../index/seminar';
import type { SeminarStatistics } from '../index/seminarStats';
import { barChartSvg, columnChartSvg, SERIES_COLOURS, type ChartSpec } from './svg';
import type { DataTable } from './tables';

/** The charts there are, in the order the page shows them. */
export const CHART_IDS = ['quarters', 'presenters', 'venues', 'repeated'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** One chart of the statistics page. */
export interface SeminarChart {
  id: ChartId;
  title: string;
  /** One sentence under the title: what the chart shows, and what it leaves out. */
  description: string;
  /** The chart for the page (colours from the theme's classes); undefined when there is nothing to draw. */
  svg: string | undefined;
  /** The same chart standalone (its own style and background), for the SVG export. */
  standaloneSvg: string | undefined;
  table: DataTable;
  /** Shown instead of the chart when there is nothing to draw. */
  empty: string | undefined;
}

/**
 * A chart as the statistics page gets it: no standalone SVG (the export asks for it), and the
 * presenter table with the chart's own columns (total, the years drawn, older years together)
 * instead of one column per year with talks, which on a site spanning 250 years was most of the
 * page's data. The CSV export writes the full table ({@link seminarCharts}).
 */
export type PageChart = Omit<SeminarChart, 'standaloneSvg'>;

/** Rows drawn at most in the presenter, venue and repeated-paper charts (their tables list every row). */
export const MAX_BARS = { presenters: 20, venues: 15, repeated: 15 } as const;
/** Years stacked at most in the presenter chart: older years share one series. */
const MAX_YEARS = SERIES_COLOURS - 2;

const TEXT = {
  quartersTitle: { en: 'Talks per quarter', ko: '분기별 발표 수' },
  quartersDescription: {
    en: '{talks} talks in {quarters} quarters, oldest first; quarters without a post show as 0.',
    ko: '{quarters}개 분기의 발표 {talks}개, 오래된 분기부터. 글이 없는 분기는 0으로 보입니다.',
  },
  presentersTitle: { en: 'Talks per presenter, by year', ko: '발표자별 발표 수(연도별)' },
  presentersDescription: {
    en: 'The {shown} presenters with the most talks (of {total}), each bar stacked by year.',
    ko: '발표가 가장 많은 발표자 {shown}명(전체 {total}명), 막대는 연도별로 쌓았습니다.',
  },
  presentersDescriptionAll: {
    en: "Every presenter's talks, each bar stacked by year.",
    ko: '발표자별 발표 수, 막대는 연도별로 쌓았습니다.',
  },
  venuesTitle: { en: 'Venues', ko: '학회' },
  venuesDescription: {
    en: 'Talks per venue, years left out: the {shown} most frequent of {total}. Talks without a venue: {missing}.',
    ko: '학회별 발표 수(연도 제외): 전체 {total}곳 중 많은 순으로 {shown}곳. 학회가 없는 발표: {missing}개.',
  },
  venuesDescriptionAll: {
    en: 'Talks per venue, years left out. Talks without a venue: {missing}.',
    ko: '학회별 발표 수(연도 제외). 학회가 없는 발표: {missing}개.',
  },
  repeatedTitle: { en: 'Papers presented more than once', ko: '두 번 이상 발표된 논문' },
  repeatedDescription: {
    en: 'Papers whose title appears in more than one talk (letter case and punctuation aside): {total}.',
    ko: '제목이 두 번 이상 나오는 논문(대소문자와 문장 부호는 무시): {total}편.',
  },
  noTalks: {
    en: 'No talks yet: a talk is a `# Paper title` section of a post under `_posts/`.',
    ko: '아직 발표가 없습니다. 발표는 `_posts/` 아래 포스트의 `# 논문 제목` 섹션입니다.',
  },
  noVenues: { en: 'No talk names a venue on its authors line.', ko: '저자 줄에 학회를 적은 발표가 없습니다.' },
  noRepeats: { en: 'No paper was presented twice.', ko: '두 번 발표된 논문이 없습니다.' },
  quarter: { en: 'Quarter', ko: '분기' },
  talks: { en: 'Talks', ko: '발표 수' },
  presenter: { en: 'Presenter', ko: '발표자' },
  total: { en: 'Total', ko: '합계' },
  undated: { en: 'No date', ko: '날짜 없음' },
  earlier: { en: 'Before {year}', ko: '{year}년 이전' },
  venue: { en: 'Venue', ko: '학회' },
  paper: { en: 'Paper', ko: '논문' },
  times: { en: 'Times', ko: '횟수' },
  presentations: { en: 'Presentations', ko: '발표' },
  quarterLabel: { en: '{year} Q{quarter}', ko: '{year}년 {quarter}분기' },
  talkCount: { en: '{label}: {count} talks', ko: '{label}: 발표 {count}개' },
  unknownPresenter: { en: 'no presenter', ko: '발표자 없음' },
  postsCount: { en: '{n} posts', ko: '포스트 {n}개' },
  postsCount1: { en: '1 post', ko: '포스트 1개' },
  talksCount: { en: '{n} talks', ko: '발표 {n}개' },
  talksCount1: { en: '1 talk', ko: '발표 1개' },
  presentersCount: { en: '{n} presenters', ko: '발표자 {n}명' },
  presentersCount1: { en: '1 presenter', ko: '발표자 1명' },
  quartersCount: { en: '{n} quarters', ko: '분기 {n}개' },
  quartersCount1: { en: '1 quarter', ko: '분기 1개' },
  venuesCount: { en: '{n} venues', ko: '학회 {n}곳' },
  venuesCount1: { en: '1 venue', ko: '학회 1곳' },
};

/** `3 posts, 1 talk, ...` / `포스트 3개, 발표 1개, ...`: the totals of the statistics in one line. */
export function totalsText(totals: SeminarStatistics['totals'], locale: Locale): string {
  return (['posts', 'talks', 'presenters', 'quarters', 'venues'] as const)
    .map((key) =>
      totals[key] === 1
        ? formatMessage(TEXT[`${key}Count1`], locale)
        : formatMessage(TEXT[`${key}Count`], locale, { n: totals[key] }),
    )
    .join(', ');
}

/** `2020 Q3` / `2020년 3분기`; `2020-Q3` ids are read back. */
export function quarterLabel(quarter: Quarter | string, locale: Locale): string {
  if (typeof quarter === 'string') {
    const m = /^(\d+)-Q([1-4])$/.exec(quarter);
    if (!m) return formatMessage(TEXT.undated, locale);
    quarter = { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] };
  }
  return formatMessage(TEXT.quarterLabel, locale, { year: quarter.year, quarter: quarter.quarter });
}

/** Every chart with its standalone SVG and full table (the exports, `seminar-posts stats`), in {@link CHART_IDS} order. */
export function seminarCharts(stats: SeminarStatistics, locale: Locale): SeminarChart[] {
  return buildCharts(stats, locale, false) as SeminarChart[];
}

/** Every chart as the statistics page shows it ({@link PageChart}), in {@link CHART_IDS} order. */
export function pageCharts(stats: SeminarStatistics, locale: Locale): PageChart[] {
  return buildCharts(stats, locale, true);
}

function buildCharts(stats: SeminarStatistics, locale: Locale, page: boolean): PageChart[] {
  const t = (id: keyof typeof TEXT, data: Record<string, string | number> = {}) =>
    formatMessage(TEXT[id], locale, data);
  const charts: PageChart[] = [];
  const draw = (spec: Omit<ChartSpec, 'standalone'>, kind: 'column' | 'bar') => {
    const svg = kind === 'column' ? columnChartSvg : barChartSvg;
    return page ? { svg: svg(spec) } : { svg: svg(spec), standaloneSvg: svg({ ...spec, standalone: true }) };
  };
  const nothing = page ? { svg: undefined } : { svg: undefined, standaloneSvg: undefined };

  // Talks per quarter.
  {
    const title = t('quartersTitle');
    const table: DataTable = {
      caption: title,
      columns: [t('quarter'), t('talks')],
      rows: stats.perQuarter.map((q) => [quarterLabel(q, locale), q.talks]),
    };
    const data = stats.perQuarter.map((q) => ({
      label: `${q.year} Q${q.quarter}`,
      values: [q.talks],
      tooltip: t('talkCount', { label: quarterLabel(q, locale), count: q.talks }),
    }));
    const empty = stats.totals.talks === 0 ? t('noTalks') : undefined;
    charts.push({
      id: 'quarters',
      title,
      description: t('quartersDescription', {
        talks: stats.totals.talks - stats.totals.undatedTalks,
        quarters: stats.totals.quarters,
      }),
      ...(empty ? nothing : draw({ id: 'sp-chart-quarters', title, series: [t('talks')], data }, 'column')),
      table,
      empty,
    });
  }

  // Talks per presenter, stacked by year (the latest years, older ones together).
  {
    const title = t('presentersTitle');
    const years = stats.years;
    const undated = stats.perPresenter.some((p) => p.undated > 0);
    const kept = years.length > MAX_YEARS ? years.slice(-(MAX_YEARS - 1)) : years;
    const folded = years.length - kept.length;
    const series = [
      ...(folded ? [t('earlier', { year: kept[0]! })] : []),
      ...kept.map(String),
      ...(undated ? [t('undated')] : []),
    ];
    const yearIndex = new Map(years.map((year, i) => [year, i]));
    /** A presenter's talks in every year of `years`, then undated when any presenter has some. */
    const allYears = (p: SeminarStatistics['perPresenter'][number]) => {
      const values = new Array<number>(years.length + (undated ? 1 : 0)).fill(0);
      for (const { year, talks } of p.byYear) values[yearIndex.get(year)!] = talks;
      if (undated) values[years.length] = p.undated;
      return values;
    };
    /** A presenter's talks in the chart's series: the older years summed, then each year kept, then undated. */
    const seriesValues = (p: SeminarStatistics['perPresenter'][number]) => {
      const values = new Array<number>(series.length).fill(0);
      const first = folded ? 1 : 0;
      for (const { year, talks } of p.byYear) {
        const i = yearIndex.get(year)!;
        values[i < folded ? 0 : first + i - folded]! += talks;
      }
      if (undated) values[series.length - 1] = p.undated;
      return values;
    };
    const table: DataTable = page
      ? {
          caption: title,
          columns: [t('presenter'), t('total'), ...series],
          rows: stats.perPresenter.map((p) => [p.name, p.total, ...seriesValues(p)]),
        }
      : {
          caption: title,
          columns: [t('presenter'), t('total'), ...years.map(String), ...(undated ? [t('undated')] : [])],
          rows: stats.perPresenter.map((p) => [p.name, p.total, ...allYears(p)]),
        };
    const shown = stats.perPresenter.slice(0, MAX_BARS.presenters);
    const data = shown.map((p) => {
      const values = seriesValues(p);
      const parts = values.flatMap((value, i) => (value > 0 ? [`${series[i]}: ${value}`] : []));
      return {
        label: p.name,
        values,
        tooltip: `${t('talkCount', { label: p.name, count: p.total })} (${parts.join(', ')})`,
      };
    });
    const empty = shown.length === 0 ? t('noTalks') : undefined;
    charts.push({
      id: 'presenters',
      title,
      description:
        shown.length < stats.perPresenter.length
          ? t('presentersDescription', { shown: shown.length, total: stats.perPresenter.length })
          : t('presentersDescriptionAll'),
      ...(empty ? nothing : draw({ id: 'sp-chart-presenters', title, series, data }, 'bar')),
      table,
      empty,
    });
  }

  // Venues.
  {
    const title = t('venuesTitle');
    const table: DataTable = {
      caption: title,
      columns: [t('venue'), t('talks')],
      rows: stats.venues.map((v) => [v.venue, v.talks]),
    };
    const shown = stats.venues.slice(0, MAX_BARS.venues);
    const data = shown.map((v) => ({
      label: v.venue,
      values: [v.talks],
      tooltip: t('talkCount', { label: v.venue, count: v.talks }),
    }));
    const empty = shown.length === 0 ? (stats.totals.talks === 0 ? t('noTalks') : t('noVenues')) : undefined;
    charts.push({
      id: 'venues',
      title,
      description:
        shown.length < stats.venues.length
          ? t('venuesDescription', {
              shown: shown.length,
              total: stats.venues.length,
              missing: stats.talksWithoutVenue,
            })
          : t('venuesDescriptionAll', { missing: stats.talksWithoutVenue }),
      ...(empty ? nothing : draw({ id: 'sp-chart-venues', title, series: [t('talks')], data }, 'bar')),
      table,
      empty,
    });
  }

  // Papers presented more than once.
  {
    const title = t('repeatedTitle');
    const who = (p: string | undefined) => p ?? t('unknownPresenter');
    const table: DataTable = {
      caption: title,
      columns: [t('paper'), t('times'), t('presentations')],
      rows: stats.repeated.map((r) => [
        r.title,
        r.talks.length,
        r.talks.map((talk) => `${quarterLabel(talk.quarter, locale)} ${who(talk.presenter)}`).join('; '),
      ]),
    };
    const shown = stats.repeated.slice(0, MAX_BARS.repeated);
    const data = shown.map((r) => ({
      label: r.title,
      values: [r.talks.length],
      tooltip: `${r.title}: ${r.talks.map((talk) => `${quarterLabel(talk.quarter, locale)} ${who(talk.presenter)}`).join(', ')}`,
    }));
    const empty = shown.length === 0 ? t('noRepeats') : undefined;
    charts.push({
      id: 'repeated',
      title,
      description: t('repeatedDescription', { total: stats.repeated.length }),
      ...(empty ? nothing : draw({ id: 'sp-chart-repeated', title, series: [t('times')], data }, 'bar')),
      table,
      empty,
    });
  }
  return charts;
}
