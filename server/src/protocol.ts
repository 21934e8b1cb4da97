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
export const PostSiteRequest = request<TextDocumentParams, PostSite | null>('seminarPosts/postSite');

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
export const FillSectionRequest = request<FillSectionParams, FillSectionResult>('seminarPosts/fillSection');

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
