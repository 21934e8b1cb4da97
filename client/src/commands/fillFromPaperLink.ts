/**
 * "Fill from Paper Link": writes a section's `# Title` and `## First Author et al., Venue Year`
 * from its paper link. Run from the code lens, the quick fix or a completion item (which name the
 * section), or from the palette on the section under the cursor. The server looks the paper up
 * (5 s at most, cancellable from the progress notification); the edit is applied here, only if
 * the post did not change meanwhile. A failure says the URL and the reason, and writes nothing.
 */
import * as vscode from 'vscode';
import {
  FillSectionRequest,
  sendRequest,
  type FillSectionParams,
  type FillSectionResult,
} from '../../../server/src/protocol';
import { setting } from '../configuration';
import { requireServer, type CommandContext } from './common';

/** Stands in for the confirmation of replacing written lines (the integration tests). */
export interface FillArgs {
  uri?: string;
  line?: number;
  replace?: boolean;
}

/** What the command did: the edits applied, or why none was. */
export type FillOutcome = { filled: true; url: string } | { filled: false; reason: string };

export async function fillFromPaperLink(ctx: CommandContext, rawArgs?: unknown): Promise<FillOutcome> {
  const args = (rawArgs && typeof rawArgs === 'object' ? rawArgs : {}) as FillArgs;
  const editor = vscode.window.activeTextEditor;
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : editor?.document.uri;
  const line = Number.isInteger(args.line) ? args.line! : editor?.selection.active.line;
  if (!uri || line === undefined) {
    const reason = vscode.l10n.t("Open a post and put the cursor on a section's paper link first.");
    void vscode.window.showInformationMessage(reason);
    return { filled: false, reason };
  }
  const client = requireServer(ctx);
  if (!client) return { filled: false, reason: 'server' };
  const document = await vscode.workspace.openTextDocument(uri);
  const params: FillSectionParams = {
    textDocument: { uri: uri.toString() },
    line,
    replace: args.replace === true,
    endpoints: { arxiv: setting('endpoints.arxiv', uri), doi: setting('endpoints.doi', uri) },
  };
  const ask = (p: FillSectionParams) =>
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Reading the paper link…'),
        cancellable: true,
      },
      (_progress, token) => sendRequest(client, FillSectionRequest, p, token),
    );
  let result: FillSectionResult;
  try {
    result = await ask(params);
    if (result.kind === 'complete' && args.replace === undefined) {
      const replace = vscode.l10n.t('Replace');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t(
          'The title and authors of this section are written already. Replace them with what {0} says?',
          result.url,
        ),
        { modal: true },
        replace,
      );
      if (choice !== replace) return { filled: false, reason: 'complete' };
      result = await ask({ ...params, replace: true });
    }
  } catch (error) {
    // Cancelled from the notification: nothing to say.
    const reason = error instanceof Error ? error.message : String(error);
    if (!/cancel/i.test(reason))
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Seminar Posts: filling from the paper link failed: {0}', reason),
      );
    return { filled: false, reason };
  }
  if (result.kind !== 'filled') {
    if (result.kind === 'failed') void vscode.window.showErrorMessage(result.message);
    else void vscode.window.showInformationMessage(result.message);
    ctx.output.info(result.message);
    return { filled: false, reason: result.message };
  }
  if (document.version !== result.version || document.isClosed) {
    const reason = vscode.l10n.t('The post changed while the paper was being read; run the command again.');
    void vscode.window.showInformationMessage(reason);
    return { filled: false, reason };
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) {
    edit.replace(
      uri,
      new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
      e.newText,
    );
  }
  if (!(await vscode.workspace.applyEdit(edit))) return { filled: false, reason: 'VS Code did not apply the edit' };
  ctx.output.info(
    vscode.l10n.t(
      'Filled the section at line {0} of {1} from {2}',
      line + 1,
      vscode.workspace.asRelativePath(uri),
      result.url,
    ),
  );
  return { filled: true, url: result.url };
}
