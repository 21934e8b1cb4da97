/**
 * The Seminar view's side of the server: `seminarPosts/seminar` hands out the workspace index's
 * posts by revision (every post once, then only what changed), `seminarPosts/seminarChanged`
 * tells the client that something changed (at most once per turn of the event loop, however many
 * posts a scan batch or a file event brought), and `seminarPosts/statistics` answers the
 * statistics page from the same posts. The data logic is the core's (`core/index/seminar.ts`,
 * `seminarStats.ts`, `core/stats/charts.ts`).
 */
import type { Connection } from 'vscode-languageserver/node';
import type { Locale } from '../core/engine/messages';
import { seminarPostOf } from '../core/index/seminar';
import { seminarStatistics } from '../core/index/seminarStats';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { seminarCharts } from '../core/stats/charts';
import {
  onRequest, sendNotification, SeminarChangedNotification, SeminarRequest, StatisticsRequest, type ProblemsReach, type SeminarChange,
  type SeminarResult, type ServerStatus, type StatisticsResult,
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
      return { revision: changes.revision, reset: changes.reset, posts: changes.summaries.map(seminarPostOf), removed: changes.removed, state: this.state(), problems };
    });
    onRequest(this.connection, StatisticsRequest, (): StatisticsResult => {
      const statistics = seminarStatistics([...this.index.summaries()].map(seminarPostOf));
      return { statistics, charts: seminarCharts(statistics, this.locale()), state: this.state() };
    });
  }

  /** Something the view shows changed: tell the client once, on the next turn. */
  changed(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      void this.reach().then((problems) => {
        const change: SeminarChange = { revision: this.index.revision, state: this.state(), problems };
        sendNotification(this.connection, SeminarChangedNotification, change);
      }).catch(() => undefined);
    });
  }
}
