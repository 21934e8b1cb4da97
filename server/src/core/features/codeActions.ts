/**
 * Code actions: each diagnostic's quick fixes (from its `data.fixes`, never for a stale document
 * version), "fix all" (`source.fixAll.seminarPosts`: the core's `settleFixes`, without renames,
 * as one edit), and "disable rule-id for this line / for this file" (suppression comments). The
 * provider keeps no state: everything it needs travels on the diagnostics and the action.
 *
 * "Fix all" is offered as soon as one safe fix can be taken (a glance at the diagnostics), and its
 * edit is computed only when the client resolves the action (`codeAction/resolve`): the light
 * bulb asks for code actions at every cursor move, and settling the fixes lints the post again.
 * A client that cannot resolve an action's edit gets it computed at once.
 */
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type OptionalVersionedTextDocumentIdentifier,
  type RenameFile,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, UNKNOWN_SUPPRESSION_CODE } from '../engine/engine';
import { formatMessage, type Locale, type LocalizedText } from '../engine/messages';
import type { DiagnosticData, Fix } from '../engine/rule';
import { chooseFixes, type SettledFixes } from '../fix/settleFixes';
import type { Post } from '../model';
import { comparePositions } from '../text/lineIndex';
import { siblingUri } from '../text/uris';
import { snippetToText } from '../text/snippets';

export { siblingUri } from '../text/uris';

/** The kind of "fix all", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.seminarPosts`;

/** The comments that turn a rule off for the next line or for the whole file. */
export const DISABLE_NEXT_LINE = 'seminar-posts-disable-next-line';
export const DISABLE_FILE = 'seminar-posts-disable-file';

/** What the client can apply. */
export interface WorkspaceEditSupport {
  /** `documentChanges` (versioned edits): then an edit made for an old version is refused. */
  documentChanges: boolean;
  /** File renames in a workspace edit. */
  renameFiles: boolean;
  /** LSP 3.18 snippet text edits (tab stops) in a workspace edit. */
  snippetEdits: boolean;
  /** `codeAction/resolve` fills in an action's `edit` (else "fix all" is computed at once). */
  resolveEdit?: boolean;
}

/** What code actions need besides the post. */
export interface CodeActionOptions {
  /** The diagnostics the client asks about (the request's `context.diagnostics`). */
  contextDiagnostics: readonly Diagnostic[];
  /** Every current diagnostic of the post, for "fix all" and for clients that drop `data`. */
  diagnostics: readonly Diagnostic[];
  /** The kinds asked for (`context.only`); every kind when undefined. */
  only: readonly string[] | undefined;
  locale: Locale;
  support: WorkspaceEditSupport;
  /**
   * Runs "fix all" over this version of the post: the post service's `settleFixes`, without
   * renames (it runs unattended, on save). Called when the action's edit is computed.
   */
  settle: () => SettledFixes;
}

/** What the fix-all action carries until it is resolved. */
export interface FixAllData {
  fixAll: { uri: string; version: number | undefined };
}

/** True for the data of an unresolved fix-all action. */
export function isFixAllData(data: unknown): data is FixAllData {
  const fixAll = (data as Partial<FixAllData> | undefined)?.fixAll;
  return typeof fixAll?.uri === 'string' && (fixAll.version === undefined || typeof fixAll.version === 'number');
}

const TEXT: Record<string, LocalizedText> = {
  fixAll: { en: 'Fix all seminar-post problems', ko: '세미나 글의 문제 모두 고치기' },
  disableLine: { en: 'Disable {id} for this line', ko: '이 줄에서 {id} 끄기' },
  disableFile: { en: 'Disable {id} for this file', ko: '이 파일에서 {id} 끄기' },
};

/** The code actions for `post` under `options`. */
export function getCodeActions(post: Post, options: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  const wanted = (kind: string) => !options.only || options.only.some((o) => kind === o || kind.startsWith(`${o}.`));
  if (wanted(CodeActionKind.QuickFix)) {
    for (const diagnostic of options.contextDiagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const data = currentData(post, diagnostic, options.diagnostics);
      if (!data) continue;
      for (const fix of data.fixes) {
        const edit = workspaceEdit(post, fix, options.support);
        if (!edit) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.safe && data.fixes.length === 1,
          edit,
        });
      }
    }
    for (const diagnostic of options.contextDiagnostics) actions.push(...disableActions(post, diagnostic, options));
  }
  const asked = options.only !== undefined && wanted(FIX_ALL_KIND);
  if (asked || (!options.only && options.contextDiagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE))) {
    const fixAll = fixAllAction(post, options);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * The diagnostic's data when it belongs to this version of the post. The client sends back what
 * the server published; fixes whose edits fall outside the document (a client's stale or forged
 * copy) are dropped, so that no action ever edits text that is not there.
 */
function currentData(post: Post, diagnostic: Diagnostic, current: readonly Diagnostic[]): DiagnosticData | undefined {
  let data = diagnostic.data as DiagnosticData | undefined;
  if (!data) {
    // A client without diagnostic `data` support sends the diagnostic back without it.
    const same = current.find(
      (d) =>
        d.code === diagnostic.code &&
        d.message === diagnostic.message &&
        comparePositions(d.range.start, diagnostic.range.start) === 0 &&
        comparePositions(d.range.end, diagnostic.range.end) === 0,
    );
    data = same?.data as DiagnosticData | undefined;
  }
  if (!data || !Array.isArray(data.fixes) || data.version !== post.version) return undefined;
  const fixes = data.fixes.filter(
    (fix) =>
      Array.isArray(fix?.edits) && fix.edits.every((edit) => isRange(edit?.range) && post.lines.contains(edit.range)),
  );
  return fixes.length === data.fixes.length ? data : { ...data, fixes };
}

function isRange(range: unknown): boolean {
  const r = range as
    { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  return [r?.start?.line, r?.start?.character, r?.end?.line, r?.end?.character].every(Number.isInteger);
}

/** The fix as a workspace edit the client can apply, or undefined when it cannot. */
function workspaceEdit(post: Post, fix: Fix, support: WorkspaceEditSupport): WorkspaceEdit | undefined {
  const snippetEdits = fix.snippet === true && support.snippetEdits && support.documentChanges;
  const edits: (TextEdit | SnippetTextEdit)[] = fix.edits.map((edit) => {
    if (!fix.snippet) return edit;
    return snippetEdits
      ? { range: edit.range, snippet: { kind: 'snippet', value: edit.newText } }
      : { range: edit.range, newText: snippetToText(edit.newText) };
  });
  if (fix.rename !== undefined) {
    if (!support.documentChanges || !support.renameFiles) return undefined;
    const changes: (TextDocumentEdit | RenameFile)[] = [];
    if (edits.length) changes.push(documentEdit(post, edits));
    changes.push({ kind: 'rename', oldUri: post.uri, newUri: siblingUri(post.uri, fix.rename) });
    return { documentChanges: changes };
  }
  if (!edits.length) return undefined;
  if (support.documentChanges) return { documentChanges: [documentEdit(post, edits)] };
  return { changes: { [post.uri]: edits as TextEdit[] } };
}

/**
 * One edit that turns `post`'s text into `text`: the lines from the first that differs to the
 * last that differs, so that it never splits a line break or a surrogate pair.
 */
function wholeLinesEdit(post: Post, text: string): TextEdit {
  const old = post.text;
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  start = post.lines.lineStart(post.lines.lineAt(start));
  let suffix = 0;
  while (
    suffix < old.length - start &&
    suffix < text.length - start &&
    old[old.length - 1 - suffix] === text[text.length - 1 - suffix]
  )
    suffix++;
  // The kept suffix starts at a line start (after `\n`, or a `\r` without `\n`), or is empty.
  while (
    suffix > 0 &&
    !(
      old[old.length - 1 - suffix] === '\n' ||
      (old[old.length - 1 - suffix] === '\r' && old[old.length - suffix] !== '\n')
    )
  )
    suffix--;
  return { range: post.lines.rangeOf(start, old.length - suffix), newText: text.slice(start, text.length - suffix) };
}

/** LSP 3.18's snippet text edit, which the 3.17 types do not name. */
interface SnippetTextEdit {
  range: TextEdit['range'];
  snippet: { kind: 'snippet'; value: string };
}

function documentEdit(post: Post, edits: (TextEdit | SnippetTextEdit)[]): TextDocumentEdit {
  const textDocument: OptionalVersionedTextDocumentIdentifier = { uri: post.uri, version: post.version ?? null };
  return { textDocument, edits: edits as TextEdit[] };
}

function disableActions(post: Post, diagnostic: Diagnostic, options: CodeActionOptions): CodeAction[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return [];
  // A warning about a suppression comment is not itself suppressed by one: fix the comment instead.
  if (diagnostic.code === UNKNOWN_SUPPRESSION_CODE) return [];
  const id = diagnostic.code;
  const fm = post.frontMatter;
  const eol = post.text.includes('\r\n') ? '\r\n' : '\n';
  const actions: CodeAction[] = [];
  const line = diagnostic.range.start.line;
  const inFrontMatter = fm !== undefined && line <= fm.range.end.line;
  if (!inFrontMatter && line < post.lines.lineCount) {
    const indent = /^[ \t]*/.exec(post.lines.lineText(line))![0];
    actions.push(
      insertAction(
        post,
        formatMessage(TEXT.disableLine!, options.locale, { id }),
        diagnostic,
        line,
        `${indent}<!-- ${DISABLE_NEXT_LINE} ${id} -->${eol}`,
        options.support,
      ),
    );
  }
  // The file comment goes right under the front matter, where it cannot break the YAML.
  if (!fm || fm.closed) {
    const at = fm ? fm.range.end.line + 1 : 0;
    const atEnd = at >= post.lines.lineCount;
    const comment = `<!-- ${DISABLE_FILE} ${id} -->`;
    actions.push(
      insertAction(
        post,
        formatMessage(TEXT.disableFile!, options.locale, { id }),
        diagnostic,
        atEnd ? post.lines.lineCount - 1 : at,
        atEnd ? `${eol}${comment}${eol}` : `${comment}${eol}`,
        options.support,
        atEnd,
      ),
    );
  }
  return actions;
}

function insertAction(
  post: Post,
  title: string,
  diagnostic: Diagnostic,
  line: number,
  text: string,
  support: WorkspaceEditSupport,
  atLineEnd = false,
): CodeAction {
  const character = atLineEnd ? post.lines.lineText(line).length : 0;
  const position = { line, character };
  const edit: TextEdit = { range: { start: position, end: position }, newText: text };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(post, { title, safe: false, edits: [edit] }, support)!,
  };
}

/**
 * The fix-all action when a safe fix can be taken in the post's current diagnostics; its edit
 * comes with it only for a client that cannot resolve it later.
 */
function fixAllAction(post: Post, options: CodeActionOptions): CodeAction | undefined {
  const current = options.diagnostics.filter(
    (diagnostic) => currentData(post, diagnostic, options.diagnostics) !== undefined,
  );
  const { fixed } = chooseFixes(current, { renames: false });
  if (!fixed.length) return undefined;
  const action: CodeAction = {
    title: formatMessage(TEXT.fixAll!, options.locale),
    kind: FIX_ALL_KIND,
    diagnostics: fixed,
  };
  if (options.support.resolveEdit) {
    action.data = { fixAll: { uri: post.uri, version: post.version } } satisfies FixAllData;
    return action;
  }
  return withFixAllEdit(post, action, options);
}

/**
 * Fills in the edit of a fix-all action (`codeAction/resolve`), computed on the post's current
 * version: one edit of the lines the fixes change, so that it is one step to undo.
 */
export function resolveFixAll(
  post: Post,
  action: CodeAction,
  options: Pick<CodeActionOptions, 'settle' | 'support'>,
): CodeAction {
  const resolved = withFixAllEdit(post, action, options);
  if (resolved) return resolved;
  // Nothing left to fix (the post changed meanwhile): an action without an edit does nothing.
  const rest = { ...action };
  delete rest.data;
  return rest;
}

function withFixAllEdit(
  post: Post,
  action: CodeAction,
  options: Pick<CodeActionOptions, 'settle' | 'support'>,
): CodeAction | undefined {
  const settled = options.settle();
  if (settled.text === post.text) return undefined;
  const edit = workspaceEdit(
    post,
    { title: '', safe: true, edits: [wholeLinesEdit(post, settled.text)] },
    options.support,
  );
  if (!edit) return undefined;
  const rest = { ...action };
  delete rest.data;
  return { ...rest, edit };
}
