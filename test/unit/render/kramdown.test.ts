/**
 * The preview's kramdown reading, construct by construct. Each expectation is what kramdown 2.4
 * (kramdown-parser-gfm 1.1, as Jekyll 4.3 runs it) wrote for the same input; the Jekyll parity
 * suite (`test/jekyll/`) holds the whole pipeline against the real `jekyll build`.
 */
import * as assert from 'node:assert/strict';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { kramdownHeadingId } from '../../../server/src/core/render/kramdownIds';
import { renderPost } from '../../../server/src/core/render/renderPost';
import { typography } from '../../../server/src/core/render/kramdownTypography';
import { BLOG_MATHJAX, MATHJAX2_DEFAULTS, parseHubConfig } from '../../../server/src/core/site/mathjaxConfig';

const FRONT = '---\nlayout: post\ntitle: "t"\ndate: 2021-01-07\nmathjax: true\n---\n';
const render = (body: string, front = FRONT) =>
  renderPost(parsePost(front + body, 'file:///site/_posts/2021-01-07-x.md', 1)).html;
/** The body's HTML without `data-line`s and KaTeX's markup (a formula reads `[tex]`). */
const plain = (body: string, front = FRONT) =>
  render(body, front)
    .replace(/ data-line="\d+"/g, '')
    .replace(
      /<span class="katex">[\s\S]*?<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>[\s\S]*?<\/span><\/span><\/span>(?:<\/span>)*/g,
      '[$1]',
    );

describe('the preview reads Markdown as kramdown does', () => {
  it("emphasis: bold next to Korean and punctuation, and kramdown's own pairing of delimiters", () => {
    assert.equal(plain('**데이터 갭(Data Gap)**을 줄인다'), '<p><strong>데이터 갭(Data Gap)</strong>을 줄인다</p>');
    assert.equal(plain('*기울임*은 and **(Data)**word'), '<p><em>기울임</em>은 and <strong>(Data)</strong>word</p>');
    assert.equal(plain('__x__의 a **b** c__ d'), '<p><strong>x__의 a **b** c</strong> d</p>');
    assert.equal(plain('**x a **b** c** d'), '<p><strong>x a **b</strong> c** d</p>');
    assert.equal(
      plain('***both*** and snake_case_name and a * b'),
      '<p><strong><em>both</em></strong> and snake_case_name and a * b</p>',
    );
    assert.equal(plain('\\*not\\* and \\_not\\_'), '<p>*not* and _not_</p>');
  });

  it('smart typography: quotes, dashes, ellipses, guillemets; code keeps what was written', () => {
    assert.equal(
      typography("\"Double\" and 'single' and it's the '90s -- a --- b..."),
      '“Double” and ‘single’ and it’s the ’90s – a — b…',
    );
    assert.equal(typography("('inner') << a >>"), '(‘inner’) «\u00A0a\u00A0»');
    assert.equal(plain('`"code" -- x`'), '<p><code>"code" -- x</code></p>');
  });

  it('heading ids as kramdown-parser-gfm makes them, numbered when repeated', () => {
    assert.equal(
      kramdownHeadingId('Relational inductive biases, deep learning, and graph networks'),
      'relational-inductive-biases-deep-learning-and-graph-networks',
    );
    assert.equal(kramdownHeadingId('발표자: 강진구'), '발표자-강진구');
    assert.equal(kramdownHeadingId('A “quoted” – dashed… heading'), 'a-quoted--dashed-heading');
    const html = render('# Same\n- a\n\n# Same\n- b\n\n# Same\n');
    assert.deepEqual(
      [...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]),
      ['user-content-same', 'user-content-same-1', 'user-content-same-2'],
    );
  });

  it("footnotes with kramdown's ids and back links", () => {
    const html = plain('A[^1] b[^1]\n\n[^1]: note');
    assert.match(html, /<sup id="user-content-fnref:1"><a href="#fn:1" class="footnote">1<\/a><\/sup>/);
    assert.match(html, /<sup id="user-content-fnref:1:1">/);
    assert.match(html, /<div class="footnotes"><ol><li id="user-content-fn:1">/);
    assert.match(html, /<a href="#fnref:1:1" class="reversefootnote">↩<sup>2<\/sup><\/a>/);
  });

  it('no list from `1)`, no link from a bare URL, one list from mixed bullets, `ol` from 1', () => {
    assert.equal(plain('1) one\n2) two'), '<p>1) one\n2) two</p>');
    assert.equal(plain('(https://arxiv.org/abs/1807.07665)에서'), '<p>(https://arxiv.org/abs/1807.07665)에서</p>');
    assert.equal((plain('- a\n* b\n+ c').match(/<ul>/g) ?? []).length, 1);
    assert.equal(plain('3. three\n4. four').startsWith('<ol>\n'), true);
  });

  it('attribute lists on images and paragraphs', () => {
    assert.equal(
      plain('a ![fig](https://a.b/x.png){: width="450"} b'),
      '<p>a <img src="https://a.b/x.png" alt="fig" width="450"> b</p>',
    );
    assert.equal(
      plain('![fig](https://a.b/x.png){:width="120" alt="other"}'),
      '<p><img src="https://a.b/x.png" alt="other" width="120"></p>',
    );
    assert.equal(plain('text\n{: .note}'), '<p>text</p>');
  });

  it('HTML blocks end at their end tag; an unclosed one swallows the rest; markdown="1" is Markdown', () => {
    const after = plain('<p align="center">\n<img src="https://a.b/x.png">\n</p>\n## Sub\n- item\n');
    assert.match(after, /<\/p>\n<h2 id="user-content-sub">Sub<\/h2>\n<ul>\n<li>item<\/li>/);
    const swallowed = render('# First\n<p align="center">\n<img src="https://a.b/x.png">\n\n# Second\n- item\n');
    assert.doesNotMatch(swallowed, /<h1[^>]*>Second/);
    assert.match(
      swallowed,
      /<p data-line="7" align="center">\n<img src="https:\/\/a.b\/x.png">\n\n# Second\n- item\n<\/p>/,
    );
    assert.match(
      plain('<div markdown="1">\n![f](https://a.b/g.png)\n</div>\n'),
      /<div>\n?<p><img src="https:\/\/a.b\/g.png" alt="f"><\/p>/,
    );
    assert.equal(
      plain('<img src="https://a.b/e.png">\n# Four\n').split('\n')[0],
      '<p><img src="https://a.b/e.png"></p>',
    );
  });

  it('tables only after a blank line and with a row', () => {
    assert.doesNotMatch(plain('# T\n| a | b |\n|---|---|\n| 1 | 2 |\n'), /<table>/);
    assert.doesNotMatch(plain('| a | b |\n|---|---|\n'), /<table>/);
    assert.match(plain('| a | b |\n|---|---|\n| 1 | 2 |\n'), /<table>/);
  });

  it("math as the site's MathJax finds it in kramdown's text", () => {
    const html = render('- $$L_1$$ and $L_2$ and \\\\(a\\\\) and \\(b\\) and \\$5 or $10 and $20\n\n$$\n\\gamma\n$$\n');
    const tex = [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map(
      (m) => m[1],
    );
    // `\(b\)` is kramdown's escape of `(`; `\$5 or $` is math on the page (the escape is gone by then).
    assert.deepEqual(tex, ['L_1', 'L_2', 'a', '5 or ', '\\gamma']);
    assert.match(html, / and \(b\) and <span class="katex">/);
    assert.match(html, /10 and \$20<\/li>/);
    assert.match(html, /<div data-line="\d+" class="math-display"><span class="katex-display">/);
    // MathJax 2's defaults: no single-dollar math.
    const defaults = renderPost(
      parsePost(`${FRONT}- $L_2$ and \\\\(a\\\\)\n`, 'file:///site/_posts/2021-01-07-x.md', 1),
      { mathjax: MATHJAX2_DEFAULTS },
    ).html;
    assert.match(defaults, /\$L_2\$ and <span class="katex">/);
  });

  it('reads the tex2jax settings of a MathJax.Hub.Config block', () => {
    const config = parseHubConfig(`<script type="text/x-mathjax-config">
      MathJax.Hub.Config({ tex2jax: { inlineMath: [ ['$','$'], ["\\\\(","\\\\)"] ], processEscapes: true } });
    </script>`);
    assert.deepEqual(config, BLOG_MATHJAX);
    assert.deepEqual(parseHubConfig('MathJax.Hub.Config({ TeX: {} })'), MATHJAX2_DEFAULTS);
    assert.equal(parseHubConfig('no config'), undefined);
    assert.deepEqual(
      parseHubConfig('MathJax.Hub.Config({ tex2jax: { inlineMath: [["$", "$"]], displayMath: [["\\\\[", "\\\\]"]] } })')
        ?.display,
      [['\\[', '\\]']],
    );
  });
});
