/**
 * The custom protocol between the extension (client) and the language server, beside LSP. One
 * module for both sides: each message says who sends it, and both sides send and receive through
 * the typed helpers below, which infer params and results from the message. They take any
 * connection with `sendRequest`/`onRequest` (vscode-languageclient's client, vscode-languageserver's
 * connection, the protocol tests' client) and import no library, so that the client bundle never
 * holds a second copy of the LSP libraries, nor loads its one copy before the server starts.
 */

/** A request: its method and direction; its params and result are types only. */
export interface ProtocolRequest<Params, Result> {
  readonly method: string;
  readonly direction: 'clientToServer' | 'serverToClient';
  /** Never set: carries the types that `sendRequest` and `onRequest` infer. */
  readonly types?: (params: Params) => Result;
}

/** A notification: its method and direction; its params are a type only. */
export interface ProtocolNotification<Params> {
  readonly method: string;
  readonly direction: 'clientToServer' | 'serverToClient';
  /** Never set: carries the type that `sendNotification` and `onNotification` infer. */
  readonly types?: (params: Params) => void;
}

const request = <P, R>(method: string, direction: ProtocolRequest<P, R>['direction']): ProtocolRequest<P, R> => ({
  method,
  direction,
});
const notification = <P>(method: string, direction: ProtocolNotification<P>['direction']): ProtocolNotification<P> => ({
  method,
  direction,
});

/** The sending half of a connection (a cancellation token is passed through as it is). */
export interface MessageSender {
  sendRequest(method: string, ...params: unknown[]): Promise<unknown>;
  sendNotification(method: string, params?: unknown): unknown;
}

/** The receiving half of a connection. */
export interface MessageReceiver {
  onRequest(method: string, handler: (params: unknown, token: unknown) => unknown): unknown;
  onNotification(method: string, handler: (params: unknown) => void): unknown;
}

/** Sends `type` with `params` (and a cancellation token of the connection's library); resolves with its typed result. */
export function sendRequest<P, R>(
  connection: Pick<MessageSender, 'sendRequest'>,
  type: ProtocolRequest<P, R>,
  params: P,
  token?: unknown,
): Promise<R> {
  // A token passed as `undefined` would be sent as a second parameter.
  return (
    token === undefined
      ? connection.sendRequest(type.method, params)
      : connection.sendRequest(type.method, params, token)
  ) as Promise<R>;
}

/**
 * Answers `type`. Params come from the other process: the handler checks what it reads (they are
 * typed as the sender promises, and `undefined` when it sent none).
 */
export function onRequest<P, R, Token = unknown>(
  connection: Pick<MessageReceiver, 'onRequest'>,
  type: ProtocolRequest<P, R>,
  handler: (params: P | undefined, token: Token) => R | Promise<R>,
): void {
  connection.onRequest(type.method, (params, token) => handler(params as P | undefined, token as Token));
}

export function sendNotification<P>(
  connection: Pick<MessageSender, 'sendNotification'>,
  type: ProtocolNotification<P>,
  params: P,
): void {
  void connection.sendNotification(type.method, params);
}

/** Listens to `type`; what the connection returns (a disposable) is handed back. */
export function onNotification<P, D = unknown>(
  connection: { onNotification(method: string, handler: (params: unknown) => void): D },
  type: ProtocolNotification<P>,
  handler: (params: P) => void,
): D {
  return connection.onNotification(type.method, (params) => handler(params as P));
}

/** What the client hands the server in `initialize` (`initializationOptions`). */
export interface InitializationOptions {
  /** VS Code's display language (`en`, `ko`, ...): the messages' language. */
  locale: string;
  /** A folder the server may keep files in (under `cache/`: link results, looked-up papers): the extension's global storage. */
  storagePath?: string | undefined;
}

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
  /** Diagnostics inside the section that the Problems panel lists (errors, warnings, information; not hints). */
  problemCount: number;
  /** The worst severity among them, for the badge's colour; undefined without one. */
  problemSeverity?: ProblemSeverity | undefined;
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
  /** `image_url`, resolved: the home page list shows it; the post page (and so the preview) does not. */
  thumbnail: string | undefined;
  sections: SectionSummary[];
  /**
   * The problems before the first section (front matter, file name, text before the first paper),
   * for the badge in the header; undefined when there are none.
   */
  headerProblems?:
    { count: number; severity?: ProblemSeverity | undefined; first: { line: number; character: number } } | undefined;
}

/** The severities a problem badge shows (hints are not counted). */
export type ProblemSeverity = 'error' | 'warning' | 'info';

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
export const RenderRequest = request<RenderParams, RenderResult | RenderRefusal>(
  'seminarPosts/render',
  'clientToServer',
);

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
export const PresentersRequest = request<PresentersParams, PresentersResult>(
  'seminarPosts/presenters',
  'clientToServer',
);

export interface PresentersParams {
  /** The post whose labels the client wants, if any. */
  textDocument?: { uri: string };
}

export interface PresentersResult {
  names: string[];
  labels?: PostLabels;
}

/** The Jekyll site around a post: where files the client writes into it go, and how the site is served. */
export interface PostSite {
  /** The site's root folder (the one holding `_config.yml`), as a `file:` URI. */
  root: string;
  /** `baseurl` of `_config.yml` as Jekyll joins it to paths (`/blog`), or null when served at the root. */
  baseurl: string | null;
}

/**
 * Client -> server: the site around an open post, for a figure pasted or dropped into it; null
 * when the post is in no Jekyll site (or is not a post the server checks).
 */
export const PostSiteRequest = request<TextDocumentParams, PostSite | null>('seminarPosts/postSite', 'clientToServer');

/** A text edit, as LSP writes it (0-based lines, UTF-16 characters). */
export interface PlainTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export interface FillSectionParams extends TextDocumentParams {
  /** A line of the section to fill (its title's, or the cursor's). */
  line: number;
  /** Write the title and authors lines even when an author wrote them (after the user agreed). */
  replace?: boolean;
  /** Base URLs from the settings `seminarPosts.endpoints.*`; empty ones leave the environment or the default. */
  endpoints?: { arxiv?: string; doi?: string };
}

export type FillSectionResult =
  /** The edits to apply to the post at `version` (nothing is applied by the server). */
  | { kind: 'filled'; version: number; url: string; edits: PlainTextEdit[] }
  /** Both lines are written already: `replace` would overwrite them. */
  | { kind: 'complete'; url: string; message: string }
  /** Nothing to do or nothing done: no paper link there, not a post, or the lookup failed (the message names the URL and the reason). */
  | { kind: 'noLink' | 'notPost' | 'failed'; message: string };

/**
 * Client -> server: fill the section at a line from its paper link (the lookup may take up to
 * 5 s; the request can be cancelled). Sent only on the user's request: a code lens, a quick fix,
 * the command, or a completion item that says it asks the paper's host.
 */
export const FillSectionRequest = request<FillSectionParams, FillSectionResult>(
  'seminarPosts/fillSection',
  'clientToServer',
);

export interface ServerStatus {
  /** `indexing` while the workspace index is built; `ready` after. */
  state: 'indexing' | 'ready';
  /** Posts in the workspace index. */
  posts: number;
  /** A problem of the environment to show once (a bad configuration file, say), in the UI language. */
  message?: string;
}

/** Server -> client: the server's state, for the status item. */
export const StatusNotification = notification<ServerStatus>('seminarPosts/status', 'serverToClient');

/** Whether an open document is a post, as the server decides it. */
export interface PostSelection {
  uri: string;
  /** Under the `posts` globs of its settings and `.seminar-posts.json` (and a `file:`). */
  isPost: boolean;
}

/**
 * Server -> client: whether an open Markdown document is a post. The client hands the server every
 * Markdown file on disk and leaves the choice to it (the `posts` globs of the settings and of
 * `.seminar-posts.json`, merged as the checks merge them); it learns the answer here, for the
 * `seminarPosts.isPost` context key, the preview and the status item. Sent when a document is
 * first checked and whenever the answer changes (settings or a configuration file changed).
 */
export const PostSelectionNotification = notification<PostSelection>('seminarPosts/postSelection', 'serverToClient');

/** What Check Links checks: the post `textDocument` names, or every post of the workspace. */
export interface CheckLinksParams {
  scope: 'post' | 'workspace';
  /** The post, for the `post` scope. */
  textDocument?: { uri: string };
  /** LSP work-done progress: the server reports `$/progress` with this token (begin, a report per address, end). */
  workDoneToken?: string | number;
}

/** What a Check Links run found. */
export interface CheckLinksResult {
  /** Posts whose addresses were checked. */
  posts: number;
  /** Distinct addresses. */
  links: number;
  /** Addresses asked of the network (the others came from the cache). */
  requested: number;
  fromCache: number;
  /** Reports of `link-dead`, by kind. */
  problems: { dead: number; signIn: number; unchecked: number; moved: number };
  /** The run was cancelled; what was found until then is shown. */
  cancelled: boolean;
  /** Why nothing was checked (not a post, say), in the UI language. */
  refused?: string;
}

/**
 * Client -> server: check the addresses of a post, or of every post, over the network (the only
 * request that does). The results become `link-dead` diagnostics on the posts, in the server's
 * own diagnostics (pushed for posts that are not open), and stay until the check runs again.
 * Cancelling the request stops the check.
 */
export const CheckLinksRequest = request<CheckLinksParams, CheckLinksResult>(
  'seminarPosts/checkLinks',
  'clientToServer',
);

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
export const SeminarRequest = request<SeminarParams, SeminarResult>('seminarPosts/seminar', 'clientToServer');

/** What changed on the server's side of the Seminar view. */
export interface SeminarChange {
  /** The index's revision now: a client at another revision asks for the changes (`SeminarRequest` with `since`). */
  revision: number;
  state: ServerStatus['state'];
  problems: ProblemsReach;
}

/** Server -> client: the index's posts, its state or the problems' reach changed (sent at most once per turn of its event loop). */
export const SeminarChangedNotification = notification<SeminarChange>('seminarPosts/seminarChanged', 'serverToClient');

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
export const StatisticsRequest = request<Record<string, never>, StatisticsResult>(
  'seminarPosts/statistics',
  'clientToServer',
);

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
export const StatisticsExportRequest = request<StatisticsExportParams, StatisticsExportResult>(
  'seminarPosts/statisticsExport',
  'clientToServer',
);
