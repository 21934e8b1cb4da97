/**
 * The `seminarPosts.isPost` context key: true while the active editor shows a post (a document the
 * language server's selector, `seminarPosts.posts`, selects). The preview's editor title button,
 * its key binding and its commands in the palette are shown on posts only.
 */
import * as vscode from 'vscode';
import { IS_POST_CONTEXT } from './identifiers';
import type { LanguageServerController } from './languageServer';

/** Keeps {@link IS_POST_CONTEXT} in step with the active editor and the posts setting. */
export class PostContextKey implements vscode.Disposable {
  private value: boolean | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly server: LanguageServerController) {
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // The selector changes when `seminarPosts.posts` does, and the server restarts with it.
      server.onDidChangeState(() => this.update()),
    ];
    this.update();
  }

  /** True for a document that the language server checks as a post. */
  isPost(document: vscode.TextDocument): boolean {
    return vscode.languages.match(this.server.selector, document) > 0;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const value = document !== undefined && this.isPost(document);
    if (value === this.value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', IS_POST_CONTEXT, value);
  }
}
