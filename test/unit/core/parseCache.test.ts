/**
 * The parse caches (chunk models with their shifted copies, the front matter, the joined line
 * index) against a cold parse: random posts, random edits as a user types them, and after every
 * edit the warm model must equal the model parsed from nothing. The warm models are also linted
 * as they come, so that a rule changing a shared model in place would show as a difference.
 */
import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../../server/src/core/config/config';
import { lintPost } from '../../../server/src/core/engine/engine';
import type { Post } from '../../../server/src/core/model';
import { frontMatterExtent } from '../../../server/src/core/parse/frontMatter';
import { ParseCache, parsePost } from '../../../server/src/core/parse/parsePost';
import { RULES } from '../../../server/src/core/rules';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { memoizeText } from '../../../server/src/core/text/memo';
import { TEST_TODAY } from '../../support/lint';

const URI = 'file:///site/_posts/2020-04-02-2nd_quarter.md';

/** A seeded generator (mulberry32), so that a failure names the seed that reproduces it. */
function random(seed: number): { int(max: number): number; pick<T>(items: readonly T[]): T } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (max) => Math.floor(next() * max), pick: (items) => items[Math.floor(next() * items.length)]! };
}

const FRONT_MATTERS = [
  '',
  '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\n---\n\n',
  '---\r\ntitle: x\r\n---\r\n',
  '---\ntitle: [unclosed\n---\n',
  '---\nlayout: post\n',
  '\ufeff---\ntitle: a\n---\n',
  '---\n---\n',
  '--- \ntags: [a, b]\n---',
];
const LINES = [
  '# A paper title',
  '# ',
  '## Alice, Bob, CVPR 2020',
  '### 발표자: 김하늘 [[paper link](https://a.b/1), [presentation material](https://a.b/2)]',
  '### 발표자 이름',
  '- 요약 bullet 입니다',
  '  - nested',
  '    1. ordered',
  '1. item',
  '',
  '',
  '<p align="center">',
  '  <img src="https://a.b/x.png" width="450">',
  '<img alt="그림" src="y.png">',
  '</p>',
  '***',
  '```',
  '~~~',
  '$$',
  'x = 1 $$L_1$$',
  '<!-- note',
  '-->',
  '<!-- seminar-posts-disable-next-line summary-missing -->',
  '[paper link](https://x)',
  '![alt](a.png)',
  'plain text',
  '---',
  '> quote',
  '   # indented heading',
  '\t# tab',
  'text *em* and `code`',
];
const INSERTS = [
  'a',
  '가',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '#',
  '# ',
  '- ',
  '`',
  '```',
  '<',
  '>',
  '-',
  '$$',
  '[',
  ']',
  '(',
  ')',
  '\n# New\n',
  '---',
  '\ufeff',
];
const BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];

function randomPost(r: ReturnType<typeof random>): string {
  let text = r.pick(FRONT_MATTERS);
  const count = r.int(30);
  for (let i = 0; i < count; i++) text += r.pick(LINES) + r.pick(BREAKS);
  return text;
}

function randomEdit(r: ReturnType<typeof random>, text: string): string {
  if (r.int(5) === 0) {
    // A line becomes a heading (or stops being one): sections renumber, no line moves.
    const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
    const at = r.pick(starts);
    return text.startsWith('# ', at)
      ? text.slice(0, at) + text.slice(at + 2)
      : text.slice(0, at) + '# ' + text.slice(at);
  }
  const at = r.int(text.length + 1);
  const removed = r.int(3) === 0 ? r.int(6) : 0;
  const inserted = r.int(4) === 0 ? r.pick(LINES) + '\n' : r.pick(INSERTS);
  return text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
}

const config = resolveConfig();
const lint = (post: Post) => lintPost(post, { rules: RULES, config, site: undefined, locale: 'en', today: TEST_TODAY });

describe('parse caches', () => {
  it('give, after any sequence of edits, the model of a cold parse', function () {
    this.timeout(120_000);
    for (let seed = 1; seed <= 60; seed++) {
      const r = random(seed);
      const texts = [randomPost(r)];
      for (let i = 0; i < 12; i++) texts.push(randomEdit(r, texts[texts.length - 1]!));
      // Typing: each version parsed with the caches of the versions before it, and linted.
      const cache = new ParseCache();
      const warm = texts.map((text, version) => {
        const post = parsePost(text, URI, version, { cache });
        lint(post);
        return post;
      });
      texts.forEach((text, version) => {
        const cold = parsePost(text, URI, version, { cache: new ParseCache() });
        assert.deepStrictEqual(warm[version], cold, `seed ${seed}, version ${version}: ${JSON.stringify(text)}`);
        assert.deepStrictEqual(
          warm[version].lines,
          new LineIndex(text),
          `seed ${seed}, version ${version}: line index`,
        );
        assert.deepStrictEqual(parsePost(text, URI, version), cold, `seed ${seed}, version ${version}: uncached`);
      });
    }
  });

  it('reuse a chunk wherever it moves, and an unmoved chunk as it was', () => {
    const cache = new ParseCache();
    const body = '# A\n- one\n\n# B\n- two\n';
    const first = parsePost(`---\ntitle: x\n---\n${body}`, URI, 1, { cache });
    const typed = parsePost(`---\ntitle: x\n---\n${body.replace('one', 'one!')}`, URI, 2, { cache });
    assert.equal(typed.sections[1], first.sections[1], 'the untouched section is the same object');
    const moved = parsePost(`---\ntitle: x\nmore: 1\n---\n${body}`, URI, 3, { cache });
    assert.equal(moved.sections[1]!.range.start.line, first.sections[1]!.range.start.line + 1);
    // A line turned into a heading: the next section keeps its lines and takes the next number.
    const renumbered = parsePost(`---\ntitle: x\n---\n${body.replace('- one', '# one')}`, URI, 4, { cache });
    assert.deepEqual(
      renumbered.sections.map((s) => [s.index, s.title.text]),
      [
        [0, 'A'],
        [1, 'one'],
        [2, 'B'],
      ],
    );
  });

  it('know how far the front matter reaches', () => {
    assert.equal(frontMatterExtent('# no front matter\n'), undefined);
    assert.equal(frontMatterExtent('---x\n---\n'), undefined);
    assert.equal(frontMatterExtent('---\na: 1\n---\nbody'), '---\na: 1\n---\n'.length);
    assert.equal(frontMatterExtent('---\na: 1\n---'), '---\na: 1\n---'.length);
    assert.equal(frontMatterExtent('---\r\na: 1\r\n---\r\nbody'), '---\r\na: 1\r\n---\r\n'.length);
    assert.equal(frontMatterExtent('---\nunclosed'), '---\nunclosed'.length);
    assert.equal(frontMatterExtent('\ufeff---\n---\n#'), '\ufeff---\n---\n'.length);
  });
});

describe('memoizeText', () => {
  it('answers as the function does, and forgets past its size', () => {
    let calls = 0;
    const upper = memoizeText((s) => {
      calls++;
      return s === 'none' ? undefined : s.toUpperCase();
    }, 2);
    assert.equal(upper('a'), 'A');
    assert.equal(upper('a'), 'A');
    assert.equal(upper('none'), undefined);
    assert.equal(upper('none'), undefined);
    assert.equal(calls, 2);
    upper('b');
    assert.equal(upper('a'), 'A');
    assert.equal(calls, 4);
  });
});
