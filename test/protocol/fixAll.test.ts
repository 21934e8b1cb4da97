/**
 * The editor and the CI agree on "fix all", end to end: every real corpus post goes through the
 * language server process (`source.fixAll.seminarPosts`, resolved, its edit applied) and through
 * the bundled CLI's `lint --fix`, and the two texts must be identical. (The property test
 * `test/unit/property/fixEquivalence.test.ts` does the same in one process for generated posts.)
 * Skipped, saying so, where `../shared/corpus` is absent.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusAvailable, corpusPosts, CLI, requireCorpus } from '../support/paths';
import { LspClient } from './support/lspClient';
import { makeSite, type TempSite } from './support/site';

const FIX_ALL = 'source.fixAll.seminarPosts';

describe("language server: fix all agrees with the CLI's --fix", function () {
  this.timeout(180_000);
  let site: TempSite | undefined;
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.stop();
    site?.remove();
  });

  it('on every corpus post, published and draft', async function () {
    if (!corpusAvailable()) requireCorpus(this);
    const { published, drafts } = corpusPosts();
    // One folder per post under _posts/ (drafts share names): both sides see every post of the site.
    const posts = [...published, ...drafts].map((file, i) => ({
      folder: `_posts/${String(i).padStart(2, '0')}`,
      name: path.basename(file),
      text: fs.readFileSync(file, 'utf8'),
    }));
    site = makeSite(Object.fromEntries(posts.map((p) => [`${p.folder}/${p.name}`, p.text])));

    client = await LspClient.start({ folders: [site.uri()] });
    await client.waitForStatus((s) => s.state === 'ready' && s.posts === posts.length);
    const fromEditor: string[] = [];
    for (const post of posts) {
      const uri = site.uri(`${post.folder}/${post.name}`);
      const text = post.text.replace(/^\ufeff/, '');
      await client.open(uri, text);
      await client.diagnosticsAt(uri, 1);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const [action] = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: whole,
        context: { diagnostics: [], only: [FIX_ALL] },
      });
      let fixed = text;
      if (action) {
        const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', action);
        const edits = (resolved.edit?.documentChanges ?? []).flatMap(
          (change) => (change as TextDocumentEdit).edits as TextEdit[],
        );
        fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
      }
      fromEditor.push(fixed);
      await client.close(uri);
    }

    const cli = spawnSync(process.execPath, [CLI, 'lint', '--fix', '--locale', 'en', '_posts'], {
      cwd: site.dir,
      encoding: 'utf8',
    });
    assert.ok(cli.status === 0 || cli.status === 1, `the CLI failed: ${cli.stderr}`);
    let fixedSome = 0;
    posts.forEach((post, i) => {
      const left = fs.readdirSync(path.join(site!.dir, post.folder)).filter((name) => !name.startsWith('.'));
      assert.equal(left.length, 1, `${post.folder}: ${left.join(', ')}`);
      const fromCli = fs.readFileSync(path.join(site!.dir, post.folder, left[0]!), 'utf8').replace(/^\ufeff/, '');
      assert.equal(
        fromEditor[i],
        fromCli,
        `${post.folder}/${post.name}: the editor's Fix All and the CLI's --fix differ`,
      );
      if (fromCli !== post.text.replace(/^\ufeff/, '')) fixedSome++;
    });
    assert.ok(fixedSome > 0, 'no corpus post had anything to fix: the comparison proved nothing');
  });
});
