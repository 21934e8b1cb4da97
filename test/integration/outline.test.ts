/**
 * The outline (document symbols, as the Outline view and breadcrumbs ask for them): the front
 * matter with its keys, then one symbol per paper with its presenter.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GOOD_POST, openInEditor } from './support/site';

/** The good post's papers, in order, with their presenters. */
const PAPERS = [
  ['Learning Sparse Lattice Embeddings for Toy Graphs', '김테스트'],
  ['A Second Imaginary Paper on Test Fixtures', '이예시'],
];

describe('outline', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the front matter and the papers with their presenters', async () => {
    const { document } = await openInEditor(GOOD_POST);
    const symbols =
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      )) ?? [];
    // VS Code's own Markdown extension adds a symbol per heading too; the papers are the
    // symbols that name a presenter.
    const frontMatter = symbols.find((s) => s.name === 'front matter' && s.kind === vscode.SymbolKind.Namespace);
    assert.ok(frontMatter, `no front matter symbol; symbols: ${symbols.map((s) => s.name).join(' | ')}`);
    assert.deepEqual(
      frontMatter.children.map((c) => c.name),
      ['layout', 'title', 'date', 'image_url', 'mathjax', 'comments'],
    );
    const papers = symbols.filter((s) => s.detail && PAPERS.some(([, presenter]) => s.detail === presenter));
    assert.deepEqual(
      papers.map((s) => [s.name, s.detail]),
      PAPERS,
      `the papers in the outline; all symbols: ${symbols.map((s) => `${s.name} (${s.detail})`).join(' | ')}`,
    );
    // Each paper's symbol spans its section: from its `#` line to the next paper.
    const [first, second] = papers;
    assert.equal(document.lineAt(first!.range.start.line).text, `# ${PAPERS[0]![0]}`);
    assert.equal(document.lineAt(second!.range.start.line).text, `# ${PAPERS[1]![0]}`);
    assert.ok(first!.range.end.isBeforeOrEqual(second!.range.start), "the first paper's range runs into the second");
  });
});
