/**
 * The language status item of a post (the `{}` in the status bar): the active post's problem
 * count, the server's state and status in its detail, and a link to the output channel. An
 * environment problem the server reports shows here as a warning, never as a pop-up.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './identifiers';
import type { LanguageServerController } from './languageServer';

/** The status item; it follows the active editor, the diagnostics and the server. */
export class PostStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: LanguageServerController) {
    this.item = vscode.languages.createLanguageStatusItem('seminarPosts.status', postsSelector(server.postUris()));
    this.item.name = 'Seminar Posts';
    this.item.command = { title: vscode.l10n.t('Show Output'), command: 'seminarPosts.showOutput' };
    this.disposables.push(
      this.item,
      server.onDidChangeState(() => this.update()),
      server.onDidChangeStatus(() => this.update()),
      server.onDidChangePostSelection(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  /** Recomputes text, detail and severity. */
  update(): void {
    this.item.selector = postsSelector(this.server.postUris());
    const { state, status, failure } = this.server;
    const uri = vscode.window.activeTextEditor?.document.uri;
    // What the Problems panel lists (hints are not), as the preview's badges count.
    const problems = uri
      ? vscode.languages
          .getDiagnostics(uri)
          .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity !== vscode.DiagnosticSeverity.Hint).length
      : 0;

    this.item.busy = state === 'starting' || status?.state === 'indexing';
    if (state === 'failed' || state === 'stopped') {
      this.item.text = vscode.l10n.t('$(error) Server stopped');
      this.item.detail = failure ?? vscode.l10n.t('Run "Restart Server" to start it again.');
      this.item.severity = vscode.LanguageStatusSeverity.Error;
      return;
    }
    if (state === 'starting') this.item.text = vscode.l10n.t('Starting…');
    else if (problems === 0) this.item.text = vscode.l10n.t('$(check) No problems');
    else if (problems === 1) this.item.text = vscode.l10n.t('$(warning) 1 problem');
    else this.item.text = vscode.l10n.t('$(warning) {0} problems', problems);

    if (status?.message) {
      this.item.detail = status.message;
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    if (state === 'starting') this.item.detail = vscode.l10n.t('Language server starting');
    else if (status?.state === 'indexing') this.item.detail = vscode.l10n.t("Reading the workspace's posts…");
    else if (status)
      this.item.detail = vscode.l10n.t('Language server ready: {0} posts in the workspace', status.posts);
    else this.item.detail = vscode.l10n.t('Language server ready');
    if (state === 'running' && this.server.crashRestarts > 0) {
      this.item.detail = vscode.l10n.t('{0} (restarted after it stopped unexpectedly)', this.item.detail);
    }
  }

  /** What the item shows now (for the integration tests: VS Code offers no way to read an item). */
  get shown(): { text: string; detail: string | undefined; busy: boolean } {
    return { text: this.item.text, detail: this.item.detail, busy: this.item.busy };
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * A selector of exactly the documents `uris` (the posts the server named): each file's name in its
 * folder. A glob has no escape: the characters that mean something in one match any character
 * there instead, which at worst shows the item on a sibling with a name as odd.
 */
export function postsSelector(uris: readonly string[]): vscode.DocumentFilter[] {
  return uris.map((uri) => {
    const file = vscode.Uri.parse(uri);
    const name = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/[*?[\]{}!]/g, '?');
    return { scheme: 'file', pattern: new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), name) };
  });
}
