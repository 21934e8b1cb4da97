/**
 * "Fill from paper link" in the real VS Code, against an arXiv API served by a local server on
 * 127.0.0.1 (`seminarPosts.endpoints.arxiv` points at it): the code lens on a section left as the
 * snippet wrote it, its command writing the title and authors, the quick fix, and completion of
 * the title line from the kept paper without a second request.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { discardPost } from './support/editing';
import { GOOD_POST, siteUri } from './support/site';

/**
 * The post each test writes for itself (a copy of the good post), deleted after it; a new name
 * each time, so that no test meets the document of the one before.
 */
let POST = '';
let written = 0;

/** Writes {@link POST}: the good post, dated in the next quarter. */
async function writeTestPost(): Promise<void> {
  const good = Buffer.from(await vscode.workspace.fs.readFile(siteUri(GOOD_POST))).toString('utf8');
  const text = good.replace('date: 2021-01-07', 'date: 2021-04-01').replace('"2021_1st_quarter"', '"2021_2nd_quarter"');
  POST = `_posts/2021-04-01-fill-${++written}.md`;
  await vscode.workspace.fs.writeFile(siteUri(POST), Buffer.from(text, 'utf8'));
}

const ATOM = fs.readFileSync(
  path.join(__dirname, '..', '..', 'fixtures', 'paper', 'arxiv-1512.03385.atom.xml'),
  'utf8',
);
const SECTION = [
  '',
  '# Paper title',
  '## Authors, Venue',
  '### 발표자: 김테스트 [[paper link](https://arxiv.org/abs/1512.03385), [presentation material](https://example.org/slides/resnet.pdf)]',
  '- 잔차 연결로 깊은 네트워크를 학습한다',
  '',
].join('\n');

/** Resolves with the lenses of `uri` once `until` accepts them (VS Code asks the server again after each change). */
async function lensesUntil(uri: vscode.Uri, until: (lenses: vscode.CodeLens[]) => boolean): Promise<vscode.CodeLens[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const lenses =
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    if (until(lenses) || Date.now() > deadline) return lenses;
    // The server's analysis of the newest version: wait for the next diagnostics of the document.
    await new Promise<void>((resolve) => {
      const listener = vscode.languages.onDidChangeDiagnostics(() => {
        listener.dispose();
        resolve();
      });
      setTimeout(() => {
        listener.dispose();
        resolve();
      }, 500);
    });
  }
}

describe('Fill from paper link', () => {
  let server: http.Server;
  let base = '';
  let requests: string[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list');
      res
        .writeHead(200, { 'content-type': 'application/atom+xml' })
        .end(id === '1512.03385' ? ATOM : '<feed xmlns="http://www.w3.org/2005/Atom"/>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    await vscode.workspace
      .getConfiguration('seminarPosts')
      .update('endpoints.arxiv', base, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('seminarPosts')
      .update('endpoints.arxiv', undefined, vscode.ConfigurationTarget.Workspace);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(writeTestPost);

  afterEach(async () => {
    await discardPost(siteUri(POST));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('fills a section from an arXiv link: code lens, quick fix, command, then completion from the kept paper', async () => {
    requests = [];
    const document = await vscode.workspace.openTextDocument(siteUri(POST));
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, SECTION)));
    const titleLine = document.getText().split('\n').indexOf('# Paper title');

    const lenses = await lensesUntil(document.uri, (found) => found.some((l) => l.range.start.line === titleLine));
    const lens = lenses.find((l) => l.range.start.line === titleLine);
    assert.ok(
      lens?.command,
      `no lens on line ${titleLine + 1}: ${JSON.stringify(lenses.map((l) => [l.range.start.line, l.command?.title]))}`,
    );
    assert.equal(lens.command.command, 'seminarPosts.fillFromPaperLink');
    assert.equal(lenses.length, 1, 'a lens on a finished section');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(titleLine + 1, 3, titleLine + 1, 3),
    );
    const fix = actions.find((a) => a.command?.command === 'seminarPosts.fillFromPaperLink');
    assert.ok(fix, `no quick fix on the authors line: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.equal(requests.length, 0, 'a lens or a quick fix asked the network');

    const outcome = await vscode.commands.executeCommand<{ filled: boolean; reason?: string }>(
      lens.command.command,
      ...((lens.command.arguments ?? []) as unknown[]),
    );
    assert.ok(outcome?.filled, `not filled: ${outcome?.reason}`);
    const lines = document.getText().split('\n');
    assert.equal(lines[titleLine], '# Deep Residual Learning for Image Recognition');
    assert.equal(lines[titleLine + 1], '## Kaiming He et al., arXiv 2015');
    assert.deepEqual(requests, ['/api/query?id_list=1512.03385&max_results=1']);

    // A second leftover section on the same paper: completion offers the kept title, with no request.
    const end2 = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end2, SECTION.replace('# Paper title', '# '))));
    const second = document.lineCount - SECTION.split('\n').length + 1;
    assert.equal(document.lineAt(second).text, '# ');
    await lensesUntil(document.uri, (found) => found.some((l) => l.range.start.line === second));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(second, 2),
    );
    const item = list.items.find(
      (i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Deep Residual Learning for Image Recognition',
    );
    assert.ok(
      item,
      `no title completion: ${list.items
        .slice(0, 10)
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label))
        .join(' | ')}`,
    );
    assert.equal(requests.length, 1, 'completion asked the network');
  });
});
