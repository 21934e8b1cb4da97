/**
 * One preview panel: a webview that shows one post as the server renders it (`seminarPosts/render`)
 * and follows its edits, scrolls with its editor, and answers the page's messages (reveal a line,
 * open a link). The page is built once per panel (`previewDocument`, with a fresh nonce) and then
 * updated in place with `update` messages, sent only after the page said `ready`.
 */
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import {
  isRenderRefusal,
  RenderRequest,
  sendRequest,
  type RenderParams,
  type RenderRefusal,
  type RenderResult,
} from '../../../server/src/protocol';
import { OPEN_LINK_COMMAND, PREVIEW_VIEW_TYPE } from '../identifiers';
import { lsp, messageOf, type LanguageServerController } from '../languageServer';
import { setting } from '../configuration';
import { parsePreviewMessage, type PanelMessage, type PreviewMessage, type PreviewView } from './messages';
import { noticeContent, previewContent } from './previewContent';
import { previewDocument } from './previewDocument';
import { RenderScheduler } from './renderScheduler';
import type { Locale } from './strings';

/** What a panel reports after its page rendered: what the page itself says it shows. */
export interface PreviewState {
  /** The previewed document's URI. */
  uri: string;
  /** The document version the page shows (undefined for a notice, such as "not a post"). */
  version: number | undefined;
  /** The post's title as the page shows it ('' on a notice). */
  title: string;
  /** Rows of the page's Quarter Summary: the post's paper sections. */
  sections: number;
  /** The post's body images (the header shows no thumbnail), and how many of them loaded. */
  images: number;
  imagesLoaded: number;
  view: PreviewView;
  locked: boolean;
  /** Milliseconds from the document's last change to this report, when the report shows that change. */
  sinceLastChange: number | undefined;
}

/** What a panel needs from the manager. */
export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  readonly output: vscode.LogOutputChannel;
  readonly server: LanguageServerController;
  readonly locale: Locale;
  /** The panel's page reported what it shows. */
  rendered(panel: PreviewPanel, state: PreviewState): void;
  /** The panel was closed. */
  closed(panel: PreviewPanel): void;
}

/** A preview panel on one post (which changes while the panel follows the active post). */
export class PreviewPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  /** The last `rendered` report of the page. */
  state: PreviewState | undefined;
  private ready = false;
  private content: { html: string; version: number | undefined } | undefined;
  private pendingView: PreviewView | undefined;
  private readonly scheduler = new RenderScheduler(() => this.render());
  /** Bumped when the panel moves to another post, so a late answer about the old one is dropped. */
  private generation = 0;
  private lastChange: { version: number; at: number } | undefined;
  /**
   * Editors the preview scrolled, with the line it put at their top and when: the editor's next
   * scroll event is the preview's doing if it shows that line or comes right after (the editor
   * may stop short of the line at the end of the post). Per editor, so that a reveal that moved
   * nothing (no event) cannot swallow the user's next scroll much later.
   */
  private readonly scrolledByPreview = new WeakMap<vscode.TextEditor, { line: number; at: number }>();
  /** The panel moved to another post: its next content starts where that post's editor is. */
  private scrollAfterUpdate = false;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly host: PreviewHost,
    public uri: vscode.Uri,
    public locked: boolean,
    /** Where a new panel opens, or the panel VS Code restored after a window reload. */
    where: { column: vscode.ViewColumn; preserveFocus: boolean } | { restored: vscode.WebviewPanel },
  ) {
    const options: vscode.WebviewPanelOptions & vscode.WebviewOptions = {
      enableScripts: true,
      enableForms: false,
      enableFindWidget: true,
      localResourceRoots: resourceRoots(host.extensionUri),
    };
    if ('restored' in where) {
      this.panel = where.restored;
      this.panel.webview.options = options;
      this.panel.title = this.title();
    } else {
      this.panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        this.title(),
        { viewColumn: where.column, preserveFocus: where.preserveFocus },
        options,
      );
    }
    this.panel.iconPath = {
      light: vscode.Uri.joinPath(host.extensionUri, 'media', 'preview', 'preview-light.svg'),
      dark: vscode.Uri.joinPath(host.extensionUri, 'media', 'preview', 'preview-dark.svg'),
    };
    this.panel.webview.html = this.page();
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((data: unknown) => {
        const message = parsePreviewMessage(data);
        if (message)
          void this.onMessage(message).catch((error: unknown) => host.output.error(`preview: ${messageOf(error)}`));
      }),
      this.panel.onDidChangeViewState(({ webviewPanel }) => {
        // A hidden webview is torn down; it loads the page again, and says `ready`, when shown.
        if (!webviewPanel.visible) this.ready = false;
      }),
      this.panel.onDidDispose(() => {
        this.dispose();
        host.closed(this);
      }),
    );
    this.scheduler.request(true);
  }

  /** Shows another post (a panel that follows the active post). */
  retarget(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    this.generation++;
    this.lastChange = undefined;
    this.scrollAfterUpdate = true;
    this.panel.title = this.title();
    this.sendIdentity();
    this.scheduler.request(true);
  }

  /** Locks the panel on its post, or lets it follow the active post again. */
  setLocked(locked: boolean): void {
    this.locked = locked;
    this.panel.title = this.title();
    this.sendIdentity();
    if (this.state) this.host.rendered(this, (this.state = { ...this.state, locked }));
  }

  /** Shows the panel (and `view`) where it is. */
  reveal(preserveFocus: boolean, view?: PreviewView): void {
    this.panel.reveal(this.panel.viewColumn, preserveFocus);
    if (view) this.showView(view);
  }

  /** Switches the page to `view` (now, or as soon as the page is ready). */
  showView(view: PreviewView): void {
    this.pendingView = view;
    this.flush();
  }

  /** The previewed document changed (text, or the server's diagnostics of it). */
  documentChanged(version?: number): void {
    if (version !== undefined) this.lastChange = { version, at: Date.now() };
    this.scheduler.request();
  }

  /** Renders again now (the server restarted, the theme changed). */
  refresh(): void {
    this.scheduler.request(true);
  }

  /** Sends the page its content again, so that it repaints (a theme change). */
  repaint(): void {
    if (this.content) this.post({ type: 'update', ...this.content });
  }

  /** The workspace folders changed: the page may load images from the new ones. */
  updateResourceRoots(): void {
    this.panel.webview.options = {
      ...this.panel.webview.options,
      localResourceRoots: resourceRoots(this.host.extensionUri),
    };
  }

  /** An editor of the previewed document scrolled. */
  editorScrolled(editor: vscode.TextEditor): void {
    const line = topLine(editor);
    const expected = this.scrolledByPreview.get(editor);
    if (expected !== undefined) {
      this.scrolledByPreview.delete(editor);
      if ((line !== undefined && Math.floor(line) === expected.line) || Date.now() - expected.at < ECHO_WINDOW_MS)
        return;
    }
    if (line !== undefined && setting('preview.scrollSync', this.uri)) this.post({ type: 'scrollToLine', line });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduler.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }

  private title(): string {
    const name = path.posix.basename(this.uri.path);
    return this.locked ? vscode.l10n.t('Preview {0} (locked)', name) : vscode.l10n.t('Preview {0}', name);
  }

  private page(): string {
    const webview = this.panel.webview;
    const media = (...parts: string[]) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, 'media', ...parts)).toString();
    return previewDocument({
      nonce: randomBytes(18).toString('base64'),
      cspSource: webview.cspSource,
      media: {
        script: media('preview', 'preview.js'),
        css: media('preview', 'preview.css'),
        katexCss: media('katex', 'katex.min.css'),
      },
      locale: this.host.locale,
    });
  }

  /** Asks the server for the post at its current version and shows the answer. */
  private async render(): Promise<void> {
    const generation = this.generation;
    const client = this.host.server.runningClient;
    // A server on its way up: the page keeps what it shows ("Rendering…" at first), and the
    // manager renders again once it runs.
    if (!client && this.host.server.state === 'starting') return;
    if (!client) {
      this.show(
        noticeContent(
          vscode.l10n.t('The language server is not running: the preview shows the post again when it runs.'),
        ),
        undefined,
      );
      return;
    }
    let answer: RenderResult | RenderRefusal | undefined;
    try {
      for (
        let attempt = 0;
        attempt < 2 && (!answer || (isRenderRefusal(answer) && answer.refused === 'notOpen'));
        attempt++
      ) {
        // A post whose editor was closed is opened again (not shown): the server renders open documents.
        if (answer || !vscode.workspace.textDocuments.some((d) => d.uri.toString() === this.uri.toString()))
          await vscode.workspace.openTextDocument(this.uri);
        const params: RenderParams = {
          textDocument: { uri: this.uri.toString() },
          resourceBase: this.panel.webview.asWebviewUri(vscode.Uri.file('/')).toString(),
        };
        const started = Date.now();
        answer = await sendRequest(client, RenderRequest, params);
        this.host.output.trace(
          `preview: ${this.uri.path} version ${answer.version ?? '-'} rendered by the server in ${Date.now() - started} ms`,
        );
      }
    } catch (error) {
      if (this.disposed || generation !== this.generation) return;
      // Cancelled by the server: a newer version is on its way, and its change asks again.
      if ((error as { code?: unknown }).code === lsp().LSPErrorCodes.ServerCancelled) return this.scheduler.request();
      this.host.output.warn(`preview: rendering ${this.uri.toString()} failed: ${messageOf(error)}`);
      this.show(noticeContent(vscode.l10n.t('The preview could not be rendered: {0}', messageOf(error))), undefined);
      return;
    }
    if (!answer || this.disposed || generation !== this.generation) return;
    if (isRenderRefusal(answer)) this.show(noticeContent(answer.message), answer.version);
    else this.show(previewContent(answer, this.host.locale), answer.version);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
    if (document && answer.version !== undefined && document.version > answer.version) this.scheduler.request();
  }

  private show(html: string, version: number | undefined): void {
    if (this.content?.html === html && this.content.version === version) return;
    this.content = { html, version };
    this.post({ type: 'update', html, version });
    if (this.scrollAfterUpdate && this.ready) {
      this.scrollAfterUpdate = false;
      const editor = this.editor();
      this.post({
        type: 'scrollToLine',
        line: (editor && setting('preview.scrollSync', this.uri) && topLine(editor)) || 0,
      });
    }
  }

  /** Sends a message to a ready page; the content and the view are sent again on `ready` anyway. */
  private post(message: PanelMessage): void {
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
  }

  /** Tells the page which post it shows, for VS Code to hand back after a window reload. */
  private sendIdentity(): void {
    this.post({ type: 'identity', uri: this.uri.toString(), locked: this.locked });
  }

  private flush(): void {
    if (!this.ready) return;
    if (this.pendingView) {
      this.post({ type: 'showView', view: this.pendingView });
      this.pendingView = undefined;
    }
  }

  private async onMessage(message: PreviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        this.sendIdentity();
        if (this.content) this.post({ type: 'update', ...this.content });
        this.flush();
        const editor = this.editor();
        const line = editor && topLine(editor);
        if (line && setting('preview.scrollSync', this.uri)) this.post({ type: 'scrollToLine', line });
        return;
      }
      case 'rendered': {
        const change = this.lastChange;
        const shows = change !== undefined && message.version !== undefined && message.version >= change.version;
        if (shows) this.lastChange = undefined;
        const { version, view, title, sections, images, imagesLoaded } = message;
        this.state = {
          uri: this.uri.toString(),
          version,
          view,
          title,
          sections,
          images,
          imagesLoaded,
          locked: this.locked,
          sinceLastChange: shows ? Date.now() - change.at : undefined,
        };
        this.host.rendered(this, this.state);
        return;
      }
      case 'revealLine':
        if (setting('preview.doubleClickToReveal', this.uri)) await this.revealInEditor(message.line, 0);
        return;
      case 'revealProblem':
        await this.revealInEditor(message.line, message.character);
        return;
      case 'didScroll':
        if (setting('preview.scrollSync', this.uri)) this.scrollEditors(message.line);
        return;
      case 'openLink':
        await vscode.commands.executeCommand(OPEN_LINK_COMMAND, message.href);
        return;
    }
  }

  /** Puts the cursor at `line`:`character` of the post, in its editor (opened if need be). */
  private async revealInEditor(line: number, character: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const position = document.validatePosition(new vscode.Position(line, character));
    const column =
      this.editor()?.viewColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: column,
      selection: new vscode.Range(position, position),
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Scrolls the post's visible editors so that (fractional) `line` is at the top. */
  private scrollEditors(line: number): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== this.uri.toString()) continue;
      const whole = Math.min(Math.floor(line), editor.document.lineCount - 1);
      const text = editor.document.lineAt(whole).text;
      const character = Math.floor((line - Math.floor(line)) * text.length);
      this.scrolledByPreview.set(editor, { line: whole, at: Date.now() });
      editor.revealRange(new vscode.Range(whole, character, whole, character), vscode.TextEditorRevealType.AtTop);
    }
  }

  /** A visible editor of the previewed post. */
  private editor(): vscode.TextEditor | undefined {
    const uri = this.uri.toString();
    const active = vscode.window.activeTextEditor;
    return active?.document.uri.toString() === uri
      ? active
      : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  }
}

/** How soon after the preview scrolled an editor its scroll event counts as that scroll's echo. */
const ECHO_WINDOW_MS = 300;

/** What the page may load: the extension's media and the workspace folders (the posts' images). */
function resourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
}

/** The first line an editor shows, with how far into it the view starts. */
function topLine(editor: vscode.TextEditor): number | undefined {
  const start = editor.visibleRanges[0]?.start;
  if (!start) return undefined;
  const length = editor.document.lineAt(start.line).text.length;
  return start.line + (length > 0 ? start.character / (length + 2) : 0);
}
