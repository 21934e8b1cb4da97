/**
 * The custom protocol between the extension (client) and the language server, beside LSP. One
 * module for both sides: each message says who sends it. Methods are plain names, so that neither
 * side pulls a second copy of the LSP libraries into its bundle; `sendRequest`/`onRequest` are
 * typed through the specs below.
 */

/** A request: `method`, and its params and result types. */
export interface RequestSpec<Params, Result> {
  readonly method: string;
  /** Type carriers only; never set. */
  readonly params?: Params;
  readonly result?: Result;
}

/** A notification: `method` and its params type. */
export interface NotificationSpec<Params> {
  readonly method: string;
  readonly params?: Params;
}

const request = <P, R>(method: string): RequestSpec<P, R> => ({ method });
const notification = <P>(method: string): NotificationSpec<P> => ({ method });

export interface TextDocumentParams {
  textDocument: { uri: string };
}

/** One paper section, as the preview and the quarter summary show it. */
export interface SectionSummary {
  index: number;
  title: string;
  authors: string | undefined;
  venue: string | undefined;
  presenter: string | undefined;
  links: { label: string; url: string | undefined; kind: 'paper' | 'slides' | 'other' }[];
  imageCount: number;
  /** 0-based line of the `#` heading. */
  line: number;
  /** Diagnostics (of any severity) inside the section. */
  problemCount: number;
  /** Where the section's first problem starts (0-based), for the preview's badge; undefined without one. */
  firstProblem?: { line: number; character: number } | undefined;
}

export interface RenderResult {
  /** The document version rendered. */
  version: number | undefined;
  /** The body as sanitized HTML; every block element carries `data-line`. */
  html: string;
  title: string | undefined;
  /** The date formatted as the blog shows it. */
  date: string | undefined;
  /** The same date as `YYYY-MM-DD`, for a `<time datetime>`. */
  dateTime?: string | undefined;
  thumbnail: string | undefined;
  sections: SectionSummary[];
  /**
   * The problems before the first section (front matter, file name, text before the first paper),
   * for the badge in the header; undefined when there are none.
   */
  headerProblems?: { count: number; first: { line: number; character: number } } | undefined;
}

/** What the preview asks the server to render. */
export interface RenderParams extends TextDocumentParams {
  /**
   * The webview URI that the file system's root (`file:///`) maps to: VS Code's `asWebviewUri`
   * keeps a file's path, so a file's webview URI is this base followed by the file's URI path.
   * With it, site-absolute images (`/assets/a.png`) resolve to the site folder's file.
   */
  resourceBase?: string;
}

/** Why the server rendered nothing (not an error of the request: the preview shows `message`). */
export interface RenderRefusal {
  /**
   * `notOpen`: the server has no open document with that URI; `notPost`: the file is not a post
   * (outside the `posts` globs, or not a `file:`); `paused`: its checks are paused (too large, binary).
   */
  refused: 'notOpen' | 'notPost' | 'paused';
  /** The document version, when the server has the document. */
  version: number | undefined;
  /** Why, in the UI language. */
  message: string;
}

/**
 * Client -> server: render a post for the preview, at the server's current version of it, with
 * that version's diagnostics (counted per section). The answer names the version it rendered. A
 * request that finds a newer change of the document already on its way is cancelled
 * (`ServerCancelled`): the client asks again for the newer version.
 */
export const RenderRequest = request<RenderParams, RenderResult | RenderRefusal>('seminarPosts/render');

/** True when the server rendered nothing. */
export function isRenderRefusal(answer: RenderResult | RenderRefusal): answer is RenderRefusal {
  return typeof (answer as Partial<RenderRefusal>).refused === 'string';
}

/** The labels a post's configuration uses (settings and `.seminar-posts.json`, merged as the checks merge them). */
export interface PostLabels {
  presenter: string[];
  paper: string[];
  slides: string[];
}

/**
 * Client -> server: every presenter name of the workspace's posts, most frequent first; and, when
 * the params name an open post, the labels its configuration uses (so that text the client writes
 * into the post passes the checks).
 */
export const PresentersRequest = request<{ textDocument?: { uri: string } }, { names: string[]; labels?: PostLabels }>('seminarPosts/presenters');

export interface ServerStatus {
  /** `indexing` while the workspace index is built; `ready` after. */
  state: 'indexing' | 'ready';
  /** Posts in the workspace index. */
  posts: number;
  /** A problem of the environment to show once (a bad configuration file, say), in the UI language. */
  message?: string;
}

/** Server -> client: the server's state, for the status item. */
export const StatusNotification = notification<ServerStatus>('seminarPosts/status');

/**
 * Client -> server: the server's process id. For the integration test that kills the server to
 * see the extension restart it (and for a person who wants to find the process); nothing else.
 */
export const ProcessIdRequest = request<Record<string, never>, { pid: number }>('seminarPosts/processId');

/** Which posts the Problems panel lists (`seminarPosts.problems.*`), and how far checking them has come. */
export interface ProblemsReach {
  /** `open`: open posts only; `workspace`: the newest `maxPosts` posts of the workspace too. */
  scope: 'open' | 'workspace';
  maxPosts: number;
  /** While the workspace's posts are being checked: how many of how many. */
  checking?: { done: number; total: number } | undefined;
}

/** What the Seminar view asks: the posts that changed since the revision it has (none: every post). */
export interface SeminarParams {
  since?: number;
}

/** The Seminar view's posts (`SeminarPost` of `core/index/seminar.ts`), whole or what changed. */
export interface SeminarResult {
  /** The workspace index's revision these posts are at: the next request's `since`. */
  revision: number;
  /** True when `posts` is every post (the client drops what it had); false when only the changed ones. */
  reset: boolean;
  posts: import('./core/index/seminar').SeminarPost[];
  /** URIs of the posts removed since `since`. */
  removed: string[];
  /** `indexing` while the server reads the workspace; `ready` after. */
  state: ServerStatus['state'];
  problems: ProblemsReach;
}

/**
 * Client -> server: the Seminar view's posts, whole (no `since`) or the ones that changed since a
 * revision, so that the view never asks for the posts it has again.
 */
export const SeminarRequest = request<SeminarParams, SeminarResult>('seminarPosts/seminar');

/** What changed on the server's side of the Seminar view. */
export interface SeminarChange {
  /** The index's revision now: a client at another revision asks for the changes (`SeminarRequest` with `since`). */
  revision: number;
  state: ServerStatus['state'];
  problems: ProblemsReach;
}

/** Server -> client: the index's posts, its state or the problems' reach changed (sent at most once per turn of its event loop). */
export const SeminarChangedNotification = notification<SeminarChange>('seminarPosts/seminarChanged');

/**
 * The statistics page's content: the totals and each chart as the page shows it (SVG, table,
 * words in the UI language). Not the statistics themselves, nor the exports: on a site of 1,000
 * posts over 250 years those were 3.5 MB the page never read (`StatisticsExportRequest` makes an
 * export when asked).
 */
export interface StatisticsResult {
  totals: import('./core/index/seminarStats').SeminarStatistics['totals'];
  charts: import('./core/stats/charts').PageChart[];
  /** `indexing` while the server reads the workspace (the numbers are not final yet). */
  state: ServerStatus['state'];
}

/** Client -> server: the seminar's statistics over every post of the workspace index. */
export const StatisticsRequest = request<Record<string, never>, StatisticsResult>('seminarPosts/statistics');

/** Which export the statistics page asks for: a chart as standalone SVG, or its full table as CSV. */
export interface StatisticsExportParams {
  chart: import('./core/stats/charts').ChartId;
  format: 'svg' | 'csv';
}

/** An export, made from the statistics as they are when asked. */
export interface StatisticsExportResult {
  /** The chart's title, in the UI language. */
  title: string;
  /** The SVG, or the CSV (RFC 4180, without a byte order mark); undefined when the chart has nothing to export. */
  content: string | undefined;
}

/** Client -> server: one chart's export, computed when asked (the page's content leaves the exports out). */
export const StatisticsExportRequest = request<StatisticsExportParams, StatisticsExportResult>('seminarPosts/statisticsExport');
