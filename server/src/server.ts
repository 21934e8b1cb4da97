/**
 * The language server: adapts the LSP connection to the core. Started by the extension over IPC,
 * or by any LSP client with `--stdio`.
 */
import picomatch from 'picomatch';
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintPost } from './core/engine/engine';
import { toLocale } from './core/engine/messages';
import { todayString } from './core/jekyll';
import { PostCache } from './core/parse/postCache';
import { Project } from './core/project';
import { RULES } from './core/rules';
import { nodeFileSystem, uriToCorePath } from './node/nodeHost';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let project = new Project(nodeFileSystem, RULES);
let locale = toLocale(undefined);
const posts = new PostCache();

connection.onInitialize((params) => {
  locale = toLocale(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
  return {
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
    serverInfo: { name: 'seminar-posts' },
  };
});

connection.onInitialized(() => {
  void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
});

connection.onDidChangeConfiguration(() => {
  project = new Project(nodeFileSystem, RULES);
  for (const document of documents.all()) validate(document);
});

documents.onDidChangeContent((event) => validate(event.document));
documents.onDidClose((event) => {
  posts.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

function validate(document: TextDocument): void {
  const path = uriToCorePath(document.uri);
  const setup = project.setupFor(path);
  if (!path || !picomatch.isMatch(path, setup.config.posts, { dot: true })) return;
  const post = posts.get(document.uri, document.version, document.getText());
  const diagnostics = lintPost(post, { rules: RULES, config: setup.config, site: setup.site, locale, today: todayString() });
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

documents.listen(connection);
connection.listen();
