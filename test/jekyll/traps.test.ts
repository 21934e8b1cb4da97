/**
 * kramdown's traps against the real `jekyll build`: for each construct an author writes, the rule
 * about it (`ordered-list-paren`, `bare-url`, `attribute-list`, `markdown-in-html-block`,
 * `mathjax-host`) reports it exactly when the blog does not show what the author meant, and its fix
 * makes the blog show it. One build holds every post as written and as fixed.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveConfig } from '../../server/src/core/config/config';
import { lintPost } from '../../server/src/core/engine/engine';
import type { DiagnosticData } from '../../server/src/core/engine/rule';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { RULES } from '../../server/src/core/rules';
import { readSite } from '../../server/src/core/site/site';
import { applyEdits } from '../../server/src/core/text/edits';
import { nodeFileSystem, pathToUri, toCorePath } from '../../server/src/node/nodeHost';
import { CORPUS, corpusAvailable } from '../support/paths';
import { buildSite, PARITY_SITE, requireJekyll, type BuiltSite } from './support/jekyllSite';

interface Trap {
  rule: string;
  why: string;
  body: string;
  /** True when the blog shows what the author meant, from the post's HTML (kramdown's). */
  meant: (html: string) => boolean;
  /** True when the rule offers no fix (where the author meant the block to end is not plain). */
  noFix?: true;
}

const FRONT = (date: string) =>
  `---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: ${date}\nmathjax: true\ncomments: true\n---\n\n# Attention Is All You Need\n- 요약입니다.\n`;
const IMG = '![Transformer](https://example.com/t.png)';
const sized = (html: string) => /<img[^>]*src="https:\/\/example\.com\/t\.png"[^>]*width="450"/.test(html);
const linked = (url: string) => (html: string) => html.includes(`<a href="${url}">`);
const ordered = (html: string) => /<ol>/.test(html);
const bertHeading = (html: string) => /<h1 id="bert[^"]*">/.test(html);

const TRAPS: Trap[] = [
  {
    rule: 'ordered-list-paren',
    why: '`1)` under a bullet',
    body: '- 순서는 다음과 같습니다.\n  1) 인코더\n  2) 디코더\n',
    meant: ordered,
  },
  {
    rule: 'ordered-list-paren',
    why: '`1)` after a paragraph',
    body: '순서는 다음과 같습니다.\n1) 인코더\n2) 디코더\n',
    meant: ordered,
  },
  {
    rule: 'ordered-list-paren',
    why: '`1.` (no report)',
    body: '순서는 다음과 같습니다.\n1. 인코더\n2. 디코더\n',
    meant: ordered,
  },
  {
    rule: 'bare-url',
    why: 'an address glued to Korean',
    body: '- 저자는 (https://arxiv.org/abs/1807.07665)에서 제안된 그래프를 씁니다.\n',
    meant: linked('https://arxiv.org/abs/1807.07665'),
  },
  {
    rule: 'bare-url',
    why: 'an address between spaces',
    body: '- 코드: https://github.com/tensorflow/tensor2tensor 에 있습니다.\n',
    meant: linked('https://github.com/tensorflow/tensor2tensor'),
  },
  {
    rule: 'bare-url',
    why: 'an address at the end of a sentence',
    body: '- 코드는 https://github.com/tensorflow/tensor2tensor.\n',
    meant: linked('https://github.com/tensorflow/tensor2tensor'),
  },
  {
    rule: 'bare-url',
    why: '`<...>` (no report)',
    body: '- 저자는 (<https://arxiv.org/abs/1807.07665>)에서 제안된 그래프를 씁니다.\n',
    meant: linked('https://arxiv.org/abs/1807.07665'),
  },
  { rule: 'attribute-list', why: 'a misspelled name', body: `${IMG}{: widht="450"}\n`, meant: sized },
  { rule: 'attribute-list', why: 'a value without quotes', body: `${IMG}{:width=450}\n`, meant: sized },
  {
    rule: 'attribute-list',
    why: 'a value with a unit and without quotes',
    body: `${IMG}{: width=450px}\n`,
    meant: (html) => /<img[^>]*width="450px"/.test(html),
  },
  { rule: 'attribute-list', why: 'a space before the list', body: `${IMG} {: width="450"}\n`, meant: sized },
  { rule: 'attribute-list', why: 'no colon', body: `${IMG}{width="450"}\n`, meant: sized },
  { rule: 'attribute-list', why: 'no closing brace', body: `${IMG}{: width="450"\n`, meant: sized },
  { rule: 'attribute-list', why: 'the list on the next line', body: `${IMG}\n{: width="450"}\n`, meant: sized },
  { rule: 'attribute-list', why: 'a colon for `=`', body: `${IMG}{: width: 450}\n`, meant: sized },
  { rule: 'attribute-list', why: 'a good list (no report)', body: `${IMG}{: width="450" .center}\n`, meant: sized },
  {
    rule: 'markdown-in-html-block',
    why: 'a `<div>` never closed',
    body: '<div align="center">\n  <b>Figure 1</b>\n\n***\n# BERT\n- 요약입니다.\n',
    meant: bertHeading,
  },
  {
    rule: 'markdown-in-html-block',
    why: 'a list inside a closed `<div>`',
    body: '<div>\n- 그림 설명입니다.\n</div>\n',
    meant: (html) => /<li>그림 설명입니다\.<\/li>/.test(html),
  },
  {
    rule: 'markdown-in-html-block',
    why: 'a `<b>` never closed in an image block',
    body: '<p align="center">\n  <img src="https://example.com/t.png"><b>Figure 1\n</p>\n\n# BERT\n- 요약입니다.\n',
    meant: bertHeading,
    noFix: true,
  },
  {
    rule: 'image-block-unclosed',
    why: 'an image block without `</p>` before the next paper',
    body: '<p align="center">\n  <img src="https://example.com/t.png" width="450">\n\n# BERT\n- 요약입니다.\n',
    meant: bertHeading,
  },
  {
    rule: 'markdown-in-html-block',
    why: '`</p>` then a heading (no report)',
    body: '<p align="center">\n  <img src="https://example.com/t.png">\n</p>\n# BERT\n- 요약입니다.\n',
    meant: bertHeading,
  },
  {
    rule: 'markdown-in-html-block',
    why: '`markdown="1"` (no report)',
    body: '<div markdown="1">\n# BERT\n</div>\n',
    meant: bertHeading,
  },
];

interface Built {
  trap: Trap;
  reported: Diagnostic[];
  written: string;
  fixed: string | undefined;
}

function lint(siteDir: string, relativePath: string, text: string): Diagnostic[] {
  const post = parsePost(text, pathToUri(path.join(siteDir, relativePath)), 1);
  const site = readSite(toCorePath(siteDir), nodeFileSystem);
  return lintPost(post, { rules: RULES, config: resolveConfig(), site, locale: 'en', today: '2026-01-01' });
}

describe('kramdown traps with jekyll build', function () {
  this.timeout(180_000);
  let site: BuiltSite;
  const results: Built[] = [];

  before(function () {
    requireJekyll(this);
    const files: { path: string; text: string }[] = [];
    TRAPS.forEach((trap, i) => {
      const day = String(i + 1).padStart(2, '0');
      const written = {
        path: `_posts/2020-05-${day}-2nd_quarter.md`,
        text: FRONT(`2020-05-${day}`) + '\n' + trap.body,
      };
      const reported = lint(PARITY_SITE, written.path, written.text).filter((d) => d.code === trap.rule);
      const edits = reported.flatMap((d) => (d.data as DiagnosticData).fixes[0]?.edits ?? []);
      const fixed = edits.length
        ? {
            path: `_posts/2020-06-${day}-2nd_quarter.md`,
            text: applyEdits(written.text, edits).replace('date: 2020-05-', 'date: 2020-06-'),
          }
        : undefined;
      files.push(written, ...(fixed ? [fixed] : []));
      results.push({ trap, reported, written: written.path, fixed: fixed?.path });
    });
    site = buildSite(files);
  });

  after(() => site?.dispose());

  for (const [i, trap] of TRAPS.entries()) {
    it(`${trap.rule}: ${trap.why}`, () => {
      const { reported, written, fixed } = results[i]!;
      const html = site.posts.get(written)?.content ?? '';
      assert.ok(html, `${written} was published`);
      // The rule reports exactly when the blog does not show what the author meant.
      assert.equal(reported.length > 0, !trap.meant(html), `${reported.length} report(s); the blog shows:\n${html}`);
      if (reported.length === 0) return;
      if (trap.noFix) return assert.equal(fixed, undefined, 'no fix');
      assert.ok(fixed, 'the report offers a fix');
      const after = site.posts.get(fixed)?.content ?? '';
      assert.ok(trap.meant(after), `after the fix the blog shows:\n${after}`);
    });
  }
});

describe('mathjax-host with jekyll build', function () {
  this.timeout(180_000);

  before(function () {
    requireJekyll(this);
  });

  for (const [name, base] of [
    ['the parity site', PARITY_SITE],
    ["the real blog's site files", path.join(CORPUS, 'site')],
  ] as const) {
    it(`reports exactly the posts whose page loads cdn.mathjax.org, in ${name}`, function () {
      if (base !== PARITY_SITE && !corpusAvailable()) {
        console.log(`      (skipped: the real corpus ${CORPUS} is absent)`);
        this.skip();
      }
      const posts = ['true', 'false', '"yes"'].map((value, i) => ({
        path: `_posts/2020-04-0${i + 2}-2nd_quarter.md`,
        text: `${FRONT(`2020-04-0${i + 2}`).replace('mathjax: true', `mathjax: ${value}`)}- 손실은 $$L_1$$입니다.\n`,
      }));
      const built = buildSite(posts, { base });
      try {
        for (const post of posts) {
          const reported = lint(built.dir, post.path, post.text).filter((d) => d.code === 'mathjax-host');
          const page = built.page(built.posts.get(post.path)!.url) ?? '';
          assert.equal(reported.length > 0, page.includes('cdn.mathjax.org'), `${post.text.split('\n')[4]}`);
          if (reported.length)
            assert.match(
              reported[0]!.message,
              /cdn\.jsdelivr\.net\/npm\/mathjax@2\/MathJax\.js\?config=TeX-AMS-MML_HTMLorMML/,
            );
          // mathjax-needed says the formulas stay raw without `mathjax: true`: the page then loads no MathJax at all.
          const needed = lint(built.dir, post.path, post.text).some((d) => d.code === 'mathjax-needed');
          assert.equal(needed, !/MathJax/.test(page), `mathjax-needed: ${post.text.split('\n')[4]}`);
        }
        assert.ok(
          built.page(built.posts.get(posts[0]!.path)!.url)!.includes('cdn.mathjax.org'),
          'the site loads MathJax from cdn.mathjax.org for mathjax: true',
        );
      } finally {
        built.dispose();
      }
    });
  }
});
