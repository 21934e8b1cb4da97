/**
 * Inline suppression comments (`<!-- seminar-posts-disable... -->`), as the engine applies them to
 * every rule.
 */
import * as assert from 'node:assert/strict';
import { summarize, lintText } from '../../support/lint';

const HEAD = `---
layout: post
title: "2020_2nd_quarter"
date: 2020-04-02
image_url: https://user-images.githubusercontent.com/1/a.png
mathjax: true
comments: true
---
`;

/** A section whose presenter line has a relative slides link (link-url) and a `px` width (image-width). */
const section = (title: string, before = '', presenterEnd = '') => `${before}# ${title}
## Ashish Vaswani et al., NeurIPS 2017
### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](slides/a.pdf)]${presenterEnd}
- attention만으로 번역 모델을 만든 논문입니다.

<p align="center">
  <img src="https://user-images.githubusercontent.com/1/a.png" width="450px">
</p>
`;

const lint = (body: string) => summarize(lintText(`${HEAD}\n${body}`));

describe('suppression comments', () => {
  it('reports both problems without a directive', () => {
    assert.deepEqual(lint(section('Paper A')), ['12:link-url', '16:image-width']);
  });

  it('disable-next-line turns off the named rules on the next line only', () => {
    const body =
      section('Paper A').replace('### 발표자', '<!-- seminar-posts-disable-next-line link-url -->\n### 발표자') +
      '\n' +
      section('Paper B');
    assert.deepEqual(lint(body), ['17:image-width', '22:link-url', '26:image-width']);
    const other = section('Paper A').replace(
      '### 발표자',
      '<!-- seminar-posts-disable-next-line image-width -->\n### 발표자',
    );
    assert.deepEqual(lint(other), ['13:link-url', '17:image-width']);
  });

  it('disable-next-line without ids turns off every rule on the next line, and a reason may follow --', () => {
    const body = section('Paper A').replace(
      '  <img',
      '<!-- seminar-posts-disable-next-line -- the lab asked for this size -->\n  <img',
    );
    assert.deepEqual(lint(body), ['12:link-url']);
  });

  it('disable-line works at the end of a presenter line, which the comment does not make malformed', () => {
    assert.deepEqual(lint(section('Paper A', '', ' <!-- seminar-posts-disable-line link-url -->')), ['16:image-width']);
  });

  it('disable ... enable covers a stretch; without enable it runs to the end', () => {
    const body = `<!-- seminar-posts-disable link-url, image-width -->\n\n${section('Paper A')}\n<!-- seminar-posts-enable link-url, image-width -->\n\n${section('Paper B')}`;
    assert.deepEqual(lint(body), ['25:link-url', '29:image-width']);
    const open = `${section('Paper A')}\n<!-- seminar-posts-disable image-width -->\n\n${section('Paper B')}`;
    assert.deepEqual(lint(open), ['12:link-url', '16:image-width', '23:link-url']);
  });

  it('enable names one rule back on inside a stretch where every rule is off', () => {
    const body = `<!-- seminar-posts-disable -->\n<!-- seminar-posts-enable link-url -->\n\n${section('Paper A')}`;
    assert.deepEqual(lint(body), ['15:link-url']);
  });

  it('disable-file turns a rule off in the whole post, wherever the comment is', () => {
    const body = `${section('Paper A')}\n${section('Paper B')}\n<!-- seminar-posts-disable-file link-url -->\n`;
    assert.deepEqual(lint(body), ['16:image-width', '25:image-width']);
    assert.deepEqual(lint(`${section('Paper A')}\n<!-- seminar-posts-disable-file -->\n`), []);
  });

  it('ignores look-alikes and comments inside code', () => {
    const lookAlike = section('Paper A').replace(
      '### 발표자',
      '<!-- seminar-posts-disable-nextline link-url -->\n### 발표자',
    );
    assert.deepEqual(lint(lookAlike), ['13:link-url', '17:image-width']);
    const inCode = '```markdown\n<!-- seminar-posts-disable-file -->\n```\n\n' + section('Paper A');
    assert.deepEqual(
      lint(inCode),
      ['content-before-first-paper', 'link-url', 'image-width'].map((id, i) => `${[10, 16, 20][i]}:${id}`),
    );
  });
});

describe('suppression comments naming no rule', () => {
  it('warns on a comment whose id is not a rule, suggesting the closest, and the typo suppresses nothing', () => {
    const body = section('Paper A').replace(
      '### 발표자',
      '<!-- seminar-posts-disable-next-line link-urll, image-width -->\n### 발표자',
    );
    const found = lintText(`${HEAD}\n${body}`);
    assert.deepEqual(summarize(found), ['12:suppression-unknown-rule', '13:link-url', '17:image-width']);
    const warning = found.find((d) => d.code === 'suppression-unknown-rule')!;
    assert.match(warning.message, /found `link-urll`: it turns nothing off; did you mean `link-url`\?/);
    const ko = lintText(`${HEAD}\n${body}`, { locale: 'ko' }).find((d) => d.code === 'suppression-unknown-rule')!;
    assert.match(ko.message, /규칙 id가 필요하지만 `link-urll`입니다/);
  });

  it('accepts every rule id and markdown-simplified, and a directive without ids', () => {
    const body =
      '<!-- seminar-posts-disable-file markdown-simplified venue-missing -->\n<!-- seminar-posts-disable -->\n' +
      section('Paper A');
    assert.ok(!lintText(`${HEAD}\n${body}`).some((d) => d.code === 'suppression-unknown-rule'));
  });
});

describe('the fix of a suppression comment naming no rule', () => {
  it('points at the id and offers to change it to the closest rule, not as a safe fix', () => {
    const comment = '<!-- seminar-posts-disable-next-line image-width, link-urll -- slides on the NAS -->';
    const body = section('Paper A').replace('### 발표자', `${comment}\n### 발표자`);
    const text = `${HEAD}\n${body}`;
    const warning = lintText(text).find((d) => d.code === 'suppression-unknown-rule')!;
    const line = text.split('\n')[warning.range.start.line]!;
    assert.equal(line.slice(warning.range.start.character, warning.range.end.character), 'link-urll');
    const [fix] = (warning.data as { fixes: { title: string; safe: boolean; edits: { newText: string }[] }[] }).fixes;
    assert.equal(fix!.title, 'Change `link-urll` to `link-url`');
    assert.equal(fix!.safe, false);
    assert.equal(fix!.edits[0]!.newText, 'link-url');
  });

  it('offers no fix when nothing is close, and still points at the id', () => {
    const body = '<!-- seminar-posts-disable-file seminar-posts-disable -->\n' + section('Paper A');
    const text = `${HEAD}\n${body}`;
    const warning = lintText(text).find((d) => d.code === 'suppression-unknown-rule')!;
    const line = text.split('\n')[warning.range.start.line]!;
    assert.equal(warning.range.start.character, line.lastIndexOf('seminar-posts-disable'));
    assert.deepEqual((warning.data as { fixes: unknown[] }).fixes, []);
  });
});
