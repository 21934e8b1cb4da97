import * as assert from 'node:assert/strict';
import { getDocumentLinks } from '../../../server/src/core/features/documentLinks';
import { getDocumentSymbols } from '../../../server/src/core/features/documentSymbols';
import { getFoldingRanges } from '../../../server/src/core/features/folding';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from '../../../server/src/core/rules/support/examples';

const TWO = examplePost(
  SAMPLE_FRONT_MATTER,
  `${SAMPLE_SECTION}\n\n***\n\n#\n### 발표자: 김하늘\n- 요약\n<!-- a\ncomment -->\n$$\nx^2\n$$\n`,
);
const post = parsePost(TWO, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);

describe('outline, folding and links', () => {
  it('outlines the front matter keys and each paper with its presenter', () => {
    const symbols = getDocumentSymbols(post, 'en');
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['front matter', undefined],
        ['Deep Residual Learning for Image Recognition', '홍길동'],
        ['(untitled paper)', '김하늘'],
      ],
    );
    assert.deepEqual(
      symbols[0]!.children!.map((c) => `${c.name}=${c.detail}`),
      SAMPLE_FRONT_MATTER.map((l) => l.replace(': ', '=')),
    );
    assert.deepEqual(
      getDocumentSymbols(post, 'ko').map((s) => s.name),
      ['머리말(front matter)', 'Deep Residual Learning for Image Recognition', '(제목 없는 논문)'],
    );
    for (const symbol of symbols) {
      assert.ok(
        symbol.selectionRange.start.line >= symbol.range.start.line &&
          symbol.selectionRange.end.line <= symbol.range.end.line,
      );
    }
  });

  it('folds the front matter, sections, image blocks, comments and display math', () => {
    const lines = TWO.split('\n');
    const find = (text: string, from = 0) => lines.indexOf(text, from);
    const second = find('#');
    assert.deepEqual(
      getFoldingRanges(post).map((r) => [r.startLine, r.endLine, r.kind]),
      [
        [0, 7, undefined],
        [9, find('***'), 'region'],
        [find('<p align="center">'), find('</p>'), undefined],
        [second, find('$$', find('x^2')), 'region'],
        [find('<!-- a'), find('comment -->'), 'comment'],
        [find('$$'), find('$$', find('x^2')), undefined],
      ],
    );
  });

  it("links the presenter's links and images, site paths through the site", () => {
    const text = examplePost(
      SAMPLE_FRONT_MATTER,
      SAMPLE_SECTION.replace('https://user-images.githubusercontent.com/1/resnet-block.png', '/assets/a b.png').replace(
        'https://example.com/resnet.pdf',
        '???',
      ),
    );
    const resolved: string[] = [];
    const links = getDocumentLinks(parsePost(text, 'file:///site/_posts/x.md'), {
      resolveSitePath: (path) => {
        resolved.push(path);
        return 'file:///site/assets/a%20b.png';
      },
    });
    assert.deepEqual(
      links.map((l) => l.target),
      ['https://arxiv.org/abs/1512.03385', 'file:///site/assets/a%20b.png'],
    );
    assert.deepEqual(resolved, ['/assets/a b.png']);
    const line = text.split('\n').findIndex((l) => l.includes('arxiv'));
    assert.equal(
      text.split('\n')[line]!.slice(links[0]!.range.start.character, links[0]!.range.end.character),
      'https://arxiv.org/abs/1512.03385',
    );
  });
});
