import * as assert from 'node:assert/strict';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { lintText, summarize } from '../../support/lint';
import type { Post, Range } from '../../../server/src/core/model';

const parse = (text: string) => parsePost(text, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
const textOf = (post: Post, range: Range) =>
  post.text.slice(post.lines.offsetAt(range.start), post.lines.offsetAt(range.end));

describe('front matter', () => {
  it('reads keys, values and their exact ranges', () => {
    const post = parse('---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nmathjax: true\n---\n\n# T\n');
    const fm = post.frontMatter!;
    assert.ok(fm.closed);
    assert.deepEqual(
      fm.entries.map((e) => e.key),
      ['layout', 'title', 'date', 'mathjax'],
    );
    for (const entry of fm.entries) assert.equal(textOf(post, entry.keyRange), entry.key);
    const title = fm.entries[1]!;
    assert.equal(title.value, '2020_2nd_quarter');
    assert.equal(textOf(post, title.valueRange), '"2020_2nd_quarter"');
    assert.ok(title.quoted);
    const date = fm.entries[2]!;
    assert.ok(date.value instanceof Date, 'YAML 1.1, like Jekyll: an unquoted date is a date');
    assert.equal(date.valueSource, '2020-04-02');
    assert.equal(fm.entries[3]!.value, true);
    assert.equal(textOf(post, fm.openRange), '---');
    assert.equal(textOf(post, fm.closeRange!), '---');
    assert.deepEqual(
      post.sections.map((s) => s.title.text),
      ['T'],
    );
  });

  it('keeps duplicate keys and empty values with a range right after the colon', () => {
    const post = parse('---\ndate: 2020-04-02\ntitle:\ndate: 2020-07-02\n---\n');
    const fm = post.frontMatter!;
    assert.deepEqual(
      fm.entries.map((e) => e.key),
      ['date', 'title', 'date'],
    );
    assert.equal(fm.errors.length, 0);
    const title = fm.entries[1]!;
    assert.equal(title.valueKind, 'null');
    assert.deepEqual(title.valueRange, { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } });
  });

  it("reports YAML errors at the parser's position", () => {
    const post = parse('---\nlayout: post\ntitle: "unclosed\ndate: 2020-04-02\n---\n');
    const fm = post.frontMatter!;
    assert.ok(fm.errors.length > 0);
    assert.ok(
      fm.errors.every((e) => e.range.start.line >= 1 && e.range.end.line <= 4),
      JSON.stringify(fm.errors),
    );
  });

  it('knows an unclosed block, and then has no body', () => {
    const post = parse('---\nlayout: post\n# Title\n');
    assert.equal(post.frontMatter!.closed, false);
    assert.equal(post.frontMatter!.closeRange, undefined);
    assert.equal(post.sections.length, 0);
  });

  it('follows Jekyll on what opens a block', () => {
    assert.equal(parse('# Title\n---\na: 1\n---\n').frontMatter, undefined);
    assert.equal(parse('--- yaml\na: 1\n---\n').frontMatter, undefined);
    assert.equal(parse('----\na: 1\n---\n').frontMatter, undefined);
    assert.ok(parse('---  \na: 1\n---\n').frontMatter?.closed);
    assert.ok(parse('---\n---\n').frontMatter?.closed);
  });

  it('follows Jekyll on what closes a block: `---` or `...` and nothing but spaces', () => {
    const dots = parse('---\nlayout: post\n...\n\n# T\n');
    assert.ok(dots.frontMatter!.closed);
    assert.equal(textOf(dots, dots.frontMatter!.closeRange!), '...');
    assert.deepEqual(
      dots.frontMatter!.entries.map((e) => e.key),
      ['layout'],
    );
    assert.deepEqual(
      dots.sections.map((s) => s.title.text),
      ['T'],
    );
    assert.ok(parse('---\na: 1\n---  \n# T\n').frontMatter!.closed);
    for (const closer of ['----', '--- x', '---x', '....', '... more']) {
      const post = parse(`---\na: 1\n${closer}\n\n# T\n`);
      assert.equal(post.frontMatter!.closed, false, closer);
      assert.equal(post.sections.length, 0, closer);
    }
    // A look-alike before the real closer is YAML, as Jekyll reads it.
    const later = parse('---\na: 1\n----\n---\n# T\n');
    assert.ok(later.frontMatter!.closed);
    assert.equal(later.frontMatter!.closeRange!.start.line, 3);
  });

  it('lints a post closed by `...` and reports one closed by `----` as unclosed', () => {
    const head =
      'layout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://example.org/a.png\nmathjax: true\ncomments: true';
    const dots = summarize(lintText(`---\n${head}\n...\n\n# T\n`));
    assert.ok(!dots.some((d) => d.endsWith(':front-matter-syntax')), dots.join(' '));
    assert.ok(dots.includes('10:presenter-line-missing'), dots.join(' '));
    const dashes = summarize(lintText(`---\n${head}\n----\n\n# T\n`));
    assert.ok(dashes.includes('1:front-matter-syntax'), dashes.join(' '));
  });

  it('reads booleans as Jekyll (Psych) does: y and n are strings, yes/no/on/off/true/false in any case are booleans', () => {
    const values = (text: string) => parse(`---\n${text}\n---\n`).frontMatter!.entries.map((e) => e.value);
    assert.deepEqual(values('a: y\nb: n\nc: Y\nd: N'), ['y', 'n', 'Y', 'N']);
    assert.deepEqual(values('a: yes\nb: No\nc: ON\nd: off\ne: TRUE\nf: False\ng: YeS'), [
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    const head = 'layout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://example.org/a.png';
    const found = summarize(lintText(`---\n${head}\nmathjax: n\ncomments: y\n---\n\n# T\n`));
    assert.ok(found.includes('6:field-type'), found.join(' '));
    assert.ok(found.includes('7:field-type'), found.join(' '));
    assert.ok(
      !summarize(lintText(`---\n${head}\nmathjax: yes\ncomments: on\n---\n\n# T\n`)).some((d) =>
        d.endsWith(':field-type'),
      ),
    );
  });

  it('handles CRLF, a byte order mark and a final line without a line break', () => {
    const crlf = parse('---\r\nlayout: post\r\ntitle: x\r\n---\r\n# T\r\n');
    assert.deepEqual(
      crlf.frontMatter!.entries.map((e) => [e.key, e.valueSource]),
      [
        ['layout', 'post'],
        ['title', 'x'],
      ],
    );
    assert.equal(textOf(crlf, crlf.frontMatter!.entries[1]!.valueRange), 'x');
    assert.deepEqual(
      crlf.sections.map((s) => s.title.text),
      ['T'],
    );

    const bom = parse('\uFEFF---\nlayout: post\n---\n# T\n');
    assert.equal(bom.frontMatter!.entries[0]!.key, 'layout');
    assert.deepEqual(bom.frontMatter!.entries[0]!.keyRange.start, { line: 1, character: 0 });

    const noFinalBreak = parse('---\nlayout: post\n---');
    assert.ok(noFinalBreak.frontMatter!.closed);
    assert.equal(noFinalBreak.sections.length, 0);
    assert.equal(noFinalBreak.preamble.blocks.length, 0);
  });

  it('says when the YAML is not a mapping', () => {
    assert.ok(parse('---\n- a\n- b\n---\n').frontMatter!.notAMapping);
    assert.ok(!parse('---\n# only a comment\n---\n').frontMatter!.notAMapping);
  });
});
