/**
 * What every command can reach, and the checks several commands share.
 */
import * as vscode from 'vscode';
import type { LanguageServerController } from '../languageServer';
import type { PreviewManager } from '../preview/previewManager';
import type { SeminarView } from '../seminar/seminarView';
import type { StatisticsManager } from '../stats/statisticsPanel';

/** What a command can reach. */
export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  readonly server: LanguageServerController;
  readonly preview: PreviewManager;
  readonly seminar: SeminarView;
  readonly statistics: StatisticsManager;
}

/** The active editor when it shows a Markdown file; otherwise says what to open and returns undefined. */
export function activeMarkdownEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a post (a Markdown file) in the editor first.'));
  return undefined;
}

/** The running language client, or undefined after saying plainly that the server is not running. */
export function requireServer(context: CommandContext) {
  const client = context.server.runningClient;
  if (client) return client;
  const restart = vscode.l10n.t('Restart Server');
  const reason =
    context.server.state === 'starting'
      ? vscode.l10n.t('The language server is still starting; try again in a moment.')
      : vscode.l10n.t('The language server is not running.');
  void vscode.window.showWarningMessage(reason, restart).then((choice) => {
    if (choice === restart) void context.server.restart();
  });
  return undefined;
}
