/**
 * The `seminarPosts.isPost` context key: true while the active editor shows a post (a document the
 * language server says is one: the `posts` globs of the settings and of `.seminar-posts.json`).
 * The preview's editor title button, its key binding and its commands in the palette are shown on
 * posts only.
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
      // The server says whether a document is a post once it has checked it, and again when the
      // `posts` settings or a `.seminar-posts.json` change the answer.
      server.onDidChangePostSelection(() => this.update()),
    ];
    this.update();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const value = document !== undefined && this.server.isPost(document);
    if (value === this.value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', IS_POST_CONTEXT, value);
  }
}
