/**
 * One language server session: answers `initialize` with the server's capabilities, and wires the
 * documents, the settings, the validator, the workspace index and the feature handlers to the
 * connection. Nothing here reads a post itself; the core does.
 */
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  type CancellationToken,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION } from '../core/config/settings';
import { toLocale, type Locale } from '../core/engine/messages';
import type { RuleDefinition } from '../core/engine/rule';
import { FIX_ALL_KIND } from '../core/features/codeActions';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { LinkResultLookup } from '../core/links/linkResult';
import { createEditorFeatures, type EditorFeatures } from '../core/service/editorFeatures';
import { createPostService, type PostService } from '../core/service/postService';
import { CheckLinksRequest, onRequest, type InitializationOptions } from '../protocol';
import { nodeFileSystem, uriToCorePath } from '../node/nodeHost';
import { Analyzer } from './analysis';
import { errorText } from './errorText';
import { registerFeatures } from './features';
import { PaperFillService, registerPaperFill } from './paperFill';
import { loadRenderer, registerRender } from './render';
import { WorkspaceIndexer } from './indexer';
import { SettingsStore } from './settings';
import { StatusReporter } from './status';
import type { IncomingChanges } from './transport';
import { LinkCheckService } from './linkCheck';
import { Validator } from './validation';
import { SeminarFeed } from './seminar';
import { WorkspaceCheck } from './workspaceCheck';

/** Files whose change matters: posts, configuration files, the site's configuration, layouts and includes (its MathJax set-up). */
const WATCHED = ['**/*.{md,markdown}', '**/.seminar-posts.json', '**/_config.yml', '**/_layouts/**', '**/_includes/**'];

/**
 * The language server's post service and editor features: the files on disk, the workspace index
 * as the other posts, the renderer loaded on the first preview. (The fix-equivalence test builds
 * the editor's side with it, as the server does.) `links`: what the last Check Links found of a post.
 */
export function createServerServices(
  rules: readonly RuleDefinition<object>[],
  locale: () => Locale,
  index: WorkspaceIndex,
  links?: (uri: string) => LinkResultLookup | undefined,
): { service: PostService; features: EditorFeatures } {
  const service = createPostService({
    host: nodeFileSystem,
    rules,
    locale,
    clock: () => new Date(),
    workspace: () => index,
    renderer: loadRenderer,
    links,
  });
  return { service, features: createEditorFeatures(service) };
}

/**
 * Starts serving on `connection` (not yet listening); `incoming` is the transport's look ahead.
 * `rules` are the registry's (the entry point passes them).
 */
export function startServer(
  connection: Connection,
  incoming: IncomingChanges,
  rules: readonly RuleDefinition<object>[],
): void {
  let locale: Locale = 'en';
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  let roots: string[] = [];
  /** Where the client keeps this extension's files (the link and paper caches go under its `cache/`). */
  let storagePath: string | undefined;

  const documents = new TextDocuments(TextDocument);
  const index = new WorkspaceIndex();
  // Check Links' results (kept by `links`, made below) reach the rules through the post service.
  let links: LinkCheckService | undefined;
  const { service, features } = createServerServices(
    rules,
    () => locale,
    index,
    (uri) => links?.lookupFor(uri),
  );
  const status = new StatusReporter(connection, () => locale);
  const settings = new SettingsStore(
    connection,
    rules,
    () => capabilities.workspace?.configuration === true,
    (message) => status.settingsUnreadable(message),
  );
  const analyzer = new Analyzer(service, settings, status, () => roots);
  const pulls = () => capabilities.textDocument?.diagnostic !== undefined;
  const validator = new Validator(
    connection,
    documents,
    incoming,
    service,
    analyzer,
    index,
    () => locale,
    pulls,
    () => capabilities.workspace?.diagnostics?.refreshSupport === true,
  );
  const indexer = new WorkspaceIndexer(
    connection,
    documents,
    analyzer,
    index,
    status,
    () => locale,
    () => folders,
    () => {
      validator.scheduleAll();
      check.schedule();
    },
  );
  const check = new WorkspaceCheck({
    connection,
    documents,
    analyzer,
    validator,
    index,
    service,
    status,
    locale: () => locale,
    ready: () => status.current === 'ready',
    folderOf: (uri) => indexer.folderOf(uri),
    canAskSettings: () => capabilities.workspace?.configuration === true,
    onDidChangeReach: () => feed.changed(),
  });
  const feed = new SeminarFeed(
    connection,
    index,
    () => status.current,
    () => check.reach(),
    () => locale,
  );
  index.onDidChange = (uri, previous, next) => {
    check.postChanged(uri, previous, next);
    feed.changed();
  };
  status.onDidUpdate = () => {
    feed.changed();
    check.schedule();
  };

  const linkCheck = (links = new LinkCheckService(
    connection,
    documents,
    service,
    analyzer,
    index,
    () => locale,
    () => storagePath,
    () => validator.scheduleAll(),
  ));

  const rescan = () =>
    void indexer.scan().catch((error: unknown) => connection.console.error(`indexing failed: ${errorText(error)}`));
  const setFolders = (uris: string[]) => {
    folders = uris;
    roots = uris.map(uriToCorePath).filter((p): p is string => p !== undefined);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    // From the client: checked as it is read (another LSP client may send anything).
    const options = params.initializationOptions as Partial<Record<keyof InitializationOptions, unknown>> | undefined;
    storagePath = typeof options?.storagePath === 'string' && options.storagePath ? options.storagePath : undefined;
    locale = toLocale(params.locale ?? (typeof options?.locale === 'string' ? options.locale : undefined));
    setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        // Pushed to a client that does not pull; `diagnosticProvider` for one that does.
        ...(pulls()
          ? {
              diagnosticProvider: {
                identifier: 'seminar-posts',
                interFileDependencies: true,
                workspaceDiagnostics: true,
              },
            }
          : {}),
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '['], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        // Resolved: the fix-all action's edit is computed when the client applies it (`codeAction/resolve`).
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'seminar-posts' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch(() => undefined);
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) })
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
    const pushed = (params?.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    settings.changed(pushed);
    status.reset();
    check.invalidateAll(pushed);
    validator.scheduleAll();
    rescan();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const changes = Array.isArray(params?.changes) ? params.changes : [];
    await linkCheck.filesChanged(changes.map((change) => change.uri));
    if (await indexer.filesChanged(changes)) {
      service.configurationChanged();
      status.reset();
      validator.scheduleAll();
      check.invalidateAll();
      rescan();
    }
  });

  documents.onDidChangeContent((event) => validator.schedule(event.document.uri));
  documents.onDidOpen((event) => linkCheck.documentOpened(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    validator.closed(uri);
    analyzer.forget(uri);
    incoming.forget(uri);
    void indexer
      .documentClosed(uri)
      .catch((error: unknown) => connection.console.error(`indexing ${uri} failed: ${errorText(error)}`));
    void linkCheck
      .documentClosed(uri)
      .catch((error: unknown) => connection.console.error(`link results of ${uri}: ${errorText(error)}`));
    check.documentClosed(uri);
  });

  const paper = new PaperFillService(
    () => (storagePath ? path.join(storagePath, 'cache') : undefined),
    (message) => connection.console.warn(message),
  );
  registerFeatures(
    connection,
    documents,
    incoming,
    validator,
    features,
    index,
    () => locale,
    () => capabilities,
    paper,
    (uri) => check.reportOf(uri),
  );
  registerPaperFill(connection, documents, validator, () => locale, paper);
  check.register();
  feed.register();
  registerRender(connection, documents, incoming, validator, service);
  onRequest(connection, CheckLinksRequest, (params, token: CancellationToken) =>
    linkCheck.check(params ?? { scope: 'post' }, token),
  );
  documents.listen(connection);

  // The last line of defence: a bug logs, it does not stop the server the editor depends on.
  process.on('unhandledRejection', (reason) => connection.console.error(`unexpected failure: ${errorText(reason)}`));
  process.on('uncaughtException', (error) => connection.console.error(`unexpected failure: ${errorText(error)}`));
}
