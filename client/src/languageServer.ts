/**
 * The language server's life in the editor: starting it over IPC with a `LanguageClient` for every
 * Markdown file on disk, restarting it (on request, after a crash), and relaying what it tells: its
 * `seminarPosts/status`, and which open documents are posts (`seminarPosts/postSelection`: the
 * server decides, from the `posts` globs of the settings and of `.seminar-posts.json`). Failures
 * are said once: in the output channel, the status item and, for a server that cannot start, one
 * message.
 */
import * as vscode from 'vscode';
import type * as languageclient from 'vscode-languageclient/node';
import {
  onNotification,
  PostSelectionNotification,
  StatusNotification,
  type InitializationOptions,
  type PostSelection,
  type ProtocolNotification,
  type ServerStatus,
} from '../../server/src/protocol';
import { setting } from './configuration';
import { CLIENT_ID } from './identifiers';
import { RestartBudget } from './restartBudget';
import { settingId } from './settings';

let loaded: typeof languageclient | undefined;

/**
 * `vscode-languageclient`, evaluated on first use (the bundle's CommonJS modules run when first
 * required): it is four fifths of the extension's code, and evaluating it was most of the time
 * VS Code spent loading the extension before activating it. It is first used when the server
 * starts, just after activation. Import no value from it elsewhere: ask this function.
 */
export function lsp(): typeof languageclient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated on first use, not on activation (see above); `import()` would be asynchronous
  return (loaded ??= require('vscode-languageclient/node') as typeof languageclient);
}

/** What the status item shows of the server. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

/**
 * The documents the server is given: every Markdown file on disk. Which of them are posts is the
 * server's answer (`seminarPosts/postSelection`); a file that is not a post gets nothing from it.
 */
export const MARKDOWN_FILES: languageclient.DocumentSelector = [{ scheme: 'file', language: 'markdown' }];

/** Starts, restarts and stops the language server; tells its state and status to whoever listens. */
export class LanguageServerController implements vscode.Disposable {
  private client: languageclient.LanguageClient | undefined;
  private readonly budget = new RestartBudget();
  private readonly reported = new Set<string>();
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  private readonly statusChanged = new vscode.EventEmitter<ServerStatus | undefined>();
  private readonly selectionChanged = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [this.stateChanged, this.statusChanged, this.selectionChanged];
  /** The server's answers: open documents (by URI) that are posts, or not. */
  private readonly posts = new Map<string, boolean>();
  /** Handlers of the server's notifications besides the status and post selection, set on every client started. */
  private readonly notificationHandlers = new Map<string, (params: unknown) => void>();
  /** The trace setting has been explained once (on the first start). */
  private explained = false;

  /** Fires when the server starts, stops or fails. */
  readonly onDidChangeState = this.stateChanged.event;
  /** Fires with each `seminarPosts/status` notification (undefined when the server goes away). */
  readonly onDidChangeStatus = this.statusChanged.event;
  /** Fires with a document's URI when the server says whether it is a post (or that changed). */
  readonly onDidChangePostSelection = this.selectionChanged.event;

  state: ServerState = 'stopped';
  /** The last status the server sent. */
  status: ServerStatus | undefined;
  /** Why the last start failed, in the words of the error. */
  failure: string | undefined;
  /** Times the server was restarted after it stopped unexpectedly (reset by "Restart Server"). */
  crashRestarts = 0;
  /** The restart in progress (or the last one); the next waits for it. */
  private restarting: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(settingId('trace.server'))) this.explainTraceLevel();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.posts.delete(document.uri.toString())),
    );
  }

  /** True when the server said that `document` is a post (false until it has said so). */
  isPost(document: vscode.TextDocument): boolean {
    return this.posts.get(document.uri.toString()) === true;
  }

  /** What the server said of the open document `uri`: a post or not; undefined before it said. */
  postSelection(uri: string): boolean | undefined {
    return this.posts.get(uri);
  }

  /** The URIs of the open documents the server said are posts. */
  postUris(): string[] {
    return [...this.posts].filter(([, isPost]) => isPost).map(([uri]) => uri);
  }

  /** The client when the server is running; undefined otherwise (commands then say so). */
  get runningClient(): languageclient.LanguageClient | undefined {
    return this.client && this.client.state === lsp().State.Running ? this.client : undefined;
  }

  /** Handles a notification of the server (of this client and of every one started after a restart). */
  onNotification<P>(type: ProtocolNotification<P>, handler: (params: P) => void): vscode.Disposable {
    // Stored untyped: each method's handler gets what that method's type carries.
    this.notificationHandlers.set(type.method, handler as (params: unknown) => void);
    if (this.client) onNotification(this.client, type, handler);
    return new vscode.Disposable(() => this.notificationHandlers.delete(type.method));
  }

  /** Starts the server. Resolves when it runs; a failure is reported and leaves the state `failed`. */
  async start(): Promise<void> {
    if (this.client) return;
    // Settings are read here, not on construction: the first read of the configuration costs
    // milliseconds that activation should not wait for.
    if (!this.explained) {
      this.explained = true;
      this.explainTraceLevel();
    }
    let client: languageclient.LanguageClient | undefined;
    try {
      // Loading vscode-languageclient can throw too: that is a failed start, said like one, not a
      // rejection nobody handles.
      client = this.createClient();
      this.client = client;
      this.setState('starting');
      await client.start();
    } catch (error) {
      if (client && this.client !== client) return;
      this.failure = messageOf(error);
      this.output.error(vscode.l10n.t('The language server did not start: {0}', this.failure));
      this.setState('failed');
      void this.offerRestart(vscode.l10n.t('Seminar Posts: the language server did not start: {0}', this.failure));
    }
  }

  /** Stops the server, if it runs. */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.dispose(2000);
      } catch (error) {
        this.output.warn(vscode.l10n.t('Stopping the language server failed: {0}', messageOf(error)));
      }
    }
    this.status = undefined;
    this.statusChanged.fire(undefined);
    // A new server tells again, as it checks the open documents.
    this.forgetPosts();
    if (this.state !== 'failed') this.setState('stopped');
  }

  /**
   * Stops and starts the server again; the crash count starts over. Restarts run one after the
   * other (Restart Server run twice quickly): interleaved, the first one's late "stopped" would
   * overwrite the second one's "running".
   */
  restart(): Promise<void> {
    const run = this.restarting.then(async () => {
      this.budget.reset();
      this.crashRestarts = 0;
      this.failure = undefined;
      await this.stop();
      this.setState('stopped');
      await this.start();
    });
    this.restarting = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private createClient(): languageclient.LanguageClient {
    const { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State, TransportKind } = lsp();
    const module = this.context.asAbsolutePath('server/out/server.js');
    const serverOptions: languageclient.ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: languageclient.LanguageClientOptions = {
      documentSelector: MARKDOWN_FILES,
      // The server keeps its caches (link results, looked-up papers) under the extension's global storage, when it is on disk.
      initializationOptions: {
        locale: vscode.env.language,
        storagePath: this.context.globalStorageUri.scheme === 'file' ? this.context.globalStorageUri.fsPath : undefined,
      } satisfies InitializationOptions,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: this.errorHandler(CloseAction, ErrorAction),
    };
    const client = new LanguageClient(CLIENT_ID, 'Seminar Posts', serverOptions, clientOptions);
    client.onDidChangeState(({ newState }) => {
      if (this.client !== client) return;
      if (newState === State.Running) {
        this.failure = undefined;
        this.setState('running');
      } else if (newState === State.Starting) {
        this.setState('starting');
      } else if (this.state !== 'failed') {
        this.setState('stopped');
      }
    });
    onNotification(client, StatusNotification, (status) => this.onStatus(status));
    onNotification(client, PostSelectionNotification, (selection) => this.onPostSelection(selection));
    for (const [method, handler] of this.notificationHandlers) client.onNotification(method, handler);
    return client;
  }

  private errorHandler(
    CloseAction: typeof languageclient.CloseAction,
    ErrorAction: typeof languageclient.ErrorAction,
  ): languageclient.ErrorHandler {
    return {
      // An error writing to the server is nearly always a server that just died with messages on
      // their way (a kill while the Seminar view and pull diagnostics are busy). Shutting down on
      // it, as the library's default does after three, stops the client before the close is seen,
      // and a stopping client is never restarted: the server would stay stopped with no word.
      // Continue instead; the close that follows decides about the restart.
      error: (error, _message, count) => {
        if ((count ?? 0) <= 1)
          this.output.warn(vscode.l10n.t('Writing to the language server failed: {0}', messageOf(error)));
        return { action: ErrorAction.Continue, handled: true };
      },
      closed: () => {
        this.forgetPosts();
        if (this.budget.tryRestart()) {
          this.crashRestarts++;
          this.output.warn(vscode.l10n.t('The language server stopped unexpectedly; restarting it.'));
          return { action: CloseAction.Restart, handled: true };
        }
        this.failure = vscode.l10n.t(
          'The language server stopped unexpectedly several times in a few minutes; it was not restarted.',
        );
        this.output.error(this.failure);
        this.setState('failed');
        void this.offerRestart(vscode.l10n.t('Seminar Posts: {0}', this.failure));
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    };
  }

  private onStatus(status: ServerStatus): void {
    this.status = status;
    if (status.message && !this.reported.has(status.message)) {
      this.reported.add(status.message);
      this.output.warn(status.message);
    }
    this.statusChanged.fire(status);
  }

  private onPostSelection({ uri, isPost }: PostSelection): void {
    if (typeof uri !== 'string' || typeof isPost !== 'boolean' || this.posts.get(uri) === isPost) return;
    this.posts.set(uri, isPost);
    this.selectionChanged.fire(uri);
  }

  private forgetPosts(): void {
    const known = [...this.posts.keys()];
    this.posts.clear();
    for (const uri of known) this.selectionChanged.fire(uri);
  }

  /** With a log output channel, the trace shows only at the Trace log level: say so where it is read. */
  private explainTraceLevel(): void {
    const trace = setting('trace.server');
    if (trace !== 'off' && this.output.logLevel !== vscode.LogLevel.Trace) {
      this.output.info(
        vscode.l10n.t(
          '{0} is "{1}": set the log level of this channel to Trace to see the messages.',
          settingId('trace.server'),
          trace,
        ),
      );
    }
  }

  private async offerRestart(message: string): Promise<void> {
    const restart = vscode.l10n.t('Restart Server');
    const show = vscode.l10n.t('Show Output');
    const choice = await vscode.window.showErrorMessage(message, restart, show);
    if (choice === restart) await this.restart();
    else if (choice === show) this.output.show(true);
  }

  private setState(state: ServerState): void {
    if (this.state === state) return;
    this.state = state;
    this.stateChanged.fire(state);
  }
}

/** An error's message, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
