/**
 * `presenter-label` judges a `###` line a presenter line only when it looks like one, and rewrites
 * its label unattended only when the rest of the line is a well-formed presenter line: a Korean word
 * one edit away from `발표자` (발표일, 발표자료, 발표 요약) is another heading, not a misspelling.
 */
import * as assert from 'node:assert/strict';
import { dataOf, lintText, summarize } from '../../support/lint';

const FRONT =
  '---\nlayout: post\ntitle: "2020_3rd_quarter"\ndate: 2020-07-02\nimage_url: https://example.com/x.png\n' +
  'mathjax: true\ncomments: true\n---\n\n';
const LINKS = '[[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/s.pdf)]';

/** A post whose one section has a good presenter line (line 12) followed by `extra` (line 13 on). */
const post = (extra: string, presenter = `### 발표자: 김하늘 ${LINKS}`) =>
  `${FRONT}# Attention Is All You Need\n## Ashish Vaswani et al., NeurIPS 2017\n${presenter}\n${extra}\n- 요약입니다.\n`;

function labelFixes(text: string): { line: number; safe: boolean[] }[] {
  return lintText(text, { fileName: '2020-07-02-3rd_quarter.md' })
    .filter((d) => d.code === 'presenter-label')
    .map((d) => ({ line: d.range.start.line + 1, safe: dataOf(d).fixes.map((f) => f.safe) }));
}

describe('presenter-label: which lines are presenter lines', () => {
  for (const heading of ['### 발표일: 2020-07-02', '### 발표자료: 없음', '### 발표 요약', '### 발표: 2020-07-02']) {
    it(`leaves \`${heading}\` alone: a word like the label, not a presenter line`, () => {
      assert.deepEqual(summarize(lintText(post(heading), { fileName: '2020-07-02-3rd_quarter.md' })), []);
    });
  }

  it("does not take a lone `### 발표일: ...` line for the section's presenter line", () => {
    const text = `${FRONT}# Attention Is All You Need\n## Ashish Vaswani et al., NeurIPS 2017\n### 발표일: 2020-07-02\n- 요약입니다.\n`;
    assert.deepEqual(summarize(lintText(text, { fileName: '2020-07-02-3rd_quarter.md' })), [
      '10:presenter-line-missing',
    ]);
  });

  it('still fixes a misspelled label unattended on an otherwise well-formed presenter line', () => {
    assert.deepEqual(labelFixes(post('', `### 발표: 김하늘 ${LINKS}`)), [{ line: 12, safe: [true] }]);
    assert.deepEqual(labelFixes(post('', `### 발포자: 김하늘 ${LINKS}`)), [{ line: 12, safe: [true] }]);
  });

  it('offers the label only as a suggestion when the rest of the line is not well formed', () => {
    // A link with a configured label makes it a presenter line, but the name is missing or the list is unclosed.
    assert.deepEqual(labelFixes(post('', `### 발표: ${LINKS}`)), [{ line: 12, safe: [false] }]);
    assert.deepEqual(labelFixes(post('', `### 발표: 김하늘 ${LINKS.slice(0, -1)}`)), [{ line: 12, safe: [false] }]);
    assert.deepEqual(labelFixes(post('', `### 발표 김하늘 ${LINKS}`)), [{ line: 12, safe: [false] }]);
  });

  it('adds a missing colon unattended only on a line that is otherwise a presenter line', () => {
    assert.deepEqual(labelFixes(post('', `### 발표자 김하늘 ${LINKS}`)), [{ line: 12, safe: [true] }]);
    assert.deepEqual(labelFixes(post('', '### 발표자 소개')), [{ line: 12, safe: [false] }]);
  });
});
