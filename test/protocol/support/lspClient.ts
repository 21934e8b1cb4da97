/**
 * A real LSP client for the protocol tests: starts the bundled server (`server/out/server.js
 * --stdio`) as a child process and speaks LSP to it through `vscode-languageserver-protocol`'s
 * connection. It answers the server's requests (settings, registrations, progress) and records
 * what the server sends, so that tests wait on those messages, never on the clock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import {
  onNotification,
  PostSelectionNotification,
  SeminarChangedNotification,
  StatusNotification,
  type PostSelection,
  type SeminarChange,
  type ServerStatus,
} from '../../../server/src/protocol';
import { SERVER } from '../../support/paths';

/** How long a test waits for a message before it fails (a guard against hanging, not a delay). */
export const WAIT_LIMIT_MS = 15_000;

export interface StartOptions {
  /** Workspace folders (`file:` URIs). */
  folders?: string[];
  /** The `seminarPosts` settings section the client answers with. */
  settings?: unknown;
  locale?: string;
  /** Capabilities merged over the defaults (which are VS Code's, roughly). */
  capabilities?: ClientCapabilities;
  /** Node options for the server process (the benchmarks pass `--cpu-prof`, say). */
  execArgv?: string[];
  /** How long to wait for a message before failing (default {@link WAIT_LIMIT_MS}). */
  waitLimitMs?: number;
  /** `initializationOptions` (the extension sends `locale` and `storagePath`). */
  initializationOptions?: unknown;
}

/** Capabilities of a client like VS Code: dynamic registration, versioned edits, progress. */
export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, dataSupport: true, codeDescriptionSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
  },
  window: { workDoneProgress: true },
};

interface Waiter<T> {
  test(value: T): boolean;
  resolve(value: T): void;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every diagnostics notification received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: ServerStatus[] = [];
  /** Every `seminarPosts/postSelection` received, in order. */
  readonly selections: PostSelection[] = [];
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  readonly progress: unknown[] = [];
  /** `seminarPosts/seminarChanged` notifications received, in order. */
  readonly seminarChanges: SeminarChange[] = [];
  /** Work-done progress that ended, by title (`Indexing seminar posts`, `Checking seminar posts`), in order. */
  readonly progressEnded: string[] = [];
  /** `workspace/diagnostic/refresh` requests received. */
  refreshes = 0;
  settings: unknown;
  initializeResult!: InitializeResult;
  waitLimitMs = WAIT_LIMIT_MS;
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly statusWaiters: Waiter<ServerStatus>[] = [];
  private readonly selectionWaiters: Waiter<PostSelection>[] = [];
  private readonly progressWaiters: Waiter<string>[] = [];
  private readonly seminarWaiters: Waiter<SeminarChange>[] = [];
  private readonly progressTitles = new Map<unknown, string>();
  private stderr = '';
  private exited: number | null | undefined;
  private readonly exit: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    process.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exit = new Promise((resolve) =>
      process.on('exit', (code) => {
        this.exited = code;
        resolve(code);
      }),
    );
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.published.push(params);
      settle(this.diagnosticWaiters, params);
    });
    onNotification(connection, StatusNotification, (params) => {
      this.statuses.push(params);
      settle(this.statusWaiters, params);
    });
    onNotification(connection, PostSelectionNotification, (params) => {
      this.selections.push(params);
      settle(this.selectionWaiters, params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onNotification(
      '$/progress',
      (params: { token?: unknown; value?: { kind?: string; title?: string } }) => {
        this.progress.push(params);
        if (params?.value?.kind === 'begin') this.progressTitles.set(params.token, params.value.title ?? '');
        if (params?.value?.kind === 'end') {
          const title = this.progressTitles.get(params.token) ?? '';
          this.progressEnded.push(title);
          settle(this.progressWaiters, title);
        }
      },
    );
    onNotification(connection, SeminarChangedNotification, (params) => {
      this.seminarChanges.push(params);
      settle(this.seminarWaiters, params);
    });
    // A section below `seminarPosts` (`seminarPosts.problems`) gets that part of the settings.
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        const path = (item.section ?? 'seminarPosts').split('.').slice(1);
        return (
          path.reduce<unknown>(
            (value, key) => (value as Record<string, unknown> | null | undefined)?.[key],
            this.settings,
          ) ?? null
        );
      }),
    );
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
    });
    connection.listen();
  }

  /** Starts the bundled server and initializes it. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new LspClient(child, connection);
    client.settings = options.settings;
    client.waitLimitMs = options.waitLimitMs ?? WAIT_LIMIT_MS;
    const folders = options.folders ?? [];
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      capabilities: merge(DEFAULT_CAPABILITIES, options.capabilities ?? {}),
      locale: options.locale ?? 'en',
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.exited === undefined;
  }

  /** What the server wrote to stderr (for failure messages). */
  get errorOutput(): string {
    return this.stderr;
  }

  async open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  /**
   * Sends `didChange` notifications for `uri` as one write of the framed messages, as an editor's
   * burst reaches the server when it is busy: all of them waiting in its input at once. (Sent one
   * by one, the server may wake for each, and whether it can coalesce them depends on the machine.)
   * Stdio only.
   */
  async changeBurst(
    uri: string,
    edits: { version: number; changes: TextDocumentContentChangeEvent[] }[],
  ): Promise<void> {
    const frames = edits.map(({ version, changes }) => {
      const body = Buffer.from(
        JSON.stringify({
          jsonrpc: '2.0',
          method: DidChangeTextDocumentNotification.method,
          params: { textDocument: { uri, version }, contentChanges: changes },
        }),
        'utf8',
      );
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    const stdin = this.process.stdin;
    if (!stdin) throw new Error('changeBurst needs a server started over stdio');
    await new Promise<void>((resolve, reject) =>
      stdin.write(Buffer.concat(frames), (error) => (error ? reject(error) : resolve())),
    );
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * The first diagnostics published for `uri` (now or later) for which `accept` holds; by default,
   * any for `version` or later.
   */
  waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<Diagnostic[]> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && accept(p);
    const known = this.diagnostics.get(uri);
    if (known && test(known)) return Promise.resolve(known.diagnostics);
    return this.waitFor(this.diagnosticWaiters, test, `diagnostics for ${uri}`).then((p) => p.diagnostics);
  }

  /** Diagnostics for `uri` at `version`. */
  diagnosticsAt(uri: string, version: number): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (p) => p.version === version);
  }

  /** The first status (already sent or to come) for which `accept` holds. */
  waitForStatus(accept: (status: ServerStatus) => boolean): Promise<ServerStatus> {
    const known = this.statuses.find(accept);
    if (known) return Promise.resolve(known);
    return this.waitFor(this.statusWaiters, accept, 'a status notification');
  }

  /**
   * The server's latest answer whether `uri` is a post, once it is `isPost` (now or later): the
   * last one received when it already says so, else the next that does.
   */
  waitForSelection(uri: string, isPost: boolean): Promise<PostSelection> {
    const last = [...this.selections].reverse().find((s) => s.uri === uri);
    if (last?.isPost === isPost) return Promise.resolve(last);
    return this.waitFor(
      this.selectionWaiters,
      (s) => s.uri === uri && s.isPost === isPost,
      `postSelection ${isPost} for ${uri}`,
    );
  }

  /** Resolves when work-done progress titled `title` has ended `count` times in all (counting those already ended). */
  waitForProgressEnd(title: string, count = 1): Promise<void> {
    if (this.progressEnded.filter((t) => t === title).length >= count) return Promise.resolve();
    return this.waitFor(
      this.progressWaiters,
      () => this.progressEnded.filter((t) => t === title).length >= count,
      `the end of "${title}" (#${count})`,
    ).then(() => undefined);
  }

  /** The first `seminarPosts/seminarChanged` notification (already received or to come) for which `accept` holds. */
  waitForSeminarChange(accept: (change: SeminarChange) => boolean): Promise<SeminarChange> {
    const known = this.seminarChanges.find(accept);
    if (known) return Promise.resolve(known);
    return this.waitFor(this.seminarWaiters, accept, 'a seminarPosts/seminarChanged notification');
  }

  /** How many times work-done progress titled `title` has ended. */
  progressEnds(title: string): number {
    return this.progressEnded.filter((t) => t === title).length;
  }

  /** Shuts the server down as a client does, and waits for the process to end. */
  async stop(): Promise<number | null> {
    if (this.alive) {
      await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
    }
    const code = await Promise.race([
      this.exit,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), WAIT_LIMIT_MS).unref()),
    ]);
    if (code === 'timeout') this.process.kill();
    this.connection.dispose();
    return code === 'timeout' ? null : code;
  }

  private waitFor<T>(waiters: Waiter<T>[], test: (value: T) => boolean, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(
          new Error(`no ${what} within ${this.waitLimitMs} ms${this.stderr ? `; server stderr:\n${this.stderr}` : ''}`),
        );
      }, this.waitLimitMs);
      const waiter: Waiter<T> = {
        test,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      waiters.push(waiter);
    });
  }
}

function settle<T>(waiters: Waiter<T>[], value: T): void {
  for (const waiter of [...waiters]) {
    if (!waiter.test(value)) continue;
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve(value);
  }
}

function merge<T>(base: T, over: unknown): T {
  if (!over || typeof over !== 'object' || Array.isArray(over)) return (over ?? base) as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) out[key] = merge(out[key], value);
  return out as T;
}
