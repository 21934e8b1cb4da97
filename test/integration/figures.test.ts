/**
 * Paste or drop a figure into a post, through the editor's own paste and drop events (the page
 * driver dispatches them on the workbench page, with the files a real clipboard or drag carries):
 * the image is saved into the site under a free name, the centered block appears where the cursor
 * is, the checks find nothing wrong with it, and VS Code's paste widget keeps the other options.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { gradientPng } from '../support/png';
import { describeDiagnostics, ruleId, waitForCurrentDiagnostics } from './support/diagnostics';
import { deleteFile, discardPost } from './support/editing';
import { onPage, pageDriverUrl } from './support/pageDriver';
import { GOOD_POST, siteUri } from './support/site';

/**
 * The post each test writes for itself (a copy of the good post), deleted after it; a new name
 * each time, so that no test meets the document of the one before.
 */
let POST = '';
let written = 0;
/** Where the figures of {@link POST} are saved. */
const folder = () => `assets/img/${POST.replace(/^_posts\//, '').replace(/\.md$/, '')}`;

/** Writes {@link POST}: the good post, dated in the next quarter. */
async function writeTestPost(): Promise<void> {
  const good = Buffer.from(await vscode.workspace.fs.readFile(siteUri(GOOD_POST))).toString('utf8');
  const text = good.replace('date: 2021-01-07', 'date: 2021-04-01').replace('"2021_1st_quarter"', '"2021_2nd_quarter"');
  POST = `_posts/2021-04-01-figures-${++written}.md`;
  await vscode.workspace.fs.writeFile(siteUri(POST), Buffer.from(text, 'utf8'));
}

const IMAGE_RULES = new Set([
  'image-src',
  'image-src-missing',
  'image-width',
  'image-alt',
  'image-block-unclosed',
  'markdown-image',
]);

/** Resolves when `document`'s text satisfies `until` (now or after a change), or rejects after 20 s. */
function waitForText(document: vscode.TextDocument, until: (text: string) => boolean, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!until(document.getText())) return;
      stop();
      resolve(document.getText());
    };
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document) check();
    });
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}; the post reads:\n${document.getText()}`));
    }, 20_000);
    const stop = () => {
      listener.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/** The post in the focused editor, with the cursor on a new blank line after `afterText`'s line. */
async function editorAtBlankLine(afterText: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(siteUri(POST));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const line = document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes(afterText));
  assert.ok(line >= 0, `no line with ${afterText}`);
  const end = document.lineAt(line).range.end;
  assert.ok(await editor.edit((b) => b.insert(end, '\n')), 'could not open a blank line');
  editor.selection = new vscode.Selection(line + 1, 0, line + 1, 0);
  editor.revealRange(editor.selection);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return editor;
}

async function fileBytes(relative: string): Promise<Uint8Array | undefined> {
  return vscode.workspace.fs.readFile(siteUri(relative)).then(
    (b) => b,
    () => undefined,
  );
}

describe('Paste or drop a figure', function () {
  before(function () {
    // Only the code-server launcher drives the page; the desktop one cannot paste or drop.
    if (!pageDriverUrl()) this.skip();
  });

  beforeEach(writeTestPost);

  afterEach(async () => {
    await discardPost(siteUri(POST));
    await vscode.workspace.fs.delete(siteUri('assets'), { recursive: true }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('pastes an image file: saved under a free name, the block at the cursor, no image problem', async () => {
    const first = gradientPng(64, 40, 1);
    const second = gradientPng(64, 40, 2);
    const editor = await editorAtBlankLine('손실은');
    // A file of that name is already there: the paste must not replace it.
    await vscode.workspace.fs.writeFile(siteUri(`${folder()}/figure.png`), first);

    await onPage({
      action: 'paste',
      files: [{ name: 'figure.png', type: 'image/png', base64: Buffer.from(second).toString('base64') }],
    });
    const src = `/${folder()}/figure-1.png`;
    const text = await waitForText(editor.document, (t) => t.includes(src), `the block with ${src}`);
    assert.match(
      text,
      new RegExp(`손실은.*\\n\\n<p align="center">\\n  <img src="${src}" alt="figure">\\n</p>\\n\\n<p align="center">`),
    );
    assert.deepEqual(await fileBytes(`${folder()}/figure.png`), first, 'the existing file was replaced');
    assert.deepEqual(
      await fileBytes(`${folder()}/figure-1.png`),
      second,
      'the pasted image was not saved as figure-1.png',
    );

    const diagnostics = await waitForCurrentDiagnostics(editor.document, () => true, 'the checks of the pasted figure');
    const imageProblems = diagnostics.filter((d) => IMAGE_RULES.has(ruleId(d)));
    assert.deepEqual(imageProblems, [], describeDiagnostics(imageProblems));
  });

  it("keeps VS Code's other ways to paste an image one click away, ours first", async () => {
    const editor = await editorAtBlankLine('손실은');
    const before = editor.document.getText();
    await onPage({
      action: 'paste',
      files: [
        { name: 'figure.png', type: 'image/png', base64: Buffer.from(gradientPng(32, 20, 4)).toString('base64') },
      ],
    });
    await waitForText(editor.document, (t) => t !== before, 'the pasted figure');
    const options = JSON.parse(await onPage({ action: 'editOptions' })) as string[];
    assert.equal(options[0], 'Save the image into the site and insert a centered image block', JSON.stringify(options));
    assert.ok(options.length >= 2, `the paste widget offers only ${JSON.stringify(options)}`);
  });

  it("drops an image file: saved into the post's image folder, the block where it was dropped", async () => {
    const image = gradientPng(80, 50, 3);
    const editor = await editorAtBlankLine('실제 게시물을');
    await onPage({
      action: 'drop',
      line: editor.selection.active.line + 1,
      files: [{ name: 'Lattice embedding.png', type: 'image/png', base64: Buffer.from(image).toString('base64') }],
    });
    const src = `/${folder()}/Lattice-embedding.png`;
    const text = await waitForText(editor.document, (t) => t.includes(src), `the block with ${src}`);
    assert.match(
      text,
      new RegExp(
        `실제 게시물을 복사하지 않는다\\n\\n?<p align="center">\\n  <img src="${src}" alt="Lattice embedding">\\n</p>`,
      ),
    );
    assert.deepEqual(await fileBytes(`${folder()}/Lattice-embedding.png`), image);
  });

  it('drops files from the explorer: one the site serves is linked, one in _posts/ is copied out', async () => {
    const served = gradientPng(30, 20, 4);
    const hidden = gradientPng(30, 20, 5);
    await vscode.workspace.fs.writeFile(siteUri('assets/figures/served.png'), served);
    await vscode.workspace.fs.writeFile(siteUri('_posts/hidden.png'), hidden);
    try {
      const editor = await editorAtBlankLine('실제 게시물을');
      await onPage({
        action: 'drop',
        line: editor.selection.active.line + 1,
        resources: [siteUri('assets/figures/served.png').path, siteUri('_posts/hidden.png').path],
      });
      const text = await waitForText(editor.document, (t) => t.includes('hidden.png'), 'the block of both files');
      assert.match(
        text,
        new RegExp(
          `<p align="center">\\n  <img src="/assets/figures/served.png" alt="served">\\n  <img src="/${folder()}/hidden.png" alt="hidden">\\n</p>`,
        ),
      );
      assert.deepEqual(await fileBytes(`${folder()}/hidden.png`), hidden);
      assert.equal(await fileBytes(`${folder()}/served.png`), undefined, 'a file the site serves was copied');
    } finally {
      await deleteFile(siteUri('_posts/hidden.png'));
    }
  });

  it('pastes an image URL as a block with that URL, and saves nothing', async () => {
    const url = 'https://user-images.githubusercontent.com/1000000/100000009-figure.png';
    const editor = await editorAtBlankLine('실제 게시물을');
    await onPage({ action: 'paste', text: url });
    await waitForText(
      editor.document,
      (t) => t.includes(`<img src="${url}" alt="100000009 figure">`),
      'the block with the URL',
    );
    assert.equal(await fileBytes('assets'), undefined);
    await vscode.workspace.fs.stat(siteUri('assets')).then(
      () => assert.fail('a folder was created'),
      () => undefined,
    );
  });

  it('leaves a paper link pasted into the presenter line as plain text', async () => {
    const editor = await editorAtBlankLine('실제 게시물을');
    const before = editor.document.getText();
    editor.selection = new vscode.Selection(editor.selection.active.line, 0, editor.selection.active.line, 0);
    await onPage({ action: 'paste', text: 'https://arxiv.org/abs/2012.00002' });
    const text = await waitForText(editor.document, (t) => t !== before, 'the pasted link');
    assert.ok(text.includes('\nhttps://arxiv.org/abs/2012.00002\n'), text);
    assert.ok(!text.includes('<img src="https://arxiv'), 'a paper link became an image block');
  });
});
