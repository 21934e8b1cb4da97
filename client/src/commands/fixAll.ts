/**
 * "Fix All Problems": applies the server's `source.fixAll.seminarPosts` code action to the post
 * in the editor (or to the post named by the command's argument): the safe fixes of every problem
 * at once, one undoable edit.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../identifiers';
import { activeMarkdownEditor, requireServer, type CommandContext } from './common';

/**
 * What the command did: the title of the action it applied, with the summary it showed (how many
 * problems the fixes took away, by rule, and how many are left for the person), or why it applied none.
 */
export type FixAllResult =
  | { applied: string; summary: string; fixed: number; remaining: number | undefined }
  | { skipped: 'no-server' | 'no-problems' | 'no-fixes' | 'not-offered' | 'no-editor' };

/**
 * Applies the server's fix-all action to `target` (a post's URI or URI string, for tests and other
 * extensions), or without one to the post in the active editor.
 */
export async function fixAllProblems(ctx: CommandContext, target?: unknown): Promise<FixAllResult> {
  const document = target !== undefined ? await documentOf(target) : activeMarkdownEditor()?.document;
  if (!document) return { skipped: 'no-editor' };
  const client = requireServer(ctx);
  if (!client) return { skipped: 'no-server' };

  const problems = listedProblems(document.uri);
  if (problems.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This post has no problems to fix.'));
    return { skipped: 'no-problems' };
  }
  if (!offersFixAll(client.initializeResult?.capabilities.codeActionProvider)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This language server does not offer "fix all" yet.'));
    return { skipped: 'not-offered' };
  }

  const before = [...problems];
  const action = await fixAllAction(document);
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('None of the {0} problems of this post has an automatic fix.', problems.length),
    );
    return { skipped: 'no-fixes' };
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The fixes could not be applied: the post changed meanwhile. Try again.'),
    );
    return { skipped: 'no-fixes' };
  }
  if (action.command)
    await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
  ctx.output.info(vscode.l10n.t('Applied "{0}" to {1}', action.title, document.uri.fsPath));
  const after = await problemsOfVersion(document, SUMMARY_WAIT_MS);
  const { summary, fixed, remaining } = fixSummary(before, after);
  void vscode.window.showInformationMessage(summary);
  ctx.output.info(summary);
  return { applied: action.title, summary, fixed, remaining };
}

/** How long the summary waits for the server's diagnostics of the fixed text. */
const SUMMARY_WAIT_MS = 5000;

/** This product's problems of `uri` that the Problems panel lists (it does not list hints). */
function listedProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity !== vscode.DiagnosticSeverity.Hint);
}

/** The rule id of a diagnostic (VS Code wraps a code with a link in `{ value, target }`). */
function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/**
 * The listed problems once the server has checked the document's current version (each
 * diagnostic carries the version it was computed for); undefined when they do not come in time.
 */
function problemsOfVersion(document: vscode.TextDocument, timeoutMs: number): Promise<vscode.Diagnostic[] | undefined> {
  const version = document.version;
  const versionOf = (d: vscode.Diagnostic) => (d as { data?: { version?: unknown } }).data?.version;
  const current = () => {
    const all = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    return all.every((d) => versionOf(d) === version) ? listedProblems(document.uri) : undefined;
  };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (found: vscode.Diagnostic[] | undefined) => {
      if (settled) return;
      settled = true;
      subscription.dispose();
      clearTimeout(timer);
      resolve(found);
    };
    // Before the server answers, the old diagnostics (of the old version) are still there.
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === document.uri.toString())) {
        const found = current();
        if (found) finish(found);
      }
    });
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    const now = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (now.length > 0 && now.every((d) => versionOf(d) === version)) finish(listedProblems(document.uri));
  });
}

/** `Fixed 5 problems: title-format, required-field ×2, ...; 2 need you.` */
export function fixSummary(
  before: readonly vscode.Diagnostic[],
  after: readonly vscode.Diagnostic[] | undefined,
): { summary: string; fixed: number; remaining: number | undefined } {
  if (!after)
    return {
      summary: vscode.l10n.t('Applied the safe fixes; the post is being checked again.'),
      fixed: 0,
      remaining: undefined,
    };
  const count = (list: readonly vscode.Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of list) counts.set(ruleOf(d), (counts.get(ruleOf(d)) ?? 0) + 1);
    return counts;
  };
  const left = count(after);
  const gone: string[] = [];
  let fixed = 0;
  for (const [rule, n] of count(before)) {
    const fewer = n - (left.get(rule) ?? 0);
    if (fewer <= 0) continue;
    fixed += fewer;
    gone.push(fewer > 1 ? `${rule} ×${fewer}` : rule);
  }
  const remaining = after.length;
  const what =
    fixed === 1
      ? vscode.l10n.t('Fixed 1 problem: {0}', gone.join(', '))
      : vscode.l10n.t('Fixed {0} problems: {1}', fixed, gone.join(', '));
  const rest =
    remaining === 0
      ? vscode.l10n.t('nothing is left.')
      : remaining === 1
        ? vscode.l10n.t('1 needs you.')
        : vscode.l10n.t('{0} need you.', remaining);
  return {
    summary:
      fixed === 0
        ? vscode.l10n.t('The fixes changed the post, but {0} problems are still there.', remaining)
        : `${what}; ${rest}`,
    fixed,
    remaining,
  };
}

/** Pauses between asks: VS Code may answer nothing while code action providers still register. */
const RETRY_DELAYS_MS = [0, 250, 750];

/**
 * The server's fix-all action for `document`. Just after a Markdown file opens, VS Code answers
 * `[]` or cancels the request while other extensions' code action providers register; asking again
 * a moment later gets the server's answer (the integration tests met this about one run in three).
 */
async function fixAllAction(document: vscode.TextDocument): Promise<vscode.CodeAction | undefined> {
  const kind = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND);
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  for (const delay of RETRY_DELAYS_MS) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    let actions: (vscode.CodeAction | vscode.Command)[];
    try {
      actions =
        (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          whole,
          FIX_ALL_KIND,
          1,
        )) ?? [];
    } catch (error) {
      if (error instanceof Error && error.name === 'Canceled') continue;
      throw error;
    }
    const action = actions.find(
      (a): a is vscode.CodeAction => 'kind' in a && a.kind !== undefined && kind.contains(a.kind) && !a.disabled,
    );
    if (action) return action;
  }
  return undefined;
}

/** The document of a URI or URI string (opened, not shown, when it is not open yet). */
async function documentOf(target: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : undefined;
  if (!uri) throw new Error(`expected a post's URI, found ${JSON.stringify(target)}`);
  return vscode.workspace.openTextDocument(uri);
}

/** True when the server's code action capability lists `source.fixAll.seminarPosts` (or a kind containing it). */
function offersFixAll(provider: unknown): boolean {
  if (provider === true) return true;
  if (!provider || typeof provider !== 'object') return false;
  const kinds = (provider as { codeActionKinds?: unknown }).codeActionKinds;
  if (!Array.isArray(kinds)) return true;
  return kinds.some((k) => typeof k === 'string' && (FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`)));
}
