/**
 * Code actions from the real server process: a quick fix applied makes its diagnostic go, stale
 * diagnostics get no fix, "fix all" applies the safe fixes, suppression comments and file renames
 * come as workspace edits.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const GOOD = postText('2020-04-02', [{ title: 'Attention Is All You Need', presenter: '김하늘' }]);
const POST = '_posts/2020-04-02-2nd_quarter.md';
/** Two problems with safe fixes (a missing key, a misspelled title) and a body one. */
const BROKEN = GOOD.replace('comments: true\n', '').replace('"2020_2nd_quarter"', '"2020_2nd_quater"');

/** The text after applying the single-document edits of `edit` to `text`. */
function applyEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit, 'the action has an edit');
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    assert.ok('edits' in change, `unexpected resource operation ${JSON.stringify(change)}`);
    assert.equal(change.textDocument.uri, uri);
    edits.push(...(change.edits as TextEdit[]));
  }
  for (const list of Object.values(edit.changes ?? {})) edits.push(...list);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

describe('language server: code actions', function () {
  let client: LspClient;
  let site: TempSite;
  let uri: string;

  const actions = (range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]) =>
    client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    });

  beforeEach(() => {
    site = makeSite({ [POST]: BROKEN });
    uri = site.uri(POST);
  });

  afterEach(async () => {
    await client?.stop();
    site.remove();
  });

  it("offers each diagnostic's quick fix; applied, the diagnostic goes", async () => {
    client = await LspClient.start({ folders: [site.uri()] });
    await client.open(uri, BROKEN);
    const diagnostics = await client.diagnosticsAt(uri, 1);
    const missing = diagnostics.find((d) => d.code === 'required-field');
    assert.ok(missing, JSON.stringify(diagnostics));
    const offered = await actions(missing.range, [missing]);
    const fix = offered.find((a) => a.kind === 'quickfix' && a.title.startsWith('Insert `comments'));
    assert.ok(fix, offered.map((a) => a.title).join(', '));
    assert.equal(fix.isPreferred, true);
    assert.equal(
      (fix.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version,
      1,
      'edits name the version they were made for',
    );

    const fixed = applyEdit(BROKEN, uri, fix.edit);
    assert.match(fixed, /comments: true\n---/);
    await client.change(uri, 2, [{ text: fixed }]);
    const after = await client.diagnosticsAt(uri, 2);
    assert.equal(
      after.some((d) => d.code === 'required-field'),
      false,
    );
    assert.deepEqual(
      after.map((d) => d.code),
      ['title-format'],
    );
  });

  it('offers no fix for a diagnostic of an older version', async () => {
    client = await LspClient.start({ folders: [site.uri()] });
    await client.open(uri, BROKEN);
    const stale = (await client.diagnosticsAt(uri, 1)).find((d) => d.code === 'required-field')!;
    await client.change(uri, 2, [
      { range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: ' ' },
    ]);
    await client.diagnosticsAt(uri, 2);
    const offered = await actions(stale.range, [stale]);
    assert.equal(
      offered.some((a) => a.title.startsWith('Insert')),
      false,
      offered.map((a) => a.title).join(', '),
    );
  });

  it('fixes every safe problem at once with source.fixAll.seminarPosts, its edit made on codeAction/resolve', async () => {
    client = await LspClient.start({ folders: [site.uri()] });
    await client.open(uri, BROKEN);
    const before = await client.diagnosticsAt(uri, 1);
    assert.deepEqual(before.map((d) => d.code).sort(), ['required-field', 'title-format']);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const offered = await actions(whole, [], ['source.fixAll.seminarPosts']);
    assert.equal(offered.length, 1, JSON.stringify(offered));
    assert.equal(offered[0]!.kind, 'source.fixAll.seminarPosts');
    assert.equal(offered[0]!.title, 'Fix all seminar-post problems');
    assert.equal(offered[0]!.edit, undefined, 'the edit waits for codeAction/resolve');
    const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', offered[0]);
    assert.equal(resolved.data, undefined);
    const fixed = applyEdit(BROKEN, uri, resolved.edit);
    await client.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual(await client.diagnosticsAt(uri, 2), []);
    assert.equal(
      fixed,
      GOOD.replace('comments: true\n', '').replace('mathjax: true\n', 'mathjax: true\ncomments: true\n'),
    );
    assert.deepEqual(await actions(whole, [], ['source.fixAll.seminarPosts']), [], 'nothing left to fix');
  });

  it('computes the fix-all edit at once for a client that cannot resolve it, the same fixes', async () => {
    client = await LspClient.start({
      folders: [site.uri()],
      capabilities: { textDocument: { codeAction: { resolveSupport: { properties: [] } } } },
    });
    await client.open(uri, BROKEN);
    await client.diagnosticsAt(uri, 1);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll] = await actions(whole, [], ['source.fixAll.seminarPosts']);
    assert.ok(fixAll?.edit, JSON.stringify(fixAll));
    assert.equal(
      applyEdit(BROKEN, uri, fixAll.edit),
      GOOD.replace('comments: true\n', '').replace('mathjax: true\n', 'mathjax: true\ncomments: true\n'),
    );
  });

  it('resolves fix all on the post as it is when the action is applied', async () => {
    client = await LspClient.start({ folders: [site.uri()] });
    await client.open(uri, BROKEN);
    await client.diagnosticsAt(uri, 1);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll] = await actions(whole, [], ['source.fixAll.seminarPosts']);
    // The title is fixed by hand between the light bulb and the click.
    const typed = BROKEN.replace('"2020_2nd_quater"', '"2020_2nd_quarter"');
    await client.change(uri, 2, [{ text: typed }]);
    const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', fixAll);
    assert.equal(
      (resolved.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version,
      2,
      'made for the version it applies to',
    );
    assert.equal(
      applyEdit(typed, uri, resolved.edit),
      GOOD.replace('comments: true\n', '').replace('mathjax: true\n', 'mathjax: true\ncomments: true\n'),
    );
    // A post closed meanwhile: the action resolves to nothing.
    await client.close(uri);
    const gone = await client.connection.sendRequest<CodeAction>('codeAction/resolve', fixAll);
    assert.equal(gone.edit, undefined);
  });

  it('offers to disable a rule for a body line or for the file, as suppression comments', async () => {
    const text = BROKEN.replace('# Attention', 'Intro\n\n# Attention');
    client = await LspClient.start({ folders: [site.uri()] });
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsAt(uri, 1);
    const body = diagnostics.find((d) => d.code === 'content-before-first-paper');
    const head = diagnostics.find((d) => d.code === 'title-format');
    assert.ok(body && head, JSON.stringify(diagnostics.map((d) => d.code)));

    const forBody = await actions(body.range, [body]);
    const line = forBody.find((a) => a.title === 'Disable content-before-first-paper for this line');
    assert.ok(line, forBody.map((a) => a.title).join(', '));
    const edited = applyEdit(text, uri, line.edit);
    assert.match(edited, /---\n\n<!-- seminar-posts-disable-next-line content-before-first-paper -->\nIntro\n/);

    const forHead = await actions(head.range, [head]);
    assert.equal(
      forHead.some((a) => a.title.includes('for this line')),
      false,
      'a comment line would break the front matter',
    );
    const file = forHead.find((a) => a.title === 'Disable title-format for this file');
    assert.ok(file);
    assert.match(
      applyEdit(text, uri, file.edit),
      /mathjax: true\n---\n<!-- seminar-posts-disable-file title-format -->\n\nIntro\n/,
    );
  });

  it('renames the file as a workspace edit, where the client can', async () => {
    const temp = '_posts/temp.md';
    site.write(temp, GOOD);
    const tempUri = site.uri(temp);
    for (const renames of [true, false]) {
      client = await LspClient.start({
        folders: [site.uri()],
        capabilities: {
          workspace: { workspaceEdit: { documentChanges: true, resourceOperations: renames ? ['rename'] : [] } },
        },
      });
      await client.open(tempUri, GOOD);
      const format = (await client.diagnosticsAt(tempUri, 1)).find((d) => d.code === 'filename-format');
      assert.ok(format);
      const offered = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: tempUri },
        range: format.range,
        context: { diagnostics: [format] },
      });
      const rename = offered.find((a) => a.title.startsWith('Rename the file'));
      if (renames) {
        assert.ok(rename, offered.map((a) => a.title).join(', '));
        assert.deepEqual(rename.edit!.documentChanges, [
          { kind: 'rename', oldUri: tempUri, newUri: site.uri('_posts/2020-04-02-2nd_quarter.md') },
        ]);
      } else {
        assert.equal(rename, undefined, 'a client that cannot rename files is not offered a rename');
      }
      await client.stop();
    }
  });

  it('titles actions in Korean for a Korean client', async () => {
    client = await LspClient.start({ folders: [site.uri()], locale: 'ko' });
    await client.open(uri, BROKEN);
    const missing = (await client.diagnosticsAt(uri, 1)).find((d) => d.code === 'required-field')!;
    const titles = (await actions(missing.range, [missing])).map((a) => a.title);
    assert.ok(
      titles.some((t) => t.startsWith('`comments') && t.endsWith('넣기')),
      titles.join(', '),
    );
    assert.ok(titles.includes('이 파일에서 required-field 끄기'), titles.join(', '));
    assert.ok(titles.includes('세미나 글의 문제 모두 고치기'), titles.join(', '));
  });
});
