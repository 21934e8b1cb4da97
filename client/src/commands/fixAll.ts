/**
 * "Fix All Problems": applies the server's `source.fixAll.seminarPosts` code action to the post
 * in the editor (or to the post named by the command's argument): the safe fixes of every problem
 * at once, one undoable edit.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../identifiers';
import { activeMarkdownEditor, requireServer, type CommandContext } from './common';

/** What the command did: the title of the action it applied, or why it applied none. */
export type FixAllResult = { applied: string } | { skipped: 'no-server' | 'no-problems' | 'no-fixes' | 'not-offered' | 'no-editor' };

/**
 * Applies the server's fix-all action to `target` (a post's URI or URI string, for tests and other
 * extensions), or without one to the post in the active editor.
 */
export async function fixAllProblems(ctx: CommandContext, target?: unknown): Promise<FixAllResult> {
  const document = target !== undefined ? await documentOf(target) : activeMarkdownEditor()?.document;
  if (!document) return { skipped: 'no-editor' };
  const client = requireServer(ctx);
  if (!client) return { skipped: 'no-server' };

  const problems = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
  if (problems.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This post has no problems to fix.'));
    return { skipped: 'no-problems' };
  }
  if (!offersFixAll(client.initializeResult?.capabilities.codeActionProvider)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This language server does not offer "fix all" yet.'));
    return { skipped: 'not-offered' };
  }

  const action = await fixAllAction(document);
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('None of the {0} problems of this post has an automatic fix.', problems.length));
    return { skipped: 'no-fixes' };
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The fixes could not be applied: the post changed meanwhile. Try again.'));
    return { skipped: 'no-fixes' };
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  ctx.output.info(vscode.l10n.t('Applied "{0}" to {1}', action.title, document.uri.fsPath));
  return { applied: action.title };
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
      actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND, 1)) ?? [];
    } catch (error) {
      if (error instanceof Error && error.name === 'Canceled') continue;
      throw error;
    }
    const action = actions.find((a): a is vscode.CodeAction => 'kind' in a && a.kind !== undefined && kind.contains(a.kind) && !a.disabled);
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
