/**
 * The preview webview's whole page: a strict Content-Security-Policy, the extension's style sheets,
 * a view switcher (Post / Quarter Summary), the content (see `previewContent.ts`) and the page's one
 * script, allowed by its nonce. Pure (no `vscode`): the panel passes in the nonce, the webview's
 * `cspSource` and the `asWebviewUri` of each media file.
 */
import type { RenderResult } from '../../../server/src/protocol';
import { escapeHtml, noticeContent, previewContent } from './previewContent';
import { text, type Locale } from './strings';

/** Webview URIs of the extension's media files. */
export interface PreviewMedia {
  /** `media/preview/preview.js` */
  script: string;
  /** `media/preview/preview.css` */
  css: string;
  /** `media/katex/katex.min.css` (its fonts sit beside it, in `fonts/`). */
  katexCss: string;
}

/** What {@link previewDocument} needs. */
export interface PreviewDocumentOptions {
  /** The rendered post. Without one, the page shows `notice` (or "Rendering…") until an update. */
  result?: RenderResult;
  /** Why there is no post to show, in the UI language. */
  notice?: string;
  /** A fresh random value per page, base64 or hex, at least 16 characters. */
  nonce: string;
  /** The webview's `cspSource`: where the extension's media and the workspace's files are served from. */
  cspSource: string;
  media: PreviewMedia;
  locale: Locale;
}

/** The webview's Content-Security-Policy. */
export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  checkNonce(nonce);
  checkCspSource(cspSource);
  return [
    "default-src 'none'",
    `img-src ${cspSource} https: data:`,
    `font-src ${cspSource}`,
    // Style sheets come from the extension only. `style-src-attr 'unsafe-inline'` lets KaTeX's
    // output keep the `style` attributes it positions glyphs with (heights, offsets); the post's
    // own `style` attributes never get here, because the server's sanitizer removes them. Browsers
    // without the `-elem`/`-attr` directives fall back to `style-src` and lose only math layout.
    `style-src ${cspSource}`,
    `style-src-elem ${cspSource}`,
    "style-src-attr 'unsafe-inline'",
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The full HTML page of the preview. */
export function previewDocument({ result, notice, nonce, cspSource, media, locale }: PreviewDocumentOptions): string {
  const csp = contentSecurityPolicy(nonce, cspSource);
  const title = text('documentTitle', locale, { title: result?.title ?? '' });
  const content = result ? previewContent(result, locale) : noticeContent(notice ?? text('rendering', locale));
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(media.katexCss)}">
<link rel="stylesheet" href="${escapeHtml(media.css)}">
<title>${escapeHtml(title)}</title>
</head>
<body data-view="post">
<nav class="sp-views" aria-label="${escapeHtml(text('views', locale))}">
<button type="button" class="sp-view-button" data-view-button="post" aria-pressed="true">${escapeHtml(text('viewPost', locale))}</button>
<button type="button" class="sp-view-button" data-view-button="summary" aria-pressed="false">${escapeHtml(text('viewSummary', locale))}</button>
</nav>
<div id="sp-content" data-version="${result?.version ?? ''}">
${content}
</div>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(media.script)}"></script>
</body>
</html>
`;
}

/**
 * Throws unless `cspSource` is hosts, or `'self'` (code-server's webviews give `'self'
 * https://*.vscode-cdn.net`): nothing that could end the directive or add a keyword such as
 * 'unsafe-inline'.
 */
export function checkCspSource(cspSource: string): void {
  const source = `(?:'self'|[^\\s;,'"]+)`;
  if (!new RegExp(`^${source}(?: ${source})*$`).test(cspSource)) throw new Error(`unexpected cspSource: ${cspSource}`);
}

/** Throws unless `nonce` is 16 or more base64 or hex characters. */
export function checkNonce(nonce: string): void {
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(nonce)) throw new Error('the nonce must be 16 or more base64 or hex characters');
}
