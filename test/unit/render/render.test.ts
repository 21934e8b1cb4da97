/**
 * renderPost on fixture posts written in the real posts' shape: HTML snapshots, and the behaviors
 * the snapshots would let slip by unnoticed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { resolveConfig } from '../../../server/src/core/config/config';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { blogDate, RenderCache, renderPost } from '../../../server/src/core/render/renderPost';
import { FIXTURES } from '../../support/paths';
import { matchSnapshot } from './snapshot';

const DIR = path.join(FIXTURES, 'render');
const load = (name: string, text = fs.readFileSync(path.join(DIR, name), 'utf8')) =>
  parsePost(text, `file:///site/_posts/${name}`, 3);
const render = (text: string, name = '2021-01-07-1st_quarter.md', cache?: RenderCache) =>
  renderPost(load(name, text), { cache }).html;
const FRONT = '---\nlayout: post\ntitle: "2021_1st_quarter"\ndate: 2021-01-07\nmathjax: true\n---\n';

function diagnostic(line: number, character: number, message = 'x'): Diagnostic {
  return { range: { start: { line, character }, end: { line, character: character + 1 } }, message };
}

describe('renderPost', () => {
  for (const name of ['2021-01-07-1st_quarter.md', '2021-04-01-2nd_quarter.md']) {
    it(`matches the snapshot of ${name}`, () => {
      const result = renderPost(load(name), { diagnostics: [diagnostic(13, 2), diagnostic(12, 4), diagnostic(27, 0)] });
      const { html, ...rest } = result;
      matchSnapshot(html + '\n', path.join(DIR, name.replace(/\.md$/, '.html')));
      matchSnapshot(JSON.stringify(rest, null, 2) + '\n', path.join(DIR, name.replace(/\.md$/, '.json')));
    });
  }

  it('gives every block element its 0-based source line', () => {
    const post = load('2021-01-07-1st_quarter.md');
    const lines = post.text.split('\n');
    const html = renderPost(post).html;
    const blocks = [...html.matchAll(/<(h[1-6]|p|ul|ol|li|table|tr|pre|div|hr)(?=[ >])( data-line="(\d+)")?/g)];
    assert.ok(blocks.length > 25, `${blocks.length} blocks`);
    for (const [whole, tag, attr, line] of blocks) {
      assert.ok(attr, `${whole} has no data-line`);
      const source = lines[Number(line)]!;
      if (/^h[1-6]$/.test(tag!))
        assert.match(source, new RegExp(`^#{${tag![1]}} `), `${tag} at line ${line}: ${source}`);
      if (tag === 'li') assert.match(source, /^\s*(?:[-*+]|\d+\.) /, `li at line ${line}: ${source}`);
      if (tag === 'hr') assert.equal(source, '***');
    }
  });

  it('reads `# title` right under `</p>` as a new section, as kramdown does', () => {
    const html = render(`${FRONT}\n# One\n<p align="center">\n<img src="https://a.b/x.png">\n</p>\n# Two\n- bullet\n`);
    assert.match(html, /<h1 data-line="11"[^>]*>Two<\/h1>/);
    assert.match(html, /<p data-line="8" align="center">\n<img src="https:\/\/a.b\/x.png">\n<\/p>/);
  });

  it('typesets $$ math with KaTeX when mathjax is set: display alone in its paragraph or between $$ lines, inline in a bullet', () => {
    const html = render(`${FRONT}\n# One\n- inline $$L_1$$ here\n\n$$\\alpha + \\beta$$\n\n$$\n\\gamma\n$$\n`);
    const displays = [
      ...html.matchAll(/<div data-line="(\d+)" class="math-display"><span class="katex-display">/g),
    ].map((m) => m[1]);
    assert.deepEqual(displays, ['10', '12']);
    assert.match(
      html,
      /<li data-line="8">inline <span class="katex">.*<annotation encoding="application\/x-tex">L_1<\/annotation>/,
    );
    assert.ok(!html.includes('$$'));
  });

  it('ends a display formula at the next $$, as the parser does, and renders what follows it', () => {
    const html = render(`${FRONT}\n# One\n$$\\mathcal{L} = a\n+ b$$\n\n# Two\n- after\n`);
    assert.match(
      html,
      /<div data-line="8" class="math-display"><span class="katex-display">.*<annotation encoding="application\/x-tex">\\mathcal\{L\} = a\n\+ b<\/annotation>/s,
    );
    assert.match(html, /<h1 data-line="11"[^>]*>Two<\/h1>/);
    assert.match(html, /<li data-line="12">after<\/li>/);
  });

  it('shows $$ math as kramdown writes it when mathjax is not set, and then reads no $ as math', () => {
    const html = render(
      FRONT.replace('mathjax: true', 'mathjax: false') + '\n# One\n- $$a_1$$ costs $5 or $10\n\n$$b_2$$\n',
    );
    assert.match(html, /<li data-line="8">\\\(a_1\\\) costs \$5 or \$10<\/li>/);
    assert.match(html, /<p data-line="10">\\\[b_2\\\]<\/p>/);
    assert.ok(!html.includes('katex'));
    assert.ok(
      !render(FRONT.replace('mathjax: true\n', '') + '\n$$x$$\n').includes('katex'),
      'no mathjax key: no typesetting',
    );
  });

  it('shows a formula KaTeX cannot read as its source, marked, and keeps going', () => {
    const html = render(`${FRONT}\n- bad $$\\frac{1}{$$ then good $$x$$\n`);
    assert.match(html, /<span class="katex-error" title="[^"]*">\$\$\\frac\{1\}\{\$\$<\/span>/);
    assert.match(html, /then good <span class="katex">/);
  });

  it('keeps GFM as kramdown reads it: tables, strikethrough, task lists, and no bare-URL links', () => {
    const html = render(`${FRONT}\n| a | b |\n| --- | :-: |\n| ~~c~~ | https://a.b/c |\n\n- [x] done\n`);
    assert.match(html, /<table data-line="7">/);
    assert.match(html, /<tr data-line="9">\n<td><del>c<\/del><\/td>\n<td align="center">https:\/\/a.b\/c<\/td>/);
    assert.match(html, /<input type="checkbox" checked disabled> done/);
  });

  it('resolves site-absolute image paths against imageBase, leaving other URLs alone', () => {
    const post = load(
      'x.md',
      `${FRONT}\n<img src="/assets/a.png"> <img src="//cdn.example/b.png"> <img src="c.png">\n`,
    );
    const { html } = renderPost(post, { imageBase: 'https://file+.vscode-resource.vscode-cdn.net/site/' });
    assert.match(html, /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/site\/assets\/a\.png"/);
    assert.match(html, /src="\/\/cdn\.example\/b\.png"/);
    assert.match(html, /src="c\.png"/);
  });

  it('resolves site paths under the baseurl to the site folder, the thumbnail too', () => {
    const base = 'https://file+.vscode-resource.vscode-cdn.net/site/';
    const post = load(
      'x.md',
      `${FRONT.replace('---\n', '---\nimage_url: /blog/assets/t.png\n')}\n<img src="/blog/assets/a.png"> <img src="/blogger/b.png">\n`,
    );
    const cache = new RenderCache();
    const result = renderPost(post, { imageBase: base, baseurl: '/blog', cache });
    assert.match(result.html, /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/site\/assets\/a\.png"/);
    assert.match(
      result.html,
      /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/site\/blogger\/b\.png"/,
      'a path that only starts like the baseurl is not under it',
    );
    assert.equal(result.thumbnail, `${base}assets/t.png`);
    assert.match(
      renderPost(post, { imageBase: base, cache }).html,
      /site\/blog\/assets\/a\.png/,
      'the cache keeps renders with and without a baseurl apart',
    );
  });

  it("formats the header as minima does, with Jekyll's defaults when the front matter is silent", () => {
    assert.equal(blogDate({ year: 2020, month: 4, day: 2 }), 'Apr 2, 2020');
    const fromFileName = renderPost(load('2020-10-08-4th-quarter.md', '# One\n'));
    assert.deepEqual(
      [fromFileName.title, fromFileName.date, fromFileName.dateTime],
      ['4th Quarter', 'Oct 8, 2020', '2020-10-08'],
    );
    const written = renderPost(
      load('x.md', '---\ntitle: 2020\ndate: 2020-02-23 01:00:00 +0900\nimage_url: ftp://a/b.png\n---\n'),
    );
    assert.deepEqual([written.title, written.date, written.thumbnail], ['2020', 'Feb 23, 2020', undefined]);
  });

  it("counts each section's problems, up to the next section, and points at the first", () => {
    const post = load('2021-01-07-1st_quarter.md');
    const { sections } = renderPost(post, {
      diagnostics: [diagnostic(20, 3), diagnostic(13, 2), diagnostic(22, 0), diagnostic(1, 0)],
    });
    assert.deepEqual(
      sections.map((s) => [s.line, s.problemCount, s.firstProblem]),
      [
        [9, 2, { line: 13, character: 2 }],
        [22, 1, { line: 22, character: 0 }],
        [39, 0, undefined],
      ],
    );
  });

  it("counts what the Problems panel lists (not hints), and names the worst severity for the badge's colour", () => {
    const post = load('2021-01-07-1st_quarter.md');
    const at = (line: number, severity: DiagnosticSeverity) => ({ ...diagnostic(line, 0), severity });
    const { sections, headerProblems } = renderPost(post, {
      diagnostics: [
        at(10, DiagnosticSeverity.Hint),
        at(13, DiagnosticSeverity.Warning),
        at(12, DiagnosticSeverity.Information),
        at(23, DiagnosticSeverity.Hint),
        at(40, DiagnosticSeverity.Error),
        at(41, DiagnosticSeverity.Warning),
        at(2, DiagnosticSeverity.Hint),
      ],
    });
    assert.deepEqual(
      sections.map((s) => [s.problemCount, s.problemSeverity, s.firstProblem?.line]),
      [
        [2, 'warning', 12],
        [0, undefined, undefined],
        [2, 'error', 40],
      ],
    );
    assert.equal(headerProblems, undefined, 'a hint alone gets no badge');
  });

  it('counts the problems before the first section for the header, and all of them in a post without sections', () => {
    const post = load('2021-01-07-1st_quarter.md');
    assert.deepEqual(
      renderPost(post, { diagnostics: [diagnostic(3, 6), diagnostic(13, 2), diagnostic(1, 0)] }).headerProblems,
      { count: 2, severity: 'error', first: { line: 1, character: 0 } },
    );
    assert.equal(renderPost(post, { diagnostics: [diagnostic(13, 2)] }).headerProblems, undefined);
    const empty = load('x.md', '---\ntitle: a\n---\n\nNo paper yet.\n');
    assert.deepEqual(renderPost(empty, { diagnostics: [diagnostic(4, 0), diagnostic(0, 0)] }).headerProblems, {
      count: 2,
      severity: 'error',
      first: { line: 0, character: 0 },
    });
  });

  it('classifies links by the configured labels', () => {
    const post = load('2021-01-07-1st_quarter.md');
    const config = resolveConfig({ linkLabels: { paper: ['paper link'], slides: ['slides'] } });
    const links = renderPost(post, { config }).sections[0]!.links.map((l) => l.kind);
    assert.deepEqual(links, ['paper', 'other']);
  });

  it('renders again from the cache with the same result, and moves cached chunks to their new lines', () => {
    const post = load('2021-01-07-1st_quarter.md');
    const cache = new RenderCache();
    const cold = renderPost(post, { cache }).html;
    assert.ok(cache.chunks.size > 0, 'the chunks were kept');
    assert.equal(renderPost(post, { cache }).html, cold);
    const shifted = renderPost(
      load('2021-01-07-1st_quarter.md', post.text.replace('\n# Attention', '\n\n\n# Attention')),
      { cache },
    ).html;
    assert.match(shifted, /<h1 data-line="41"[^>]*>Denoising Diffusion Probabilistic Models<\/h1>/);
    assert.match(cold, /<h1 data-line="39"[^>]*>Denoising Diffusion Probabilistic Models<\/h1>/);
  });

  it('typesets a formula again from the cache as it did the first time, when its section changes around it', () => {
    const text =
      '---\nmathjax: true\n---\n# One\n- loss $$L_1 + \\lambda \\|w\\|_2^2$$ here\n\n$$\\Theta(\\phi_i) = \\sum_j \\phi_{ij}$$\n';
    const cache = new RenderCache();
    const cold = render(text, undefined, cache);
    const edited = render(text.replace('# One', '# One, edited'), undefined, cache);
    assert.equal(cache.typeset.size, 2, 'both formulas were kept');
    assert.equal(
      render(text.replace('# One', '# One, edited')),
      edited,
      'the same HTML from the cache as typeset afresh',
    );
    assert.equal(edited.replace('One, edited', 'One').replace('one-edited', 'one'), cold);
    assert.equal((cold.match(/class="katex"/g) ?? []).length, 2);
  });
});
