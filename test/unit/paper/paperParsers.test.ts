/**
 * The paper link's sources and the parsers of their answers, over real-shaped responses written
 * for these tests (`test/fixtures/paper/`): an arXiv Atom entry (with and without `journal_ref`,
 * and the API's error entry), a CVF page's head, OpenReview/PMLR/ACL/Springer-style tags, and a
 * CSL JSON from doi.org. And the two lines the blog writes from them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { authorsLine, titleLine, type PaperMetadata } from '../../../server/src/core/paper/paperMetadata';
import { paperSourceOf } from '../../../server/src/core/paper/paperSource';
import { parseArxivAtom } from '../../../server/src/core/paper/parseArxivAtom';
import { parseCslJson } from '../../../server/src/core/paper/parseCslJson';
import { parseHighwireMeta } from '../../../server/src/core/paper/parseHighwireMeta';
import { shortVenue } from '../../../server/src/core/paper/venueNames';
import { REPO_ROOT } from '../../support/paths';

const fixture = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'paper', name), 'utf8');
const meta = (partial: Partial<PaperMetadata>): PaperMetadata => ({
  title: 'T',
  authors: [],
  venue: undefined,
  year: undefined,
  source: 'page',
  ...partial,
});

describe('paper link sources', () => {
  it('reads arXiv abstract, PDF, versioned and old-style links', () => {
    assert.deepEqual(paperSourceOf('https://arxiv.org/abs/1512.03385'), {
      kind: 'arxiv',
      id: '1512.03385',
      version: undefined,
    });
    assert.deepEqual(paperSourceOf('https://arxiv.org/pdf/1911.04252.pdf'), {
      kind: 'arxiv',
      id: '1911.04252',
      version: undefined,
    });
    assert.deepEqual(paperSourceOf('http://arxiv.org/pdf/1911.04252v4'), {
      kind: 'arxiv',
      id: '1911.04252',
      version: 'v4',
    });
    assert.deepEqual(paperSourceOf('https://arxiv.org/abs/1706.03762v7'), {
      kind: 'arxiv',
      id: '1706.03762',
      version: 'v7',
    });
    assert.deepEqual(paperSourceOf('https://export.arxiv.org/abs/hep-th/9901001'), {
      kind: 'arxiv',
      id: 'hep-th/9901001',
      version: undefined,
    });
    assert.deepEqual(paperSourceOf('https://arxiv.org/abs/math.GT/0309136v2'), {
      kind: 'arxiv',
      id: 'math.GT/0309136',
      version: 'v2',
    });
    assert.deepEqual(paperSourceOf('https://arxiv.org/abs/0704.0001'), {
      kind: 'arxiv',
      id: '0704.0001',
      version: undefined,
    });
  });

  it('names no paper for an arXiv address without an id, or a non-http one', () => {
    assert.equal(paperSourceOf('https://arxiv.org/abs/'), undefined);
    assert.equal(paperSourceOf('https://arxiv.org/list/cs.CV/recent'), undefined);
    assert.equal(paperSourceOf('ftp://example.com/x'), undefined);
    assert.equal(paperSourceOf('not a url'), undefined);
  });

  it("reads DOI links, and reads every other page for its tags (a known site's PDF through its page)", () => {
    assert.deepEqual(paperSourceOf('https://doi.org/10.1038/nature16961'), { kind: 'doi', doi: '10.1038/nature16961' });
    assert.deepEqual(paperSourceOf('http://dx.doi.org/10.1109/CVPR.2016.90'), {
      kind: 'doi',
      doi: '10.1109/CVPR.2016.90',
    });
    assert.deepEqual(paperSourceOf('https://openreview.net/forum?id=S0UdquAnr9k'), {
      kind: 'page',
      url: 'https://openreview.net/forum?id=S0UdquAnr9k',
    });
    assert.deepEqual(paperSourceOf('https://openreview.net/pdf?id=S0UdquAnr9k'), {
      kind: 'page',
      url: 'https://openreview.net/forum?id=S0UdquAnr9k',
    });
    assert.deepEqual(
      paperSourceOf('https://openaccess.thecvf.com/content_CVPR_2020/papers/Xie_Self-Training_CVPR_2020_paper.pdf'),
      {
        kind: 'page',
        url: 'https://openaccess.thecvf.com/content_CVPR_2020/html/Xie_Self-Training_CVPR_2020_paper.html',
      },
    );
    assert.deepEqual(
      paperSourceOf('https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf'),
      {
        kind: 'page',
        url: 'https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
      },
    );
    assert.deepEqual(paperSourceOf('https://aclanthology.org/2020.acl-main.1.pdf'), {
      kind: 'page',
      url: 'https://aclanthology.org/2020.acl-main.1/',
    });
    assert.deepEqual(paperSourceOf('http://proceedings.mlr.press/v119/chen20j/chen20j.pdf'), {
      kind: 'page',
      url: 'http://proceedings.mlr.press/v119/chen20j.html',
    });
    assert.deepEqual(paperSourceOf('http://127.0.0.1:8000/paper.html'), {
      kind: 'page',
      url: 'http://127.0.0.1:8000/paper.html',
    });
  });
});

describe('paper metadata parsers', () => {
  it('reads an arXiv Atom entry: title on one line, authors, year, venue arXiv', () => {
    assert.deepEqual(parseArxivAtom(fixture('arxiv-1512.03385.atom.xml'), '1512.03385'), {
      title: 'Deep Residual Learning for Image Recognition',
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
      venue: 'arXiv',
      year: 2015,
      source: 'arxiv',
    });
  });

  it('takes the venue and year from journal_ref when the authors gave one', () => {
    const found = parseArxivAtom(fixture('arxiv-journal-ref.atom.xml'), '1911.04252') as PaperMetadata;
    assert.equal(found.venue, 'CVPR 2020');
    assert.equal(found.year, 2020);
  });

  it("says why an Atom answer has no paper: the API's error entry, no entry, not XML, not Atom", () => {
    assert.deepEqual(parseArxivAtom(fixture('arxiv-error.atom.xml'), '9999.99999'), {
      failure: 'noMetadata',
      detail: 'arXiv says: incorrect id format for 9999.99999',
    });
    assert.deepEqual(parseArxivAtom('<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id></feed>', '1'), {
      failure: 'noMetadata',
      detail: 'the feed has no entry for 1',
    });
    assert.equal(
      (parseArxivAtom('<feed xmlns="http://www.w3.org/2005/Atom"><entry>', '1') as { failure: string }).failure,
      'malformed',
    );
    assert.equal(
      (parseArxivAtom('<html><body>Rate exceeded</body></html>', '1') as { failure: string }).failure,
      'malformed',
    );
    assert.equal((parseArxivAtom('', '1') as { failure: string }).failure, 'malformed');
  });

  it('resolves no external entity in a feed', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><title>&x;</title></entry></feed>';
    const found = parseArxivAtom(xxe, '1');
    assert.ok(!('title' in found) || !found.title.includes('root:'), JSON.stringify(found));
  });

  it('reads a CVF page\'s citation tags: "Last, First" names, the conference as its acronym', () => {
    assert.deepEqual(parseHighwireMeta(fixture('cvf-page-head.html')), {
      title: 'Self-Training With Noisy Student Improves ImageNet Classification',
      authors: ['Qizhe Xie', 'Minh-Thang Luong', 'Eduard Hovy', 'Quoc V. Le'],
      venue: 'CVPR',
      year: 2020,
      source: 'page',
    });
  });

  it('reads OpenReview, PMLR, ACL Anthology and Springer-style tags', () => {
    const page = (tags: string) =>
      parseHighwireMeta(
        `<!doctype html><html><head><title>x</title>${tags}</head><body></body></html>`,
      ) as PaperMetadata;
    const openreview = page(
      '<meta name="citation_title" content="Locally Free Weight Sharing for Network Width Search"/><meta name="citation_author" content="Xiu Su"/><meta name="citation_author" content="Shan You"/><meta name="citation_online_date" content="2020/09/28"/><meta name="citation_conference_title" content="International Conference on Learning Representations"/>',
    );
    assert.deepEqual(
      [openreview.title, openreview.authors, openreview.venue, openreview.year],
      ['Locally Free Weight Sharing for Network Width Search', ['Xiu Su', 'Shan You'], 'ICLR', 2020],
    );
    const pmlr = page(
      '<meta name="citation_title" content="A Simple Framework for Contrastive Learning of Visual Representations"><meta name="citation_author" content="Chen, Ting"><meta name="citation_publication_date" content="2020/11/21"><meta name="citation_conference_title" content="Proceedings of the 37th International Conference on Machine Learning">',
    );
    assert.deepEqual([pmlr.venue, pmlr.year, pmlr.authors], ['ICML', 2020, ['Ting Chen']]);
    const acl = page(
      '<meta content="BERT: Pre-training" name="citation_title"><meta content="Devlin, Jacob" name="citation_author"><meta content="Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics" name="citation_conference_title"><meta content="2019/6" name="citation_publication_date">',
    );
    assert.deepEqual([acl.venue, acl.year], ['NAACL', 2019]);
    const springer = page(
      '<meta name="citation_title" content="Deep learning"><meta name="citation_journal_title" content="Nature"><meta name="citation_author" content="LeCun, Yann"><meta name="citation_publication_date" content="2015/05">',
    );
    assert.deepEqual([springer.venue, springer.year], ['Nature', 2015]);
  });

  it('says a page without citation tags has no metadata, whatever the HTML', () => {
    assert.deepEqual(
      parseHighwireMeta('<html><head><title>A blog</title><meta name="description" content="x"></head></html>'),
      { failure: 'noMetadata', detail: 'the page has no citation_* meta tags' },
    );
    assert.equal(
      (parseHighwireMeta('\u0000<<<>>><meta name=citation_title content="">') as { failure: string }).failure,
      'noMetadata',
    );
    assert.equal((parseHighwireMeta('<div>'.repeat(200_000)) as { failure: string }).failure, 'noMetadata');
    // A tag written inside a script or a title is text, as in a browser.
    assert.equal(
      (
        parseHighwireMeta(
          '<head><script>var s = "<meta name=citation_title content=x>";</script><title><meta name="citation_title" content="y"></title></head>',
        ) as { failure: string }
      ).failure,
      'noMetadata',
    );
  });

  it("reads a DOI's CSL JSON", () => {
    assert.deepEqual(parseCslJson(fixture('doi-10.1038-nature16961.csl.json')), {
      title: 'Mastering the game of Go with deep neural networks and tree search',
      authors: ['David Silver', 'Aja Huang', 'Chris J. Maddison', 'Arthur Guez'],
      venue: 'Nature',
      year: 2016,
      source: 'doi',
    });
    assert.equal((parseCslJson('{"title": ') as { failure: string }).failure, 'malformed');
    assert.equal((parseCslJson('{"author": []}') as { failure: string }).failure, 'noMetadata');
    assert.equal((parseCslJson('42') as { failure: string }).failure, 'malformed');
  });

  it('shortens known venues and keeps others', () => {
    assert.equal(shortVenue('Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)'), 'ICCV');
    assert.equal(shortVenue('Advances in Neural Information Processing Systems 33'), 'NeurIPS');
    assert.equal(
      shortVenue('Proceedings of the 2019 Conference on Empirical Methods in Natural Language Processing'),
      'EMNLP',
    );
    assert.equal(shortVenue('MLSP 2016'), 'MLSP 2016');
    assert.equal(shortVenue('  '), undefined);
  });
});

describe('the lines written from a paper', () => {
  it('writes every author when there are three or fewer, the first et al. otherwise', () => {
    assert.equal(
      authorsLine(
        meta({ authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'], venue: 'CVPR', year: 2016 }),
      ),
      '## Kaiming He et al., CVPR 2016',
    );
    assert.equal(
      authorsLine(meta({ authors: ['A B', 'C D', 'E F'], venue: 'ICLR', year: 2021 })),
      '## A B, C D and E F, ICLR 2021',
    );
    assert.equal(
      authorsLine(meta({ authors: ['Oren Barkan', 'Noam Koenigstein'], venue: 'MLSP', year: 2016 })),
      '## Oren Barkan and Noam Koenigstein, MLSP 2016',
    );
    assert.equal(authorsLine(meta({ authors: ['Solo'], venue: 'CVPR 2020', year: 2020 })), '## Solo, CVPR 2020');
    assert.equal(authorsLine(meta({ authors: ['Solo'], year: 2020 })), '## Solo, 2020');
  });

  it('keeps Markdown marks of a title as text', () => {
    assert.equal(
      titleLine(meta({ title: 'Attention *is* all <you> need\n  [v2]' })),
      '# Attention \\*is\\* all \\<you\\> need \\[v2\\]',
    );
  });
});
