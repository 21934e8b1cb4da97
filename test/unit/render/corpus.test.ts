/**
 * renderPost over the real posts of `../shared/corpus` (skipped, with a note, where it is absent).
 * Nothing of the posts is stored here: the tests compare the rendering with the post's own model.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { renderPost } from '../../../server/src/core/render/renderPost';
import { corpusPosts, requireCorpus } from '../../support/paths';

const load = (file: string) => parsePost(fs.readFileSync(file, 'utf8'), `file://${file}`, 1);
const BLOCK = /<(h[1-6]|p|ul|ol|li|table|tr|pre|div|hr|blockquote)(?=[ >])( data-line="(\d+)")?/g;

describe('rendering the real corpus', function () {
  before(function () {
    requireCorpus(this);
  });

  it('renders every post, published and draft, with no exception', () => {
    const { published, drafts } = corpusPosts();
    for (const file of [...published, ...drafts]) assert.doesNotThrow(() => renderPost(load(file)), file);
  });

  it('puts data-line on every block of the published posts, on the line that starts it', () => {
    let checked = 0;
    for (const file of corpusPosts().published) {
      const post = load(file);
      const lines = post.text.split(/\r?\n/);
      const html = renderPost(post).html.replace(/<span class="katex">[\s\S]*?<\/div>/g, '</div>');
      for (const [whole, tag, attribute, line] of html.matchAll(BLOCK)) {
        assert.ok(attribute, `${path.basename(file)}: ${whole} has no data-line`);
        const source = lines[Number(line)] ?? '';
        assert.ok(source.trim(), `${path.basename(file)}: ${tag} on blank line ${line}`);
        if (/^h[1-6]$/.test(tag!)) assert.ok(source.startsWith('#'.repeat(Number(tag![1])) + ' '), `${tag} at ${line}`);
        if (tag === 'li') assert.match(source, /^\s*(?:[-*+]|\d+\.)\s/, `li at ${line}`);
        checked++;
      }
    }
    assert.ok(checked > 150, `${checked} blocks`);
  });

  it('keeps every image of the published posts, with its URL and width', () => {
    let images = 0;
    for (const file of corpusPosts().published) {
      const post = load(file);
      const written = post.sections.flatMap((s) => [
        ...s.images.map((img) => {
          const attribute = (name: string) => img.attributes.find((a) => a.name === name)?.value?.text;
          return `${attribute('src')} ${attribute('width') ?? ''}`.trim();
        }),
        ...s.markdownImages.map((img) => img.url),
      ]);
      const rendered = [...renderPost(post).html.matchAll(/<img ([^>]*)>/g)].map(([, attributes]) => {
        const src = /src="([^"]*)"/.exec(attributes!)?.[1];
        const width = /width="([^"]*)"/.exec(attributes!)?.[1];
        return `${src} ${width ?? ''}`.trim();
      });
      assert.deepEqual(rendered, written, path.basename(file));
      images += written.length;
    }
    assert.ok(images > 20, `${images} images`);
  });

  it('typesets the Gate Decorator formula as display math and L_1 inline, with KaTeX', () => {
    const third = corpusPosts().published.find((f) => f.includes('3rd'))!;
    const post = load(third);
    const { html, sections } = renderPost(post);
    const gate = sections.find((s) => s.title.startsWith('Gate Decorator'))!;
    const display = [
      ...html.matchAll(
        /<div data-line="(\d+)" class="math-display"><span class="katex-display"><span class="katex"><span class="katex-mathml"><math [^>]*display="block">[\s\S]*?<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g,
      ),
    ];
    assert.equal(display.length, 1);
    const [, line, tex] = display[0]!;
    assert.ok(
      Number(line) > gate.line && post.text.split('\n')[Number(line)]!.startsWith('$$'),
      `formula at line ${line}`,
    );
    assert.match(tex!, /^\\Theta\(\\phi_i\) = \\sum_/);
    assert.match(
      html,
      /<span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"><semantics><mrow><msub><mi>L<\/mi><mn>1<\/mn><\/msub><\/mrow><annotation encoding="application\/x-tex">L_1<\/annotation>/,
    );
    assert.ok(!html.includes('$$'), 'no math left untypeset');
  });

  it("summarizes the 3rd quarter's sections: presenters, paper and slides links, image counts", () => {
    const third = corpusPosts().published.find((f) => f.includes('3rd'))!;
    const { sections, title, date } = renderPost(load(third));
    assert.deepEqual([title, date], ['2020_3rd_quarter', 'Jul 2, 2020']);
    assert.equal(sections.length, 9);
    assert.deepEqual(
      sections.map((s) => s.imageCount),
      [1, 3, 2, 2, 1, 1, 2, 1, 1],
    );
    for (const section of sections) {
      assert.match(section.presenter ?? '', /^[가-힣]{3}$/, section.title);
      assert.match(section.links.find((l) => l.kind === 'paper')?.url ?? '', /^https?:\/\//, section.title);
    }
    assert.equal(
      sections.filter((s) => s.links.some((l) => l.kind === 'slides')).length,
      8,
      'one section writes "presentation material unavailable" as text',
    );
    assert.equal(sections.find((s) => s.title.startsWith('Gate Decorator'))!.venue, 'NeurIPS 2019');
  });
});
