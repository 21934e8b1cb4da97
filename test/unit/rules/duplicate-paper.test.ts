/**
 * `duplicate-paper` with a workspace: a paper already presented in another post is noted as info,
 * naming the post and the presenter, through the `WorkspaceView` the language server's index (or
 * the CLI, per site) provides. Here a small fake one stands in for the index.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { resolveConfig } from '../../../server/src/core/config/config';
import { lintPost } from '../../../server/src/core/engine/engine';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { duplicatePaper } from '../../../server/src/core/rules/duplicate-paper';
import { paperTitleKey, type IndexedPaper, type WorkspaceView } from '../../../server/src/core/workspace';

const THIS = 'file:///site/_posts/2020-10-08-4th_quarter.md';

function fakeWorkspace(papers: IndexedPaper[]): WorkspaceView & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    papersWithTitle: (key, except) => {
      asked.push(key);
      return papers.filter((p) => p.uri !== except && paperTitleKey(p.title) === key);
    },
  };
}

const paper = (over: Partial<IndexedPaper>): IndexedPaper => ({
  uri: 'file:///site/_posts/2020-07-02-3rd_quarter.md',
  fileName: '2020-07-02-3rd_quarter.md',
  postTitle: '2020_3rd_quarter',
  title: 'Unsupervised Cross-Modal Alignment of Speech and Text Embedding Spaces',
  presenter: '강진구',
  line: 9,
  ...over,
});

function lint(text: string, workspace: WorkspaceView | undefined, locale: 'en' | 'ko' = 'en') {
  return lintPost(parsePost(text, THIS, 1), {
    rules: [duplicatePaper],
    config: resolveConfig(),
    site: undefined,
    workspace,
    locale,
    today: '2026-01-01',
  });
}

const POST =
  '# Unsupervised cross-modal alignment of speech and text embedding spaces\n## A, 2018\n\n# Self-training with Noisy Student\n## B, 2020\n';

describe('duplicate-paper across the workspace', () => {
  it('notes, as info, a paper presented in another post, with the post and the presenter', () => {
    const workspace = fakeWorkspace([paper({})]);
    const [d, ...rest] = lint(POST, workspace);
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, DiagnosticSeverity.Information);
    assert.equal(
      d!.message,
      'Expected a paper new to the blog, found it also presented in `2020_3rd_quarter` by 강진구',
    );
    assert.deepEqual(d!.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 72 } });
    assert.equal(
      lint(POST, workspace, 'ko')[0]!.message,
      '블로그에 처음 소개되는 논문이 필요하지만 `2020_3rd_quarter`에서 강진구 님도 발표했습니다',
    );
    assert.deepEqual(workspace.asked, [
      paperTitleKey('Unsupervised Cross-Modal Alignment of Speech and Text Embedding Spaces'),
      paperTitleKey('Self-training with Noisy Student'),
      paperTitleKey('Unsupervised Cross-Modal Alignment of Speech and Text Embedding Spaces'),
      paperTitleKey('Self-training with Noisy Student'),
    ]);
  });

  it('names the file when the other post has no title, and leaves out an unknown presenter', () => {
    const [d] = lint(POST, fakeWorkspace([paper({ postTitle: undefined, presenter: undefined })]));
    assert.equal(
      d!.message,
      'Expected a paper new to the blog, found it also presented in `2020-07-02-3rd_quarter.md`',
    );
  });

  it('does not count the post itself, and says nothing without a workspace', () => {
    assert.deepEqual(lint(POST, fakeWorkspace([paper({ uri: THIS })])), []);
    assert.deepEqual(lint(POST, undefined), []);
  });

  it('reports a paper twice in the post as a warning, once, on the later title', () => {
    const twice = `${POST}\n# UNSUPERVISED Cross-Modal Alignment of *Speech* and Text Embedding Spaces!\n## C, 2018\n`;
    const out = lint(twice, fakeWorkspace([paper({})]));
    assert.deepEqual(
      out.map((d) => [d.range.start.line, d.severity]),
      [
        [0, DiagnosticSeverity.Information],
        [6, DiagnosticSeverity.Warning],
      ],
    );
    assert.match(
      out[1]!.message,
      /found `UNSUPERVISED Cross-Modal Alignment of Speech and Text Embedding Spaces!` again \(first on line 1\)/,
    );
  });
});
