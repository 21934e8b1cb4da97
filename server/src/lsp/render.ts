/**
 * `seminarPosts/render`: the preview's rendering of an open post at the server's current version.
 * It reads the version's analysis and diagnostics that the validator keeps (the post is parsed and
 * linted once per version, whoever asks first), and hands them to the post service's `render`.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { formatMessage } from '../core/engine/messages';
import { refusalDiagnostic } from '../core/features/limits';
import type { Renderer, PostService } from '../core/service/postService';
import { onRequest, RenderRequest, type RenderRefusal, type RenderResult } from '../protocol';
import { NO_DOCUMENT } from './features';
import type { IncomingChanges } from './transport';
import type { Validator } from './validation';

const MESSAGES = {
  notOpen: {
    en: 'The language server has no open document {uri}: open it in an editor.',
    ko: '언어 서버에 열린 문서 {uri}이(가) 없습니다. 편집기에서 여세요.',
  },
  notPost: {
    en: 'This file is not a post: the preview shows the files that `seminarPosts.posts` selects (`**/_posts/**/*.{md,markdown}` by default).',
    ko: '이 파일은 포스트가 아닙니다. 미리보기는 `seminarPosts.posts`가 고르는 파일(기본값 `**/_posts/**/*.{md,markdown}`)을 보여 줍니다.',
  },
};

/** Registers the `seminarPosts/render` handler. */
export function registerRender(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  incoming: IncomingChanges,
  validator: Validator,
  service: PostService,
): void {
  const locale = () => service.locale();
  onRequest(connection, RenderRequest, async (params): Promise<RenderResult | RenderRefusal> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string')
      throw new ResponseError(ErrorCodes.InvalidParams, formatMessage(NO_DOCUMENT, locale()));
    const document = documents.get(uri);
    if (!document)
      return { refused: 'notOpen', version: undefined, message: formatMessage(MESSAGES.notOpen, locale(), { uri }) };
    // As for pulled diagnostics: the client asks again for the newer version; this one would be dropped.
    if (incoming.hasNewer(uri, document.version)) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'A newer version of the document is on its way.', {
        retriggerRequest: false,
      });
    }
    const { analysis, diagnostics, version } = await validator.current(document);
    switch (analysis.kind) {
      case 'other':
        return { refused: 'notPost', version, message: formatMessage(MESSAGES.notPost, locale()) };
      case 'refused':
        return { refused: 'paused', version, message: refusalDiagnostic(analysis.refusal, locale()).message };
      case 'post': {
        const root = analysis.setup.site?.root;
        const base = typeof params?.resourceBase === 'string' ? params.resourceBase : undefined;
        return service.render(analysis, {
          diagnostics,
          imageBase: base && root ? siteImageBase(base, root) : undefined,
        });
      }
    }
  });
}

/**
 * The renderer (remark, rehype, KaTeX: half the server's bundle), loaded on the first render, so
 * that a server nobody asks for a preview starts without it. esbuild keeps it in the one bundle
 * and runs its modules on the first call.
 */
export const loadRenderer = (): Promise<Renderer> => import('../core/render/renderPost');

/**
 * The webview URL of the site folder `siteRoot` (a core path: absolute, `/`-separated), given the
 * webview URI of the file system's root. Only an `https:` base is taken: anything else (a `file:`
 * or `javascript:` URL) would not load under the preview's policy, or should not.
 */
export function siteImageBase(resourceBase: string, siteRoot: string): string | undefined {
  let base: URL;
  try {
    base = new URL(resourceBase);
  } catch {
    return undefined;
  }
  if (base.protocol !== 'https:' || base.search || base.hash) return undefined;
  // `URI.file` writes the path as VS Code's `asWebviewUri` does (`/c%3A/site` for `C:/site`); a
  // UNC path's host would go into the webview URI's authority instead, which this cannot build.
  const root = URI.file(siteRoot);
  if (root.authority) return undefined;
  return `${base.href.replace(/\/+$/, '')}${root.toString().slice('file://'.length)}/`;
}
