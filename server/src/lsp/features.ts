/**
 * The language features, adapted: each handler finds the open post, hands it to the core's provider
 * and returns the provider's answer. A request about an unknown or closed document, a document that
 * is not a post or is refused, or a position outside the document gets an empty answer; a request
 * without a document gets a clear error.
 */
import {
  DocumentDiagnosticReportKind, ErrorCodes, LSPErrorCodes, ResponseError, type ClientCapabilities, type Connection, type Position, type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { formatMessage, type Locale } from '../core/engine/messages';
import { getCodeActions, type WorkspaceEditSupport } from '../core/features/codeActions';
import { getCompletions } from '../core/features/completion';
import { getDocumentLinks } from '../core/features/documentLinks';
import { getDocumentSymbols } from '../core/features/documentSymbols';
import { getFoldingRanges } from '../core/features/folding';
import { getHover } from '../core/features/hover';
import { getWorkspaceSymbols } from '../core/features/workspaceSymbols';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { todayString } from '../core/jekyll';
import type { Post } from '../core/model';
import { lintPost } from '../core/engine/engine';
import { parsePost } from '../core/parse/parsePost';
import { RULES } from '../core/rules';
import type { SiteContext } from '../core/site/site';
import { PresentersRequest, type PostLabels } from '../protocol';
import type { Analysis } from './analysis';
import type { IncomingChanges } from './transport';
import type { Checked, Validator } from './validation';

type PostAnalysis = Extract<Analysis, { kind: 'post' }>;

/** The error of a request without `textDocument.uri`. */
export const NO_DOCUMENT = {
  en: 'The request names no document (textDocument.uri).',
  ko: '요청에 문서(textDocument.uri)가 없습니다.',
};

/** Registers every feature handler on `connection`. */
export function registerFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  incoming: IncomingChanges,
  validator: Validator,
  index: WorkspaceIndex,
  locale: () => Locale,
  capabilities: () => ClientCapabilities,
  /** The workspace report of a post that is not open (a pull right after its editor closed). */
  closedReport: (uri: string) => { resultId: string; diagnostics: Diagnostic[] } | undefined = () => undefined,
): void {
  /** Runs `answer` on the open post `params` names; `empty` wherever there is none. */
  async function withPost<T>(params: unknown, empty: T, answer: (analysis: PostAnalysis, checked: Checked) => T): Promise<T> {
    const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, formatMessage(NO_DOCUMENT, locale()));
    const document = documents.get(uri);
    if (!document) return empty;
    const checked = await validator.current(document);
    return checked.analysis.kind === 'post' ? answer(checked.analysis, checked) : empty;
  }

  /** Runs `answer` at the request's position; `empty` when the position is not in the post. */
  function atPosition<T>(params: unknown, empty: T, answer: (analysis: PostAnalysis, position: Position, checked: Checked) => T): Promise<T> {
    return withPost(params, empty, (analysis, checked) => {
      const position = positionIn(analysis.post, (params as { position?: unknown }).position);
      return position ? answer(analysis, position, checked) : empty;
    });
  }

  connection.onCompletion((params) => atPosition(params, [], ({ post, setup }, position) => getCompletions(post, position, {
    config: setup.config,
    site: setup.site,
    presenters: index.presenterNames(),
    today: todayString(),
    locale: locale(),
    snippets: capabilities().textDocument?.completion?.completionItem?.snippetSupport === true,
  })));

  connection.onHover((params) => atPosition(params, null, ({ post }, position, checked) => getHover(post, position, {
    diagnostics: checked.diagnostics,
    rules: RULES,
    talksOf: (name) => index.talksOf(name),
    locale: locale(),
  })));

  connection.onDocumentSymbol((params) => withPost(params, [], ({ post }) => getDocumentSymbols(post, locale())));

  connection.onFoldingRanges((params) => withPost(params, [], ({ post }) => getFoldingRanges(post)));

  connection.onDocumentLinks((params) => withPost(params, [], ({ post, setup }) => getDocumentLinks(post, {
    resolveSitePath: (path) => siteFileUri(setup.site, path),
  })));

  connection.onWorkspaceSymbol((params) => getWorkspaceSymbols(index.papers(), typeof params?.query === 'string' ? params.query : ''));

  connection.onCodeAction((params) => withPost(params, [], ({ post, setup }, checked) => getCodeActions(post, {
    // The client sends back diagnostics this server published (plain-string messages).
    contextDiagnostics: Array.isArray(params.context?.diagnostics) ? params.context.diagnostics as Diagnostic[] : [],
    diagnostics: checked.diagnostics,
    only: params.context?.only,
    locale: locale(),
    support: editSupport(capabilities()),
    relint: (text) => {
      const next = parsePost(text, post.uri, post.version);
      return { post: next, diagnostics: lintPost(next, { rules: RULES, config: setup.config, site: setup.site, workspace: index, locale: locale(), today: todayString() }) };
    },
  })));

  connection.languages.diagnostics.on(async (params) => {
    const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, formatMessage(NO_DOCUMENT, locale()));
    const document = documents.get(uri);
    if (!document) {
      const report = closedReport(uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: report?.diagnostics ?? [], ...(report ? { resultId: report.resultId } : {}) };
    }
    // The client pulls again after the newer change; this version's answer would only be dropped.
    if (incoming.hasNewer(document.uri, document.version)) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'A newer version of the document is on its way.', { retriggerRequest: false });
    }
    const { diagnostics } = await validator.current(document);
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics };
  });

  connection.onRequest(PresentersRequest.method, async (params: unknown) => {
    const names = index.presenterNames();
    if (typeof (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri !== 'string') return { names };
    const labels = await withPost<PostLabels | undefined>(params, undefined, ({ setup: { config } }) => ({
      presenter: [...config.presenterLabels], paper: [...config.linkLabels.paper], slides: [...config.linkLabels.slides],
    }));
    return labels ? { names, labels } : { names };
  });
}

/** The request's position when it lies in the post (a character past the line's end is its end). */
function positionIn(post: Post, position: unknown): Position | undefined {
  const p = position as Partial<Position> | undefined;
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return undefined;
  if (p.line! < 0 || p.line! >= post.lines.lineCount || p.character! < 0) return undefined;
  return { line: p.line!, character: Math.min(p.character!, post.lines.lineText(p.line!).length) };
}

/** The `file:` URI of the site file `path` names, when it exists. */
function siteFileUri(site: SiteContext | undefined, path: string): string | undefined {
  const file = site?.filePath(path);
  return file === undefined ? undefined : URI.file(file).toString();
}

function editSupport(capabilities: ClientCapabilities): WorkspaceEditSupport {
  const edit = capabilities.workspace?.workspaceEdit as
    | { documentChanges?: boolean; resourceOperations?: string[]; snippetEditSupport?: boolean }
    | undefined;
  return {
    documentChanges: edit?.documentChanges === true,
    renameFiles: edit?.resourceOperations?.includes('rename') === true,
    snippetEdits: edit?.snippetEditSupport === true,
  };
}
