/**
 * The Seminar view in a real VS Code, on the fixture site (two posts: 2021 Q1, and the broken
 * 2nd-quarter draft whose quarter only its title names): the view opens, shows the quarters newest
 * first, expands a quarter, reveals a talk and goes to its line; counts the problems the Problems
 * panel has for a post nobody opened (the workspace report), once, also after the post is opened
 * and closed; follows an edit; filters; copies a paper link; and the statistics page opens and
 * exports a table. Every wait is on an event of VS Code or of the extension.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeminarNode } from '../../client/src/seminar/seminarTree';
import { describeDiagnostics, productDiagnostics, ruleId, waitForDiagnostics } from './support/diagnostics';
import { extensionApi } from './support/preview';
import { BROKEN_POST, EXTENSION_ID, GOOD_POST, siteUri } from './support/site';

/** The rule ids `npx seminar-posts lint` reports for the broken post. */
const BROKEN_POST_RULES = ['field-type', 'filename-format', 'required-field', 'title-format'];

/** Resolves once `until` holds for the view, now or after one of its updates. */
function waitForSeminar(until: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const api = extensionApi().seminar;
  if (until()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const subscription = api.onDidUpdate(() => {
      if (!until()) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for the Seminar view to show ${what}; it holds ${JSON.stringify(api.snapshot())}`));
    }, timeoutMs);
  });
}

const labelOf = (node: SeminarNode) => extensionApi().seminar.quartersProvider.getTreeItem(node).label;

async function quarters(): Promise<SeminarNode[]> {
  const api = extensionApi().seminar;
  await waitForSeminar(() => api.snapshot().state === 'ready' && api.snapshot().posts === 2, 'both posts of the site');
  return api.quartersProvider.getChildren();
}

describe('the Seminar view', () => {
  before(async () => {
    // Usually active already (activation.test.ts checks the activation event); run alone, this
    // file may start before the workspace's activation has finished.
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  afterEach(async () => {
    extensionApi().seminar.setFilter('');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens in its own container and shows the quarters newest first', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.seminarPosts');
    const api = extensionApi().seminar;
    await waitForSeminar(() => api.quarters.visible, 'the Quarters view visible');
    const nodes = await quarters();
    assert.deepEqual(nodes.map(labelOf), ['2021 Q2', '2021 Q1']);
    assert.deepEqual(api.presentersProvider.getChildren().map((n) => api.presentersProvider.getTreeItem(n).label), ['김테스트', '박예제', '이예시']);
  });

  it('expands a quarter and reveals a talk, and the talk\'s row goes to its line', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.seminarPosts');
    const api = extensionApi().seminar;
    const q1 = (await quarters()).find((n) => labelOf(n) === '2021 Q1')!;
    await api.quarters.reveal(q1, { expand: true });
    const talks = api.quartersProvider.getChildren(q1);
    assert.deepEqual(talks.map(labelOf), ['Learning Sparse Lattice Embeddings for Toy Graphs', 'A Second Imaginary Paper on Test Fixtures']);
    const second = talks[1]!;
    await api.quarters.reveal(second, { select: true, focus: true });
    assert.deepEqual(api.quarters.selection.map((n) => n.id), [second.id]);
    const item = api.quartersProvider.getTreeItem(second);
    assert.equal(item.description, '이예시');
    const changed = new Promise<vscode.TextEditor | undefined>((resolve) => {
      const subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.toString() !== siteUri(GOOD_POST).toString()) return;
        subscription.dispose();
        resolve(editor);
      });
    });
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await changed;
    assert.ok(editor);
    const line = editor.document.getText().split('\n').indexOf('# A Second Imaginary Paper on Test Fixtures');
    assert.equal(editor.selection.active.line, line);
    assert.ok(editor.visibleRanges.some((range) => range.contains(new vscode.Position(line, 0))), 'the line is shown');
  });

  it('counts the problems of a post nobody opened, as the Problems panel lists them, once', async () => {
    const uri = siteUri(BROKEN_POST);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the broken post is not open');
    const listed = await waitForDiagnostics(uri, (found) => BROKEN_POST_RULES.every((id) => found.some((d) => ruleId(d) === id)), 'the workspace report of the broken post');
    assert.deepEqual(listed.map(ruleId).sort(), BROKEN_POST_RULES, describeDiagnostics(listed));
    const api = extensionApi().seminar;
    const q2 = (await quarters()).find((n) => labelOf(n) === '2021 Q2')!;
    assert.deepEqual(api.quartersProvider.problems(q2), { errors: 2, warnings: 2, infos: 0 });

    // Opened, its problems come from the editor's text, not twice; its editor closed, still once.
    // (VS Code keeps the document a while after its editor closes, and says so to the server
    // only when it lets it go: until then the report is the document's.)
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const open = await waitForDiagnostics(uri, (found) => found.length > 0 && found.every((d) => (d as { data?: { version?: number } }).data?.version === document.version), 'the open post\'s own diagnostics');
    assert.deepEqual(open.map(ruleId).sort(), BROKEN_POST_RULES, `no duplicates: ${describeDiagnostics(open)}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const closed = await waitForDiagnostics(uri, (found) => found.length > 0, 'the report after closing');
    assert.deepEqual(closed.map(ruleId).sort(), BROKEN_POST_RULES, describeDiagnostics(closed));
    assert.equal(productDiagnostics(uri).length, BROKEN_POST_RULES.length);
  });

  it('follows an edit to a talk\'s title, and filters by presenter', async () => {
    const api = extensionApi().seminar;
    await quarters();
    const document = await vscode.workspace.openTextDocument(siteUri(GOOD_POST));
    const line = document.getText().split('\n').indexOf('# Learning Sparse Lattice Embeddings for Toy Graphs');
    const title = (): string | undefined => {
      const q1 = api.quartersProvider.getChildren().find((n) => labelOf(n) === '2021 Q1');
      return q1 && labelOf(api.quartersProvider.getChildren(q1)[0]!) as string;
    };
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(line, document.lineAt(line).text.length), ' (Revisited)');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForSeminar(() => title() === 'Learning Sparse Lattice Embeddings for Toy Graphs (Revisited)', 'the edited title');
    const undo = new vscode.WorkspaceEdit();
    undo.delete(document.uri, new vscode.Range(line, document.lineAt(line).text.length - ' (Revisited)'.length, line, document.lineAt(line).text.length));
    assert.ok(await vscode.workspace.applyEdit(undo));
    await waitForSeminar(() => title() === 'Learning Sparse Lattice Embeddings for Toy Graphs', 'the title back');
    assert.ok(await document.save());

    api.setFilter('이예시');
    const filtered = api.quartersProvider.getChildren();
    assert.deepEqual(filtered.map(labelOf), ['2021 Q1']);
    assert.deepEqual(api.quartersProvider.getChildren(filtered[0]).map(labelOf), ['A Second Imaginary Paper on Test Fixtures']);
    assert.match(api.quarters.message ?? '', /이예시.*1 of 3 talks/);
    api.setFilter('has:errors');
    assert.deepEqual(api.quartersProvider.getChildren().map(labelOf), ['2021 Q2'], 'the broken post has errors (in its front matter and file name)');
  });

  it('copies a talk\'s paper link', async () => {
    const api = extensionApi().seminar;
    const q1 = (await quarters()).find((n) => labelOf(n) === '2021 Q1')!;
    const talk = api.quartersProvider.getChildren(q1)[0]!;
    assert.equal(api.quartersProvider.getTreeItem(talk).contextValue, 'seminarTalk:paper');
    const copied = await vscode.commands.executeCommand<string>('seminarPosts.seminar.copyPaperLink', talk);
    assert.equal(copied, 'https://arxiv.org/abs/2001.00001');
    assert.equal(await vscode.env.clipboard.readText(), copied);
  });

  it('opens the statistics page, which draws its charts, and exports a table as CSV', async () => {
    const api = extensionApi();
    await quarters();
    const rendered = new Promise<{ charts: number; tables: number }>((resolve) => {
      const subscription = api.statistics.onDidRender((state) => {
        subscription.dispose();
        resolve(state);
      });
    });
    await vscode.commands.executeCommand('seminarPosts.showStatistics');
    assert.deepEqual(await rendered, { charts: 3, tables: 4 }, 'three charts drawn (no paper presented twice), four tables');
    const target = siteUri('seminar-quarters-test.csv');
    try {
      const saved = await api.statistics.exportChart('quarters', 'csv', target);
      assert.equal(saved?.toString(), target.toString());
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(target));
      assert.equal(text, '\ufeffQuarter,Talks\r\n2021 Q1,2\r\n2021 Q2,1\r\n');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      api.statistics.panel()?.dispose();
    }
  });
});
