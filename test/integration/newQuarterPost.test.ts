/**
 * "New Quarter Post", called with the answers its prompts would ask for: it creates the quarter's
 * post under the site's `_posts/`, opens it, and refuses to write over an existing file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, ruleId, waitForDiagnostics } from './support/diagnostics';
import { closeEditorsOf, deleteFile } from './support/editing';
import { GOOD_POST, siteUri } from './support/site';

/** A quarter no fixture post is in, so the test's post is the only one of it. */
const ARGS = { quarter: '2019 3rd', date: '2019-07-04' };
const EXPECTED_FILE = '_posts/2019-07-04-3rd_quarter.md';

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function postNames(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(siteUri('_posts'))).map(([name]) => name).sort();
}

describe('New Quarter Post', () => {
  const created = siteUri(EXPECTED_FILE);

  afterEach(async () => {
    await closeEditorsOf(created);
    await deleteFile(created);
  });

  it('creates _posts/YYYY-MM-DD-Nth_quarter.md and refuses to overwrite it', async () => {
    const postsBefore = await postNames();
    const args = { ...ARGS, siteRoot: siteUri('.').toString() };

    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('seminarPosts.newQuarterPost', args);
    assert.ok(uri, 'the command created nothing');
    assert.equal(uri.toString(), created.toString());
    const text = await readText(created);
    assert.match(
      text,
      /^---\nlayout: post\ntitle: "2019_3rd_quarter"\ndate: 2019-07-04\n/,
      `unexpected front matter:\n${text}`,
    );
    assert.match(text, /^### 발표자: /m, 'no presenter line with the configured label');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === created.toString());
    assert.ok(editor, 'the new post is not shown in an editor');
    assert.equal(
      editor.document.lineAt(editor.selection.active.line).text,
      '# ',
      "the cursor is not on the first paper's title",
    );

    // Change the file on disk, so that an overwrite could not go unnoticed.
    const edited = text.replace('# \n', '# A paper written before the second call\n');
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode(edited));
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('seminarPosts.newQuarterPost', args);
    assert.equal(again, undefined, 'the second call reported a new post');
    assert.equal(await readText(created), edited, 'the second call overwrote the existing post');
    assert.deepEqual(
      await postNames(),
      [...postsBefore, '2019-07-04-3rd_quarter.md'].sort(),
      'the second call wrote another file',
    );
  });

  it('refuses a date outside the quarter and writes nothing', async () => {
    const postsBefore = await postNames();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('seminarPosts.newQuarterPost', {
      quarter: '2019 3rd',
      date: '2019-10-01',
      siteRoot: siteUri('.').toString(),
    });
    assert.equal(uri, undefined);
    assert.deepEqual(await postNames(), postsBefore);
  });

  describe('for a quarter that already has a post', () => {
    /** The fixture site's 1st quarter of 2021 has `2021-01-07-1st_quarter.md`. */
    const SECOND = '_posts/2021-02-04-1st_quarter.md';
    const second = siteUri(SECOND);
    const args = (answer: string) => ({
      quarter: '2021 1st',
      date: '2021-02-04',
      siteRoot: siteUri('.').toString(),
      ifQuarterHasPost: answer,
    });

    afterEach(async () => {
      await closeEditorsOf(second);
      await closeEditorsOf(siteUri(GOOD_POST));
      await deleteFile(second);
    });

    it('writes nothing when the answer is no, and opens the existing post when asked to', async () => {
      const postsBefore = await postNames();
      assert.equal(await vscode.commands.executeCommand('seminarPosts.newQuarterPost', args('cancel')), undefined);
      assert.deepEqual(await postNames(), postsBefore, 'a second post was written without asking');
      assert.equal(await vscode.commands.executeCommand('seminarPosts.newQuarterPost', args('open')), undefined);
      assert.deepEqual(await postNames(), postsBefore);
      assert.equal(
        vscode.window.activeTextEditor?.document.uri.toString(),
        siteUri(GOOD_POST).toString(),
        'the existing post is shown',
      );
    });

    it('writes the second post when the answer is yes, and duplicate-quarter reports it from the workspace index', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(
        'seminarPosts.newQuarterPost',
        args('create'),
      );
      assert.equal(uri?.toString(), second.toString());
      const found = await waitForDiagnostics(
        second,
        (ds) => ds.some((d) => ruleId(d) === 'duplicate-quarter'),
        'duplicate-quarter on the second post',
      );
      const warning = found.find((d) => ruleId(d) === 'duplicate-quarter')!;
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning, describeDiagnostics(found));
      assert.equal(warning.range.start.line, 3);
      assert.match(warning.message, /2021-01-07-1st_quarter\.md/);
    });
  });
});
