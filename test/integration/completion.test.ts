/**
 * Completion as the editor asks for it (`vscode.executeCompletionItemProvider`, every provider of
 * the document's language at once): the language server's front matter keys, and the snippets the
 * manifest contributes for Markdown.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ruleId, waitForCurrentDiagnostics } from './support/diagnostics';
import { DocumentRestorer, insertText } from './support/editing';
import { BROKEN_POST, EXTENSION_ID, openInEditor } from './support/site';

/** The snippet prefixes `snippets/markdown.json` defines (README: "Snippets in Markdown files"). */
const SNIPPET_PREFIXES = ['post', 'paper', 'presenter', 'figure', 'figure2', 'bullet'];

/** The front matter keys the broken post already has. */
const PRESENT_KEYS = ['layout', 'title', 'date', 'mathjax', 'comments'];

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    position,
  );
  return list?.items ?? [];
}

describe('completion', () => {
  const restorer = new DocumentRestorer();

  afterEach(async () => {
    await restorer.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers the missing required front matter key, and not the keys already there', async () => {
    const { document } = await openInEditor(BROKEN_POST);
    restorer.remember(document);
    // The server must know the post before it can complete in it.
    await waitForCurrentDiagnostics(
      document,
      (found) => found.some((d) => ruleId(d) === 'required-field'),
      'required-field (image_url)',
    );
    const closingLine = document.getText().split('\n').indexOf('---', 1);
    assert.ok(closingLine > 0, 'the broken post has no closing front matter line');
    await insertText(document.uri, new vscode.Position(closingLine, 0), '\n');

    const items = await completionsAt(document.uri, new vscode.Position(closingLine, 0));
    const keys = items.filter((item) => item.kind === vscode.CompletionItemKind.Property);
    const labels = keys.map(labelOf);
    const imageUrl = keys.find((item) => labelOf(item) === 'image_url');
    assert.ok(imageUrl, `image_url (missing, required) is not offered; offered: ${labels.join(', ') || '(none)'}`);
    assert.match(String(imageUrl.detail), /required/, 'image_url is not marked as a missing required key');
    for (const key of PRESENT_KEYS) assert.ok(!labels.includes(key), `${key} is offered although the post has it`);
    assert.ok(
      labels.includes('permalink'),
      `optional Jekyll keys such as permalink are not offered; offered: ${labels.join(', ')}`,
    );
  });
});

describe('snippets', () => {
  it('are contributed for Markdown by the manifest, from a file that defines each prefix', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const manifest = extension.packageJSON as {
      contributes?: { snippets?: Array<{ language: string; path: string }> };
    };
    const contributed = manifest.contributes?.snippets ?? [];
    const markdown = contributed.filter((s) => s.language === 'markdown');
    assert.equal(
      markdown.length,
      1,
      `expected one Markdown snippet file in contributes.snippets; got ${JSON.stringify(contributed)}`,
    );
    const file = path.join(extension.extensionPath, markdown[0]!.path);
    const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string | string[] }>;
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    assert.deepEqual([...prefixes].sort(), [...SNIPPET_PREFIXES].sort());
  });

  it('are offered by completion in a Markdown document', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const items = await completionsAt(document.uri, new vscode.Position(0, 0));
    const snippets = items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    for (const prefix of SNIPPET_PREFIXES) {
      assert.ok(
        snippets.includes(prefix),
        `the snippet ${prefix} is not offered; snippets offered: ${snippets.join(', ') || '(none)'}`,
      );
    }
    const paper = items.find((item) => item.kind === vscode.CompletionItemKind.Snippet && labelOf(item) === 'paper');
    const body =
      paper?.insertText instanceof vscode.SnippetString ? paper.insertText.value : String(paper?.insertText ?? '');
    assert.match(
      body,
      /### 발표자: \$\{4:Presenter name\} \[\[paper link\]/,
      'the paper snippet does not insert the presenter line',
    );
  });
});
