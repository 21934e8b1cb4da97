import * as assert from 'node:assert/strict';
import { ParseCache, parsePost } from '../../../server/src/core/parse/parsePost';
import { splitIntoChunks } from '../../../server/src/core/parse/chunks';
import type { Post, Range } from '../../../server/src/core/model';
import { lintText, summarize } from '../../support/lint';

const URI = 'file:///site/_posts/2020-04-02-2nd_quarter.md';
const parse = (text: string) => parsePost(text, URI, 1);
const textOf = (post: Post, range: Range) =>
  post.text.slice(post.lines.offsetAt(range.start), post.lines.offsetAt(range.end));

const POST = `---
layout: post
title: "2020_2nd_quarter"
date: 2020-04-02
---

# First paper
## Alice, Bob, *ICML 2020*
### 발표자: 홍길동 [[paper link](https://a.b/1), [presentation material](https://a.b/2)]
- 첫째 요약입니다 $$L_1$$.
- 둘째 요약은
이어지는 줄이 있습니다.
    1. 중첩된 목록

<p align="center">
  <img src="https://a.b/x.png" width="450">
  <img alt="그림" src="https://a.b/y.png">
</p>

***

# Second paper
### 발표자: 김철수
[paper link](https://a.b/3)

![image](https://a.b/z.png)

$$
\\Theta = 1
$$
`;

describe('parsePost', () => {
  it('builds one section per # heading with its parts', () => {
    const post = parse(POST);
    assert.equal(post.sections.length, 2);
    const [first, second] = post.sections as [NonNullable<Post['sections'][0]>, NonNullable<Post['sections'][0]>];
    assert.equal(first.title.text, 'First paper');
    assert.equal(textOf(post, first.title.content.range), 'First paper');
    assert.equal(first.authors!.text, 'Alice, Bob, ICML 2020');
    assert.equal(textOf(post, first.authors!.content.range), 'Alice, Bob, *ICML 2020*');
    assert.equal(first.presenterLines.length, 1);
    assert.deepEqual(
      first.bullets.map((b) => b.text),
      ['첫째 요약입니다 $$L_1$$.', '둘째 요약은'],
    );
    assert.equal(first.imageBlocks.length, 1);
    const block = first.imageBlocks[0]!;
    assert.ok(block.close);
    assert.equal(block.images.length, 2);
    assert.equal(textOf(post, block.range).split('\n').length, 4);
    const src = block.images[0]!.attributes.find((a) => a.name === 'src')!;
    assert.equal(textOf(post, src.value!.range), 'https://a.b/x.png');
    assert.equal(first.separators.length, 1);

    assert.equal(second.authors, undefined);
    assert.equal(second.presenterLines[0]!.linkList, undefined);
    assert.equal(second.linkParagraphs.length, 1);
    assert.equal(second.linkParagraphs[0]!.links[0]!.label.text, 'paper link');
    assert.equal(textOf(post, second.linkParagraphs[0]!.links[0]!.url!.range), 'https://a.b/3');
    assert.deepEqual(
      second.markdownImages.map((i) => i.url),
      ['https://a.b/z.png'],
    );
    assert.deepEqual(
      post.math.map((m) => [m.display, m.value.trim()]),
      [
        [false, 'L_1'],
        [true, '\\Theta = 1'],
      ],
    );
  });

  it('reads `# title` right under `</p>` as a new section, as kramdown does', () => {
    const post = parse('# A\n<p align="center">\n<img src="https://a.b/c.png">\n</p>\n# B\n- x\n');
    assert.deepEqual(
      post.sections.map((s) => s.title.text),
      ['A', 'B'],
    );
    assert.equal(post.sections[0]!.imageBlocks[0]!.images.length, 1);
  });

  it('ignores # lines inside code, math and comments', () => {
    const post = parse('# A\n```\n# not a heading\n```\n$$\n# not math heading\n$$\n<!--\n# commented out\n-->\n# B\n');
    assert.deepEqual(
      post.sections.map((s) => s.title.text),
      ['A', 'B'],
    );
  });

  it('starts a section at a setext heading too', () => {
    const post = parse('# A\n- x\n\nB\n===\n- y\n');
    assert.deepEqual(
      post.sections.map((s) => s.title.text),
      ['A', 'B'],
    );
  });

  it('marks an unclosed image block and an unterminated <img>', () => {
    const post = parse('# A\n<p align="center">\n  <img src="https://a.b/c.png"\n\n- bullet\n');
    const block = post.sections[0]!.imageBlocks[0]!;
    assert.equal(block.close, undefined);
    assert.equal(block.images[0]!.terminated, false);
  });

  it('collects the preamble and comments, and a comment does not hide the authors line', () => {
    const post = parse(
      '---\nlayout: post\n---\nintro text\n<!-- a note -->\n## stray\n# A\n<!-- seminar-posts-disable-next-line x -->\n## Authors\n',
    );
    assert.deepEqual(
      post.preamble.blocks.map((b) => b.kind),
      ['paragraph', 'comment', 'heading'],
    );
    assert.deepEqual(
      post.preamble.headings.map((h) => h.depth),
      [2],
    );
    assert.equal(post.sections[0]!.authors!.text, 'Authors');
    assert.deepEqual(
      post.comments.map((c) => c.text),
      ['a note', 'seminar-posts-disable-next-line x'],
    );
  });

  it('survives input that is not a post at all', () => {
    // Sections as CommonMark reads them: `#` alone is an empty heading; in an unclosed fence, `# a` is code.
    const cases: [string, number, string][] = [
      ['', 0, 'none'],
      ['\n', 0, 'none'],
      ['---', 0, 'unclosed'],
      ['#', 1, 'none'],
      ['# ', 1, 'none'],
      ['<p', 0, 'none'],
      ['\u0000\u0001binary\uFFFD', 0, 'none'],
      ['### 발표자: [[[[', 0, 'none'],
      ['```\n# a', 0, 'none'],
    ];
    for (const [text, sections, frontMatter] of cases) {
      const post = parse(text);
      const fm = post.frontMatter ? (post.frontMatter.closed ? 'closed' : 'unclosed') : 'none';
      assert.deepEqual(
        [post.sections.length, fm, post.lines.lineCount],
        [sections, frontMatter, text.split('\n').length],
        JSON.stringify(text),
      );
    }
    assert.equal(parse('# ').sections[0]!.title.text, '');
  });

  it('splits chunks only at # lines', () => {
    const text = 'intro\n# A\nx\n## B\n# C\n';
    assert.deepEqual(
      splitIntoChunks(text, 0).map((c) => text.slice(c.start, c.end)),
      ['intro\n', '# A\nx\n## B\n', '# C\n'],
    );
  });

  it('gives the same model from cached chunks as from a cold parse, wherever they move', () => {
    const cache = new ParseCache();
    const warm = parsePost(POST, URI, 1, { cache });
    // Insert lines before the second section: its cached chunk is reused, shifted.
    const edited = POST.replace('***\n', '***\n\n\nextra text\n');
    const fromCache = parsePost(edited, URI, 1, { cache });
    const cold = parsePost(edited, URI, 1, { cache: new ParseCache() });
    const strip = (post: Post) => JSON.parse(JSON.stringify({ ...post, lines: undefined })) as Post;
    assert.deepEqual(strip(fromCache), strip(cold));
    assert.notDeepEqual(strip(warm).sections[1], strip(cold).sections[1]);
    // The reused model is never changed in place.
    assert.deepEqual(strip(parsePost(POST, URI, 1, { cache })), strip(warm));
  });
});

describe('PostCache', () => {
  it('parses once per URI and version', async () => {
    const { PostCache } = await import('../../../server/src/core/parse/postCache');
    const cache = new PostCache(new ParseCache());
    const a = cache.get(URI, 1, POST);
    assert.equal(cache.get(URI, 1, POST), a);
    const b = cache.get(URI, 2, POST + '\n');
    assert.notEqual(b, a);
    assert.equal(b.version, 2);
  });
});

describe('paperTitleKey', () => {
  it('ignores case, punctuation and emphasis', async () => {
    const { paperTitleKey } = await import('../../../server/src/core/workspace');
    assert.equal(
      paperTitleKey('AutoSlim: Towards One-Shot Architecture Search'),
      paperTitleKey('autoslim — towards *one-shot* architecture  search'),
    );
    assert.notEqual(paperTitleKey('AutoSlim'), paperTitleKey('AutoML-Zero'));
  });
});

describe('math as kramdown reads it', () => {
  it('takes a lone $ for a dollar sign, not math', () => {
    const post = parsePost('# A\n- costs $5 and $10 a month, or $$x^2$$\n', URI, 1);
    assert.deepEqual(
      post.math.map((m) => m.value),
      ['x^2'],
    );
  });

  it('ends a formula at the next $$, wherever it is: the sections after it are still read and checked', () => {
    const head =
      '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://example.org/a.png\nmathjax: true\ncomments: true\n---\n\n';
    const first =
      '# A\n## Someone, ICLR2021\n### 발표자: Kim [[paper link](https://arxiv.org/abs/1), [presentation material](https://example.org/a.pdf)]\n- summary\n\n';
    for (const formula of ['$$\\mathcal{L} = a\n+ b$$\n', '$$\nL=a+b\n$$,\n']) {
      const text = `${head}${first}${formula}\n# B\n- no authors and no presenter line\n`;
      const post = parse(text);
      assert.deepEqual(
        post.sections.map((s) => s.title.text),
        ['A', 'B'],
        formula,
      );
      assert.equal(post.math.length, 1, formula);
      assert.equal(
        post.math[0]!.value.replace(/^\n|\n$/g, ''),
        formula.startsWith('$$\n') ? 'L=a+b' : '\\mathcal{L} = a\n+ b',
      );
      const bLine = text.split('\n').indexOf('# B') + 1;
      const found = summarize(lintText(text));
      assert.ok(found.includes(`${bLine}:presenter-line-missing`), `${formula}: ${found.join(' ')}`);
      assert.ok(found.includes(`${bLine}:authors-line-missing`), `${formula}: ${found.join(' ')}`);
    }
  });

  it('splits chunks after a formula closed at the end of a text line, and not inside an open one', () => {
    const chunks = (text: string) => splitIntoChunks(text, 0).map((c) => text.slice(c.start, c.end));
    assert.deepEqual(chunks('# A\n$$a\n+ b$$\n# B\n'), ['# A\n$$a\n+ b$$\n', '# B\n']);
    assert.deepEqual(chunks('# A\n$$\n# in math\n$$\n# B\n'), ['# A\n$$\n# in math\n$$\n', '# B\n']);
    // No closing $$ (or text after it): a paragraph, which a # line interrupts.
    assert.deepEqual(chunks('# A\n$$ a\n# B\n'), ['# A\n$$ a\n', '# B\n']);
  });
});
