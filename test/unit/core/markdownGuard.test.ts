/**
 * The guard in front of the Markdown parser (`core/parse/markdownGuard.ts`): hostile lines reach
 * the parser as plain text of the same length, the post model keeps exact positions, the engine
 * says where, and normal posts pass through untouched. Whether the parse is then fast is for the
 * benchmark and the property tests' hang guard; here, what the parser is handed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  guardMarkdown,
  MAX_MARKS_PER_PARAGRAPH,
  MAX_NESTING,
  MAX_SCAN_PER_PARAGRAPH,
} from '../../../server/src/core/parse/markdownGuard';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { renderPost } from '../../../server/src/core/render/renderPost';
import { SIMPLIFIED_CODE } from '../../../server/src/core/engine/engine';
import { lintText } from '../../support/lint';
import { corpusAvailable, corpusPosts, requireCorpus } from '../../support/paths';

const FM = '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\n---\n';
const SECTION =
  '## Alice, Bob, ICML 2020\n### 발표자: 홍길동 [[paper link](https://a.b/1), [presentation material](https://a.b/2)]\n- 요약\n';

/** The most marks any paragraph of `text` holds, counted as the guard counts them. */
function heaviestParagraph(text: string): number {
  return Math.max(0, ...text.split(/\n[ \t]*\n/).map((p) => (p.match(/[*_[\]<>`\\&!~]/g) ?? []).length));
}

const HOSTILE: Record<string, string> = {
  'emphasis marks': `# T\n${SECTION}${'*_'.repeat(20_000)}\n`,
  'unclosed comments on a heading': `# ${'<!--'.repeat(5_000)}\n${SECTION}`,
  'links never closed on a heading': `# ${'[a]('.repeat(5_000)}\n${SECTION}`,
  'CDATA openers on a heading': `# T\n### ${'<![CDATA['.repeat(3_000)}\n`,
  'a long paragraph of marks over many lines': `# T\n${SECTION}${'a *b_ [c\n'.repeat(2_000)}`,
};

describe('Markdown guard', () => {
  it('hands a normal post to the parser as it is', () => {
    const text = `${FM}# Paper\n${SECTION}- $$L_1$$ and *emphasis* and [a](b)\n\n<p align="center">\n  <img src="x.png">\n</p>\n`;
    const guarded = guardMarkdown(text);
    assert.equal(guarded.text, text);
    assert.deepEqual(guarded.simplified, []);
  });

  it('hands every corpus post to the parser as it is', function () {
    if (!corpusAvailable()) requireCorpus(this);
    const { published, drafts } = corpusPosts();
    for (const file of [...published, ...drafts]) {
      const text = fs.readFileSync(file, 'utf8');
      assert.equal(guardMarkdown(text).text, text, file);
      assert.deepEqual(parsePost(text, `file://${file}`, 1).simplified, [], file);
    }
  });

  for (const [name, body] of Object.entries(HOSTILE)) {
    it(`${name}: the parser sees plain text of the same length, under the limit`, () => {
      const guarded = guardMarkdown(body);
      assert.equal(guarded.text.length, body.length);
      assert.ok(guarded.simplified.length > 0, 'nothing simplified');
      assert.ok(
        heaviestParagraph(guarded.text) <= MAX_MARKS_PER_PARAGRAPH,
        `a paragraph of ${heaviestParagraph(guarded.text)} marks reaches the parser`,
      );
      // Line breaks and heading marks stay where they were.
      assert.deepEqual(
        guarded.text.split('\n').map((l) => /^#*/.exec(l)![0]),
        body.split('\n').map((l) => /^#*/.exec(l)![0]),
      );
    });
  }

  it('simplifies only the heaviest lines of a paragraph, and keeps list markers', () => {
    const body = `- normal *bullet*\n- ${'*_'.repeat(1_000)}\n- another [link](u)\n`;
    const guarded = guardMarkdown(body);
    const lines = guarded.text.split('\n');
    assert.equal(lines[0], '- normal *bullet*');
    assert.match(lines[1]!, /^- x+$/);
    assert.equal(lines[2], '- another [link](u)');
    assert.deepEqual(
      guarded.simplified.map((s) => s.reason),
      ['syntax'],
    );
  });

  it('simplifies the lines of unclosed `<!--` in a long paragraph, under the marks limit', () => {
    // 240 openers (480 marks, under the marks limit) before 20,000 characters: micromark scans the
    // rest of the paragraph once per opener (230 ms, found by the fuzzer with tabs).
    const openers = `a${'<!--'.repeat(240)}`;
    const body = `${openers}\n${'word word\n'.repeat(2000)}`;
    assert.ok(240 * 2 <= MAX_MARKS_PER_PARAGRAPH && 240 * body.length > MAX_SCAN_PER_PARAGRAPH);
    const guarded = guardMarkdown(body);
    const lines = guarded.text.split('\n');
    assert.match(lines[0]!, /^a[a-z]+$/);
    assert.equal(lines[1], 'word word');
    assert.deepEqual(
      guarded.simplified.map((s) => [s.start, s.end, s.reason]),
      [[0, openers.length, 'syntax']],
    );
    // A few comments, or a short paragraph, are read as written.
    for (const fine of [`a${'<!--'.repeat(10)}\n${'word word\n'.repeat(2000)}`, `a${'<!--'.repeat(240)} end\n`]) {
      assert.equal(guardMarkdown(fine).text, fine);
    }
  });

  it('simplifies lists nested deeper than the limit, markers and all', () => {
    const depth = 300;
    const body = Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n');
    const guarded = guardMarkdown(body);
    const lines = guarded.text.split('\n');
    assert.equal(lines[0], '- a');
    assert.equal(lines[depth - 1], `${' '.repeat((depth - 1) * 2)}x a`);
    assert.deepEqual(
      guarded.simplified.map((s) => s.reason),
      ['nesting'],
    );
    assert.ok(
      lines.every((line) => !/^ *- /.test(line) || line.indexOf('-') / 2 + 1 <= MAX_NESTING),
      'a line nested past the limit reaches the parser',
    );
  });

  it("keeps the post model's positions exact around simplified lines", () => {
    const text = `${FM}# ${'<!--'.repeat(2_000)}\n${SECTION}`;
    const post = parsePost(text, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
    assert.equal(post.sections.length, 1);
    const section = post.sections[0]!;
    assert.equal(section.title.content.text, '<!--'.repeat(2_000), 'the title as written');
    assert.equal(section.authors?.content.text, 'Alice, Bob, ICML 2020');
    assert.equal(section.presenterLines[0]?.name?.text, '홍길동');
    assert.deepEqual(post.simplified, [
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 8_002 } }, reason: 'syntax' },
    ]);
  });

  it('says where it simplified, once per stretch of lines, in both languages', () => {
    const text = `${FM}# T\n${SECTION}${'*_'.repeat(20_000)}\n${'*_'.repeat(20_000)}\n`;
    const simplified = lintText(text).filter((d) => d.code === SIMPLIFIED_CODE);
    assert.deepEqual(
      simplified.map((d) => [d.range.start.line, d.range.end.line, d.severity]),
      [[9, 10, 2]],
    );
    assert.match(simplified[0]!.message, /read these lines as plain text.*2 lines simplified/);
    assert.match(
      lintText(text, { locale: 'ko' }).find((d) => d.code === SIMPLIFIED_CODE)!.message,
      /일반 텍스트로 읽었습니다/,
    );
    // The other checks go on: this section still has its presenter line and summary.
    assert.deepEqual(
      lintText(text)
        .filter((d) => d.severity === 1)
        .map((d) => d.code),
      [],
    );
  });

  it('shows a chunk too complex to parse in the preview as its escaped source', () => {
    const html = renderPost(
      parsePost(`${FM}\n# Fine\n- ok\n\n# Hostile\n${'*_'.repeat(20_000)}<script>x</script>\n`, 'file:///x.md', 1),
      {},
    ).html;
    assert.match(html, /^<h1 data-line="6"[^>]*>Fine<\/h1>/, html.slice(0, 100));
    assert.ok(html.includes('class="render-failed"># Hostile\n*_*_'));
    assert.ok(!html.includes('<script>'));
  });
});
