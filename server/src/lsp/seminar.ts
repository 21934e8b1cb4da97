/**
 * The Seminar view's side of the server: `seminarPosts/seminar` hands out the workspace index's
 * posts by revision (every post once, then only what changed), `seminarPosts/seminarChanged`
 * tells the client that something changed (at most once per turn of the event loop, however many
 * posts a scan batch or a file event brought), and `seminarPosts/statistics` answers the
 * statistics page from the same posts, and `seminarPosts/statisticsExport` makes one chart's SVG or
 * full CSV when the page asks for it. The data logic is the core's (`core/index/seminar.ts`,
 * `seminarStats.ts`, `core/stats/charts.ts`).
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import type { Locale } from '../core/engine/messages';
import { seminarPostOf } from '../core/index/seminar';
import { seminarStatistics } from '../core/index/seminarStats';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { CHART_IDS, pageCharts, seminarCharts } from '../core/stats/charts';
import { tableCsv } from '../core/stats/tables';
import {
  onRequest,
  sendNotification,
  SeminarChangedNotification,
  SeminarRequest,
  StatisticsExportRequest,
  StatisticsRequest,
  type ProblemsReach,
  type SeminarChange,
  type SeminarResult,
  type ServerStatus,
  type StatisticsExportResult,
  type StatisticsResult,
} from '../protocol';

/** Serves the Seminar view and the statistics page. */
export class SeminarFeed {
  private pending = false;

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly state: () => ServerStatus['state'],
    private readonly reach: () => Promise<ProblemsReach>,
    private readonly locale: () => Locale,
  ) {}

  /** Registers the requests. */
  register(): void {
    onRequest(this.connection, SeminarRequest, async (params): Promise<SeminarResult> => {
      const since = typeof params?.since === 'number' ? params.since : undefined;
      const problems = await this.reach();
      // Read after the await: the answer is the index as it is when sent.
      const changes = this.index.changesSince(since);
      return {
        revision: changes.revision,
        reset: changes.reset,
        posts: changes.summaries.map(seminarPostOf),
        removed: changes.removed,
        state: this.state(),
        problems,
      };
    });
    onRequest(this.connection, StatisticsRequest, (): StatisticsResult => {
      const statistics = seminarStatistics([...this.index.summaries()].map(seminarPostOf));
      return { totals: statistics.totals, charts: pageCharts(statistics, this.locale()), state: this.state() };
    });
    onRequest(this.connection, StatisticsExportRequest, (params): StatisticsExportResult => {
      if (
        !params ||
        !(CHART_IDS as readonly unknown[]).includes(params.chart) ||
        (params.format !== 'svg' && params.format !== 'csv')
      ) {
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          'seminarPosts/statisticsExport: expected { chart, format: "svg" | "csv" }',
        );
      }
      const statistics = seminarStatistics([...this.index.summaries()].map(seminarPostOf));
      const chart = seminarCharts(statistics, this.locale()).find((c) => c.id === params.chart)!;
      const content =
        params.format === 'svg' ? chart.standaloneSvg : chart.table.rows.length ? tableCsv(chart.table) : undefined;
      return { title: chart.title, content };
    });
  }

  /** Something the view shows changed: tell the client once, on the next turn. */
  changed(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      void this.reach()
        .then((problems) => {
          const change: SeminarChange = { revision: this.index.revision, state: this.state(), problems };
          sendNotification(this.connection, SeminarChangedNotification, change);
        })
        .catch(() => undefined);
    });
  }
}
