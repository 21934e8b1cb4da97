/**
 * The Seminar view in a real VS Code, on the fixture site (two posts: 2021 Q1, and the broken
 * 2nd-quarter draft whose quarter only its title names): the view opens, shows the quarters newest
 * first, expands a quarter, reveals a talk and goes to its line; counts the problems the Problems
 * panel has for a post nobody opened (the workspace report; a post the test writes, since VS Code
 * keeps documents earlier tests opened), once, also after the post is opened and closed; follows an edit; filters; copies a paper link; and the statistics page opens and
 * exports a table. Every wait is on an event of VS Code or of the extension.
 */
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import type { SeminarNode } from '../../client/src/seminar/seminarTree';
import { describeDiagnostics, productDiagnostics, ruleId, waitForDiagnostics } from './support/diagnostics';
import { closeEditorsOf, deleteFile } from './support/editing';
import { extensionApi } from './support/preview';
import { EXTENSION_ID, GOOD_POST, siteUri } from './support/site';

/** The rule ids `npx seminar-posts lint` reports for the broken post, and for {@link UNOPENED_TEXT}. */
const BROKEN_POST_RULES = ['field-type', 'filename-format', 'required-field', 'title-format'];

/** A post the problems test writes and deletes: the broken post's mistakes, in 2018's 3rd quarter. */
const UNOPENED_POST = '_posts/2018_3rd_quater.md';
const UNOPENED_TEXT = [
  '---',
  'layout: post',
  'title: "2018 3rd quater"',
  'date: 2018-07-05~2018-09-27',
  'mathjax: true',
  'comments: true',
  '---',
  '',
  '# A Paper Nobody Has Open in the Seminar View Test',
  '## Dana Fixture, *NowhereConf2018*',
  '### 발표자: 박예제 [[paper link](https://arxiv.org/abs/1807.00001), [presentation material](https://example.org/slides/nobody.pdf)]',
  '- 이 게시물은 세미나 보기 시험을 위해 일부러 틀리게 썼다',
  '',
].join('\n');

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
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for the Seminar view to show ${what}; it holds ${JSON.stringify(api.snapshot())}`,
        ),
      );
    }, timeoutMs);
  });
}

/** Resolves once `view` is visible, now or when it becomes so (VS Code shows a view a moment after the command). */
function waitForVisible<T>(view: vscode.TreeView<T>, what: string, timeoutMs = 30_000): Promise<void> {
  if (view.visible) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const subscription = view.onDidChangeVisibility(({ visible }) => {
      if (!visible) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} to be visible`));
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
    await waitForVisible(api.quarters, 'the Quarters view');
    const nodes = await quarters();
    assert.deepEqual(nodes.map(labelOf), ['2021 Q2', '2021 Q1']);
    assert.deepEqual(
      api.presentersProvider.getChildren().map((n) => api.presentersProvider.getTreeItem(n).label),
      ['김테스트', '박예제', '이예시'],
    );
  });

  it("expands a quarter and reveals a talk, and the talk's row goes to its line", async () => {
    await vscode.commands.executeCommand('workbench.view.extension.seminarPosts');
    const api = extensionApi().seminar;
    const q1 = (await quarters()).find((n) => labelOf(n) === '2021 Q1')!;
    await api.quarters.reveal(q1, { expand: true });
    const talks = api.quartersProvider.getChildren(q1);
    assert.deepEqual(talks.map(labelOf), [
      'Learning Sparse Lattice Embeddings for Toy Graphs',
      'A Second Imaginary Paper on Test Fixtures',
    ]);
    const second = talks[1]!;
    await api.quarters.reveal(second, { select: true, focus: true });
    assert.deepEqual(
      api.quarters.selection.map((n) => n.id),
      [second.id],
    );
    const item = api.quartersProvider.getTreeItem(second);
    assert.equal(item.description, '이예시');
    const changed = new Promise<vscode.TextEditor | undefined>((resolve) => {
      const subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.toString() !== siteUri(GOOD_POST).toString()) return;
        subscription.dispose();
        resolve(editor);
      });
    });
    await vscode.commands.executeCommand(item.command!.command, ...((item.command!.arguments ?? []) as unknown[]));
    const editor = await changed;
    assert.ok(editor);
    const line = editor.document.getText().split('\n').indexOf('# A Second Imaginary Paper on Test Fixtures');
    assert.equal(editor.selection.active.line, line);
    assert.ok(
      editor.visibleRanges.some((range) => range.contains(new vscode.Position(line, 0))),
      'the line is shown',
    );
  });

  it('counts the problems of a post nobody opened, as the Problems panel lists them, once', async () => {
    // A post of its own, written on disk here, so that no document of it is open: VS Code keeps a
    // document that an earlier test opened (the fixture's broken post) for minutes after its
    // editors close, and the server then reads it as open. Its mistakes are the broken post's, in
    // a quarter no other post has, so the quarter's counts are this post's.
    const uri = siteUri(UNOPENED_POST);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(UNOPENED_TEXT, 'utf8'));
    try {
      assert.ok(
        !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
        'the post is not open',
      );
      const listed = await waitForDiagnostics(
        uri,
        (found) => BROKEN_POST_RULES.every((id) => found.some((d) => ruleId(d) === id)),
        'the workspace report of the unopened post',
      );
      assert.deepEqual(listed.map(ruleId).sort(), BROKEN_POST_RULES, describeDiagnostics(listed));
      const api = extensionApi().seminar;
      const node = () => api.quartersProvider.getChildren().find((n) => labelOf(n) === '2018 Q3');
      const counted = () => {
        const quarter = node();
        return quarter && api.quartersProvider.problems(quarter);
      };
      // filename-format is an error; required-field, title-format and field-type (a date range) warnings.
      const counts = { errors: 1, warnings: 3, infos: 0 };
      await waitForSeminar(
        () => isDeepStrictEqual(counted(), counts),
        `2018 Q3 with the unopened post's problems, ${JSON.stringify(counts)}`,
        15_000,
      ).catch((error: Error) => assert.fail(`${error.message}; 2018 Q3 counts ${JSON.stringify(counted())}`));

      // Opened, its problems come from the editor's text, not twice; its editor closed, still once.
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const open = await waitForDiagnostics(
        uri,
        (found) =>
          found.length > 0 &&
          found.every((d) => (d as { data?: { version?: number } }).data?.version === document.version),
        "the open post's own diagnostics",
      );
      assert.deepEqual(open.map(ruleId).sort(), BROKEN_POST_RULES, `no duplicates: ${describeDiagnostics(open)}`);
      assert.deepEqual(counted(), counts, 'open: counted once');
      await closeEditorsOf(uri);
      const closed = await waitForDiagnostics(uri, (found) => found.length > 0, 'the report after closing');
      assert.deepEqual(closed.map(ruleId).sort(), BROKEN_POST_RULES, describeDiagnostics(closed));
      assert.equal(productDiagnostics(uri).length, BROKEN_POST_RULES.length);
      assert.deepEqual(counted(), counts, 'closed: counted once');
    } finally {
      await closeEditorsOf(uri);
      await deleteFile(uri);
    }
    // Deleted (through VS Code, which then lets its document go), the post leaves the view.
    await waitForSeminar(() => extensionApi().seminar.snapshot().posts === 2, 'the two posts of the site again');
  });

  it("follows an edit to a talk's title, and filters by presenter", async () => {
    const api = extensionApi().seminar;
    await quarters();
    const document = await vscode.workspace.openTextDocument(siteUri(GOOD_POST));
    const line = document.getText().split('\n').indexOf('# Learning Sparse Lattice Embeddings for Toy Graphs');
    const title = (): string | undefined => {
      const q1 = api.quartersProvider.getChildren().find((n) => labelOf(n) === '2021 Q1');
      return q1 && (labelOf(api.quartersProvider.getChildren(q1)[0]!) as string);
    };
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(line, document.lineAt(line).text.length), ' (Revisited)');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForSeminar(
      () => title() === 'Learning Sparse Lattice Embeddings for Toy Graphs (Revisited)',
      'the edited title',
    );
    const undo = new vscode.WorkspaceEdit();
    undo.delete(
      document.uri,
      new vscode.Range(
        line,
        document.lineAt(line).text.length - ' (Revisited)'.length,
        line,
        document.lineAt(line).text.length,
      ),
    );
    assert.ok(await vscode.workspace.applyEdit(undo));
    await waitForSeminar(() => title() === 'Learning Sparse Lattice Embeddings for Toy Graphs', 'the title back');
    assert.ok(await document.save());

    api.setFilter('이예시');
    const filtered = api.quartersProvider.getChildren();
    assert.deepEqual(filtered.map(labelOf), ['2021 Q1']);
    assert.deepEqual(api.quartersProvider.getChildren(filtered[0]).map(labelOf), [
      'A Second Imaginary Paper on Test Fixtures',
    ]);
    assert.match(api.quarters.message ?? '', /이예시.*1 of 3 talks/);
    api.setFilter('has:errors');
    assert.deepEqual(
      api.quartersProvider.getChildren().map(labelOf),
      ['2021 Q2'],
      'the broken post has errors (in its front matter and file name)',
    );
  });

  it("copies a talk's paper link", async () => {
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
    assert.deepEqual(
      await rendered,
      { charts: 3, tables: 4 },
      'three charts drawn (no paper presented twice), four tables',
    );
    const target = siteUri('seminar-quarters-test.csv');
    try {
      const saved = await api.statistics.exportChart('quarters', 'csv', target);
      assert.equal(saved?.toString(), target.toString());
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(target));
      assert.equal(text, '\ufeffQuarter,Talks\r\n2021 Q1,2\r\n2021 Q2,1\r\n');
    } finally {
      await deleteFile(target);
      api.statistics.panel()?.dispose();
    }
  });
});
