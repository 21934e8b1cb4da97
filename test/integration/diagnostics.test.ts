/**
 * Diagnostics as a person sees them: open a post, and the language server's problems appear,
 * with their rule ids, where they are, and follow the text as it changes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, ruleId, waitForDiagnostics } from './support/diagnostics';
import { BROKEN_POST, GOOD_POST, openInEditor, siteUri } from './support/site';

/** What `seminar-posts lint` reports for the broken post: rule id, 0-based line, severity. */
const BROKEN_POST_PROBLEMS: ReadonlyArray<readonly [string, number, vscode.DiagnosticSeverity]> = [
  ['filename-format', 0, vscode.DiagnosticSeverity.Error],
  ['required-field', 0, vscode.DiagnosticSeverity.Warning],
  ['title-format', 2, vscode.DiagnosticSeverity.Warning],
  ['field-type', 3, vscode.DiagnosticSeverity.Warning], // the date range: Jekyll reads its first date
];

describe('diagnostics', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("reports the broken post's problems with their rule ids, lines and severities", async () => {
    await openInEditor(BROKEN_POST);
    const uri = siteUri(BROKEN_POST);
    const expected = BROKEN_POST_PROBLEMS.map(([id]) => id);
    const diagnostics = await waitForDiagnostics(
      uri,
      (found) => expected.every((id) => found.some((d) => ruleId(d) === id)),
      `rules ${expected.join(', ')}`,
    );
    for (const [id, line, severity] of BROKEN_POST_PROBLEMS) {
      const match = diagnostics.find((d) => ruleId(d) === id && d.range.start.line === line);
      assert.ok(match, `expected ${id} on line ${line + 1}; got ${describeDiagnostics(diagnostics)}`);
      assert.equal(match.severity, severity, `severity of ${id}`);
      assert.ok(match.message.length > 0, `${id} has an empty message`);
    }
  });

  it("links each problem to its rule's documentation", async () => {
    await openInEditor(BROKEN_POST);
    const diagnostics = await waitForDiagnostics(siteUri(BROKEN_POST), (found) => found.length > 0, 'any diagnostic');
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      assert.ok(
        typeof code === 'object' && code.target instanceof vscode.Uri,
        `${ruleId(diagnostic)} has no documentation link`,
      );
      assert.match(
        code.target.toString(),
        new RegExp(ruleId(diagnostic)),
        `the link of ${ruleId(diagnostic)} names another rule`,
      );
    }
  });

  it('reports nothing for the good post, and follows edits to it', async () => {
    const editor = await openInEditor(GOOD_POST);
    const uri = editor.document.uri;
    const original = editor.document.getText();
    // Prove the server lints this very document: break it, see the problem come...
    const closingLine = editor.document.getText().split('\n').indexOf('---', 1);
    assert.ok(closingLine > 0, 'the good post has no closing front matter line');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(closingLine, 0), 'comment: true\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    const broken = await waitForDiagnostics(
      uri,
      (found) => found.some((d) => ruleId(d) === 'unknown-field'),
      'unknown-field for `comment: true`',
    );
    assert.equal(broken.find((d) => ruleId(d) === 'unknown-field')?.range.start.line, closingLine);
    // ...then take the line out again, and see every problem go. (An edit, not the Revert File
    // command: that one acts on whichever editor the workbench holds active.)
    const restore = new vscode.WorkspaceEdit();
    restore.delete(uri, new vscode.Range(closingLine, 0, closingLine + 1, 0));
    assert.ok(await vscode.workspace.applyEdit(restore), 'the restoring edit was not applied');
    assert.equal(editor.document.getText(), original, 'the restoring edit did not give back the original text');
    const clean = await waitForDiagnostics(uri, (found) => found.length === 0, 'no diagnostics for the original text');
    assert.deepEqual(clean, []);
    // Saved (same text as on disk), so that closing the editor asks nothing.
    assert.ok(await editor.document.save(), 'could not save the post');
  });
});
