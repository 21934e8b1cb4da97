/**
 * The preview panels: at most one that follows the active post, and any number locked on their
 * post. Opens them for the commands, passes them the editor's events (edits, diagnostics, scrolling,
 * theme, server restarts) while any is open, and tells whoever listens what each one rendered.
 * Nothing here runs before the first preview opens but the link command's registration (and,
 * after a window reload, the restoring of the panels that were open: `restore`).
 */
import * as vscode from 'vscode';
import { toLocale } from '../../../server/src/core/engine/messages';
import { OPEN_LINK_COMMAND } from '../identifiers';
import { messageOf, type LanguageServerController } from '../languageServer';
import { setting } from '../configuration';
import { isOpenableLink, parseSavedState, type PreviewView } from './messages';
import { PreviewPanel, type PreviewHost, type PreviewState } from './previewPanel';

export type { PreviewState } from './previewPanel';

/** An open preview panel, as the API shows it. */
export interface PreviewPanelInfo {
  /** The post the panel shows now (or is about to). */
  uri: string;
  locked: boolean;
  /** The page's last report; undefined before the first. */
  rendered: PreviewState | undefined;
}

/** What the extension's API shows of the previews (the integration tests wait on it). */
export interface PreviewApi {
  /** Fires each time a panel's page reports what it shows. */
  readonly onDidRender: vscode.Event<PreviewState>;
  /** Fires when a panel opens or closes. */
  readonly onDidChangePanels: vscode.Event<void>;
  /** Every open panel. */
  panels(): PreviewPanelInfo[];
}

/** How a command opens a preview. */
export interface OpenPreviewOptions {
  /** The post to preview (the editor title button passes it); otherwise the active post. */
  uri?: unknown;
  /** Beside the editor, keeping the focus there; otherwise in the active editor group. */
  beside: boolean;
  view?: PreviewView;
}

/** What a preview command did, for the tests: the panel's post and whether it is locked. */
export interface OpenedPreview {
  uri: string;
  locked: boolean;
}

/** Every preview panel of the window. */
export class PreviewManager implements vscode.Disposable, PreviewHost {
  readonly extensionUri: vscode.Uri;
  readonly locale = toLocale(vscode.env.language);
  readonly api: PreviewApi;
  private readonly panels = new Set<PreviewPanel>();
  private readonly renderedEmitter = new vscode.EventEmitter<PreviewState>();
  private readonly panelsEmitter = new vscode.EventEmitter<void>();
  /** The editor's events, listened to while a panel is open. */
  private listeners: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [this.renderedEmitter, this.panelsEmitter];

  constructor(
    extension: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
    readonly server: LanguageServerController,
  ) {
    this.extensionUri = extension.extensionUri;
    this.api = {
      onDidRender: this.renderedEmitter.event,
      onDidChangePanels: this.panelsEmitter.event,
      panels: () => [...this.panels].map((p) => ({ uri: p.uri.toString(), locked: p.locked, rendered: p.state })),
    };
    this.disposables.push(vscode.commands.registerCommand(OPEN_LINK_COMMAND, (href: unknown) => openLink(href)));
  }

  /** Opens (or shows) the preview of a post; undefined when there is no post to preview. */
  open({ uri: given, beside, view }: OpenPreviewOptions): OpenedPreview | undefined {
    const uri = given instanceof vscode.Uri ? given : this.targetUri();
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a post (a Markdown file) in the editor first.'));
      return undefined;
    }
    const shown = [...this.panels].find((p) => p.uri.toString() === uri.toString()) ?? this.following();
    if (shown) {
      shown.retarget(uri);
      shown.reveal(beside, view);
      return { uri: shown.uri.toString(), locked: shown.locked };
    }
    const locked = setting('preview.lockedByDefault', uri);
    const panel = new PreviewPanel(this, uri, locked, {
      column: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
      preserveFocus: beside,
    });
    if (view) panel.showView(view);
    this.add(panel);
    return { uri: uri.toString(), locked };
  }

  /**
   * Takes over a panel that VS Code restored after a window reload, with the state its page kept
   * (`parseSavedState`). A panel that names no post, or a post that no longer exists, is closed:
   * an empty panel would only be in the way. At most one panel follows the active post; any other
   * restored as following is locked on its post.
   */
  async restore(webviewPanel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const state = parseSavedState(saved);
    // VS Code restores panels right after activation, which starts the server on the next turn
    // (`activate`): after that turn the panel finds it starting, not stopped.
    await new Promise<void>((resolve) => setImmediate(resolve));
    let uri: vscode.Uri | undefined;
    try {
      uri = state && vscode.Uri.parse(state.uri, true);
      if (uri) await vscode.workspace.fs.stat(uri);
    } catch (error) {
      this.output.info(`preview: not restoring the preview of ${state?.uri}: ${messageOf(error)}`);
      uri = undefined;
    }
    if (!state || !uri) {
      webviewPanel.dispose();
      return;
    }
    const locked = state.locked || this.following() !== undefined;
    const panel = new PreviewPanel(this, uri, locked, { restored: webviewPanel });
    if (state.view === 'summary') panel.showView('summary');
    this.add(panel);
    this.output.info(`preview: restored the preview of ${uri.toString()}${locked ? ' (locked)' : ''}`);
  }

  private add(panel: PreviewPanel): void {
    this.panels.add(panel);
    if (this.panels.size === 1) this.listen();
    this.panelsEmitter.fire();
  }

  /**
   * Locks the active preview on its post, or unlocks it (then it follows the active post, and a
   * preview that followed until then stays where it is, locked). Without an active preview: the
   * preview of the active editor's post, or the one that follows.
   */
  toggleLock(): OpenedPreview | undefined {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const panel = this.activePanel() ?? [...this.panels].find((p) => p.uri.toString() === active) ?? this.following();
    if (!panel) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No preview is open.'));
      return undefined;
    }
    if (panel.locked) this.following()?.setLocked(true);
    panel.setLocked(!panel.locked);
    return { uri: panel.uri.toString(), locked: panel.locked };
  }

  rendered(_panel: PreviewPanel, state: PreviewState): void {
    this.renderedEmitter.fire(state);
  }

  closed(panel: PreviewPanel): void {
    this.panels.delete(panel);
    if (this.panels.size === 0) this.stopListening();
    this.panelsEmitter.fire();
  }

  dispose(): void {
    for (const panel of this.panels) panel.dispose();
    this.panels.clear();
    this.stopListening();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private following(): PreviewPanel | undefined {
    return [...this.panels].find((p) => !p.locked);
  }

  private activePanel(): PreviewPanel | undefined {
    return [...this.panels].find((p) => p.panel.active);
  }

  /** The post a command means: the active editor's, or the active preview's. */
  private targetUri(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'markdown') return editor.document.uri;
    return this.activePanel()?.uri;
  }

  private panelsOf(uri: vscode.Uri): PreviewPanel[] {
    const key = uri.toString();
    return [...this.panels].filter((p) => p.uri.toString() === key);
  }

  private listen(): void {
    const all = () => [...this.panels];
    this.listeners = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        for (const panel of this.panelsOf(event.document.uri)) panel.documentChanged(event.document.version);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) for (const panel of this.panelsOf(uri)) panel.documentChanged();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && this.server.isPost(editor.document)) this.following()?.retarget(editor.document.uri);
      }),
      // A post just opened is known to be one once the server has checked it.
      this.server.onDidChangePostSelection((uri) => {
        const editor = vscode.window.activeTextEditor;
        if (editor?.document.uri.toString() === uri && this.server.isPost(editor.document))
          this.following()?.retarget(editor.document.uri);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => {
        for (const panel of this.panelsOf(textEditor.document.uri)) panel.editorScrolled(textEditor);
      }),
      vscode.window.onDidChangeActiveColorTheme(() => all().forEach((p) => p.repaint())),
      vscode.workspace.onDidChangeWorkspaceFolders(() => all().forEach((p) => p.updateResourceRoots())),
      // A renamed post (the `filename-format` fix renames) stays in its previews, locked or not.
      vscode.workspace.onDidRenameFiles(({ files }) => {
        for (const { oldUri, newUri } of files) for (const panel of this.panelsOf(oldUri)) panel.retarget(newUri);
      }),
      // Rendered again once the server runs; a panel says so when it stops.
      this.server.onDidChangeState((state) => state !== 'starting' && all().forEach((p) => p.refresh())),
    ];
  }

  private stopListening(): void {
    for (const listener of this.listeners) listener.dispose();
    this.listeners = [];
  }
}

/**
 * Opens a link clicked in the preview: http, https and mailto only, in the browser or mail
 * program (`env.openExternal`, which asks the user first for a site not yet trusted). Returns
 * whether it was opened.
 */
async function openLink(href: unknown): Promise<boolean> {
  if (typeof href !== 'string' || !isOpenableLink(href)) {
    const shown = String(href).slice(0, 200);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The preview opens only http, https and mailto links, not {0}', shown),
    );
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(href.trim(), true));
}
