/**
 * One language server session: answers `initialize` with the server's capabilities, and wires the
 * documents, the settings, the validator, the workspace index and the feature handlers to the
 * connection. Nothing here reads a post itself; the core does.
 */
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments,
  TextDocumentSyncKind, type ClientCapabilities, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale, type Locale } from '../core/engine/messages';
import { FIX_ALL_KIND } from '../core/features/codeActions';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import { Project } from '../core/project';
import { ProcessIdRequest } from '../protocol';
import { RULES } from '../core/rules';
import { nodeFileSystem, uriToCorePath } from '../node/nodeHost';
import { Analyzer } from './analysis';
import { errorText } from './errorText';
import { registerFeatures } from './features';
import { registerRender } from './render';
import { WorkspaceIndexer } from './indexer';
import { SettingsStore } from './settings';
import { StatusReporter } from './status';
import type { IncomingChanges } from './transport';
import { Validator } from './validation';
import { SeminarFeed } from './seminar';
import { WorkspaceCheck } from './workspaceCheck';

/** Files whose change matters: posts, configuration files, the site's configuration and layouts. */
const WATCHED = ['**/*.{md,markdown}', '**/.seminar-posts.json', '**/_config.yml', '**/_layouts/**'];

/** Starts serving on `connection` (not yet listening); `incoming` is the transport's look ahead. */
export function startServer(connection: Connection, incoming: IncomingChanges): void {
  let locale: Locale = 'en';
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  let roots: string[] = [];

  const documents = new TextDocuments(TextDocument);
  const project = new Project(nodeFileSystem, RULES);
  const index = new WorkspaceIndex();
  const status = new StatusReporter(connection, () => locale);
  const settings = new SettingsStore(connection, RULES, () => capabilities.workspace?.configuration === true,
    (message) => status.settingsUnreadable(message));
  const analyzer = new Analyzer(project, settings, status, () => roots);
  const pulls = () => capabilities.textDocument?.diagnostic !== undefined;
  const validator = new Validator(connection, documents, incoming, analyzer, index, () => locale, pulls,
    () => capabilities.workspace?.diagnostics?.refreshSupport === true);
  const indexer = new WorkspaceIndexer(connection, documents, analyzer, index, status, () => locale, () => folders, () => {
    validator.scheduleAll();
    check.schedule();
  });
  const check = new WorkspaceCheck({
    connection, documents, analyzer, validator, index, project, status,
    locale: () => locale,
    ready: () => status.current === 'ready',
    folderOf: (uri) => indexer.folderOf(uri),
    canAskSettings: () => capabilities.workspace?.configuration === true,
    onDidChangeReach: () => feed.changed(),
  });
  const feed = new SeminarFeed(connection, index, () => status.current, () => check.reach(), () => locale);
  index.onDidChange = (uri, previous, next) => {
    check.postChanged(uri, previous, next);
    feed.changed();
  };
  status.onDidUpdate = () => {
    feed.changed();
    check.schedule();
  };

  const rescan = () => void indexer.scan().catch((error: unknown) => connection.console.error(`indexing failed: ${errorText(error)}`));
  const setFolders = (uris: string[]) => {
    folders = uris;
    roots = uris.map(uriToCorePath).filter((p): p is string => p !== undefined);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    const options = params.initializationOptions as { locale?: unknown } | undefined;
    locale = toLocale(params.locale ?? (typeof options?.locale === 'string' ? options.locale : undefined));
    setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        // Pushed to a client that does not pull; `diagnosticProvider` for one that does.
        ...(pulls() ? { diagnosticProvider: { identifier: 'seminar-posts', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '['], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'seminar-posts' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'seminarPosts' }).catch(() => undefined);
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) })
        .catch(() => undefined);
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        setFolders([...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)]);
        rescan();
      });
    }
    rescan();
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params?.settings as { seminarPosts?: unknown } | undefined)?.seminarPosts;
    settings.changed(pushed);
    status.reset();
    check.invalidateAll(pushed);
    validator.scheduleAll();
    rescan();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    if (await indexer.filesChanged(Array.isArray(params?.changes) ? params.changes : [])) {
      project.clear();
      status.reset();
      validator.scheduleAll();
      check.invalidateAll();
      rescan();
    }
  });

  documents.onDidChangeContent((event) => validator.schedule(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    validator.closed(uri);
    analyzer.forget(uri);
    incoming.forget(uri);
    void indexer.documentClosed(uri).catch((error: unknown) => connection.console.error(`indexing ${uri} failed: ${errorText(error)}`));
    check.documentClosed(uri);
  });

  registerFeatures(connection, documents, incoming, validator, index, () => locale, () => capabilities, (uri) => check.reportOf(uri));
  check.register();
  feed.register();
  registerRender(connection, documents, incoming, validator, () => locale);
  connection.onRequest(ProcessIdRequest.method, () => ({ pid: process.pid }));
  documents.listen(connection);

  // The last line of defence: a bug logs, it does not stop the server the editor depends on.
  process.on('unhandledRejection', (reason) => connection.console.error(`unexpected failure: ${errorText(reason)}`));
  process.on('uncaughtException', (error) => connection.console.error(`unexpected failure: ${errorText(error)}`));
}
