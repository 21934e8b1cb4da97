/**
 * The language features, adapted: each handler finds the open post, hands it to the core's provider
 * and returns the provider's answer. A request about an unknown or closed document, a document that
 * is not a post or is refused, or a position outside the document gets an empty answer; a request
 * without a document gets a clear error.
 */
import {
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type Position,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { CodeAction as CoreCodeAction } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { formatMessage, type Locale } from '../core/engine/messages';
import { isFixAllData, type WorkspaceEditSupport } from '../core/features/codeActions';
import { fillTargetAtTitle, getFillCodeActions, getFillCompletions } from '../core/features/paperFillActions';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Post } from '../core/model';
import type { EditorFeatures } from '../core/service/editorFeatures';
import type { SiteContext } from '../core/site/site';
import { onRequest, PostSiteRequest, PresentersRequest, type PostLabels, type PostSite } from '../protocol';
import type { Analysis } from './analysis';
import type { PaperFillService } from './paperFill';
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
  service: EditorFeatures,
  index: WorkspaceIndex,
  locale: () => Locale,
  capabilities: () => ClientCapabilities,
  paper?: PaperFillService,
  /** The workspace report of a post that is not open (a pull right after its editor closed). */
  closedReport: (uri: string) => { resultId: string; diagnostics: Diagnostic[] } | undefined = () => undefined,
): void {
  /** Runs `answer` on the open post `params` names; `empty` wherever there is none. */
  async function withPost<T>(
    params: DocumentParams | undefined,
    empty: T,
    answer: (analysis: PostAnalysis, checked: Checked) => T,
  ): Promise<T> {
    const uri = requireUri(params, locale());
    const document = documents.get(uri);
    if (!document) return empty;
    const checked = await validator.current(document);
    return checked.analysis.kind === 'post' ? answer(checked.analysis, checked) : empty;
  }

  /** Runs `answer` at the request's position; `empty` when the position is not in the post. */
  function atPosition<T>(
    params: (DocumentParams & { position?: Position }) | undefined,
    empty: T,
    answer: (analysis: PostAnalysis, position: Position, checked: Checked) => T,
  ): Promise<T> {
    return withPost(params, empty, (analysis, checked) => {
      const position = positionIn(analysis.post, params?.position);
      return position ? answer(analysis, position, checked) : empty;
    });
  }

  connection.onCompletion(async (params) => {
    const items = await atPosition(params, [], (analysis, position) =>
      service.completions(analysis, position, {
        presenters: index.presenterNames(),
        snippets: capabilities().textDocument?.completion?.completionItem?.snippetSupport === true,
      }),
    );
    // The title line of a section with a paper link: the kept paper, or an item that asks for it.
    const fill =
      paper &&
      (await atPosition(params, undefined, ({ post, setup }, position) => {
        const target = fillTargetAtTitle(post, setup.config, position);
        return target && { post, target, position };
      }));
    if (!paper || !fill) return items;
    return [
      ...items,
      ...getFillCompletions(fill.post, fill.target, fill.position, await paper.cached(fill.target.url), locale()),
    ];
  });

  connection.onHover((params) =>
    atPosition(params, null, (analysis, position, checked) =>
      service.hover(analysis, position, {
        diagnostics: checked.diagnostics,
        talksOf: (name) => index.talksOf(name),
      }),
    ),
  );

  connection.onDocumentSymbol((params) => withPost(params, [], (analysis) => service.documentSymbols(analysis)));

  connection.onFoldingRanges((params) => withPost(params, [], (analysis) => service.foldingRanges(analysis)));

  connection.onDocumentLinks((params) =>
    withPost(params, [], (analysis) =>
      service.documentLinks(analysis, (path) => siteFileUri(analysis.setup.site, path)),
    ),
  );

  connection.onWorkspaceSymbol((params) =>
    service.workspaceSymbols(index.papers(), typeof params?.query === 'string' ? params.query : ''),
  );

  connection.onCodeAction((params) =>
    withPost(params, [], (analysis, checked) => [
      ...service.codeActions(analysis, {
        // The client sends back diagnostics this server published (plain-string messages).
        contextDiagnostics: Array.isArray(params.context?.diagnostics)
          ? (params.context.diagnostics as Diagnostic[])
          : [],
        diagnostics: checked.diagnostics,
        only: params.context?.only,
        support: editSupport(capabilities()),
      }),
      ...(paper
        ? getFillCodeActions(
            analysis.post,
            analysis.setup.config,
            params.range,
            Array.isArray(params.context?.diagnostics) ? (params.context.diagnostics as Diagnostic[]) : [],
            params.context?.only,
            locale(),
          )
        : []),
    ]),
  );

  // Only the fix-all action is resolved: its edit is computed here, on the post's current version.
  connection.onCodeActionResolve(async (action: CodeAction) => {
    if (!isFixAllData(action?.data)) return action;
    const document = documents.get(action.data.fixAll.uri);
    if (!document) return withoutData(action);
    const checked = await validator.current(document);
    if (checked.analysis.kind !== 'post') return withoutData(action);
    // The connection's protocol types and the core's are two copies of the same LSP types.
    return service.resolveCodeAction(checked.analysis, action as CoreCodeAction, {
      diagnostics: checked.diagnostics,
      support: editSupport(capabilities()),
    });
  });

  connection.languages.diagnostics.on(async (params) => {
    const uri = requireUri(params, locale());
    const document = documents.get(uri);
    if (!document) {
      const report = closedReport(uri);
      return {
        kind: DocumentDiagnosticReportKind.Full,
        items: report?.diagnostics ?? [],
        ...(report ? { resultId: report.resultId } : {}),
      };
    }
    // The client pulls again after the newer change; this version's answer would only be dropped.
    if (incoming.hasNewer(document.uri, document.version)) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'A newer version of the document is on its way.', {
        retriggerRequest: false,
      });
    }
    const { diagnostics } = await validator.current(document);
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics };
  });

  onRequest(connection, PresentersRequest, async (params) => {
    const names = index.presenterNames();
    if (typeof params?.textDocument?.uri !== 'string') return { names };
    const labels = await withPost<PostLabels | undefined>(params, undefined, ({ setup: { config } }) => ({
      presenter: [...config.presenterLabels],
      paper: [...config.linkLabels.paper],
      slides: [...config.linkLabels.slides],
    }));
    return labels ? { names, labels } : { names };
  });

  onRequest(connection, PostSiteRequest, (params) =>
    withPost<PostSite | null>(params, null, ({ setup: { site } }) =>
      site ? { root: URI.file(site.root).toString(), baseurl: site.baseurl ?? null } : null,
    ),
  );
}

/** A request about a document, as it may arrive from a client: every field is checked before use. */
interface DocumentParams {
  textDocument?: { uri?: unknown };
}

/** The request's document URI; a request without one is refused with a clear error. */
function requireUri(params: DocumentParams | undefined, locale: Locale): string {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, formatMessage(NO_DOCUMENT, locale));
  return uri;
}

/** The request's position when it lies in the post (a character past the line's end is its end). */
function positionIn(post: Post, position: Partial<Position> | undefined): Position | undefined {
  const line = position?.line;
  const character = position?.character;
  if (line === undefined || character === undefined || !Number.isInteger(line) || !Number.isInteger(character))
    return undefined;
  if (line < 0 || line >= post.lines.lineCount || character < 0) return undefined;
  return { line, character: Math.min(character, post.lines.lineText(line).length) };
}

/** An action without the data that asked for its resolution (nothing to resolve: it does nothing). */
function withoutData(action: CodeAction): CodeAction {
  const rest = { ...action };
  delete rest.data;
  return rest;
}

/** The `file:` URI of the site file `path` names, when it exists. */
function siteFileUri(site: SiteContext | undefined, path: string): string | undefined {
  const file = site?.filePath(path);
  return file === undefined ? undefined : URI.file(file).toString();
}

function editSupport(capabilities: ClientCapabilities): WorkspaceEditSupport {
  // `snippetEditSupport` is LSP 3.18's, which the 3.17 types do not name.
  const edit = capabilities.workspace?.workspaceEdit;
  const resolve = capabilities.textDocument?.codeAction?.resolveSupport?.properties;
  return {
    documentChanges: edit?.documentChanges === true,
    renameFiles: edit?.resourceOperations?.includes('rename') === true,
    snippetEdits: edit?.snippetEditSupport === true,
    resolveEdit: Array.isArray(resolve) && resolve.includes('edit'),
  };
}
