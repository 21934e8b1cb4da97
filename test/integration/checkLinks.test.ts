/**
 * Check Links in a real VS Code, against an HTTP server this test starts on 127.0.0.1 in the
 * extension host: the command on one post brings `link-dead` into the Problems the editor shows,
 * and `seminarPosts.links.checkOnSave` checks a post when it is saved (off, nothing is asked).
 * The post is written for the test and removed after it; no other address is ever requested.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { CheckLinksResult } from '../../server/src/protocol';
import { describeDiagnostics, ruleId, waitForDiagnostics } from './support/diagnostics';
import { siteUri } from './support/site';
import { deleteFile } from './support/editing';

const POST = '_posts/2021-04-01-2nd_quarter.md';

function postText(base: string): string {
  return [
    '---',
    'layout: post',
    'title: "2021_2nd_quarter"',
    'date: 2021-04-01',
    `image_url: ${base}/thumb.png`,
    'mathjax: true',
    'comments: true',
    '---',
    '',
    '# A Local Paper for the Link Check',
    '## Dana Fixture, *LinkConf2021*',
    `### 발표자: 박예시 [[paper link](${base}/missing.pdf), [presentation material](${base}/slides.pdf)]`,
    '- 링크 검사를 위해 지어낸 요약',
    '',
  ].join('\n');
}

describe('Check Links', () => {
  let server: http.Server;
  const hits: string[] = [];
  const hitWaiters: { path: string; resolve: () => void }[] = [];
  /** Resolves when the server is asked for `path` (now, or when it is). */
  const requested = (path: string, what: string, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      if (hits.some((h) => h.endsWith(` ${path}`))) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`Timed out waiting for ${what}; asked: ${hits.join(', ') || '(nothing)'}`)),
        timeoutMs,
      );
      hitWaiters.push({
        path,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  let base = '';
  const uri = () => siteUri(POST);

  before(async () => {
    server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      for (const waiter of hitWaiters.filter((w) => w.path === req.url)) waiter.resolve();
      res.writeHead(req.url === '/missing.pdf' ? 404 : 200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await vscode.workspace.fs.writeFile(uri(), Buffer.from(postText(base)));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('seminarPosts', uri())
      .update('links.checkOnSave', undefined, vscode.ConfigurationTarget.Global);
    await deleteFile(uri());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('checks this post on request: a 404 paper link becomes a link-dead warning in its Problems', async () => {
    const document = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<CheckLinksResult>('seminarPosts.checkLinks', {
      scope: 'post',
      uri: uri().toString(),
    });
    assert.equal(result.links, 3, 'paper, slides and image_url');
    assert.deepEqual(result.problems, { dead: 1, signIn: 0, unchecked: 0, moved: 0 });
    const found = await waitForDiagnostics(uri(), (d) => d.some((x) => ruleId(x) === 'link-dead'), 'link-dead');
    const dead = found.filter((d) => ruleId(d) === 'link-dead');
    assert.equal(dead.length, 1, describeDiagnostics(found));
    assert.equal(dead[0]!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(dead[0]!.message, /HTTP 404 Not Found/);
    assert.equal(document.getText(dead[0]!.range), `${base}/missing.pdf`);
    assert.ok(
      hits.every((h) => /^(HEAD|GET) \/(missing|slides|thumb)\.(pdf|png)$/.test(h)),
      hits.join(', '),
    );
  });

  it('checks a post when it is saved only with links.checkOnSave on', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri()));
    const slides = `${base}/slides.pdf`;
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes(slides));
    // Inserts `to` before the slides address's `.pdf` (the last link of the line).
    const rename = async (to: string) => {
      const at = editor.document.lineAt(line).text.indexOf('.pdf)]');
      assert.ok(at > 0);
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(line, at), to)));
      // On a loaded machine VS Code may abort a slow save participant of another extension and
      // fail the save; saving again is what a person would do.
      let saved = false;
      for (let i = 0; i < 3 && !saved; i++) saved = await editor.document.save();
      assert.ok(saved, `could not save the post (dirty ${editor.document.isDirty})`);
    };
    // Off (the default): a save asks nothing...
    await rename('-v1');
    // ...on: a save checks the post (the paper's 404 comes again with the new slides address).
    await vscode.workspace
      .getConfiguration('seminarPosts', uri())
      .update('links.checkOnSave', true, vscode.ConfigurationTarget.Global);
    await rename('-v2');
    await requested('/slides-v1-v2.pdf', 'the check of the saved post');
    assert.ok(
      !hits.some((h) => h.endsWith('/slides-v1.pdf')),
      `the save with checkOnSave off asked nothing; asked: ${hits.join(', ')}`,
    );
    const found = await waitForDiagnostics(
      uri(),
      (d) => d.filter((x) => ruleId(x) === 'link-dead').length === 1,
      'link-dead after the save',
    );
    assert.match(found.find((d) => ruleId(d) === 'link-dead')!.message, /missing\.pdf/);
  });
});
