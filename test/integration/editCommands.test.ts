/**
 * The editing commands on a post in the editor: **Insert Image Block** puts the block after the
 * paragraph at the cursor and the cursor right after the block, in a post with CRLF line breaks too.
 * (That it inserts into the post it started on when the user switched editors during its prompts
 * needs the prompts answered by hand; it is not tested here.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { siteUri } from './support/site';
import { deleteFile } from './support/editing';

const POST = [
  '---',
  'layout: post',
  'title: "2021_1st_quarter"',
  '---',
  '',
  '# A Paper',
  '## Someone et al., NeurIPS 2020',
  '- one line',
  '',
  '# Another Paper',
  '',
].join('\r\n');

const URL = 'https://user-images.githubusercontent.com/1/figure.png';

async function untitledPost(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  return vscode.window.showTextDocument(document);
}

describe('Insert Image Block', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('puts the cursor right after the block in a CRLF post', async () => {
    const editor = await untitledPost(POST);
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF, 'the test post should keep its CRLF line breaks');
    editor.selection = new vscode.Selection(7, 3, 7, 3);
    const text = await vscode.commands.executeCommand<string | undefined>('seminarPosts.insertImageBlock', {
      url: URL,
      width: null,
    });
    assert.ok(text, 'the command inserted nothing');
    const written = text.replace(/\n/g, '\r\n');
    const start = editor.document.getText().indexOf(written);
    assert.ok(start > 0, `the block is not in the post:\n${editor.document.getText()}`);
    const end = editor.document.positionAt(start + written.length);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [end.line, end.character]);
    assert.ok(editor.selection.isEmpty);
  });
});

describe('Add Paper Section', () => {
  const folder = '_posts/labels-test';
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteFile(siteUri(folder), { recursive: true });
  });

  it("writes the labels of the post's .seminar-posts.json, which the checks use, not the settings' defaults", async () => {
    const config = siteUri(`${folder}/.seminar-posts.json`);
    const post = siteUri(`${folder}/2021-07-01-3rd_quarter.md`);
    await vscode.workspace.fs.writeFile(
      config,
      Buffer.from(
        JSON.stringify({ presenterLabels: ['Presenter'], linkLabels: { paper: ['paper'], slides: ['slides'] } }),
      ),
    );
    await vscode.workspace.fs.writeFile(
      post,
      Buffer.from('---\nlayout: post\ntitle: "2021_3rd_quarter"\ndate: 2021-07-01\n---\n\n', 'utf8'),
    );
    const editor = await vscode.window.showTextDocument(post);
    editor.selection = new vscode.Selection(5, 0, 5, 0);
    const at = await vscode.commands.executeCommand<vscode.Position | undefined>('seminarPosts.addPaperSection');
    assert.ok(at, 'the command inserted no section');
    const text = editor.document.getText();
    assert.match(text, /^### Presenter: .*\[\[paper\]\(.*\), \[slides\]\(/m, text);
    assert.doesNotMatch(text, /발표자|paper link|presentation material/, text);
  });
});
