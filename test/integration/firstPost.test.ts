/**
 * A first real post (issue 14) in VS Code: Fix All Problems renames a misspelled key instead of
 * adding a second one and says what it fixed and what is left; the slides link's quick fix leaves
 * the cursor in the new link's address.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsUntil, describeActions } from './support/codeActions';
import { ruleId, waitForCurrentDiagnostics } from './support/diagnostics';
import { applyEdit, DocumentRestorer } from './support/editing';
import { BROKEN_POST, GOOD_POST, openInEditor } from './support/site';

const FIX_ALL_KIND = 'source.fixAll.seminarPosts';

describe('a first real post', () => {
  const restorer = new DocumentRestorer();

  afterEach(async () => {
    await restorer.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Fix All Problems renames `comment` to `comments`, and says what it fixed and what needs the author', async () => {
    const { document } = await openInEditor(BROKEN_POST);
    restorer.remember(document);
    const line = document.getText().split('\n').indexOf('comments: true');
    const typo = new vscode.WorkspaceEdit();
    typo.replace(document.uri, document.lineAt(line).range, 'comment: true');
    await applyEdit(typo, 'the misspelled key');
    await waitForCurrentDiagnostics(
      document,
      (found) => found.some((d) => ruleId(d) === 'unknown-field'),
      'unknown-field on `comment`',
    );
    await codeActionsUntil(
      document.uri,
      new vscode.Range(0, 0, document.lineCount, 0),
      FIX_ALL_KIND,
      (found) => found.some((a) => a.kind?.value === FIX_ALL_KIND),
      FIX_ALL_KIND,
    );

    const result = await vscode.commands.executeCommand<{
      applied?: string;
      summary?: string;
      fixed?: number;
      remaining?: number;
    }>('seminarPosts.fixAllProblems', document.uri);
    assert.ok(result?.applied, JSON.stringify(result));
    const text = document.getText();
    assert.equal(text.match(/^comments: true$/gm)?.length, 1, text);
    assert.doesNotMatch(text, /^comment:/m, text);
    // title-format, and the typo (reported by unknown-field and by required-field) are fixed; the
    // file name, the date range and the missing image_url need the author.
    assert.deepEqual([result.fixed, result.remaining], [3, 3], result.summary);
    assert.equal(result.summary, 'Fixed 3 problems: required-field, title-format, unknown-field; 3 need you.');
  });

  it("the slides link's quick fix adds the link with the cursor in its address", async () => {
    const editor = await openInEditor(GOOD_POST);
    const { document } = editor;
    restorer.remember(document);
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('### 발표자: 김테스트'));
    const start = document.lineAt(line).text.indexOf(', [presentation material]');
    const cut = new vscode.WorkspaceEdit();
    cut.delete(document.uri, new vscode.Range(line, start, line, document.lineAt(line).text.lastIndexOf(']')));
    await applyEdit(cut, 'removing the slides link');
    const found = await waitForCurrentDiagnostics(
      document,
      (ds) => ds.some((d) => ruleId(d) === 'slides-link-missing'),
      'slides-link-missing',
    );
    const missing = found.find((d) => ruleId(d) === 'slides-link-missing')!;
    const isAdd = (a: vscode.CodeAction) => a.title === 'Add the `presentation material` link';
    const actions = await codeActionsUntil(
      document.uri,
      missing.range,
      vscode.CodeActionKind.QuickFix.value,
      (list) => list.some(isAdd),
      'the quick fix that adds the slides link',
    );
    assert.ok(
      actions.some((a) => a.title === 'Write `presentation material unavailable`'),
      describeActions(actions),
    );
    await applyEdit(actions.find(isAdd)!.edit!, 'the quick fix');
    const written = document.lineAt(line).text;
    assert.ok(written.endsWith(', [presentation material]()]'), written);
    const cursor = vscode.window.activeTextEditor!.selection.active;
    assert.deepEqual(
      [cursor.line, cursor.character],
      [line, written.length - 2],
      'the cursor is between the parentheses',
    );
  });
});
