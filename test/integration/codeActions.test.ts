/**
 * Fixing problems as a person does: the light bulb's quick fix for one diagnostic, and "Fix All
 * Problems" (the server's `source.fixAll.seminarPosts`) for every safe fix at once. Each test
 * applies the edit VS Code received from the server and waits until the server's new diagnostics
 * for the edited version say the problem is gone.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsUntil, describeActions } from './support/codeActions';
import { describeDiagnostics, ruleId, waitForCurrentDiagnostics } from './support/diagnostics';
import { DocumentRestorer, applyEdit } from './support/editing';
import { BROKEN_POST, openInEditor } from './support/site';

/** The code action kind of the server's "fix all". */
const FIX_ALL_KIND = 'source.fixAll.seminarPosts';

/** The broken post's problems that no fix can take away (a file name and a date only a person can choose). */
const UNFIXABLE = ['filename-format', 'required-field'];

describe('code actions', () => {
  const restorer = new DocumentRestorer();

  afterEach(async () => {
    await restorer.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('applies the quick fix of title-format, and its diagnostic goes', async () => {
    const { document } = await openInEditor(BROKEN_POST);
    restorer.remember(document);
    const before = await waitForCurrentDiagnostics(
      document,
      (found) => found.some((d) => ruleId(d) === 'title-format'),
      'title-format',
    );
    const problem = before.find((d) => ruleId(d) === 'title-format')!;

    // (VS Code's command hands back title, kind, edit and isPreferred; not the action's diagnostics.)
    const correctsTitle = (a: vscode.CodeAction) =>
      a.kind?.value === vscode.CodeActionKind.QuickFix.value &&
      a.edit !== undefined &&
      a.title.includes('2021_2nd_quarter');
    const actions = await codeActionsUntil(
      document.uri,
      problem.range,
      vscode.CodeActionKind.QuickFix.value,
      (found) => found.some(correctsTitle),
      'quick fix that corrects the title',
    );
    const fix = actions.find(correctsTitle)!;
    assert.equal(fix.isPreferred, true, 'the safe fix of title-format is not the preferred one');

    await applyEdit(fix.edit!, `the quick fix "${fix.title}"`);
    assert.equal(document.lineAt(problem.range.start.line).text, 'title: "2021_2nd_quarter"');
    const after = await waitForCurrentDiagnostics(
      document,
      (found) =>
        !found.some((d) => ruleId(d) === 'title-format') &&
        UNFIXABLE.every((id) => found.some((d) => ruleId(d) === id)),
      'title-format gone, the other problems still there',
    );
    assert.ok(
      !after.some((d) => ruleId(d) === 'title-format'),
      `title-format is still reported: ${describeDiagnostics(after)}`,
    );
  });

  it('"Fix All Problems" applies every safe fix in one edit and leaves the rest', async () => {
    const { document } = await openInEditor(BROKEN_POST);
    restorer.remember(document);
    // A second safely fixable problem beside the title: a quoted boolean.
    const mathjaxLine = document.getText().split('\n').indexOf('mathjax: true');
    assert.ok(mathjaxLine > 0, 'the broken post has no `mathjax: true` line');
    const quote = new vscode.WorkspaceEdit();
    quote.replace(document.uri, document.lineAt(mathjaxLine).range, 'mathjax: "true"');
    await applyEdit(quote, 'quoting the mathjax flag');
    const before = await waitForCurrentDiagnostics(
      document,
      (found) =>
        found.some((d) => ruleId(d) === 'title-format') &&
        found.some((d) => ruleId(d) === 'field-type' && d.range.start.line === mathjaxLine),
      'title-format and field-type on the mathjax line',
    );
    const fixable = before.filter(
      (d) => ruleId(d) === 'title-format' || (ruleId(d) === 'field-type' && d.range.start.line === mathjaxLine),
    );
    assert.equal(fixable.length, 2, `expected two fixable problems; got ${describeDiagnostics(before)}`);
    // The command takes the first answer VS Code gives; let the code action providers settle first.
    await codeActionsUntil(
      document.uri,
      wholeDocument(document),
      FIX_ALL_KIND,
      (found) => found.some((a) => a.kind?.value === FIX_ALL_KIND),
      FIX_ALL_KIND,
    );
    const versionBefore = document.version;

    const result = await vscode.commands.executeCommand<{ applied?: string; skipped?: string }>(
      'seminarPosts.fixAllProblems',
      document.uri,
    );
    assert.ok(result?.applied, `Fix All Problems applied nothing: ${JSON.stringify(result)}`);
    assert.equal(document.version, versionBefore + 1, 'the fixes were not one edit (one undo step)');
    assert.equal(document.lineAt(2).text, 'title: "2021_2nd_quarter"');
    assert.equal(document.lineAt(mathjaxLine).text, 'mathjax: true');

    const after = await waitForCurrentDiagnostics(
      document,
      (found) => UNFIXABLE.every((id) => found.some((d) => ruleId(d) === id)),
      'the problems without a safe fix',
    );
    assert.deepEqual(
      after.map((d) => `${ruleId(d)}@${d.range.start.line + 1}`).sort(),
      ['field-type@4', 'filename-format@1', 'required-field@1'],
      'after Fix All Problems, exactly the problems without a safe fix should be left (the date range of line 4 among them)',
    );
  });

  it('"Fix All Problems" offers the same action the server announces as source.fixAll.seminarPosts', async () => {
    const { document } = await openInEditor(BROKEN_POST);
    await waitForCurrentDiagnostics(
      document,
      (found) => found.some((d) => ruleId(d) === 'title-format'),
      'title-format',
    );
    // Unresolved, the action carries no edit: the server computes it on codeAction/resolve.
    const listed = await codeActionsUntil(
      document.uri,
      wholeDocument(document),
      FIX_ALL_KIND,
      (found) => found.length > 0,
      FIX_ALL_KIND,
    );
    assert.equal(
      listed.find((a) => a.kind?.value === FIX_ALL_KIND)?.edit,
      undefined,
      'the fix-all edit is computed before it is asked for',
    );
    const actions = await codeActionsUntil(
      document.uri,
      wholeDocument(document),
      FIX_ALL_KIND,
      (found) => found.some((a) => a.edit),
      FIX_ALL_KIND,
      15_000,
      10,
    );
    const fixAll = actions.filter((a) => a.kind?.value === FIX_ALL_KIND);
    assert.equal(fixAll.length, 1, `expected one ${FIX_ALL_KIND} action; got ${describeActions(actions)}`);
    // Whatever shape the edit has (the server sends whole lines), applied it must change exactly the title.
    const edits = fixAll[0]!.edit?.get(document.uri) ?? [];
    assert.ok(edits.length > 0, `the ${FIX_ALL_KIND} action has no edit for the post`);
    const expected = document.getText().replace('title: "2021 2nd quater"', 'title: "2021_2nd_quarter"');
    assert.equal(applied(document, edits), expected, 'the fix-all edit should make exactly the safe title fix');
  });
});

describe('fix on save', () => {
  const restorer = new DocumentRestorer();
  const editor = () => vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
  const files = () => vscode.workspace.getConfiguration('files');

  afterEach(async () => {
    // The setting goes first: restoring the post saves it, which would fix it again.
    await editor().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    await files().update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await restorer.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('applies Fix All when the post is saved, with editor.codeActionsOnSave', async () => {
    // The user's settings, not the site's: a .vscode/settings.json would start JSON extensions in
    // the middle of the suite.
    await editor().update('codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' }, vscode.ConfigurationTarget.Global, true);
    // VS Code in a browser saves after a delay by default (files.autoSave), and runs no code
    // actions on such a save: the post would be saved, unfixed, before the author's own save.
    // Off, as in desktop VS Code, the save below is the author's explicit one.
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const { document } = await openInEditor(BROKEN_POST);
    restorer.remember(document);
    await waitForCurrentDiagnostics(
      document,
      (found) => found.some((d) => ruleId(d) === 'title-format'),
      'title-format',
    );
    // Saving is what the author does; VS Code asks for source.fixAll.seminarPosts and resolves it.
    const mathjaxLine = document.getText().split('\n').indexOf('mathjax: true');
    const quote = new vscode.WorkspaceEdit();
    quote.replace(document.uri, document.lineAt(mathjaxLine).range, 'mathjax: "true"');
    await applyEdit(quote, 'quoting the mathjax flag');
    await waitForCurrentDiagnostics(
      document,
      (found) => found.some((d) => ruleId(d) === 'field-type' && d.range.start.line === mathjaxLine),
      'field-type',
    );
    // VS Code cancels the save's code action request if a provider registers meanwhile (see
    // codeActionsUntil): let them settle, as a person's first save comes seconds after opening.
    await codeActionsUntil(
      document.uri,
      wholeDocument(document),
      FIX_ALL_KIND,
      (found) => found.some((a) => a.kind?.value === FIX_ALL_KIND),
      FIX_ALL_KIND,
    );
    assert.ok(await document.save(), 'the post was not saved');
    assert.equal(document.lineAt(2).text, 'title: "2021_2nd_quarter"', 'the title was not fixed on save');
    assert.equal(document.lineAt(mathjaxLine).text, 'mathjax: true');
    assert.equal(document.isDirty, false, 'the fixes were not part of the save');
    assert.equal(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri)),
      document.getText(),
      'the file on disk is the fixed text',
    );
  });
});

/** The document's text with `edits` applied (without changing the document). */
function applied(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  let text = document.getText();
  const byOffset = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  for (const edit of byOffset) {
    text =
      text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
  }
  return text;
}

function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, document.lineCount, 0);
}
