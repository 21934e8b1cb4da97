/**
 * The Seminar view's commands: go to a talk (its row's click), open a post or its preview, copy or
 * open a talk's paper link, filter, refresh. Each takes the row it was run on (VS Code passes the
 * tree element) and says plainly when there is none.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/common';
import type { SeminarNode } from './seminarTree';
import { postOfNode } from './seminarView';

/** The row a command was run on, if it is one of the Seminar view's. */
function nodeOf(argument: unknown): SeminarNode | undefined {
  const node = argument as Partial<SeminarNode> | undefined;
  return node &&
    typeof node === 'object' &&
    (node.kind === 'talk' || node.kind === 'quarter' || node.kind === 'presenter')
    ? (node as SeminarNode)
    : undefined;
}

function pickARow(): undefined {
  void vscode.window.showInformationMessage(vscode.l10n.t('Run this command on a talk of the Seminar view.'));
  return undefined;
}

/**
 * Opens a talk's post with the cursor on the talk's `#` line, shown at the top of the editor
 * (a quarter's row: its post, at the top). Returns the editor.
 */
export async function openTalk(
  argument: unknown,
  options: { preserveFocus?: boolean } = {},
): Promise<vscode.TextEditor | undefined> {
  const node = nodeOf(argument);
  const post = postOfNode(node);
  if (!post) return pickARow();
  const line = node?.kind === 'talk' ? node.ref.talk.line : 0;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(post.uri));
  const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
  const editor = await vscode.window.showTextDocument(document, {
    selection: new vscode.Range(position, position),
    preserveFocus: options.preserveFocus === true,
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  return editor;
}

/** Opens the preview of the row's post beside its editor, scrolled to the talk. */
export async function openTalkPreview(ctx: CommandContext, argument: unknown): Promise<unknown> {
  const editor = await openTalk(argument, { preserveFocus: true });
  if (!editor) return undefined;
  return ctx.preview.open({ uri: editor.document.uri, beside: true });
}

/** The paper link of a talk's row, when it has an http(s) one; otherwise says why not. */
function paperLink(argument: unknown): vscode.Uri | undefined {
  const node = nodeOf(argument);
  if (node?.kind !== 'talk') return pickARow();
  const url = node.ref.talk.paperUrl;
  let uri: vscode.Uri | undefined;
  try {
    uri = url ? vscode.Uri.parse(url, true) : undefined;
  } catch {
    uri = undefined;
  }
  if (!uri || (uri.scheme !== 'http' && uri.scheme !== 'https')) {
    void vscode.window.showWarningMessage(
      url
        ? vscode.l10n.t('The paper link of "{0}" is not an http(s) address: {1}', node.ref.talk.title, url)
        : vscode.l10n.t('"{0}" has no paper link.', node.ref.talk.title),
    );
    return undefined;
  }
  return uri;
}

/** Copies a talk's paper link (as written) to the clipboard. */
export async function copyPaperLink(argument: unknown): Promise<string | undefined> {
  const node = nodeOf(argument);
  if (!paperLink(argument) || node?.kind !== 'talk') return undefined;
  const url = node.ref.talk.paperUrl!;
  await vscode.env.clipboard.writeText(url);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the paper link: {0}', url), 4000);
  return url;
}

/** Opens a talk's paper link in the browser (http and https only). */
export async function openPaper(argument: unknown): Promise<boolean> {
  const uri = paperLink(argument);
  return uri ? vscode.env.openExternal(uri) : false;
}
