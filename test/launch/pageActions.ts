/**
 * What the integration suite may ask the launcher's page driver (`pageDriver.ts`) to do on the
 * workbench page, and its answer. Shared by both sides; no Node or Playwright import, so that the
 * suite's bundle can take it.
 */

/** The environment variable that carries the driver's address into the extension host. */
export const PAGE_DRIVER_VARIABLE = 'SEMINAR_POSTS_PAGE_DRIVER';

/** A file as a clipboard or a drag carries it. */
export interface PageFile {
  name: string;
  /** Its MIME type (`image/png`). */
  type: string;
  base64: string;
}

/** One action on the page. */
export type PageAction =
  /** A paste (Ctrl+V) into the focused editor, with what the clipboard holds. */
  | { action: 'paste'; files?: PageFile[]; text?: string; uriList?: string }
  /**
   * A drop (with Shift, into the text) at the focused editor's cursor. `resources` are absolute
   * paths of workspace files, dragged as from the Explorer.
   */
  | {
      action: 'drop';
      files?: PageFile[];
      text?: string;
      uriList?: string;
      resources?: string[];
      /**
       * The line (1-based) the cursor is on: the driver waits until the editor draws its cursor
       * there before it drops at the cursor (a selection set through the API is drawn a frame or
       * more later; on a busy machine, a drop at the old place went into the front matter).
       */
      line?: number;
    }
  /** Opens the widget shown after a paste or drop and lists its options. */
  | { action: 'editOptions' };

/** The driver's answer. */
export type PageAnswer = { ok: true; detail: string } | { ok: false; error: string };
