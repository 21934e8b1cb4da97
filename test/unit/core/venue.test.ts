import * as assert from 'node:assert/strict';
import { findAuthorsVenue, findTitleVenue } from '../../../server/src/core/parse/venue';
import { parsePost } from '../../../server/src/core/parse/parsePost';

const venue = (content: string) => {
  const at = findAuthorsVenue(content);
  return at && content.slice(at.start, at.end);
};

describe('venue of an authors line', () => {
  it('reads every way the real posts write it', () => {
    const cases: [string, string | undefined][] = [
      ['Peter W. Battaglia et al., arxiv.1806', 'arxiv.1806'],
      ['Oren Barkan and Noam Koenigstein, *MLSP2016*', 'MLSP2016'],
      ['Oren Barkan and Noam Koenigstein, MLSP2016', 'MLSP2016'],
      ['Yu Liu, Xuhui Jia, Xiaogang Wang, *CVPR2020 (oral)*', 'CVPR2020 (oral)'],
      ['David Silver1 et al., *Nature*', 'Nature'],
      ['Alexander Kolesnikov, Xiaohua Zhai, Lucas Beyer *CVPR2019*', 'CVPR2019'],
      ['Kaidi Cao et al. NIPS (2019)', 'NIPS (2019)'],
      ['Zhonghui You, Kun Yan, Ping Wang, NeurIPS 2019', 'NeurIPS 2019'],
      ['Tom B. Brown et al. 2020', '2020'],
      ['Kaiming He Haoqi Fan Ross Girshick, CVPR 2020', 'CVPR 2020'],
      ['Jiahui Yu, Thomas Huang *arxiv.19.03*', 'arxiv.19.03'],
      ['CVPR2020', 'CVPR2020'],
      ['Yu-An Chung, Wei-Hung Weng, Schrasing Tong, James Glass', undefined],
      ['Qizhe Xie, Minh-Thang Luong, Eduard Hovy, Quoc V. Le', undefined],
      ['Anonymous authors', undefined],
      ["Ed H. Chi, Tip O'Neill", undefined],
    ];
    for (const [content, expected] of cases) assert.equal(venue(content), expected, content);
  });

  it('reads a venue at the end of a title after "on"', () => {
    const title = (content: string) => {
      const at = findTitleVenue(content);
      return at && content.slice(at.start, at.end);
    };
    assert.equal(
      title('Locally Free Weight sharing for Network Width Search on ICLR2021 (under review)'),
      'ICLR2021 (under review)',
    );
    assert.equal(
      title('What does a Model Learn about Non-dialectal Information? on INTERSPEECH 2020'),
      'INTERSPEECH 2020',
    );
    assert.equal(title('Learning on Graphs'), undefined);
    assert.equal(title('wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations'), undefined);
  });

  it('puts the venue on the section with its exact range', () => {
    const post = parsePost(
      '# Paper\n## Kaidi Cao et al. NIPS (2019)\n\n# Other on CVPR2020\n## Anonymous authors\n',
      'file:///s/_posts/2020-04-02-x.md',
    );
    const [first, second] = post.sections;
    assert.equal(first!.venue!.text, 'NIPS (2019)');
    assert.deepEqual(first!.venue!.range, { start: { line: 1, character: 20 }, end: { line: 1, character: 31 } });
    assert.equal(second!.venue!.text, 'CVPR2020');
    assert.equal(second!.venue!.range.start.line, 3);
  });
});
