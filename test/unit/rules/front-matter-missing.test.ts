/**
 * `front-matter-missing` on a post whose front matter is there but comes after blank lines: Jekyll
 * reads front matter only on the first line, so the fix removes the blank lines (which makes Jekyll
 * read the block the author wrote) rather than put a second block above the first.
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/text/edits';
import { dataOf, lintText, summarize } from '../../support/lint';

const BLOCK =
  '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://example.com/x.png\n' +
  'mathjax: true\ncomments: true\n---\n';
const BODY =
  '\n# Attention Is All You Need\n## Ashish Vaswani et al., NeurIPS 2017\n' +
  '### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/s.pdf)]\n' +
  '- 요약입니다.\n';

function missing(text: string) {
  const found = lintText(text).filter((d) => d.code === 'front-matter-missing');
  assert.equal(found.length, 1, 'one front-matter-missing');
  return found[0]!;
}

describe('front-matter-missing after blank lines', () => {
  it('removes the leading blank lines, unattended, so that Jekyll reads the block that is there', () => {
    const text = `\n \n${BLOCK}${BODY}`;
    const diagnostic = missing(text);
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } });
    const fixes = dataOf(diagnostic).fixes;
    assert.deepEqual(
      fixes.map((f) => f.safe),
      [true],
    );
    const fixed = applyEdits(text, fixes[0]!.edits);
    assert.equal(fixed, `${BLOCK}${BODY}`);
    assert.deepEqual(summarize(lintText(fixed)), []);
  });

  it('keeps Windows line breaks and a byte order mark as they are', () => {
    const text = `\uFEFF\r\n${BLOCK}${BODY}`.replace(/(?<!\r)\n/g, '\r\n');
    const fixed = applyEdits(text, dataOf(missing(text)).fixes[0]!.edits);
    assert.equal(fixed, `\uFEFF${BLOCK}${BODY}`.replace(/\n/g, '\r\n'));
  });

  it('does not remove the blank lines unattended when the block after them is broken YAML', () => {
    const text = `\n${BLOCK.replace('layout: post', 'layout: [post')}${BODY}`;
    assert.deepEqual(
      dataOf(missing(text)).fixes.map((f) => f.safe),
      [false],
    );
  });

  it('does not remove them unattended when the block, once read, lacks a required key', () => {
    const text = `\n${BLOCK.replace('date: 2020-04-02\n', '')}${BODY}`;
    assert.deepEqual(
      dataOf(missing(text)).fixes.map((f) => f.safe),
      [false],
    );
  });

  it('still inserts a block when there is none after the blank lines', () => {
    const text = `\n${BODY}`;
    const fixes = dataOf(missing(text)).fixes;
    assert.deepEqual(
      fixes.map((f) => f.safe),
      [true],
    );
    assert.match(applyEdits(text, fixes[0]!.edits), /^---\nlayout: post\n/);
  });
});
