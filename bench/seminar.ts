/**
 * The Seminar view and every post's problems on the benchmark site: the bundled server started
 * with a client that pulls diagnostics (as VS Code does), timed once its status says `ready` with
 * every post indexed and its "Checking seminar posts" progress has ended.
 *
 * - View fill: `seminarPosts/seminar` (every post) asked, answered, applied to the view's store
 *   (`client/src/seminar/seminarStore.ts`, the same code the extension runs) and grouped into
 *   quarters and presenters. What VS Code then draws is not in it.
 * - Statistics: `seminarPosts/statistics` (numbers and SVG charts) asked and answered.
 * - `workspace/diagnostic`: the whole report, then again with its result ids (all unchanged).
 * - RSS after all of it, read from /proc.
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { WorkspaceDiagnosticRequest, type ClientCapabilities } from 'vscode-languageserver-protocol';
import { SeminarStore } from '../client/src/seminar/seminarStore';
import { SeminarRequest, StatisticsRequest, type SeminarResult, type StatisticsResult } from '../server/src/protocol';
import { LspClient } from '../test/protocol/support/lspClient';
import { now } from './stats';

/** What one run measured. */
export interface SeminarRun {
  posts: number;
  quarters: number;
  presenters: number;
  /** Request to grouped store, ms. */
  fillMs: number;
  /** The follow-up a change notification brings: `seminarPosts/seminar` with `since` at the store's revision (nothing changed here), ms. */
  refreshMs: number;
  statisticsMs: number;
  /** Reports in the first `workspace/diagnostic` answer, and its time. */
  reports: number;
  diagnosticMs: number;
  /** Reports answered `unchanged` on the second call, and its time. */
  unchanged: number;
  diagnosticAgainMs: number;
  rssMb: number;
  peakMb: number;
}

const PULLS: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false } },
  workspace: { diagnostics: { refreshSupport: true } },
};

function residentMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Starts the server on `siteDir` (holding `posts` posts) and measures the Seminar view's requests once it is ready. */
export async function measureSeminar(siteDir: string, posts: number): Promise<SeminarRun> {
  const client = await LspClient.start({
    folders: [pathToFileURL(siteDir).toString()],
    capabilities: PULLS,
    waitLimitMs: 10 * 60_000,
  });
  try {
    await client.waitForStatus((s) => s.state === 'ready' && s.posts >= posts);
    await client.waitForProgressEnd('Checking seminar posts');

    const store = new SeminarStore();
    let t = now();
    const all = await client.connection.sendRequest<SeminarResult>(SeminarRequest.method, {});
    store.apply(all);
    const quarters = store.quarterGroups().length;
    const presenters = store.presenterGroups().length;
    const fillMs = now() - t;
    if (store.size < posts) throw new Error(`the Seminar view got ${store.size} of ${posts} posts`);

    t = now();
    store.apply(await client.connection.sendRequest<SeminarResult>(SeminarRequest.method, { since: store.revision }));
    const refreshMs = now() - t;

    t = now();
    const statistics = await client.connection.sendRequest<StatisticsResult>(StatisticsRequest.method, {});
    const statisticsMs = now() - t;
    if (!statistics.charts.length) throw new Error('the statistics have no chart');

    t = now();
    const first = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    const diagnosticMs = now() - t;
    t = now();
    const again = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: first.items.filter((r) => r.resultId).map((r) => ({ uri: r.uri, value: r.resultId! })),
    });
    const diagnosticAgainMs = now() - t;

    const { rss, peak } = residentMb(client.process.pid!);
    return {
      posts: store.size,
      quarters,
      presenters,
      fillMs,
      refreshMs,
      statisticsMs,
      reports: first.items.length,
      diagnosticMs,
      unchanged: again.items.filter((r) => r.kind === 'unchanged').length,
      diagnosticAgainMs,
      rssMb: rss,
      peakMb: peak,
    };
  } finally {
    await client.stop();
  }
}
