/**
 * The extension: starts the language server and wires the editor to it (commands, status). It
 * does little on activation (no file is read, the server starts in the background), and a failure
 * to activate is said in a message, not only in a log.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { LanguageServerController, messageOf, serverProcessId } from './languageServer';
import { PostContextKey } from './postContext';
import { PreviewManager, type PreviewApi } from './preview/previewManager';
import { PostStatusItem } from './status';

let server: LanguageServerController | undefined;

/** What `activate` returns: the pieces the integration tests reach through `extension.exports`. */
export interface SeminarPostsApi {
  readonly server: LanguageServerController;
  readonly output: vscode.LogOutputChannel;
  /** Resolves when the first start of the server has succeeded or failed. */
  readonly started: Promise<void>;
  /** The status item, as it shows now. */
  readonly statusItem: PostStatusItem;
  /** The running server's process id (the integration tests kill it to see it restarted). */
  serverProcessId(): Promise<number | undefined>;
  /** The preview panels and what they rendered. */
  readonly preview: PreviewApi;
}

export function activate(context: vscode.ExtensionContext): SeminarPostsApi {
  try {
    const output = vscode.window.createOutputChannel('Seminar Posts', { log: true });
    context.subscriptions.push(output);
    server = new LanguageServerController(context, output);
    const statusItem = new PostStatusItem(server);
    const posts = new PostContextKey(server);
    const preview = new PreviewManager(context, output, server, (document) => posts.isPost(document));
    context.subscriptions.push(server, statusItem, posts, preview, ...registerCommands({ extension: context, output, server, preview }));
    const started = server.start();
    const controller = server;
    return { server, output, started, statusItem, serverProcessId: () => serverProcessId(controller), preview: preview.api };
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Seminar Posts could not be activated: {0}', messageOf(error)));
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
