/**
 * What a new author met on a first real post (issue 14), through the real server process: the
 * editor's Fix All renames a misspelled key instead of adding a second one, and gives the thumbnail
 * the address it gives the image; quick fixes where a Markdown image stands and where the slides
 * link is missing; two posts of one quarter reported from the workspace index.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const POST = '_posts/2020-04-02-2nd_quarter.md';
const GOOD = postText('2020-04-02', [{ title: 'Attention Is All You Need', presenter: '김하늘' }]);
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function applyEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit, 'the action has an edit');
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) edits.push(...((change as TextDocumentEdit).edits as TextEdit[]));
  for (const list of Object.values(edit.changes ?? {})) edits.push(...list);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

describe('language server: a first real post (issue 14)', function () {
  let client: LspClient;
  let site: TempSite;

  const actions = (uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]) =>
    client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    });

  /** Opens `text`, applies Fix All, and returns the fixed text with its diagnostics. */
  async function fixAll(uri: string, text: string): Promise<{ text: string; after: Diagnostic[] }> {
    await client.open(uri, text);
    await client.diagnosticsAt(uri, 1);
    const offered = await actions(uri, WHOLE, [], ['source.fixAll.seminarPosts']);
    assert.equal(offered.length, 1, JSON.stringify(offered));
    // The edit is made on codeAction/resolve (issue 18), as VS Code asks for it.
    const resolved = offered[0]!.edit
      ? offered[0]!
      : await client.connection.sendRequest<CodeAction>('codeAction/resolve', offered[0]);
    const fixed = applyEdit(text, uri, resolved.edit);
    await client.change(uri, 2, [{ text: fixed }]);
    return { text: fixed, after: await client.diagnosticsAt(uri, 2) };
  }

  afterEach(async () => {
    await client?.stop();
    site?.remove();
  });

  it('Fix All renames `comment` to `comments` and adds no second key', async () => {
    const broken = GOOD.replace('comments: true', 'comment: true');
    site = makeSite({ [POST]: broken });
    client = await LspClient.start({ folders: [site.uri()] });
    const uri = site.uri(POST);
    await client.open(uri, broken);
    const before = await client.diagnosticsAt(uri, 1);
    const typo = before.find((d) => d.code === 'unknown-field')!;
    const offered = (await actions(uri, typo.range, [typo])).filter((a) => a.kind === 'quickfix').map((a) => a.title);
    assert.ok(offered.includes('Rename to `comments`'), offered.join(', '));
    await client.close(uri);

    const { text, after } = await fixAll(uri, broken);
    assert.equal(text, GOOD);
    assert.deepEqual(after, []);
  });

  it('Fix All takes the thumbnail from the first image as the image fix writes it', async () => {
    const blob = 'https://github.com/lab/lab.github.io/blob/master/assets/a.png';
    const raw = 'https://github.com/lab/lab.github.io/raw/master/assets/a.png';
    const broken = GOOD.replace(/^image_url: .*\n/m, '').replace(
      'https://user-images.githubusercontent.com/1/0.png',
      blob,
    );
    site = makeSite({ [POST]: broken });
    client = await LspClient.start({ folders: [site.uri()] });
    const uri = site.uri(POST);
    const { text, after } = await fixAll(uri, broken);
    assert.ok(text.includes(`image_url: ${raw}\n`), text);
    assert.ok(text.includes(`<img src="${raw}" width="450">`), text);
    assert.deepEqual(
      after.map((d) => d.code),
      [],
    );
  });

  it('reports a `/blob/` thumbnail, with the `/raw/` address as its quick fix', async () => {
    const blob = 'https://github.com/lab/lab.github.io/blob/master/assets/a.png';
    const broken = GOOD.replace(/^image_url: .*$/m, `image_url: ${blob}`);
    site = makeSite({ [POST]: broken });
    client = await LspClient.start({ folders: [site.uri()] });
    const uri = site.uri(POST);
    await client.open(uri, broken);
    const found = (await client.diagnosticsAt(uri, 1)).filter((d) => d.code === 'image-src');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.range.start.line, 4);
    const offered = (await actions(uri, found[0]!.range, found)).filter((a) => a.kind === 'quickfix');
    assert.equal(offered[0]!.title, 'Use the `/raw/` address');
    assert.match(
      applyEdit(broken, uri, offered[0]!.edit),
      /^image_url: https:\/\/github\.com\/lab\/lab\.github\.io\/raw\/master\/assets\/a\.png$/m,
    );
  });

  it('reports a second post of the quarter from the workspace index, and drops it once the other post is gone', async () => {
    const first = '_posts/2021-01-07-1st_quarter.md';
    const second = '_posts/2021-02-04-1st_quarter.md';
    site = makeSite({
      [first]: postText('2021-01-07', [{ title: 'An Image is Worth 16x16 Words', presenter: '김하늘' }]),
      '_posts/2021-04-01-2nd_quarter.md': postText('2021-04-01', [{ title: 'Swin Transformer', presenter: '박구름' }]),
    });
    client = await LspClient.start({ folders: [site.uri()] });
    await client.waitForStatus((s) => s.state === 'ready' && s.posts === 2);
    const text = postText('2021-02-04', [{ title: 'Training data-efficient image transformers', presenter: '이바다' }]);
    site.write(second, text);
    const uri = site.uri(second);
    await client.open(uri, text);
    const found = (await client.diagnosticsAt(uri, 1)).filter((d) => d.code === 'duplicate-quarter');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.message]),
      [[3, 'Expected one post for 2021_1st_quarter, found `2021-01-07-1st_quarter.md` too: Jekyll publishes both']],
    );

    // The author deletes the first post: the warning goes without an edit of this one.
    fs.rmSync(path.join(site.dir, first));
    const cleared = client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'duplicate-quarter'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: site.uri(first), type: 3 }],
    });
    assert.deepEqual(
      (await cleared).filter((d) => d.code === 'duplicate-quarter'),
      [],
    );
  });

  it("offers the slides link (as a snippet, the cursor in its address) or the blog's words for slides that will not come", async () => {
    const text = GOOD.replace(', [presentation material](https://example.com/0.pdf)', '');
    site = makeSite({ [POST]: text });
    client = await LspClient.start({
      folders: [site.uri()],
      capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } },
    });
    const uri = site.uri(POST);
    await client.open(uri, text);
    const missing = (await client.diagnosticsAt(uri, 1)).find((d) => d.code === 'slides-link-missing')!;
    assert.ok(missing);
    const offered = (await actions(uri, missing.range, [missing])).filter((a) => a.kind === 'quickfix');
    assert.deepEqual(
      offered.slice(0, 2).map((a) => [a.title, a.isPreferred]),
      [
        ['Add the `presentation material` link', false],
        ['Write `presentation material unavailable`', false],
      ],
    );
    const line = (edit: WorkspaceEdit | undefined) => applyEdit(text, uri, edit).split('\n')[11];
    assert.equal(
      line(offered[1]!.edit),
      '### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/2001.00000), presentation material unavailable]',
    );
    const added = JSON.stringify(offered[0]!.edit);
    assert.ok(added.includes('"snippet":{"kind":"snippet","value":", [presentation material]($1)"}'), added);
    // Fix All leaves both to the author.
    assert.deepEqual(await actions(uri, WHOLE, [], ['source.fixAll.seminarPosts']), []);
  });
});
