/**
 * The fixture site the suite runs on (a copy of `test/fixtures/site/`, opened as the workspace
 * folder) and its posts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The post that every rule accepts. */
export const GOOD_POST = '_posts/2021-01-07-1st_quarter.md';

/** The post with a bad file name, a bad title, a date range and no `image_url`. */
export const BROKEN_POST = '_posts/2021_2nd_quater.md';

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'seminar-posts.seminar-posts';

/** The URI of a file of the fixture site. */
export function siteUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code has no workspace folder open: the launcher should open the fixture site');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Opens a file of the fixture site in an editor, as a person would, and returns the editor. */
export async function openInEditor(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(siteUri(relativePath));
  return vscode.window.showTextDocument(document);
}
