/**
 * Fixes over a block scalar (`|`, `>`): the yaml package ends such a value at the start of the next
 * line, and an edit over that range took the line break before the next key with it.
 */
import * as assert from 'node:assert/strict';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { applyEdits } from '../../../server/src/core/text/edits';
import { dataOf, lintText } from '../../support/lint';

const TAIL = 'image_url: https://example.org/a.png\nmathjax: true\ncomments: true\n---\n\n# T\n';

function fixed(text: string, id: string, safeOnly: boolean): string[] {
  return lintText(text)
    .filter((d) => d.code === id)
    .flatMap((d) => dataOf(d).fixes.filter((f) => !safeOnly || f.safe))
    .map((f) => applyEdits(text, f.edits));
}

describe('fixes over block scalar values', () => {
  it('title-format replaces a folded title and keeps the next key on its own line', () => {
    const text = `---\nlayout: post\ntitle: >\n  2020 2nd quater\ndate: 2020-04-02\n${TAIL}`;
    const results = fixed(text, 'title-format', true);
    assert.equal(results.length, 1);
    assert.equal(results[0], `---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\n${TAIL}`);
    assert.deepEqual(
      lintText(results[0]).filter((d) => d.code === 'title-format' || d.code === 'required-field'),
      [],
    );
  });

  it('front-matter-duplicate-key removes a literal block and not the key after it', () => {
    const text = `---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\ncontent: |\n  one\ncontent: |\n  one\npermalink: /seminar/\n${TAIL}`;
    const results = fixed(text, 'front-matter-duplicate-key', false);
    assert.ok(results.length > 0);
    for (const result of results) {
      assert.match(result, /\npermalink: \/seminar\/\n/);
      assert.equal(result.match(/content: \|\n {2}one\n/g)?.length, 1, result);
    }
  });

  it('ends a block value at the end of its last line', () => {
    const post = parsePost(
      '---\ntitle: |+\n  a\n  b\n\ndate: 2020-04-02\n---\n',
      'file:///site/_posts/2020-04-02-x.md',
      1,
    );
    const title = post.frontMatter!.entries[0]!;
    assert.equal(title.valueSource, '|+\n  a\n  b');
    assert.deepEqual(title.valueRange.end, { line: 3, character: 3 });
    assert.deepEqual(title.range.end, { line: 3, character: 3 });
  });
});
