import * as assert from 'node:assert/strict';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import type { MarkdownLink, Post, PresenterLine, Range } from '../../../server/src/core/model';

const textOf = (post: Post, range: Range) =>
  post.text.slice(post.lines.offsetAt(range.start), post.lines.offsetAt(range.end));

function presenter(line: string): { post: Post; p: PresenterLine } {
  const post = parsePost(`# Paper\n## A, B\n${line}\n`, 'file:///s/_posts/2020-04-02-x.md');
  const p = post.sections[0]!.presenterLines[0];
  assert.ok(p, 'a presenter line');
  return { post, p };
}

describe('presenter line', () => {
  it('reads label, name and links with exact ranges', () => {
    const { post, p } = presenter(
      '### 발표자: 이승현 [[paper link](https://arxiv.org/abs/1), [Presentation material](https://x.io/a.pdf)]',
    );
    assert.equal(p.label!.text, '발표자');
    assert.equal(textOf(post, p.label!.range), '발표자');
    assert.equal(textOf(post, p.colon!), ':');
    assert.equal(p.name!.text, '이승현');
    assert.equal(textOf(post, p.name!.range), '이승현');
    const list = p.linkList!;
    assert.ok(list.bracketed);
    assert.ok(list.close);
    assert.equal(
      textOf(post, list.range),
      '[[paper link](https://arxiv.org/abs/1), [Presentation material](https://x.io/a.pdf)]',
    );
    const links = list.items as MarkdownLink[];
    assert.deepEqual(
      links.map((l) => [l.kind, l.label.text, l.url!.text]),
      [
        ['link', 'paper link', 'https://arxiv.org/abs/1'],
        ['link', 'Presentation material', 'https://x.io/a.pdf'],
      ],
    );
    for (const link of links) {
      assert.equal(textOf(post, link.label.range), link.label.text);
      assert.equal(textOf(post, link.url!.range), link.url!.text);
    }
  });

  it('keeps text items, such as "presentation material unavailable"', () => {
    const { p } = presenter(
      '### 발표자: 주동욱 [[paper link](https://arxiv.org/pdf/2001.00248), presentation material unavailable]',
    );
    assert.deepEqual(
      p.linkList!.items.map((i) => (i.kind === 'text' ? `T:${i.text}` : `L:${i.label.text}`)),
      ['L:paper link', 'T:presentation material unavailable'],
    );
  });

  it('records what is malformed instead of giving up', () => {
    const noColon = presenter('### 발표자 김성빈 [[paper link](https://a.b/c)]').p;
    assert.equal(noColon.colon, undefined);
    assert.equal(noColon.label!.text, '발표자');
    assert.equal(noColon.name!.text, '김성빈');

    const noLinks = presenter('### 발표자: 김성빈').p;
    assert.equal(noLinks.linkList, undefined);
    assert.equal(noLinks.name!.text, '김성빈');

    const unclosedList = presenter(
      '### 발표자: 이 [[paper link](https://a.b/c), [presentation material](https://d.e/f)',
    ).p;
    assert.equal(unclosedList.linkList!.close, undefined);
    assert.equal(unclosedList.linkList!.items.length, 2);

    const noUrl = presenter('### 발표자: 이 [[paper link], [presentation material](???)]').p;
    const [first, second] = noUrl.linkList!.items as MarkdownLink[];
    assert.equal(first!.url, undefined);
    assert.equal(second!.url!.text, '???');

    const unclosedUrl = presenter('### 발표자: 이 [[paper link](https://a.b/c]').p;
    assert.ok((unclosedUrl.linkList!.items[0] as MarkdownLink).unclosed);

    const parens = presenter(
      '### 발표자: 이 [[paper link](https://en.wikipedia.org/wiki/A_(b)), [presentation material](https://x.y/z)]',
    ).p;
    assert.equal((parens.linkList!.items[0] as MarkdownLink).url!.text, 'https://en.wikipedia.org/wiki/A_(b)');

    const unbracketed = presenter(
      '### 발표자: 이 [paper link](https://a.b/c), [presentation material](https://d.e/f)',
    ).p;
    assert.equal(unbracketed.linkList!.bracketed, false);
    assert.equal(unbracketed.linkList!.items.length, 2);
  });

  it('reads an empty label or name as absent', () => {
    const { p } = presenter('### : [[paper link](https://a.b/c)]');
    assert.equal(p.label, undefined);
    assert.equal(p.name, undefined);
  });
});
