/**
 * A lone carriage return (an old Mac line break) is a line break to the line index (as in LSP), to
 * Psych (the YAML of the front matter), to CommonMark and to kramdown (which turns every `\r` into
 * `\n`), but not to Jekyll's front matter expression, which finds lines by `\n` alone. What real
 * Jekyll 4.3.1 does with each post below was checked with `jekyll build`: see the comments.
 */
import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { linesOf } from '../../../client/src/authoring/postText';
import { unifiedDiff } from '../../../server/src/cli/diff';
import { FIX_ALL_KIND, getCodeActions } from '../../../server/src/core/features/codeActions';
import { getDocumentSymbols } from '../../../server/src/core/features/documentSymbols';
import { settleFixes } from '../../../server/src/core/fix/settleFixes';
import type { Post, Range } from '../../../server/src/core/model';
import { splitIntoChunks } from '../../../server/src/core/parse/chunks';
import { findFrontMatter } from '../../../server/src/core/parse/frontMatter';
import { guardMarkdown } from '../../../server/src/core/parse/markdownGuard';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { renderPost } from '../../../server/src/core/render/renderPost';
import { applyEdits } from '../../../server/src/core/text/edits';
import { nextLineBreak } from '../../../server/src/core/text/lineIndex';
import { lintCase } from '../../support/postProperties';

const NAME = '2020-04-02-2nd_quarter.md';
const parse = (text: string) => parsePost(text, `file:///site/_posts/${NAME}`, 1);
const textOf = (post: Post, range: Range) =>
  post.text.slice(post.lines.offsetAt(range.start), post.lines.offsetAt(range.end));
const FM =
  '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://a.b/x.png\nmathjax: true\ncomments: true\n---\n';
const SECTION = (title: string, presenter: string) =>
  `# ${title}\r## A. Author, ICML 2020\r### 발표자: ${presenter} [[paper link](https://a.b/p), [presentation material](https://a.b/s.pdf)]\r- 요약\r`;

describe('a lone carriage return', () => {
  it('ends a line for nextLineBreak as for the line index', () => {
    const text = 'a\rb\r\nc\nd';
    assert.deepEqual(nextLineBreak(text, 0), { start: 1, end: 2 });
    assert.deepEqual(nextLineBreak(text, 2), { start: 3, end: 5 });
    assert.deepEqual(nextLineBreak(text, 5), { start: 6, end: 7 });
    assert.deepEqual(nextLineBreak(text, 7), { start: 8, end: 8 });
    assert.deepEqual(parse(text).lines.lineText(1), 'b');
  });

  describe('around the front matter, as Jekyll finds it (by `\\n` alone)', () => {
    it('opens no front matter on `---` followed by a lone CR and text (Jekyll rendered it as the body)', () => {
      const post = parse('---\rlayout: post\rtitle: x\r---\r# Heading\rtext\r');
      assert.equal(post.frontMatter, undefined);
      assert.equal(findFrontMatter(post.text), undefined);
      // kramdown reads every `\r` as a line break: the `#` line is a heading.
      assert.deepEqual(
        post.sections.map((s) => [s.title.text, s.title.range.start.line]),
        [['Heading', 4]],
      );
    });

    it('opens on `---`, spaces and lone CRs up to a `\\n` (Jekyll read the front matter)', () => {
      for (const opener of ['---\r\n', '--- \r \n', '---\r\r\n']) {
        const post = parse(`${opener}layout: post\ntitle: x\n---\n# T\n`);
        assert.ok(post.frontMatter?.closed, JSON.stringify(opener));
        assert.deepEqual(
          post.frontMatter.entries.map((e) => [e.key, textOf(post, e.keyRange), e.keyRange.start.line]),
          [
            ['layout', 'layout', post.lines.lineCount - 5],
            ['title', 'title', post.lines.lineCount - 4],
          ],
          JSON.stringify(opener),
        );
        assert.equal(textOf(post, post.frontMatter.openRange).trimEnd(), '---');
      }
    });

    it('is not closed by `---` after a lone CR (Jekyll found no front matter)', () => {
      const post = parse('---\nlayout: post\ntitle: x\r---\n# T\n');
      assert.equal(post.frontMatter?.closed, false);
    });

    it('starts the body after the `\\n` of a closing line ending in lone CRs', () => {
      const post = parse('---\nlayout: post\n---\r\r\n# T\n');
      assert.ok(post.frontMatter?.closed);
      assert.equal(textOf(post, post.frontMatter.closeRange!), '---');
      assert.deepEqual(post.bodyRange.start, { line: 4, character: 0 });
      assert.deepEqual(
        post.sections.map((s) => [s.title.text, s.title.range.start.line]),
        [['T', 4]],
      );
    });
  });

  describe('inside the front matter, as Psych reads the YAML', () => {
    it('separates two keys (Jekyll read title and mathjax)', () => {
      const post = parse('---\nlayout: post\ntitle: c2\rmathjax: true\n---\n# T\n');
      const fm = post.frontMatter!;
      assert.deepEqual(fm.errors, []);
      assert.deepEqual(
        fm.entries.map((e) => [e.key, e.value, e.keyRange.start.line, textOf(post, e.valueRange)]),
        [
          ['layout', 'post', 1, 'post'],
          ['title', 'c2', 2, 'c2'],
          ['mathjax', true, 3, 'true'],
        ],
      );
    });

    it('makes `mathjax:` then `true` on the next line a syntax error on that line, with no fix that joins them', () => {
      // Jekyll: "could not find expected ':' while scanning a simple key at line 5 column 1".
      const text = `${FM.replace('mathjax: true\n', 'mathjax:\rtrue\n')}\n${SECTION('T', '홍길동')}`;
      const { post, diagnostics } = lintCase(text, NAME);
      const syntax = diagnostics.filter((d) => d.code === 'front-matter-syntax');
      assert.equal(syntax.length, 1, JSON.stringify(diagnostics));
      assert.equal(syntax[0]!.range.start.line, post.lines.lineAt(text.indexOf('true\ncomments')));
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'field-type'),
        [],
      );
    });
  });

  describe('in the body', () => {
    const body = `para\r${SECTION('First', '홍길동')}\r<p align="center">\r<img src="https://a.b/x.png" width="450" alt="x">\r</p>\r${SECTION('Second', '김철수')}`;
    const text = `${FM}\r${body}`;
    const post = parse(text);
    const lineOf = (needle: string) => post.lines.lineAt(text.indexOf(needle));

    it('splits chunks at `#` lines after a lone CR (kramdown: `</p>` then `# Second` is a heading)', () => {
      const starts = splitIntoChunks(text, post.lines.offsetAt(post.bodyRange.start)).map((c) => c.start);
      assert.deepEqual(starts.slice(1), [text.indexOf('# First'), text.indexOf('# Second')]);
    });

    it('builds sections, authors and presenter lines on the lines of the line index', () => {
      assert.deepEqual(
        post.sections.map((s) => [s.title.text, s.title.range.start.line]),
        [
          ['First', lineOf('# First')],
          ['Second', lineOf('# Second')],
        ],
      );
      const [first, second] = post.sections;
      assert.equal(first!.range.end.line, lineOf('</p>'));
      assert.equal(first!.authors?.range.start.line, lineOf('## A.'));
      assert.equal(textOf(post, second!.presenterLines[0]!.name!.range), '김철수');
      assert.equal(second!.presenterLines[0]!.range.start.line, lineOf('### 발표자: 김철수'));
      assert.equal(first!.imageBlocks.length, 1);
      assert.equal(first!.imageBlocks[0]!.range.start.line, lineOf('<p align'));
    });

    it('gives the preview `data-line`s of the line index', () => {
      const html = renderPost(post).html;
      const dataLine = (tag: string) => Number(new RegExp(`<${tag} data-line="(\\d+)"`).exec(html)?.[1]);
      assert.equal(dataLine('h1'), lineOf('# First'));
      // Headings carry kramdown's ids after their `data-line`.
      assert.match(html, new RegExp(`<h1 data-line="${lineOf('# Second')}"[^>]*>Second</h1>`));
      assert.match(html, new RegExp(`<h3 data-line="${lineOf('### 발표자: 김철수')}"[ >]`));
    });

    it('keeps a line nested too deep after a lone CR from the Markdown parser', () => {
      const guarded = guardMarkdown(`a\r${'> '.repeat(20)}x\r`);
      assert.deepEqual(
        guarded.simplified.map((s) => s.reason),
        ['nesting'],
      );
      assert.equal(guarded.simplified[0]!.start, 2);
    });
  });

  it('lets "fix all" replace only the lines it changes', () => {
    const text = `${FM}\r${SECTION('T', '홍길동')}\r<p align="center">\r<img src="https://a.b/x.png" width="450 px" alt="x">\r</p>\r\r- more\r- lines\r`;
    const { post, diagnostics } = lintCase(text, NAME);
    assert.ok(
      diagnostics.some((d) => d.code === 'image-width'),
      JSON.stringify(diagnostics),
    );
    const [action] = getCodeActions(post, {
      contextDiagnostics: [],
      diagnostics,
      only: [FIX_ALL_KIND],
      locale: 'en',
      support: { documentChanges: false, renameFiles: false, snippetEdits: false },
      settle: () => settleFixes(text, NAME, (t) => lintCase(t, NAME), { renames: false }),
    });
    const edits: TextEdit[] = action!.edit!.changes![post.uri]!;
    const imgLine = post.lines.lineAt(text.indexOf('<img'));
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.end.line]),
      [[imgLine, imgLine + 1]],
    );
    assert.equal(applyEdits(text, edits), text.replace('"450 px"', '"450"'));
  });

  it("ends a line in the outline's value of a key", () => {
    const post = parse('---\ntitle: |\r  first\r  second\n---\n');
    const [fm] = getDocumentSymbols(post, 'en');
    assert.equal(fm!.children![0]!.detail, '|');
  });

  it("ends a line in the unified diff, whose line numbers are then the line index's", () => {
    const before = 'a\rb\rc\rd\r';
    const diff = unifiedDiff(before, before.replace('c', 'C'), 'p.md', 'p.md');
    assert.equal(diff, '--- a/p.md\n+++ b/p.md\n@@ -1,4 +1,4 @@\n a\r\n b\r\n-c\r\n+C\r\n d\r\n');
  });

  it('ends a line for the editing commands, as for VS Code', () => {
    assert.deepEqual(linesOf('a\rb\r\nc\nd'), ['a', 'b', 'c', 'd']);
  });
});
