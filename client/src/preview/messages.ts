/**
 * Messages between the preview page's script (`media/preview/preview.js`) and the extension's
 * panel. Lines are 0-based document lines; `line` in `didScroll` and `scrollToLine` may be
 * fractional (a position between two lines' blocks).
 */

/** The page's two views. */
export type PreviewView = 'post' | 'summary';

/** Webview -> extension. */
export type PreviewMessage =
  /** The script has started; `version` is the document version the page shows. */
  | { type: 'ready'; version: number | undefined }
  /**
   * The page shows new content or another view (after `ready`, `update` and `showView`, and when
   * the reader switches views): what it shows, read from its own DOM. `images` counts the post's
   * body images (the header shows no thumbnail, as the post page), `imagesLoaded` those that loaded (web images may still be loading).
   */
  | {
      type: 'rendered';
      version: number | undefined;
      view: PreviewView;
      title: string;
      sections: number;
      images: number;
      imagesLoaded: number;
    }
  /** A double-click on a block: reveal this line in the editor. */
  | { type: 'revealLine'; line: number }
  /** A click on a section's problem badge: put the cursor on the first problem. */
  | { type: 'revealProblem'; line: number; character: number }
  /** The user scrolled the preview; the top of the view shows this line. */
  | { type: 'didScroll'; line: number }
  /** A link was clicked. The extension opens it only if it is http, https and mailto. */
  | { type: 'openLink'; href: string };

/** Extension -> webview. */
export type PanelMessage =
  /** The editor scrolled: show this line at the top. */
  | { type: 'scrollToLine'; line: number }
  /** New content (`previewContent`'s HTML) for a new document version; the scroll position is kept. */
  | { type: 'update'; html: string; version: number | undefined }
  /** Show this view (the Show Quarter Summary command). */
  | { type: 'showView'; view: PreviewView }
  /**
   * The post the panel shows and whether it is locked: the page keeps them in its webview state,
   * which VS Code hands back to restore the panel after a window reload ({@link parseSavedState}).
   */
  | { type: 'identity'; uri: string; locked: boolean };

/** What a preview page keeps in its webview state (`vscode.setState`). */
export interface SavedPreviewState {
  uri: string;
  locked: boolean;
  view: PreviewView;
}

/**
 * The state VS Code hands back for a preview panel to restore, checked field by field; undefined
 * when it names no post (a panel saved by an older version, or state that is not ours).
 */
export function parseSavedState(data: unknown): SavedPreviewState | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  if (typeof m.uri !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(m.uri)) return undefined;
  return { uri: m.uri, locked: m.locked === true, view: m.view === 'summary' ? 'summary' : 'post' };
}

/** The links the extension opens from the preview: http, https and mailto, nothing else. */
export function isOpenableLink(href: string): boolean {
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

const line = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const count = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const version = (value: unknown): value is number | undefined =>
  value === undefined || (Number.isInteger(value) && (value as number) >= 0);

/**
 * A message from the page, checked field by field; undefined for anything else. The page is the
 * extension's own script, but what it says is data and is never trusted to be well formed.
 */
export function parsePreviewMessage(data: unknown): PreviewMessage | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return version(m.version) ? { type: 'ready', version: m.version } : undefined;
    case 'rendered':
      return version(m.version) &&
        (m.view === 'post' || m.view === 'summary') &&
        typeof m.title === 'string' &&
        count(m.sections) &&
        count(m.images) &&
        count(m.imagesLoaded)
        ? {
            type: 'rendered',
            version: m.version,
            view: m.view,
            title: m.title,
            sections: m.sections,
            images: m.images,
            imagesLoaded: m.imagesLoaded,
          }
        : undefined;
    case 'revealLine':
      return line(m.line) ? { type: 'revealLine', line: Math.floor(m.line) } : undefined;
    case 'revealProblem':
      return line(m.line) && line(m.character)
        ? { type: 'revealProblem', line: Math.floor(m.line), character: Math.floor(m.character) }
        : undefined;
    case 'didScroll':
      return line(m.line) ? { type: 'didScroll', line: m.line } : undefined;
    case 'openLink':
      return typeof m.href === 'string' ? { type: 'openLink', href: m.href } : undefined;
    default:
      return undefined;
  }
}
