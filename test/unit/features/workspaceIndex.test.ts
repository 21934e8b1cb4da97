import * as assert from 'node:assert/strict';
import { getWorkspaceSymbols } from '../../../server/src/core/features/workspaceSymbols';
import { summarizePost, WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { examplePost, SAMPLE_FRONT_MATTER } from '../../../server/src/core/rules/support/examples';
import { paperTitleKey } from '../../../server/src/core/workspace';

function post(name: string, papers: [string, string][]) {
  const body = papers
    .map(
      ([title, presenter]) => `# ${title}\n## A, B 2020\n### 발표자: ${presenter} [[paper link](https://a.b)]\n- x\n`,
    )
    .join('\n');
  return summarizePost(parsePost(examplePost(SAMPLE_FRONT_MATTER, body), `file:///site/_posts/${name}`));
}

describe('workspace index', () => {
  const index = new WorkspaceIndex();
  index.update(
    post('2020-04-02-2nd_quarter.md', [
      ['AutoSlim: Towards One-Shot Architecture Search', '이승현'],
      ['BERT', '김하늘'],
    ]),
  );
  index.update(
    post('2020-07-02-3rd_quarter.md', [
      ['autoslim - towards one-shot architecture search', '성시백'],
      ['GPT-3', '김하늘'],
    ]),
  );

  it('is the WorkspaceView of duplicate-paper: the same paper in other posts', () => {
    const key = paperTitleKey('AutoSlim: Towards One-Shot Architecture Search');
    const others = index.papersWithTitle(key, 'file:///site/_posts/2020-04-02-2nd_quarter.md');
    assert.deepEqual(
      others.map((p) => [p.fileName, p.presenter, p.postTitle, p.line]),
      [['2020-07-02-3rd_quarter.md', '성시백', '2020_2nd_quarter', 9]],
    );
    assert.equal(index.papersWithTitle(key, 'file:///elsewhere.md').length, 2);
  });

  it('says when the papers of a post changed, so that other posts are checked again', () => {
    const copy = new WorkspaceIndex();
    const first = post('a.md', [['One', 'X']]);
    assert.equal(copy.update(first), true);
    assert.equal(copy.update(post('a.md', [['One', 'X']])), false, 'same papers');
    assert.equal(copy.update(post('a.md', [['Two', 'X']])), true);
    assert.deepEqual(copy.papersWithTitle('one', ''), [], 'the old title is gone');
    assert.equal(copy.remove('file:///site/_posts/a.md'), true);
    assert.equal(copy.remove('file:///site/_posts/a.md'), false);
    assert.equal(copy.size, 0);
  });

  it("knows every presenter, most frequent first, and each one's talks", () => {
    assert.deepEqual(index.presenterNames(), ['김하늘', '성시백', '이승현']);
    assert.deepEqual(
      index.talksOf(' 김하늘 ').map((p) => p.title),
      ['BERT', 'GPT-3'],
    );
  });

  it('finds papers by title or presenter for workspace symbols', () => {
    const names = (query: string) => getWorkspaceSymbols(index.papers(), query).map((s) => s.name);
    assert.deepEqual(names('autoslim'), [
      'AutoSlim: Towards One-Shot Architecture Search',
      'autoslim - towards one-shot architecture search',
    ]);
    assert.deepEqual(names('김하늘'), ['BERT', 'GPT-3']);
    assert.deepEqual(names('하늘'), ['BERT', 'GPT-3'], 'part of a name');
    assert.deepEqual(names('gpt 김'), ['GPT-3'], 'words in any order, by their start');
    assert.deepEqual(names('ert'), ['BERT'], 'the whole query anywhere');
    assert.deepEqual(names('김 ert'), [], 'separate words only at the start of a word');
    assert.equal(names('').length, 4);
    assert.equal(getWorkspaceSymbols(index.papers(), '', 3).length, 3);
    const [bert] = getWorkspaceSymbols(index.papers(), 'bert');
    assert.equal(bert!.containerName, '김하늘 · 2020_2nd_quarter');
    assert.equal(bert!.location.uri, 'file:///site/_posts/2020-04-02-2nd_quarter.md');
  });
});
