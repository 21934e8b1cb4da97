import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { paperSectionSnippet } from '../../../client/src/authoring/snippets';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { lintText, summarize } from '../../support/lint';
import { REPO_ROOT } from '../../support/paths';
import { expandSnippet } from './expandSnippet';

interface SnippetEntry {
  prefix: string;
  body: string[];
  description: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { snippets: { language: string; path: string }[] };
};
const contributed = manifest.contributes.snippets;
const snippetFile = path.join(REPO_ROOT, contributed[0]!.path);
const snippets = JSON.parse(fs.readFileSync(snippetFile, 'utf8')) as Record<string, SnippetEntry>;
const bodyOf = (name: string) => snippets[name]!.body.join('\n');
const postWith = (body: string) => `---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\n---\n\n${body}\n`;
const parse = (text: string) => parsePost(text, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);

describe('snippets', () => {
  it('are contributed for Markdown, one file', () => {
    assert.deepEqual(
      contributed.map((s) => s.language),
      ['markdown'],
    );
  });

  it('are exactly post, paper, presenter, figure, figure2 and bullet, each with its own name as prefix', () => {
    assert.deepEqual(Object.keys(snippets).sort(), ['bullet', 'figure', 'figure2', 'paper', 'post', 'presenter']);
    for (const [name, snippet] of Object.entries(snippets)) assert.equal(snippet.prefix, name);
  });

  it('describe themselves in English and in Korean', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      const [english, korean] = snippet.description.split(' · ');
      assert.match(english ?? '', /^[A-Z][A-Za-z ,:()-]+$/, `${name}: English description first`);
      assert.match(korean ?? '', /[\uac00-\ud7a3]/, `${name}: Korean description after " · "`);
    }
  });

  it('post: a front matter Jekyll publishes, dated with the snippet variables', () => {
    const text = expandSnippet(bodyOf('post'), { year: 2021, month: 1, day: 7 });
    const post = parse(text);
    const keys = post.frontMatter?.entries.map((e) => e.key);
    assert.deepEqual(keys, ['layout', 'title', 'date', 'image_url', 'mathjax', 'comments']);
    const value = (key: string) => post.frontMatter!.entries.find((e) => e.key === key)!.valueSource;
    assert.equal(value('title'), '"2021_1st_quarter"');
    assert.equal(value('date'), '2021-01-07');
    assert.match(bodyOf('post'), /\$CURRENT_YEAR/);
  });

  it('paper: one whole section (title, authors, presenter with both links, two bullets, an image block)', () => {
    const post = parse(postWith(expandSnippet(bodyOf('paper'))));
    assert.equal(post.sections.length, 1);
    const section = post.sections[0]!;
    assert.equal(section.title.text, 'Paper title');
    assert.equal(section.authors?.text, 'Authors, Venue');
    assert.equal(section.presenterLines.length, 1);
    const presenter = section.presenterLines[0]!;
    assert.equal(presenter.label?.text, '발표자');
    assert.equal(presenter.name?.text, 'Presenter name');
    const links = presenter.linkList?.items.filter((item) => item.kind === 'link') ?? [];
    assert.deepEqual(
      links.map((l) => (l.kind === 'link' ? l.label.text : '')),
      ['paper link', 'presentation material'],
    );
    assert.equal(section.bullets.length, 2);
    assert.equal(section.imageBlocks.length, 1);
    assert.equal(section.imageBlocks[0]!.images.length, 1);
  });

  it('presenter: a presenter line the parser reads with its two links', () => {
    const post = parse(postWith(`# T\n## A\n${expandSnippet(bodyOf('presenter'))}\n- b`));
    const presenter = post.sections[0]!.presenterLines[0]!;
    assert.equal(presenter.name?.text, 'Presenter name');
    assert.equal(presenter.linkList?.items.filter((item) => item.kind === 'link').length, 2);
  });

  it('figure and figure2: a centered block with one image, and with two images of the same width', () => {
    const one = parse(postWith(`# T\n${expandSnippet(bodyOf('figure'))}`)).sections[0]!;
    assert.equal(one.imageBlocks.length, 1);
    assert.equal(one.imageBlocks[0]!.images.length, 1);
    const two = parse(postWith(`# T\n${expandSnippet(bodyOf('figure2'))}`)).sections[0]!;
    const images = two.imageBlocks[0]!.images;
    assert.equal(images.length, 2);
    assert.deepEqual(
      images.map((img) => img.attributes.find((a) => a.name === 'width')?.value?.text),
      ['450', '450'],
    );
    assert.ok(two.imageBlocks[0]!.open.attributes.some((a) => a.name === 'align' && a.value?.text === 'center'));
  });

  it('bullet: one summary bullet', () => {
    const section = parse(postWith(`# T\n${expandSnippet(bodyOf('bullet'))}`)).sections[0]!;
    assert.deepEqual(
      section.bullets.map((b) => b.text),
      ['One-line summary'],
    );
  });

  it('a post from the snippets raises no front matter or file problem once its placeholders are filled', () => {
    // The quarter is a choice the writer makes (1st first); a January day agrees with it.
    const front = expandSnippet(bodyOf('post'), { year: 2021, month: 1, day: 7 }).replace(
      'https://',
      'https://user-images.githubusercontent.com/1/thumb.png',
    );
    const text = `${front}${expandSnippet(bodyOf('paper'))}`;
    const problems = summarize(lintText(text, { fileName: '2021-01-07-1st_quarter.md' }));
    assert.deepEqual(
      problems.filter((p) => /front-matter|required-field|field-type|title|filename/.test(p)),
      [],
    );
  });
});

describe('paperSectionSnippet (Add Paper Section)', () => {
  const placeholders = {
    title: '논문 제목',
    authors: '저자',
    venue: '학회',
    presenter: '발표자 이름',
    summary: '한 줄 요약',
  };

  it('offers the presenters as a choice after the placeholder, never a real name in its place, escaping what a choice cannot hold', () => {
    const snippet = paperSectionSnippet({
      presenterLabel: 'Presenter',
      paperLinkLabel: 'paper',
      slidesLinkLabel: 'slides',
      presenters: ['Kim, J.', '이영희', 'Kim, J.', 'a|b'],
      placeholders,
    });
    assert.match(snippet, /\$\{4\|발표자 이름,Kim\\, J\.,이영희,a\\\|b\|\}/);
    const section = parse(postWith(expandSnippet(snippet))).sections[0]!;
    assert.equal(section.title.text, '논문 제목');
    assert.equal(section.presenterLines[0]!.label?.text, 'Presenter');
    assert.equal(
      section.presenterLines[0]!.name?.text,
      '발표자 이름',
      'left as inserted, the talk is credited to no one',
    );
  });

  it('falls back to a placeholder without names, and escapes $ and } in labels', () => {
    const snippet = paperSectionSnippet({
      presenterLabel: '발표자',
      paperLinkLabel: 'paper $link}',
      slidesLinkLabel: 's',
      presenters: [],
      placeholders,
    });
    const text = expandSnippet(snippet);
    assert.match(text, /### 발표자: 발표자 이름 \[\[paper \$link\}\]\(https:\/\/arxiv\.org\/abs\/\)/);
  });
});
