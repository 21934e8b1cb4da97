/**
 * Changing the fixture site's posts inside a test and putting them back afterwards, so that every
 * test starts from the files as `test/fixtures/site/` has them, whatever ran before it. Every step
 * names its document: nothing here acts on "the active editor".
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The whole text of a document as a range, for an edit that replaces all of it. */
export function wholeRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

/** Applies one workspace edit; fails the test, naming `what`, when VS Code refuses it. */
export async function applyEdit(edit: vscode.WorkspaceEdit, what: string): Promise<void> {
  assert.ok(await vscode.workspace.applyEdit(edit), `VS Code did not apply ${what}`);
}

/** Inserts `text` at `position` of the document at `uri`. */
export async function insertText(uri: vscode.Uri, position: vscode.Position, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, position, text);
  await applyEdit(edit, `the insertion of ${JSON.stringify(text)}`);
}

/**
 * Remembers the text of the posts a test changes and gives it back: call {@link remember} before
 * changing a document and {@link restore} in `afterEach`. The restored document is saved, so it is
 * the same on disk and in the editor, and closing its editor asks nothing.
 */
export class DocumentRestorer {
  private readonly originals = new Map<string, { uri: vscode.Uri; text: string }>();

  /** Remembers the document's text now (the first call per document wins). */
  remember(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.originals.has(key)) this.originals.set(key, { uri: document.uri, text: document.getText() });
  }

  /** Puts every remembered document back as it was, and forgets them. */
  async restore(): Promise<void> {
    for (const { uri, text } of this.originals.values()) {
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.getText() !== text) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, wholeRange(document), text);
        await applyEdit(edit, `the restoring edit of ${uri.path}`);
      }
      assert.equal(document.getText(), text, `${uri.path} was not restored`);
      if (document.isDirty) assert.ok(await saveWithRetries(document), `could not save the restored ${uri.path}`);
    }
    this.originals.clear();
  }
}

/**
 * Saves `document`, trying again twice. VS Code gives the extension host 1750 ms to answer before a
 * save ("Aborted onWillSaveTextDocument-event after 1750ms") and then fails the save, even with no
 * listener; on the shared cores under load the host is sometimes that slow (the Fix All test of
 * `firstPost.test.ts` met it twice in a row).
 */
async function saveWithRetries(document: vscode.TextDocument): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    if ((await document.save()) || !document.isDirty) return true;
  }
  return false;
}

/** Closes every editor tab showing `uri` (by its tab, not through the active editor). */
export async function closeEditorsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => {
      const input = tab.input;
      return input instanceof vscode.TabInputText && input.uri.toString() === uri.toString();
    });
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

/**
 * Closes the editors of a post a test changed without saving it (reverted first, so closing asks
 * nothing) and deletes the post: for a post the test wrote for itself.
 */
export async function discardPost(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document?.isDirty) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await closeEditorsOf(uri);
  await deleteFile(uri);
}

/**
 * Deletes a file (or a folder, with everything in it) a test wrote, and lets VS Code forget its
 * documents. Deleted through a workspace edit (VS Code's working-copy file operation), VS Code
 * drops the extension's hold on documents it opened there; `workspace.fs.delete` does not, and
 * such a document stays open (for the language server too, so the deleted post stays in the
 * Seminar view) for up to three minutes after its last editor closed. Missing files are fine.
 */
export async function deleteFile(uri: vscode.Uri, options: { recursive?: boolean } = {}): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(uri, { recursive: options.recursive ?? false, ignoreIfNotExists: true });
  await vscode.workspace.applyEdit(edit);
}
