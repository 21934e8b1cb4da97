/**
 * The language server's life in the editor: starting it over IPC with a `LanguageClient` for the
 * posts `seminarPosts.posts` selects, restarting it (on request, after a crash, when the selector
 * changes), and relaying its `seminarPosts/status` notifications. Failures are said once: in the
 * output channel, the status item and, for a server that cannot start, one message.
 */
import * as vscode from 'vscode';
import type * as languageclient from 'vscode-languageclient/node';
import { ProcessIdRequest, StatusNotification, type ServerStatus } from '../../server/src/protocol';
import { CLIENT_ID } from './identifiers';
import { RestartBudget } from './restartBudget';
import { SETTING, SETTINGS_SECTION, postDocumentSelector, readClientSettings, type PostDocumentFilter } from './settings';

let loaded: typeof languageclient | undefined;

/**
 * `vscode-languageclient`, evaluated on first use (the bundle's CommonJS modules run when first
 * required): it is four fifths of the extension's code, and evaluating it was most of the time
 * VS Code spent loading the extension before activating it. It is first used when the server
 * starts, just after activation. Import no value from it elsewhere: ask this function.
 */
export function lsp(): typeof languageclient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('vscode-languageclient/node') as typeof languageclient);
}

/** What the status item shows of the server. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

/**
 * The selector of post documents, from the settings of every workspace folder (which include the
 * user's), or the user's alone without a folder. `posts` is resource-scoped: reading it without a
 * resource while folders are open makes VS Code log a warning.
 */
export function currentPostSelector(): PostDocumentFilter[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const scopes: (vscode.ConfigurationScope | undefined)[] = folders.length ? [...folders] : [undefined];
  const patterns = scopes.flatMap((scope) => {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
    return readClientSettings((name) => config.get(name)).posts;
  });
  return postDocumentSelector(patterns);
}

/** Starts, restarts and stops the language server; tells its state and status to whoever listens. */
export class LanguageServerController implements vscode.Disposable {
  private client: languageclient.LanguageClient | undefined;
  private readonly budget = new RestartBudget();
  private readonly reported = new Set<string>();
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  private readonly statusChanged = new vscode.EventEmitter<ServerStatus | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.stateChanged, this.statusChanged];
  /** Handlers of the server's notifications besides the status, set on every client started. */
  private readonly notificationHandlers = new Map<string, (params: any) => void>();
  /** The trace setting has been explained once (on the first start). */
  private explained = false;

  /** Fires when the server starts, stops or fails. */
  readonly onDidChangeState = this.stateChanged.event;
  /** Fires with each `seminarPosts/status` notification (undefined when the server goes away). */
  readonly onDidChangeStatus = this.statusChanged.event;

  state: ServerState = 'stopped';
  /** The last status the server sent. */
  status: ServerStatus | undefined;
  /** Why the last start failed, in the words of the error. */
  failure: string | undefined;
  /** Times the server was restarted after it stopped unexpectedly (reset by "Restart Server"). */
  crashRestarts = 0;
  /** The restart in progress (or the last one); the next waits for it. */
  private restarting: Promise<void> = Promise.resolve();
  /** The selector the running client was started with (read from the settings on start). */
  selector: PostDocumentFilter[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTING.posts)) void this.onPostsSettingChanged();
        if (event.affectsConfiguration(SETTING.traceServer)) this.explainTraceLevel();
      }),
    );
  }

  /** The client when the server is running; undefined otherwise (commands then say so). */
  get runningClient(): languageclient.LanguageClient | undefined {
    return this.client && this.client.state === lsp().State.Running ? this.client : undefined;
  }

  /** Handles a notification of the server (of this client and of every one started after a restart). */
  onNotification<P>(method: string, handler: (params: P) => void): vscode.Disposable {
    this.notificationHandlers.set(method, handler);
    this.client?.onNotification(method, handler);
    return new vscode.Disposable(() => this.notificationHandlers.delete(method));
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
      // Reading the settings or loading vscode-languageclient can throw too: that is a failed start,
      // said like one, not a rejection nobody handles.
      this.selector = currentPostSelector();
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
    if (this.state !== 'failed') this.setState('stopped');
  }

  /**
   * Stops and starts the server again; the crash count starts over. Restarts run one after the
   * other (two quick changes of the `posts` setting, or Restart Server run twice): interleaved, the
   * first one's late "stopped" would overwrite the second one's "running".
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
      documentSelector: this.selector,
      initializationOptions: { locale: vscode.env.language },
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
    client.onNotification(StatusNotification.method, (status: ServerStatus) => this.onStatus(status));
    for (const [method, handler] of this.notificationHandlers) client.onNotification(method, handler);
    return client;
  }

  private errorHandler(CloseAction: typeof languageclient.CloseAction, ErrorAction: typeof languageclient.ErrorAction): languageclient.ErrorHandler {
    return {
      error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
      closed: () => {
        if (this.budget.tryRestart()) {
          this.crashRestarts++;
          this.output.warn(vscode.l10n.t('The language server stopped unexpectedly; restarting it.'));
          return { action: CloseAction.Restart, handled: true };
        }
        this.failure = vscode.l10n.t('The language server stopped unexpectedly several times in a few minutes; it was not restarted.');
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

  private async onPostsSettingChanged(): Promise<void> {
    const selector = currentPostSelector();
    if (JSON.stringify(selector) === JSON.stringify(this.selector)) return;
    this.output.info(vscode.l10n.t('{0} changed: restarting the language server for {1}', SETTING.posts, selector.map((f) => f.pattern).join(', ')));
    if (this.client || this.state === 'failed') await this.restart();
    else this.selector = selector;
  }

  /** With a log output channel, the trace shows only at the Trace log level: say so where it is read. */
  private explainTraceLevel(): void {
    const trace = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('trace.server', 'off');
    if (trace !== 'off' && this.output.logLevel !== vscode.LogLevel.Trace) {
      this.output.info(vscode.l10n.t('{0} is "{1}": set the log level of this channel to Trace to see the messages.', SETTING.traceServer, trace));
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

/** The running server's process id (see `ProcessIdRequest`), or undefined when it does not run. */
export async function serverProcessId(controller: LanguageServerController): Promise<number | undefined> {
  const client = controller.runningClient;
  if (!client) return undefined;
  return (await client.sendRequest<{ pid: number }>(ProcessIdRequest.method, {})).pid;
}

/** An error's message, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
