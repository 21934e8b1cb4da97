/**
 * Every image checked alike (issue 14): a Markdown image gets `image-src`'s checks and the
 * conversion wherever it stands, the thumbnail gets them too, and the relative-path message names
 * the post's own address.
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/text/edits';
import { dataOf, lintText, summarize } from '../../support/lint';

const FRONT = (date: string, title: string) =>
  `---\nlayout: post\ntitle: "${title}"\ndate: ${date}\nimage_url: https://user-images.githubusercontent.com/1/a.png\nmathjax: true\ncomments: true\n---\n\n`;
const SECTION =
  '# Attention Is All You Need\n## Ashish Vaswani et al., NeurIPS 2017\n' +
  '### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/s.pdf)]\n';

describe('image checks on every image', () => {
  it("a relative path names the post's own address, from its date", () => {
    const text = `${FRONT('2021-01-07', '2021_1st_quarter')}${SECTION}- 요약입니다.\n\n<p align="center">\n  <img src="figure.png">\n</p>\n`;
    const found = lintText(text, { fileName: '2021-01-07-1st_quarter.md' }).find((d) => d.code === 'image-src')!;
    assert.match(found.message, /\(`\/2021\/01\/07\/\.\.\.`\)/);
    assert.doesNotMatch(found.message, /2020\/04\/02/);
  });

  it('a Markdown image after a bullet gets the image checks and a safe conversion into a block of its own', () => {
    const text = `${FRONT('2020-04-02', '2020_2nd_quarter')}${SECTION}- 요약입니다.\n![구조](https://github.com/lab/lab.github.io/blob/master/a.png)\n- 두 번째 요약입니다.\n`;
    const diagnostics = lintText(text);
    assert.deepEqual(summarize(diagnostics), ['14:image-src', '14:markdown-image']);
    const src = diagnostics.find((d) => d.code === 'image-src')!;
    assert.equal(
      text.split('\n')[13]!.slice(src.range.start.character, src.range.end.character),
      'https://github.com/lab/lab.github.io/blob/master/a.png',
    );
    const conversion = dataOf(diagnostics.find((d) => d.code === 'markdown-image')!).fixes[0]!;
    assert.equal(conversion.safe, true);
    const converted = applyEdits(text, conversion.edits);
    assert.ok(
      converted.includes(
        '- 요약입니다.\n\n<p align="center">\n  <img src="https://github.com/lab/lab.github.io/blob/master/a.png" alt="구조">\n</p>\n\n- 두 번째 요약입니다.\n',
      ),
      converted,
    );
    assert.deepEqual(
      summarize(lintText(converted)),
      ['16:image-src'],
      'the block keeps its address problem, now on the <img>',
    );
  });

  it('a Markdown image inside a sentence is offered a move into a block after its list, not applied unattended', () => {
    const text = `${FRONT('2020-04-02', '2020_2nd_quarter')}${SECTION}- 구조는 다음과 같습니다: ![구조](https://user-images.githubusercontent.com/1/a.png)\n- 두 번째 요약입니다.\n`;
    const diagnostic = lintText(text).find((d) => d.code === 'markdown-image')!;
    const move = dataOf(diagnostic).fixes[0]!;
    assert.equal(move.safe, false);
    const moved = applyEdits(text, move.edits);
    assert.ok(
      moved.endsWith(
        '- 구조는 다음과 같습니다:\n- 두 번째 요약입니다.\n\n<p align="center">\n  <img src="https://user-images.githubusercontent.com/1/a.png" alt="구조">\n</p>\n',
      ),
      moved,
    );
    assert.deepEqual(summarize(lintText(moved)), []);
  });

  it("the thumbnail: a `/blob/` page is reported with the `/raw/` fix; other shapes stay `field-type`'s", () => {
    const blob = FRONT('2020-04-02', '2020_2nd_quarter').replace(
      'https://user-images.githubusercontent.com/1/a.png',
      'https://github.com/lab/lab.github.io/blob/master/a.png',
    );
    const diagnostics = lintText(`${blob}${SECTION}- 요약입니다.\n`);
    assert.deepEqual(summarize(diagnostics), ['5:image-src']);
    assert.equal(
      dataOf(diagnostics[0]!).fixes[0]!.edits[0]!.newText,
      'https://github.com/lab/lab.github.io/raw/master/a.png',
    );
    const relative = FRONT('2020-04-02', '2020_2nd_quarter').replace(
      'https://user-images.githubusercontent.com/1/a.png',
      'assets/a.png',
    );
    assert.deepEqual(summarize(lintText(`${relative}${SECTION}- 요약입니다.\n`)), ['5:field-type']);
  });
});
