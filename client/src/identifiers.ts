/**
 * Names the extension shares with its manifest and its server: command ids (the manifest lists
 * exactly these, `commands/index.ts` maps each to its factory), the fix-all code action kind, the
 * client id and the diagnostics' source. No `vscode` import: tests check them in plain Node.
 */
export const COMMAND_IDS = [
  'seminarPosts.newQuarterPost',
  'seminarPosts.addPaperSection',
  'seminarPosts.insertImageBlock',
  'seminarPosts.fillFromPaperLink',
  'seminarPosts.fixAllProblems',
  'seminarPosts.restartServer',
  'seminarPosts.showOutput',
  'seminarPosts.openPreview',
  'seminarPosts.openPreviewToSide',
  'seminarPosts.showQuarterSummary',
  'seminarPosts.togglePreviewLock',
  'seminarPosts.checkLinks',
  'seminarPosts.showStatistics',
  'seminarPosts.seminar.openTalk',
  'seminarPosts.seminar.openPost',
  'seminarPosts.seminar.openPreview',
  'seminarPosts.seminar.copyPaperLink',
  'seminarPosts.seminar.openPaper',
  'seminarPosts.seminar.filter',
  'seminarPosts.seminar.clearFilter',
  'seminarPosts.seminar.refresh',
] as const;

/** A command id of this extension. */
export type CommandId = (typeof COMMAND_IDS)[number];

/** The context key that is true while the active editor shows a post (`when` clauses of the manifest). */
export const IS_POST_CONTEXT = 'seminarPosts.isPost';

/** The webview type of the preview panels (`activeWebviewPanelId` in `when` clauses). */
export const PREVIEW_VIEW_TYPE = 'seminarPosts.preview';

/** The internal command (not in the palette) that opens a link clicked in the preview. */
export const OPEN_LINK_COMMAND = 'seminarPosts.preview.openLink';

/** The code action kind of the server's "fix all": `source.fixAll.seminarPosts`. */
export const FIX_ALL_KIND = 'source.fixAll.seminarPosts';

/** The id of the language client, which also names the `seminarPosts.trace.server` setting. */
export const CLIENT_ID = 'seminarPosts';

/** The `source` of the server's diagnostics (the core's `DIAGNOSTIC_SOURCE`; a test keeps them equal). */
export const DIAGNOSTIC_SOURCE = 'seminar-posts';

/** The Seminar view's container in the activity bar, and its two views. */
export const SEMINAR_CONTAINER = 'seminarPosts';
export const SEMINAR_VIEWS = { quarters: 'seminarPosts.quarters', presenters: 'seminarPosts.presenters' } as const;

/** The context key the Seminar view's welcome content is chosen by (`SeminarViewState`). */
export const SEMINAR_STATE_CONTEXT = 'seminarPosts.seminar.state';

/** The context key that is true while the Seminar view is filtered (its Clear Filter button). */
export const SEMINAR_FILTERED_CONTEXT = 'seminarPosts.seminar.filtered';

/** The command a talk's row runs: its post, at the talk's line. */
export const SEMINAR_OPEN_TALK_COMMAND = 'seminarPosts.seminar.openTalk';

/** The URI scheme of the Seminar view's rows, for their problem decorations. */
export const SEMINAR_ITEM_SCHEME = 'seminar-posts-item';

/** The webview type of the statistics page. */
export const STATISTICS_VIEW_TYPE = 'seminarPosts.statistics';
