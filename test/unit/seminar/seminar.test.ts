import * as assert from 'node:assert/strict';
import {
  groupByPresenter,
  groupByQuarter,
  newestFirst,
  parseTalkFilter,
  quarterOfPost,
  talkMatches,
  type TalkRef,
} from '../../../server/src/core/index/seminar';
import { summarizePost, WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { postText, seminarPost } from './support';

const Q2 = seminarPost('2020-04-02-2nd_quarter.md', { title: '"2020_2nd_quarter"', date: '2020-04-02' }, [
  ['AutoSlim: Towards One-Shot Architecture Search', '이승현', 'Jiahui Yu, Thomas Huang, *arXiv 2019*'],
  ['Item2vec', '성시백', 'Oren Barkan and Noam Koenigstein, *MLSP2016*'],
]);
const Q3 = seminarPost('2020-07-02-3rd_quarter.md', { title: '"2020_3rd_quarter"', date: '2020-07-02' }, [
  ['Big Transfer (BiT)', '이승현', 'Lucas Beyer *CVPR2019*'],
  ['autoslim - towards one-shot architecture search', ' 이승현 '],
]);
const DRAFT = seminarPost('temp.md', { title: '"draft"' }, [['A Paper Without a Date', undefined]]);

describe("the Seminar view's posts", () => {
  it("carries each talk's title, presenter, authors, venue, paper link and line (not the slides link, which the view does not use)", () => {
    assert.deepEqual(Q2.quarter, { year: 2020, quarter: 2 });
    assert.equal(Q2.date, '2020-04-02');
    assert.equal(Q2.title, '2020_2nd_quarter');
    assert.deepEqual(Q2.talks[1], {
      title: 'Item2vec',
      presenter: '성시백',
      authors: 'Oren Barkan and Noam Koenigstein',
      venue: 'MLSP2016',
      paperUrl: 'https://arxiv.org/abs/8',
      line: 11,
    });
    assert.deepEqual(DRAFT.talks[0], {
      title: 'A Paper Without a Date',
      authors: 'Ada Lovelace et al.',
      venue: 'NeurIPS 2019',
      line: 5,
    });
  });

  it('takes the link labels of the configuration', () => {
    const text = postText({ title: '"2020_2nd_quarter"', date: '2020-04-02' }, [['T', 'X']]).replace(
      '[paper link]',
      '[논문]',
    );
    const post = parsePost(text, 'file:///site/_posts/2020-04-02-a.md');
    assert.equal(summarizePost(post).papers[0]!.paperUrl, undefined);
    assert.equal(
      summarizePost(post, {
        presenterLabels: ['발표자'],
        linkLabels: { paper: ['논문'], slides: ['presentation material'] },
      }).papers[0]!.paperUrl,
      'https://arxiv.org/abs/1',
    );
  });

  it("finds a post's quarter in its date, its file name, or its title", () => {
    assert.deepEqual(quarterOfPost('2020-10-08', 'x.md', undefined), { year: 2020, quarter: 4 });
    assert.deepEqual(
      quarterOfPost(undefined, '2020-07-02-3rd_quater.md', '2020_2nd_quarter'),
      { year: 2020, quarter: 3 },
      "the file name's date before the title",
    );
    assert.deepEqual(
      quarterOfPost('2020-07-01~2020-09-30', '2020_3rd_quater.md', '"2020 3rd quater"'),
      { year: 2020, quarter: 3 },
      'a date range Jekyll cannot read',
    );
    assert.deepEqual(quarterOfPost(undefined, '2020-3rd.markdown', undefined), { year: 2020, quarter: 3 });
    assert.equal(quarterOfPost(undefined, 'temp.md', 'testing'), undefined);
  });

  it('groups talks by quarter, newest first, undated posts last', () => {
    const groups = groupByQuarter([Q2, DRAFT, Q3]);
    assert.deepEqual(
      groups.map((g) => [g.id, g.talks.map((t) => t.talk.title)]),
      [
        ['2020-Q3', ['Big Transfer (BiT)', 'autoslim - towards one-shot architecture search']],
        ['2020-Q2', ['AutoSlim: Towards One-Shot Architecture Search', 'Item2vec']],
        ['undated', ['A Paper Without a Date']],
      ],
    );
    const twice = groupByQuarter([
      Q3,
      { ...Q3, uri: 'file:///site/_posts/2020-07-09-3rd_quarter.md', fileName: '2020-07-09-3rd_quarter.md' },
    ]);
    assert.equal(twice.length, 1, 'two posts of one quarter share it');
    assert.equal(twice[0]!.posts.length, 2);
    assert.deepEqual(
      twice[0]!.talks.map((t) => [t.post.fileName, t.index]),
      [
        ['2020-07-02-3rd_quarter.md', 0],
        ['2020-07-02-3rd_quarter.md', 1],
        ['2020-07-09-3rd_quarter.md', 0],
        ['2020-07-09-3rd_quarter.md', 1],
      ],
    );
  });

  it('groups talks by presenter across quarters, spellings of a name together, newest talk first', () => {
    const groups = groupByPresenter([Q2, Q3, DRAFT]);
    assert.deepEqual(
      groups.map((g) => [g.name, g.talks.map((t) => `${t.post.quarter?.quarter}:${t.talk.title}`)]),
      [
        ['성시백', ['2:Item2vec']],
        [
          '이승현',
          [
            '3:Big Transfer (BiT)',
            '3:autoslim - towards one-shot architecture search',
            '2:AutoSlim: Towards One-Shot Architecture Search',
          ],
        ],
        [undefined, ['undefined:A Paper Without a Date']],
      ],
    );
  });

  it("orders posts newest first for the Problems panel's limit", () => {
    assert.deepEqual(
      newestFirst([DRAFT, Q2, Q3]).map((p) => p.fileName),
      ['2020-07-02-3rd_quarter.md', '2020-04-02-2nd_quarter.md', 'temp.md'],
    );
  });

  it('filters talks by words in any field and by their problems', () => {
    const refs: TalkRef[] = groupByQuarter([Q2, Q3, DRAFT]).flatMap((g) => g.talks);
    const titles = (text: string, problems?: (ref: TalkRef) => { errors: number; warnings: number; infos: number }) =>
      refs.filter((ref) => talkMatches(ref, parseTalkFilter(text), problems)).map((ref) => ref.talk.title);
    assert.deepEqual(titles('autoslim'), [
      'autoslim - towards one-shot architecture search',
      'AutoSlim: Towards One-Shot Architecture Search',
    ]);
    assert.deepEqual(titles('이승현 cvpr'), ['Big Transfer (BiT)'], 'every word, in presenter and venue');
    assert.deepEqual(titles('2020-q2 mlsp'), ['Item2vec'], 'the quarter');
    assert.deepEqual(titles('temp.md'), ['A Paper Without a Date'], 'the file name');
    assert.deepEqual(
      titles(''),
      refs.map((r) => r.talk.title),
    );
    const problems = (ref: TalkRef) =>
      ref.talk.title === 'Item2vec'
        ? { errors: 0, warnings: 2, infos: 0 }
        : ref.talk.title === 'Big Transfer (BiT)'
          ? { errors: 1, warnings: 0, infos: 0 }
          : { errors: 0, warnings: 0, infos: 3 };
    assert.deepEqual(titles('has:problems', problems), ['Big Transfer (BiT)', 'Item2vec']);
    assert.deepEqual(titles('HAS:ERRORS', problems), ['Big Transfer (BiT)']);
    assert.deepEqual(titles('has:problems'), [], 'no counts, nothing kept');
  });
});

describe('the workspace index by revision', () => {
  const summary = (name: string, title: string) =>
    summarizePost(
      parsePost(
        postText({ title: '"2020_2nd_quarter"', date: '2020-04-02' }, [[title, '김']]),
        `file:///site/_posts/${name}`,
      ),
    );

  it('hands out what changed since a revision, and everything to a client it cannot answer', () => {
    const index = new WorkspaceIndex();
    index.update(summary('a.md', 'One'));
    index.update(summary('b.md', 'Two'));
    const first = index.changesSince(undefined);
    assert.equal(first.reset, true);
    assert.equal(first.summaries.length, 2);
    assert.deepEqual(index.changesSince(first.revision), {
      revision: first.revision,
      reset: false,
      summaries: [],
      removed: [],
    });

    assert.equal(index.update(summary('a.md', 'One')), false, 'the same summary');
    assert.equal(index.revision, first.revision, 'no revision for the same summary');
    index.update(summary('a.md', 'One again'));
    index.remove('file:///site/_posts/b.md');
    const next = index.changesSince(first.revision);
    assert.equal(next.reset, false);
    assert.deepEqual(
      next.summaries.map((s) => s.papers[0]!.title),
      ['One again'],
    );
    assert.deepEqual(next.removed, ['file:///site/_posts/b.md']);
    assert.equal(index.changesSince(next.revision + 5).reset, true, 'a revision ahead of the index (another server)');
    index.clear();
    assert.equal(index.changesSince(next.revision).reset, true, 'after a clear');
  });

  it('tells a listener each change with the summary before and after, and finds the posts sharing a title', () => {
    const index = new WorkspaceIndex();
    const seen: string[] = [];
    index.onDidChange = (uri, previous, next) =>
      seen.push(`${uri.slice(-4)}:${previous?.papers[0]?.title ?? '-'}>${next?.papers[0]?.title ?? '-'}`);
    index.update(summary('a.md', 'One'));
    index.update(summary('b.md', 'one'));
    index.remove('file:///site/_posts/a.md');
    assert.deepEqual(seen, ['a.md:->One', 'b.md:->one', 'a.md:One>-']);
    index.update(summary('a.md', 'One'));
    assert.deepEqual([...index.urisWithKeys(['one'], 'file:///site/_posts/a.md')], ['file:///site/_posts/b.md']);
  });
});
