import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { resolveConfig } from '../../../server/src/core/config/config';
import { lintPost } from '../../../server/src/core/engine/engine';
import type { DiagnosticData } from '../../../server/src/core/engine/rule';
import {
  FIX_ALL_KIND,
  getCodeActions,
  resolveFixAll,
  siblingUri,
  type CodeActionOptions,
  type WorkspaceEditSupport,
} from '../../../server/src/core/features/codeActions';
import { settleFixes } from '../../../server/src/core/fix/settleFixes';
import type { Post } from '../../../server/src/core/model';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { RULES } from '../../../server/src/core/rules';
import { examplePost, SAMPLE_FRONT_MATTER } from '../../../server/src/core/rules/support/examples';
import { applyEdits } from '../../../server/src/core/text/edits';
import { TEST_TODAY } from '../../support/lint';

const VSCODE: WorkspaceEditSupport = { documentChanges: true, renameFiles: true, snippetEdits: true };
const PLAIN: WorkspaceEditSupport = { documentChanges: false, renameFiles: false, snippetEdits: false };

function lint(post: Post): Diagnostic[] {
  return lintPost(post, { rules: RULES, config: resolveConfig(), site: undefined, locale: 'en', today: TEST_TODAY });
}

/** "Fix all" over `post` as the editor runs it: the core's settleFixes, no renames. */
function settle(post: Post) {
  return () =>
    settleFixes(post.text, post.fileName, (text) => ({ diagnostics: lint(parsePost(text, post.uri, post.version)) }), {
      renames: false,
    });
}

function actionsFor(post: Post, diagnostics: Diagnostic[], options: Partial<CodeActionOptions> = {}): CodeAction[] {
  return getCodeActions(post, {
    contextDiagnostics: diagnostics,
    diagnostics: lint(post),
    only: undefined,
    locale: 'en',
    support: VSCODE,
    settle: settle(post),
    ...options,
  });
}

function editsOf(action: CodeAction): TextEdit[] {
  const edit = action.edit!;
  if (edit.changes) return Object.values(edit.changes).flat();
  return edit.documentChanges!.flatMap((change) => ('edits' in change ? change.edits : []));
}

const BROKEN = examplePost(
  SAMPLE_FRONT_MATTER.filter((l) => !l.startsWith('comments')).map((l) => l.replace('quarter', 'quater')),
);

describe('code actions', () => {
  it('turns each fix of a diagnostic into a quick fix with a versioned edit', () => {
    const post = parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 7);
    const missing = lint(post).find((d) => d.code === 'required-field')!;
    const [fix] = actionsFor(post, [missing]);
    assert.equal(fix!.kind, 'quickfix');
    assert.equal(fix!.isPreferred, true);
    assert.deepEqual(fix!.diagnostics, [missing]);
    assert.equal((fix!.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 7);
    assert.match(applyEdits(BROKEN, editsOf(fix!)), /mathjax: true\ncomments: true\n---/);
  });

  it('uses plain `changes` for a client without versioned edits', () => {
    const post = parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    const missing = lint(post).find((d) => d.code === 'required-field')!;
    const [fix] = actionsFor(post, [missing], { support: PLAIN });
    assert.deepEqual(Object.keys(fix!.edit!.changes!), [post.uri]);
  });

  it('offers nothing from a diagnostic of another version', () => {
    const old = lint(parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1)).find(
      (d) => d.code === 'required-field',
    )!;
    const post = parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 2);
    assert.deepEqual(
      actionsFor(post, [old]).filter((a) => a.title.startsWith('Insert')),
      [],
    );
  });

  it('finds the fixes of a diagnostic sent back without its data', () => {
    const post = parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    const bare = { ...lint(post).find((d) => d.code === 'required-field')! };
    delete bare.data;
    assert.ok(actionsFor(post, [bare]).some((a) => a.title.startsWith('Insert')));
  });

  it('sends a snippet as a snippet edit where the client takes one, as plain text elsewhere', () => {
    const post = parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    const snippet: Diagnostic = {
      range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } },
      message: 'm',
      source: 'seminar-posts',
      code: 'x',
      data: {
        ruleId: 'x',
        version: 1,
        fixes: [
          {
            title: 'Insert authors',
            safe: false,
            snippet: true,
            edits: [
              {
                range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } },
                newText: '## ${1:Authors}\n',
              },
            ],
          },
        ],
      } satisfies DiagnosticData,
    };
    const [withSnippets] = actionsFor(post, [snippet]);
    assert.deepEqual((withSnippets!.edit!.documentChanges![0] as TextDocumentEdit).edits[0], {
      range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } },
      snippet: { kind: 'snippet', value: '## ${1:Authors}\n' },
    });
    const [plain] = actionsFor(post, [snippet], { support: PLAIN });
    assert.equal(editsOf(plain!)[0]!.newText, '## Authors\n');
  });

  it('renames the file only for a client that can, in the same folder', () => {
    const post = parsePost(examplePost(SAMPLE_FRONT_MATTER), 'file:///site/_posts/temp.md', 1);
    const format = lint(post).find((d) => d.code === 'filename-format')!;
    const rename = actionsFor(post, [format]).find((a) => a.title.startsWith('Rename'))!;
    assert.deepEqual(rename.edit!.documentChanges, [
      { kind: 'rename', oldUri: post.uri, newUri: 'file:///site/_posts/2020-04-02-2nd_quarter.md' },
    ]);
    assert.equal(
      actionsFor(post, [format], { support: { ...VSCODE, renameFiles: false } }).some((a) =>
        a.title.startsWith('Rename'),
      ),
      false,
    );
    assert.equal(siblingUri('file:///a/b%20c/x.md', '2020 y.md'), 'file:///a/b%20c/2020%20y.md');
  });

  it('fixes every safe, non-overlapping problem at once, but renames nothing', () => {
    const post = parsePost(BROKEN, 'file:///site/_posts/temp.md', 1);
    const diagnostics = lint(post);
    assert.ok(diagnostics.some((d) => d.code === 'filename-format'));
    const [fixAll] = getCodeActions(post, {
      contextDiagnostics: [],
      diagnostics,
      only: [FIX_ALL_KIND],
      locale: 'en',
      support: VSCODE,
      settle: settle(post),
    });
    assert.equal(fixAll!.kind, FIX_ALL_KIND);
    assert.equal(
      fixAll!.edit!.documentChanges!.some((c) => 'kind' in c),
      false,
    );
    const fixed = applyEdits(BROKEN, editsOf(fixAll!));
    assert.deepEqual(
      lint(parsePost(fixed, post.uri, 2)).map((d) => d.code),
      ['filename-format'],
    );
  });

  it('leaves the fix-all edit to codeAction/resolve for a client that resolves, and computes it then', () => {
    const post = parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 4);
    const diagnostics = lint(post);
    let settled = 0;
    const counting = () => {
      settled++;
      return settle(post)();
    };
    const support = { ...VSCODE, resolveEdit: true };
    const [lazy] = getCodeActions(post, {
      contextDiagnostics: diagnostics,
      diagnostics,
      only: [FIX_ALL_KIND],
      locale: 'en',
      support,
      settle: counting,
    });
    assert.equal(lazy!.edit, undefined, 'the edit waits for codeAction/resolve');
    assert.equal(settled, 0, 'nothing was settled for the list of actions');
    assert.deepEqual(lazy!.data, { fixAll: { uri: post.uri, version: 4 } });
    const resolved = resolveFixAll(post, lazy!, { support, settle: counting });
    assert.equal(settled, 1);
    assert.equal(resolved.data, undefined);
    const [eager] = getCodeActions(post, {
      contextDiagnostics: diagnostics,
      diagnostics,
      only: [FIX_ALL_KIND],
      locale: 'en',
      support: VSCODE,
      settle: settle(post),
    });
    assert.equal(
      applyEdits(BROKEN, editsOf(resolved)),
      applyEdits(BROKEN, editsOf(eager!)),
      'resolved later or computed at once, the same fixes',
    );
    assert.notEqual(applyEdits(BROKEN, editsOf(resolved)), BROKEN);
  });

  it('answers `only` by kind: source.fixAll asks for fix all, quickfix for the rest', () => {
    const post = parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    const diagnostics = lint(post);
    const kinds = (only?: string[]) => [
      ...new Set(
        getCodeActions(post, {
          contextDiagnostics: diagnostics,
          diagnostics,
          only,
          locale: 'en',
          support: VSCODE,
          settle: settle(post),
        }).map((a) => a.kind),
      ),
    ];
    assert.deepEqual(kinds(['source.fixAll']), [FIX_ALL_KIND]);
    assert.deepEqual(kinds(['source']), [FIX_ALL_KIND]);
    assert.deepEqual(kinds(['quickfix']), ['quickfix']);
    assert.deepEqual(kinds(['refactor']), []);
    assert.deepEqual(kinds(undefined), ['quickfix', FIX_ALL_KIND]);
  });

  it('disables a rule for a body line with a comment above it, keeping its indentation', () => {
    const text = examplePost(SAMPLE_FRONT_MATTER, '  Intro\n\n# A paper\n');
    const post = parsePost(text, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    const intro = lint(post).find((d) => d.code === 'content-before-first-paper')!;
    const line = actionsFor(post, [intro]).find((a) => a.title === 'Disable content-before-first-paper for this line')!;
    assert.match(
      applyEdits(text, editsOf(line)),
      /---\n\n {2}<!-- seminar-posts-disable-next-line content-before-first-paper -->\n {2}Intro\n/,
    );
  });

  it('disables a rule for the file under the front matter, or at the top of a post without one', () => {
    const post = parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    const title = lint(post).find((d) => d.code === 'title-format')!;
    const titles = actionsFor(post, [title]).map((a) => a.title);
    assert.ok(!titles.some((t) => t.includes('for this line')), 'no comment line inside the front matter');
    const file = actionsFor(post, [title]).find((a) => a.title === 'Disable title-format for this file')!;
    assert.match(applyEdits(BROKEN, editsOf(file)), /\n---\n<!-- seminar-posts-disable-file title-format -->\n/);

    const bare = parsePost('# A paper\n', 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    const missing = lint(bare).find((d) => d.code === 'front-matter-missing')!;
    const top = actionsFor(bare, [missing]).find((a) => a.title === 'Disable front-matter-missing for this file')!;
    assert.equal(
      applyEdits('# A paper\n', editsOf(top)),
      '<!-- seminar-posts-disable-file front-matter-missing -->\n# A paper\n',
    );
  });

  it("keeps the post's line breaks", () => {
    const text = examplePost(SAMPLE_FRONT_MATTER, 'Intro\n\n# A paper\n').replace(/\n/g, '\r\n');
    const post = parsePost(text, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    const intro = lint(post).find((d) => d.code === 'content-before-first-paper')!;
    const line = actionsFor(post, [intro]).find((a) => a.title.endsWith('for this line'))!;
    assert.equal(editsOf(line)[0]!.newText, '<!-- seminar-posts-disable-next-line content-before-first-paper -->\r\n');
  });

  it('ignores diagnostics of other tools', () => {
    const post = parsePost(BROKEN, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    const other: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: 'MD041',
      source: 'markdownlint',
      code: 'MD041',
    };
    assert.deepEqual(actionsFor(post, [other]), []);
  });
});
