/**
 * The extension's settings, typed. The flow is manifest (`contributes.configuration`) -> these
 * names -> the client (document selector, trace) -> the server, which pulls the `seminarPosts`
 * section per resource through `workspace/configuration`. No `vscode` import: tests read it in
 * plain Node.
 */
import { DEFAULTS } from '../../server/src/core/config/config';

/** The configuration section every setting lives in. */
export const SETTINGS_SECTION = 'seminarPosts';

/** Full setting names, as the manifest contributes them and the server reads them. */
export const SETTING = {
  posts: 'seminarPosts.posts',
  rules: 'seminarPosts.rules',
  presenterLabels: 'seminarPosts.presenterLabels',
  linkLabels: 'seminarPosts.linkLabels',
  requiredFields: 'seminarPosts.requiredFields',
  titlePattern: 'seminarPosts.titlePattern',
  maxFileSize: 'seminarPosts.maxFileSize',
  traceServer: 'seminarPosts.trace.server',
  previewScrollSync: 'seminarPosts.preview.scrollSync',
  previewDoubleClickToReveal: 'seminarPosts.preview.doubleClickToReveal',
  previewLockedByDefault: 'seminarPosts.preview.lockedByDefault',
  problemsScope: 'seminarPosts.problems.scope',
  problemsMaxPosts: 'seminarPosts.problems.maxPosts',
} as const;

/** The settings the client itself reads (the server reads the rest). */
export interface ClientSettings {
  /** Glob patterns of the files that are posts; the language server sees only these. */
  posts: string[];
  /** Labels that open a presenter line; the first is the one new sections use. */
  presenterLabels: string[];
  linkLabels: { paper: string[]; slides: string[] };
}

/** Reads one setting; `undefined` when it is not set anywhere (VS Code then supplies the manifest default). */
export type SettingReader = (name: string) => unknown;

const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : undefined;

/**
 * The client's settings, from a reader over `seminarPosts.*` (without the section prefix). A value
 * of the wrong type falls back to the built-in default instead of breaking the client.
 */
export function readClientSettings(read: SettingReader): ClientSettings {
  const linkLabels = read('linkLabels') as { paper?: unknown; slides?: unknown } | undefined;
  const nonEmpty = (list: string[] | undefined, fallback: string[]) => (list && list.length > 0 ? list : fallback);
  return {
    posts: nonEmpty(stringList(read('posts')), [...DEFAULTS.posts]),
    presenterLabels: nonEmpty(stringList(read('presenterLabels')), [...DEFAULTS.presenterLabels]),
    linkLabels: {
      paper: nonEmpty(stringList(linkLabels?.paper), [...DEFAULTS.linkLabels.paper]),
      slides: nonEmpty(stringList(linkLabels?.slides), [...DEFAULTS.linkLabels.slides]),
    },
  };
}

/** A document filter in the shape both `vscode.DocumentSelector` and the LSP client accept. */
export interface PostDocumentFilter {
  scheme: 'file';
  language: 'markdown';
  pattern: string;
}

/**
 * The document selector for posts: Markdown files on disk matching any of the `posts` patterns
 * (each pattern is matched against the file's whole path, as the server matches it).
 */
export function postDocumentSelector(patterns: readonly string[]): PostDocumentFilter[] {
  return [...new Set(patterns)].map((pattern) => ({ scheme: 'file', language: 'markdown', pattern }));
}
