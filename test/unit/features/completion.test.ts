import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { resolveConfig } from '../../../server/src/core/config/config';
import { getCompletions, type CompletionOptions } from '../../../server/src/core/features/completion';
import { examplePost, SAMPLE_FRONT_MATTER } from '../../../server/src/core/rules/support/examples';
import { readSite } from '../../../server/src/core/site/site';
import { postWithCursor } from '../../support/cursor';
import { memoryHost } from '../../support/memoryHost';

const OPTIONS: CompletionOptions = {
  config: resolveConfig(),
  site: undefined,
  presenters: ['김하늘', '이승현'],
  today: '2026-11-27',
  locale: 'en',
  snippets: true,
};

function complete(text: string, options: Partial<CompletionOptions> = {}, fileName?: string): CompletionItem[] {
  const { post, position } = postWithCursor(text, fileName);
  return getCompletions(post, position, { ...OPTIONS, ...options });
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const withFrontMatter = (lines: string[]) => examplePost(lines);

describe('completion', () => {
  it('offers the keys the front matter lacks, with the value the rules would insert', () => {
    const items = complete(withFrontMatter(['layout: post', 'date: 2020-04-02', 'mat$$CURSOR$$']));
    assert.equal(labels(items).includes('layout'), false);
    assert.equal(labels(items).includes('date'), false);
    const title = items.find((i) => i.label === 'title')!;
    assert.equal(title.textEdit!.newText, 'title: "2020_2nd_quarter"');
    assert.equal(title.detail, 'missing required key (error)');
    assert.equal(items.find((i) => i.label === 'mathjax')!.textEdit!.newText, 'mathjax: true');
    assert.ok(labels(items).includes('permalink'), 'Jekyll keys too');
    assert.deepEqual((items.find((i) => i.label === 'mathjax')!.textEdit as { range: unknown }).range, {
      start: { line: 3, character: 0 },
      end: { line: 3, character: 3 },
    });
  });

  it('puts the missing required keys first, in the configured order', () => {
    const items = complete(withFrontMatter(['layout: post', '$$CURSOR$$']));
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(labels(sorted).slice(0, 5), ['title', 'date', 'image_url', 'mathjax', 'comments']);
  });

  it('writes the documentation in Korean for a Korean user', () => {
    const items = complete(withFrontMatter(['$$CURSOR$$']), { locale: 'ko' });
    const comments = items.find((i) => i.label === 'comments')!;
    assert.match((comments.documentation as { value: string }).value, /댓글/);
    assert.match(comments.detail!, /빠진 필수 키/);
  });

  it('offers no key in front of an existing `key: value`', () => {
    assert.deepEqual(complete(withFrontMatter(['$$CURSOR$$layout: post'])), []);
  });

  it("offers values: layouts of the site, booleans, dates, the quarter's title, the post's images", () => {
    const site = readSite(
      '/site',
      memoryHost({ '/site/_config.yml': 'theme: minima', '/site/_layouts/talk.html': '' }),
    );
    assert.deepEqual(labels(complete(withFrontMatter(['layout: $$CURSOR$$']), { site })), [
      'default',
      'home',
      'page',
      'post',
      'talk',
    ]);
    assert.deepEqual(
      labels(complete(withFrontMatter(['layout: $$CURSOR$$']))),
      ['post'],
      "outside a site, the blog's layout",
    );
    assert.deepEqual(labels(complete(withFrontMatter(['comments: t$$CURSOR$$']))), ['true', 'false']);
    assert.deepEqual(labels(complete(withFrontMatter(['date: $$CURSOR$$']))), ['2020-04-02', '2026-11-27']);
    assert.deepEqual(labels(complete(withFrontMatter(['date: 2020-07-02', 'title: $$CURSOR$$']))), [
      '"2020_3rd_quarter"',
    ]);
    assert.deepEqual(labels(complete(withFrontMatter(['image_url: $$CURSOR$$']))), [
      'https://user-images.githubusercontent.com/1/resnet-block.png',
    ]);
  });

  it('adds the space a value needs after the colon, and replaces what was typed', () => {
    const [item] = complete(withFrontMatter(['mathjax:$$CURSOR$$']));
    assert.equal(item!.textEdit!.newText, ' true');
    const [typed] = complete(withFrontMatter(['mathjax: tr$$CURSOR$$ue']));
    assert.deepEqual((typed!.textEdit as { range: unknown }).range, {
      start: { line: 1, character: 9 },
      end: { line: 1, character: 13 },
    });
  });

  it('offers the configured presenter labels after `### `', () => {
    const config = resolveConfig({ presenterLabels: ['발표자', 'Presenter'] });
    const items = complete(examplePost(SAMPLE_FRONT_MATTER, '# A paper\n## Someone, ICML 2020\n### $$CURSOR$$\n'), {
      config,
    });
    assert.deepEqual(labels(items), ['발표자:', 'Presenter:']);
    assert.equal(items[0]!.textEdit!.newText, '발표자: ');
  });

  it('offers presenter names after the label, and the link list after a name', () => {
    const names = complete(examplePost(SAMPLE_FRONT_MATTER, '# A paper\n### 발표자: 김$$CURSOR$$\n'));
    assert.deepEqual(labels(names), ['김하늘', '이승현']);
    assert.deepEqual((names[0]!.textEdit as { range: unknown }).range, {
      start: { line: 10, character: 9 },
      end: { line: 10, character: 10 },
    });
    const list = complete(examplePost(SAMPLE_FRONT_MATTER, '# A paper\n### 발표자: 김하늘 $$CURSOR$$\n'));
    assert.deepEqual(labels(list), ['[[paper link](), [presentation material]()]']);
    assert.equal(list[0]!.textEdit!.newText, '[[paper link]($1), [presentation material]($2)]');
  });

  it('offers link labels inside the link list, closing the link where needed', () => {
    const open = complete(examplePost(SAMPLE_FRONT_MATTER, '# A paper\n### 발표자: 김하늘 [[$$CURSOR$$\n'), {
      snippets: false,
    });
    assert.deepEqual(labels(open), ['paper link', 'presentation material']);
    assert.equal(open[0]!.textEdit!.newText, 'paper link]()');
    const second = complete(
      examplePost(
        SAMPLE_FRONT_MATTER,
        '# A paper\n### 발표자: 김하늘 [[paper link](https://a.b), [pres$$CURSOR$$](x)]\n',
      ),
    );
    assert.equal(second[1]!.textEdit!.newText, 'presentation material');
    assert.deepEqual(
      complete(examplePost(SAMPLE_FRONT_MATTER, '# A paper\n### 발표자: 김하늘 [[paper link](https://$$CURSOR$$\n')),
      [],
      'not inside a URL',
    );
  });

  it('offers the <img> attributes the tag does not have, outside quoted values', () => {
    const body = '# A paper\n<p align="center">\n  <img src="https://a.b/c.png" $$CURSOR$$>\n</p>\n';
    assert.deepEqual(labels(complete(examplePost(SAMPLE_FRONT_MATTER, body))), ['width', 'alt', 'height']);
    assert.deepEqual(complete(examplePost(SAMPLE_FRONT_MATTER, '# A paper\n<img src="a $$CURSOR$$">\n')), []);
    assert.deepEqual(complete(examplePost(SAMPLE_FRONT_MATTER, '# A paper\n<img src="a.png"> $$CURSOR$$\n')), []);
  });

  it('offers nothing in plain text, on the delimiters, or at a position outside the post', () => {
    assert.deepEqual(complete(examplePost(SAMPLE_FRONT_MATTER, '# A paper\n- a bullet $$CURSOR$$\n')), []);
    assert.deepEqual(complete('---$$CURSOR$$\nlayout: post\n---\n'), []);
    const { post } = postWithCursor(examplePost(SAMPLE_FRONT_MATTER, '$$CURSOR$$'));
    assert.deepEqual(getCompletions(post, { line: 999, character: 0 }, OPTIONS), []);
    assert.deepEqual(getCompletions(post, { line: 1, character: 999 }, OPTIONS), []);
  });
});
