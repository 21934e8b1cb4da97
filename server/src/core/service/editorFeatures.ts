/**
 * The editor's features over a post service: each provider of `core/features/` gets the post, its
 * setup and what the service knows (locale, today, "fix all"); the language server passes only
 * what belongs to the request and to the workspace. Apart from the post service so that the CLI,
 * which has no editor, does not carry them.
 */
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  SymbolInformation,
} from 'vscode-languageserver-types';
import {
  getCodeActions,
  resolveFixAll,
  type CodeActionOptions,
  type WorkspaceEditSupport,
} from '../features/codeActions';
import { getCompletions } from '../features/completion';
import { getDocumentLinks } from '../features/documentLinks';
import { getDocumentSymbols } from '../features/documentSymbols';
import { getFoldingRanges } from '../features/folding';
import { getHover } from '../features/hover';
import { getWorkspaceSymbols } from '../features/workspaceSymbols';
import type { IndexedPaperEntry } from '../index/workspaceIndex';
import type { IndexedPaper } from '../workspace';
import type { PostInContext, PostService } from './postService';

/** What the code actions of a request need besides the post. */
export interface CodeActionRequest {
  /** The diagnostics the client asks about (`context.diagnostics`). */
  contextDiagnostics: readonly Diagnostic[];
  /** The post's current diagnostics. */
  diagnostics: readonly Diagnostic[];
  /** The kinds asked for (`context.only`). */
  only: readonly string[] | undefined;
  support: WorkspaceEditSupport;
}

export interface EditorFeatures {
  codeActions(post: PostInContext, request: CodeActionRequest): CodeAction[];
  /** Fills in a fix-all action's edit (`codeAction/resolve`), for the post's current version. */
  resolveCodeAction(
    post: PostInContext,
    action: CodeAction,
    request: Pick<CodeActionRequest, 'diagnostics' | 'support'>,
  ): CodeAction;
  completions(
    post: PostInContext,
    position: Position,
    extras: { presenters: readonly string[]; snippets: boolean },
  ): CompletionItem[];
  hover(
    post: PostInContext,
    position: Position,
    extras: { diagnostics: readonly Diagnostic[]; talksOf: (name: string) => readonly IndexedPaper[] },
  ): Hover | null;
  documentSymbols(post: PostInContext): DocumentSymbol[];
  foldingRanges(post: PostInContext): FoldingRange[];
  documentLinks(post: PostInContext, resolveSitePath: (path: string) => string | undefined): DocumentLink[];
  /** The papers of the workspace whose title matches `query`. */
  workspaceSymbols(papers: Iterable<IndexedPaperEntry>, query: string): SymbolInformation[];
}

/** The editor features answered from `service`. */
export function createEditorFeatures(service: PostService): EditorFeatures {
  const fixAllOptions = (
    target: PostInContext,
    request: Pick<CodeActionRequest, 'diagnostics' | 'support'>,
  ): Pick<CodeActionOptions, 'settle' | 'support' | 'locale'> => ({
    locale: service.locale(),
    support: request.support,
    // The editor's Fix All runs unattended (on save): it never renames the file.
    settle: () => service.settleFixes(target, { renames: false, diagnostics: request.diagnostics }),
  });

  return {
    codeActions: (target, request) =>
      getCodeActions(target.post, {
        ...fixAllOptions(target, request),
        contextDiagnostics: request.contextDiagnostics,
        diagnostics: request.diagnostics,
        only: request.only,
      }),
    resolveCodeAction: (target, action, request) => resolveFixAll(target.post, action, fixAllOptions(target, request)),
    completions: ({ post, setup }, position, extras) =>
      getCompletions(post, position, {
        config: setup.config,
        site: setup.site,
        presenters: extras.presenters,
        today: service.today(),
        locale: service.locale(),
        snippets: extras.snippets,
      }),
    hover: ({ post }, position, extras) =>
      getHover(post, position, {
        diagnostics: extras.diagnostics,
        rules: service.rules,
        talksOf: extras.talksOf,
        locale: service.locale(),
      }),
    documentSymbols: ({ post }) => getDocumentSymbols(post, service.locale()),
    foldingRanges: ({ post }) => getFoldingRanges(post),
    documentLinks: ({ post }, resolveSitePath) => getDocumentLinks(post, { resolveSitePath }),
    workspaceSymbols: (papers, query) => getWorkspaceSymbols(papers, query),
  };
}
