/**
 * The editor and the CI agree on "fix all": the same post, written into a Jekyll site on disk, goes
 * through the CLI's `lint --fix` (its `runCli`, in this process) and through the language server's
 * Fix All (the post service and editor features as the server composes them, `codeAction` then
 * `codeAction/resolve`, the edit applied); the two texts must be identical. Over every post of the
 * real corpus (`../shared/corpus`, skipped with a note where it is absent), corpus posts mutated,
 * and posts generated from the format's grammar (`test/support/postArbitraries.ts`).
 *
 * The CLI may also rename the file (`filename-format`'s safe fix); the editor's Fix All never does,
 * as it runs unattended on save. The texts must agree all the same.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { runCli } from '../../../server/src/cli/main';
import { FIX_ALL_KIND, type WorkspaceEditSupport } from '../../../server/src/core/features/codeActions';
import { summarizePost, WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex';
import { RULES } from '../../../server/src/core/rules';
import { applyEdits } from '../../../server/src/core/text/edits';
import { createServerServices } from '../../../server/src/lsp/session';
import { pathToUri, toCorePath } from '../../../server/src/node/nodeHost';
import { corpusCases } from '../../support/corpusCases';
import { requireCorpus } from '../../support/paths';
import { generatedPost, mutatedPost, type PostCase } from '../../support/postArbitraries';

const scale = Number(process.env.FUZZ_RUNS || 1);
const seedSetting = process.env.FUZZ_SEED ?? '20261206';
const replay = seedSetting === 'random' ? {} : { seed: Number(seedSetting), path: process.env.FUZZ_PATH };

/** VS Code's workspace edit support: versioned edits, renames, snippets, and resolving an action's edit. */
const VSCODE: WorkspaceEditSupport = {
  documentChanges: true,
  renameFiles: true,
  snippetEdits: true,
  resolveEdit: true,
};

let root: string;
let posts: string;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-fix-equivalence-'));
  fs.writeFileSync(path.join(root, '_config.yml'), 'theme: minima\n');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'assets', 'a.png'), '');
  posts = path.join(root, '_posts');
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

/** Writes the case as the only post of the site; returns its path and the text an editor would read. */
function writePost(c: PostCase): { file: string; text: string } {
  fs.rmSync(posts, { recursive: true, force: true });
  fs.mkdirSync(posts);
  const file = path.join(posts, c.fileName);
  fs.writeFileSync(file, c.text);
  // What was written, as UTF-8 decodes it (a lone surrogate does not survive), without a byte order mark.
  return { file, text: fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '') };
}

/** The CLI's `lint --fix` on `file`: the post's text afterwards (under its new name, if renamed). */
async function fixWithCli(file: string): Promise<{ text: string; fileName: string }> {
  const io = {
    stdout: () => undefined,
    stderr: (text: string) => void (errors += text),
    cwd: root,
    env: {},
    color: false,
  };
  let errors = '';
  await runCli(['lint', '--fix', '--locale', 'en', file], io);
  const left = fs.readdirSync(posts).filter((name) => !name.startsWith('.'));
  assert.equal(left.length, 1, `the CLI left ${left.join(', ')} (${errors})`);
  return { text: fs.readFileSync(path.join(posts, left[0]!), 'utf8').replace(/^\ufeff/, ''), fileName: left[0]! };
}

/** The server's Fix All on the open document `file` with `text`: the text after its edit. */
function fixWithEditor(file: string, text: string): string {
  const index = new WorkspaceIndex();
  const { service, features } = createServerServices(RULES, () => 'en', index);
  const uri = pathToUri(file);
  const setup = service.setupFor(toCorePath(file));
  const post = service.parseForEditing(uri, 1, text);
  index.update(summarizePost(post));
  const diagnostics = service.lint({ post, setup });
  const [action] = features.codeActions(
    { post, setup },
    { contextDiagnostics: [], diagnostics, only: [FIX_ALL_KIND], support: VSCODE },
  );
  if (!action) return text;
  assert.equal(action.edit, undefined, 'the fix-all edit waits for codeAction/resolve');
  const resolved = features.resolveCodeAction({ post, setup }, action, { diagnostics, support: VSCODE });
  return applyEdits(text, editsOf(resolved, uri), post.lines);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.documentChanges ?? [];
  assert.ok(
    changes.every((change) => 'textDocument' in change),
    "the editor's Fix All renames nothing",
  );
  return changes.filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits);
}

async function checkSameFixes(c: PostCase): Promise<void> {
  const { file, text } = writePost(c);
  const editor = fixWithEditor(file, text);
  const cli = await fixWithCli(file);
  assert.equal(
    editor,
    cli.text,
    `the editor's Fix All and the CLI's --fix differ on ${c.fileName}${cli.fileName === c.fileName ? '' : ` (renamed to ${cli.fileName})`}: ${JSON.stringify(text.slice(0, 600))}`,
  );
}

const run = (arbitrary: fc.Arbitrary<PostCase>, numRuns: number) =>
  fc.assert(fc.asyncProperty(arbitrary, checkSameFixes), { numRuns: Math.round(numRuns * scale), ...replay });

describe("property: the editor's Fix All and the CLI's --fix give the same text", function () {
  this.timeout(300_000);
  const corpus = corpusCases();

  it('on every corpus post', async function () {
    if (!corpus.length) requireCorpus(this);
    for (const c of corpus) await checkSameFixes(c);
  });

  it('on corpus posts, mutated (100 posts)', async function () {
    if (!corpus.length) requireCorpus(this);
    await run(mutatedPost(corpus), 100);
  });

  it('on posts generated from the grammar (300 posts)', async () => {
    await run(generatedPost, 300);
  });
});
