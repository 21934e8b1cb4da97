/**
 * Messages between the preview page's script (`media/preview/preview.js`) and the extension's
 * panel. Lines are 0-based document lines; `line` in `didScroll` and `scrollToLine` may be
 * fractional (a position between two lines' blocks).
 */

/** Webview -> extension. */
export type PreviewMessage =
  /** The script has started; `version` is the document version the page shows. */
  | { type: 'ready'; version: number | undefined }
  /** A double-click on a block: reveal this line in the editor. */
  | { type: 'revealLine'; line: number }
  /** A click on a section's problem badge: put the cursor on the first problem. */
  | { type: 'revealProblem'; line: number; character: number }
  /** The user scrolled the preview; the top of the view shows this line. */
  | { type: 'didScroll'; line: number }
  /** A link was clicked. The extension opens it only if it is http, https or mailto. */
  | { type: 'openLink'; href: string };

/** Extension -> webview. */
export type PanelMessage =
  /** The editor scrolled: show this line at the top. */
  | { type: 'scrollToLine'; line: number }
  /** New content (`previewContent`'s HTML) for a new document version; the scroll position is kept. */
  | { type: 'update'; html: string; version: number | undefined };

/** The links the extension opens from the preview: http, https and mailto, nothing else. */
export function isOpenableLink(href: string): boolean {
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}
