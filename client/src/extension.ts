/**
 * The extension: starts the language server and wires the editor to it (commands, status). It
 * does little on activation (no file or setting is read; the server starts in the background, just
 * after `activate` returns), and a failure to activate is said in a message, not only in a log.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { checkLinksOnSave } from './commands/checkLinks';
import { LanguageServerController, messageOf } from './languageServer';
import { PREVIEW_VIEW_TYPE } from './identifiers';
import { PostContextKey } from './postContext';
import { registerFigureProviders } from './paste/figureProviders';
import { askPostSite } from './paste/postSite';
import { PreviewManager, type PreviewApi } from './preview/previewManager';
import { SeminarView, type SeminarApi } from './seminar/seminarView';
import { StatisticsManager, type StatisticsApi } from './stats/statisticsPanel';
import { PostStatusItem } from './status';

let server: LanguageServerController | undefined;

/** How long activation took, in milliseconds, as the benchmarks read it (`npm run bench`). */
export interface ActivationTiming {
  /** Running `activate()`, up to its return (the server goes on starting in the background). */
  readonly activateMs: number;
  /** From the start of the server's launch to its first `initialize` answer (or failure). */
  readonly serverStartMs: Promise<number>;
}

/** What `activate` returns: the pieces the integration tests reach through `extension.exports`. */
export interface SeminarPostsApi {
  readonly server: LanguageServerController;
  readonly output: vscode.LogOutputChannel;
  /** Resolves when the first start of the server has succeeded or failed. */
  readonly started: Promise<void>;
  /** The status item, as it shows now. */
  readonly statusItem: PostStatusItem;
  /** The preview panels and what they rendered. */
  readonly preview: PreviewApi;
  /** The Seminar view's trees and what they hold. */
  readonly seminar: SeminarApi;
  /** The statistics page. */
  readonly statistics: StatisticsApi & { exportChart: StatisticsManager['exportChart'] };
  readonly timing: ActivationTiming;
}

export function activate(context: vscode.ExtensionContext): SeminarPostsApi {
  const begin = performance.now();
  try {
    const output = vscode.window.createOutputChannel('Seminar Posts', { log: true });
    context.subscriptions.push(output);
    const controller = (server = new LanguageServerController(context, output));
    const statusItem = new PostStatusItem(server);
    const posts = new PostContextKey(server);
    const preview = new PreviewManager(context, output, server);
    const seminar = new SeminarView(server, output);
    const statistics = new StatisticsManager(context.extensionUri, server, output, seminar.api.onDidUpdate);
    context.subscriptions.push(
      server,
      statusItem,
      posts,
      preview,
      seminar,
      statistics,
      ...registerCommands({ extension: context, output, server, preview, seminar, statistics }),
      // The preview panels open before a window reload come back after it.
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => preview.restore(panel, state),
      }),
      checkLinksOnSave(controller),
      // Paste or drop a figure into a post (a post as the server decides).
      registerFigureProviders({
        isPost: (document) => controller.isPost(document),
        siteOf: (document, token) => askPostSite(controller, output, document, token),
        output,
      }),
    );
    // The server process starts just after activation returns: forking it and reading the
    // settings cost milliseconds that VS Code need not wait for.
    // (Unless the extension was deactivated meanwhile.)
    const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      server === controller ? controller.start() : undefined,
    );
    const activateMs = performance.now() - begin;
    const serverStartMs = started.then(() => performance.now() - begin);
    return {
      server,
      output,
      started,
      statusItem,
      preview: preview.api,
      seminar: seminar.api,
      statistics: {
        ...statistics.api,
        exportChart: (chart, format, target) => statistics.exportChart(chart, format, target),
      },
      timing: { activateMs, serverStartMs },
    };
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Seminar Posts could not be activated: {0}', messageOf(error)));
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
