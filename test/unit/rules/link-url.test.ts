/**
 * `link-url`'s space-encoding fix encodes the link's destination only: a quoted title after it
 * (`"..."`, `'...'`, the ones kramdown reads) is not part of the address, whether or not the address
 * has spaces.
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/text/edits';
import { dataOf, lintText } from '../../support/lint';

const FRONT =
  '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://example.com/x.png\n' +
  'mathjax: true\ncomments: true\n---\n\n# Attention Is All You Need\n## Ashish Vaswani et al., NeurIPS 2017\n';
const post = (slides: string) =>
  `${FRONT}### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](${slides})]\n- 요약입니다.\n`;

/** The line after the fixes of `link-url`, and whether each is safe. */
function fixed(slides: string): { line: string; safe: boolean[] } {
  const text = post(slides);
  const found = lintText(text).filter((d) => d.code === 'link-url');
  assert.equal(found.length, 1, 'one link-url');
  const fixes = dataOf(found[0]!).fixes;
  const result = applyEdits(text, fixes[0]!.edits);
  return { line: /\[presentation material\]\((.*)\)\]$/m.exec(result)![1]!, safe: fixes.map((f) => f.safe) };
}

describe('link-url space encoding', () => {
  it('encodes the destination and keeps a double-quoted title', () => {
    assert.deepEqual(fixed('https://x.com/my slides.pdf "slides"'), {
      line: 'https://x.com/my%20slides.pdf "slides"',
      safe: [true],
    });
  });

  it('keeps a single-quoted title, and one with spaces in it', () => {
    assert.deepEqual(fixed("https://x.com/my slides.pdf 'the slides'"), {
      line: "https://x.com/my%20slides.pdf 'the slides'",
      safe: [true],
    });
  });

  it('encodes `(v2)` after a space with the address: kramdown reads no parenthesized title', () => {
    assert.deepEqual(fixed('https://x.com/my slides (v2).pdf'), {
      line: 'https://x.com/my%20slides%20(v2).pdf',
      safe: [true],
    });
    assert.deepEqual(fixed('https://x.com/my slides.pdf (v2)'), {
      line: 'https://x.com/my%20slides.pdf%20(v2)',
      safe: [true],
    });
  });

  it('encodes every space of a destination without a title', () => {
    assert.deepEqual(fixed('https://x.com/my slides final.pdf'), {
      line: 'https://x.com/my%20slides%20final.pdf',
      safe: [true],
    });
  });

  it('reports nothing once encoded, title and all', () => {
    const text = post('https://x.com/my%20slides.pdf "slides"');
    assert.deepEqual(
      lintText(text).filter((d) => d.code === 'link-url'),
      [],
    );
  });
});
