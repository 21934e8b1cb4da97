/**
 * The preview panel in a real VS Code: the commands open it on the post, its page (a real webview)
 * reports what it shows, edits reach it, a locked panel stays on its post while the other follows
 * the active post, and only http, https and mailto links open from it. On the real 3rd-quarter
 * post (when `../shared/corpus` is there) it measures the time from the last keystroke to the
 * updated panel.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { OPEN_LINK_COMMAND } from '../../client/src/identifiers';
import type { OpenedPreview, PreviewState } from '../../client/src/preview/previewManager';
import { closeEditorsAndPreviews, describePreview, extensionApi, waitForPreview } from './support/preview';
import { BROKEN_POST, EXTENSION_ID, GOOD_POST, openInEditor, siteUri } from './support/site';
import { deleteFile } from './support/editing';

/** A 1x1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A post whose thumbnail and figure are site paths, and one figure whose file is missing. */
const SITE_IMAGES_POST = [
  '---',
  'layout: post',
  'title: "2021_3rd_quarter"',
  'date: 2021-07-01',
  'image_url: /assets/figure.png',
  'mathjax: false',
  'comments: true',
  '---',
  '',
  '# A Paper With Site Images',
  '## Erin Example, TestConf 2021',
  '### 발표자: 최테스트 [[paper link](https://arxiv.org/abs/2107.00001), [presentation material](https://example.org/slides/site.pdf)]',
  '- 사이트 경로의 그림',
  '<p align="center">',
  '  <img src="/assets/figure.png" width="100">',
  '  <img src="/assets/missing.png" width="100">',
  '</p>',
  '',
].join('\n');

/** A report of `uri` at the document's current version. */
const showing = (document: vscode.TextDocument) => (state: PreviewState) =>
  state.uri === document.uri.toString() && state.version === document.version;

/** Applies an edit and checks that it was applied. */
async function applyEdit(build: (edit: vscode.WorkspaceEdit) => void): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  build(edit);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

describe('preview', () => {
  afterEach(async () => {
    await closeEditorsAndPreviews();
  });

  it('Open Preview shows the post as its page renders it: title, sections, the post view', async () => {
    const editor = await openInEditor(GOOD_POST);
    const opened = await vscode.commands.executeCommand<OpenedPreview>('seminarPosts.openPreview');
    assert.deepEqual(opened, { uri: editor.document.uri.toString(), locked: false });
    const state = await waitForPreview(showing(editor.document), 'the good post');
    assert.deepEqual(
      [state.title, state.sections, state.view, state.locked],
      ['2021_1st_quarter', 2, 'post', false],
      describePreview(state),
    );
    assert.equal(extensionApi().preview.panels().length, 1);
  });

  it('follows an edit: a new section shows, at the new version; taking it out again shows two', async () => {
    const editor = await openInEditor(GOOD_POST);
    const document = editor.document;
    await vscode.commands.executeCommand('seminarPosts.openPreviewToSide');
    await waitForPreview(showing(document), 'the good post');
    const end = document.lineAt(document.lineCount - 1).range.end;
    const added = '\n\n# A Paper Added By The Test\n## Test Author, TestConf 2021\n';
    await applyEdit((edit) => edit.insert(document.uri, end, added));
    const edited = await waitForPreview(
      (s) => showing(document)(s) && s.sections === 3,
      'three sections after the edit',
    );
    assert.equal(edited.title, '2021_1st_quarter');
    assert.ok(edited.sinceLastChange !== undefined, 'the report of an edit says how long it took');
    console.log(`      (edit to updated preview: ${edited.sinceLastChange} ms)`);
    await applyEdit((edit) =>
      edit.delete(document.uri, new vscode.Range(end, document.positionAt(document.offsetAt(end) + added.length))),
    );
    const restored = await waitForPreview((s) => showing(document)(s) && s.sections === 2, 'two sections again');
    assert.equal(restored.version, document.version);
    assert.ok(await document.save(), 'could not save the post');
  });

  it('Show Quarter Summary opens the preview on its summary table', async () => {
    const editor = await openInEditor(GOOD_POST);
    await vscode.commands.executeCommand('seminarPosts.showQuarterSummary');
    const state = await waitForPreview((s) => showing(editor.document)(s) && s.view === 'summary', 'the summary view');
    assert.equal(state.sections, 2);
  });

  it('a locked preview stays on its post; the one that follows moves to the active post', async () => {
    const good = (await openInEditor(GOOD_POST)).document;
    await vscode.commands.executeCommand('seminarPosts.openPreviewToSide');
    await waitForPreview(showing(good), 'the good post');
    assert.deepEqual(await vscode.commands.executeCommand<OpenedPreview>('seminarPosts.togglePreviewLock'), {
      uri: good.uri.toString(),
      locked: true,
    });
    await waitForPreview((s) => showing(good)(s) && s.locked, 'the good post, locked');

    const broken = (
      await vscode.window.showTextDocument(
        await vscode.workspace.openTextDocument(siteUri(BROKEN_POST)),
        vscode.ViewColumn.One,
      )
    ).document;
    await vscode.commands.executeCommand('seminarPosts.openPreviewToSide');
    const second = await waitForPreview(showing(broken), 'the broken post, in a second panel');
    assert.deepEqual([second.title, second.locked], ['2021 2nd quater', false]);
    const panels = () =>
      extensionApi()
        .preview.panels()
        .map((p) => [p.uri, p.locked]);
    assert.deepEqual(
      panels(),
      [
        [good.uri.toString(), true],
        [broken.uri.toString(), false],
      ],
      'the locked panel did not follow the broken post',
    );

    await vscode.window.showTextDocument(good, vscode.ViewColumn.One);
    await waitForPreview((s) => showing(good)(s) && !s.locked, 'the following panel on the good post');
    assert.deepEqual(panels(), [
      [good.uri.toString(), true],
      [good.uri.toString(), false],
    ]);
  });

  it('loads site images (/assets/...) from the workspace folder, through the webview', async () => {
    const asset = siteUri('assets/figure.png');
    const uri = siteUri('_posts/2021-07-01-3rd_quarter.md');
    await vscode.workspace.fs.writeFile(asset, Buffer.from(PNG, 'base64'));
    await vscode.workspace.fs.writeFile(uri, Buffer.from(SITE_IMAGES_POST, 'utf8'));
    try {
      const document = (await vscode.window.showTextDocument(uri)).document;
      await vscode.commands.executeCommand('seminarPosts.openPreviewToSide');
      const state = await waitForPreview(showing(document), 'the post with site images');
      assert.deepEqual(
        [state.images, state.imagesLoaded],
        [2, 1],
        'the figure loads, the missing file does not (the thumbnail is not on the post page)',
      );
    } finally {
      await closeEditorsAndPreviews();
      await deleteFile(uri);
      await deleteFile(asset);
    }
  });

  it('follows its post when the post is renamed, locked or not', async () => {
    const before = siteUri('_posts/2021_4th_quater.md');
    const after = siteUri('_posts/2021-10-07-4th_quarter.md');
    await vscode.workspace.fs.writeFile(
      before,
      Buffer.from(SITE_IMAGES_POST.replace('2021_3rd_quarter', '2021_4th_quarter'), 'utf8'),
    );
    try {
      const document = (await vscode.window.showTextDocument(before)).document;
      await vscode.commands.executeCommand('seminarPosts.openPreviewToSide');
      await waitForPreview(showing(document), 'the post before its rename');
      await vscode.commands.executeCommand('seminarPosts.togglePreviewLock');
      assert.deepEqual(
        extensionApi()
          .preview.panels()
          .map((p) => [p.uri, p.locked]),
        [[before.toString(), true]],
      );
      await applyEdit((edit) => edit.renameFile(before, after));
      const state = await waitForPreview(
        (s) => s.uri === after.toString() && s.title === '2021_4th_quarter',
        'the post under its new name',
      );
      assert.deepEqual(
        extensionApi()
          .preview.panels()
          .map((p) => [p.uri, p.locked]),
        [[after.toString(), true]],
        describePreview(state),
      );
    } finally {
      await closeEditorsAndPreviews();
      for (const uri of [before, after]) await deleteFile(uri);
    }
  });

  it('renders again when the color theme changes', async () => {
    const editor = await openInEditor(GOOD_POST);
    await vscode.commands.executeCommand('seminarPosts.openPreviewToSide');
    await waitForPreview(showing(editor.document), 'the good post');
    const workbench = vscode.workspace.getConfiguration('workbench');
    const theme = workbench.inspect<string>('colorTheme')?.globalValue;
    const repainted = waitForPreview(showing(editor.document), 'the post again after the theme changed', {
      onlyNew: true,
    });
    await workbench.update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
    try {
      assert.equal((await repainted).title, '2021_1st_quarter');
    } finally {
      await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
    }
  });

  it('opens http, https and mailto links only', async () => {
    for (const href of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'command:workbench.action.quit',
      'vscode://settings',
    ]) {
      assert.equal(await vscode.commands.executeCommand(OPEN_LINK_COMMAND, href), false, href);
    }
  });

  it('measures, on the real 3rd-quarter post, the time from the last keystroke to the updated preview', async function () {
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const source = path.resolve(extensionPath, '..', 'shared', 'corpus', 'published', '2020-07-02-3rd_quarter.md');
    if (!fs.existsSync(source)) {
      console.log(`      (skipped: ${source} is absent)`);
      this.skip();
    }
    const uri = siteUri('_posts/2020-07-02-3rd_quarter.md');
    const text = fs.readFileSync(source, 'utf8');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    try {
      const editor = await vscode.window.showTextDocument(uri);
      const document = editor.document;
      await vscode.commands.executeCommand('seminarPosts.openPreviewToSide');
      const first = await waitForPreview(showing(document), 'the 3rd-quarter post');
      assert.deepEqual([first.title, first.sections], ['2020_3rd_quarter', 9]);
      const line = document
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('# Gate Decorator'));
      assert.ok(line > 0, 'the Gate Decorator section');
      const timings: number[] = [];
      for (let round = 0; round < 5; round++) {
        // A burst of keystrokes in the section's title, each applied before the next.
        for (let key = 0; key < 8; key++) {
          assert.ok(await editor.edit((b) => b.insert(document.lineAt(line).range.end, 'x')), 'keystroke');
        }
        const state = await waitForPreview(
          (s) => showing(document)(s) && s.sinceLastChange !== undefined,
          `version ${document.version}`,
        );
        timings.push(state.sinceLastChange!);
      }
      const sorted = [...timings].sort((a, b) => a - b);
      console.log(
        `      (3rd-quarter post, last keystroke to updated preview: ${timings.join(', ')} ms; median ${sorted[2]} ms)`,
      );
      await applyEdit((edit) => edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text));
      assert.ok(await document.save(), 'could not save the restored post');
    } finally {
      await closeEditorsAndPreviews();
      await deleteFile(uri);
    }
  });
});
