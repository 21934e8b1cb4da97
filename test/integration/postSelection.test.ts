/**
 * Which files are posts, in the real VS Code: the README says `.seminar-posts.json` decides, and
 * a post that only that file selects must be checked, previewable and known as a post to the
 * editor (`seminarPosts.isPost`, the status item). The extension hands the server every Markdown
 * file and takes its answer; a Markdown file outside the globs gets nothing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeminarPostsApi } from '../../client/src/extension';
import { describeDiagnostics, productDiagnostics, ruleId, waitForDiagnostics } from './support/diagnostics';
import { EXTENSION_ID, siteUri } from './support/site';
import { deleteFile } from './support/editing';

const FOLDER = 'notes';
const NOTE = `${FOLDER}/2021-04-01-2nd_quarter.md`;
const ASIDE = `${FOLDER}/aside/ideas.md`;
/** A post of the notes folder with a misspelled title (`title-format`). */
const TEXT = `---
layout: post
title: "2021_2nd_quater"
date: 2021-04-01
image_url: https://user-images.githubusercontent.com/1/a.png
mathjax: true
comments: true
---

# Deep Residual Learning for Image Recognition
## Kaiming He et al., CVPR 2016
### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1512.03385), [presentation material](https://example.com/r.pdf)]
- 잔차 연결로 깊은 신경망을 학습합니다.
`;

/** Resolves when the server has said whether `document` is a post, and it says `isPost`. */
function waitForPostSelection(
  api: SeminarPostsApi,
  document: vscode.TextDocument,
  isPost: boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const uri = document.uri.toString();
  if (api.server.postSelection(uri) === isPost) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `the server did not say ${document.uri.path} is ${isPost ? '' : 'not '}a post within ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
    const check = () => {
      if (api.server.postSelection(uri) !== isPost) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = api.server.onDidChangePostSelection((changed) => {
      if (changed === uri) check();
    });
  });
}

describe('posts chosen by .seminar-posts.json', () => {
  let api: SeminarPostsApi;

  before(async () => {
    api = await vscode.extensions.getExtension<SeminarPostsApi>(EXTENSION_ID)!.activate();
    await api.started;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteFile(siteUri(FOLDER), { recursive: true });
  });

  it("checks a post outside _posts/ that only the folder's .seminar-posts.json selects, and shows it as a post", async () => {
    await vscode.workspace.fs.writeFile(
      siteUri(`${FOLDER}/.seminar-posts.json`),
      Buffer.from(JSON.stringify({ posts: [`${FOLDER}/*.md`] })),
    );
    await vscode.workspace.fs.writeFile(siteUri(NOTE), Buffer.from(TEXT, 'utf8'));
    const editor = await vscode.window.showTextDocument(siteUri(NOTE));
    const found = await waitForDiagnostics(
      editor.document.uri,
      (d) => d.some((x) => ruleId(x) === 'title-format'),
      'title-format on the note',
    );
    assert.deepEqual(found.map(ruleId), ['title-format'], describeDiagnostics(found));
    await waitForPostSelection(api, editor.document, true);
    assert.ok(api.statusItem.shown.text.includes('1 problem'), `the status item says ${api.statusItem.shown.text}`);

    // The preview renders it as a post.
    const opened = await vscode.commands.executeCommand<{ uri: string } | undefined>('seminarPosts.openPreviewToSide');
    assert.equal(opened?.uri, editor.document.uri.toString());
    const rendered = await new Promise<string | undefined>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the preview did not render the note')), 30_000);
      const done = (title: string | undefined) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(title);
      };
      // A render of the post, not a notice (which has no version).
      const subscription = api.preview.onDidRender((state) => {
        if (state.uri === editor.document.uri.toString() && state.version !== undefined) done(state.title);
      });
      const shown = api.preview.panels().find((p) => p.uri === editor.document.uri.toString())?.rendered;
      if (shown?.version !== undefined) done(shown.title);
    });
    assert.equal(rendered, '2021_2nd_quater');
  });

  it('leaves alone a Markdown file the globs do not select, though the server is handed it', async () => {
    await vscode.workspace.fs.writeFile(
      siteUri(`${FOLDER}/.seminar-posts.json`),
      Buffer.from(JSON.stringify({ posts: [`${FOLDER}/*.md`] })),
    );
    await vscode.workspace.fs.writeFile(siteUri(ASIDE), Buffer.from(TEXT, 'utf8'));
    const editor = await vscode.window.showTextDocument(siteUri(ASIDE));
    await waitForPostSelection(api, editor.document, false);
    assert.deepEqual(productDiagnostics(editor.document.uri), []);
  });
});
