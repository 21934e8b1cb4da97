/**
 * What the property tests found, kept as plain regression tests: each post below once broke a
 * fix-safety property (`checkFixes`), and each now passes because of the change named beside it.
 */
import * as assert from 'node:assert/strict';
import type { DiagnosticData } from '../../../server/src/core/engine/rule';
import { applyEdits } from '../../../server/src/core/text/edits';
import { snippetToText } from '../../../server/src/core/text/snippets';
import { checkFixes, lintCase } from '../../support/postProperties';

const FM = '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nmathjax: true\ncomments: true\n---\n';
const SECTION =
  '# T\n## A, ICML 2020\n### 발표자: 홍길동 [[paper link](https://a.b/p), [presentation material](https://a.b/s.pdf)]\n- 요약\n';
const NAME = '2020-04-02-2nd_quarter.md';

const FOUND: [string, string, string][] = [
  ['front-matter-missing in an undated file: title and date are tab stops, not two new errors', '\n', 'temp.md'],
  [
    'fix all applies what its own fixes enable (a Markdown image, then its address as image_url)',
    `${FM.replace('mathjax: true\n', '')}\n${SECTION}\n![image](https://a.b/x.png)\n`,
    NAME,
  ],
  [
    'image-block-unclosed offers no `</p>` inside a comment left open',
    `${FM}\n${SECTION}\n<p align="center"><!--\n  <img src="https://a.b/x.png">\n</p>\n`,
    NAME,
  ],
  ['markdown-image does not convert an image without an address', '# \n![image]()\n', NAME],
  [
    'markdown-image leaves a blank line after `</p>`, or the presenter line below joins the block',
    '# \n![image](https://arxiv.org/abs/1806.01261)\n### 발표자: 홍길동 []\n',
    NAME,
  ],
  [
    'title-date-mismatch offers no title when the file name names another quarter than the date',
    '---\ntitle: 2020 3rd quater\ndate: 2099-01-01\n---\n\n',
    NAME,
  ],
  [
    'unknown-field renames only plain keys, not `[image]`',
    '---\n![image](https://a.b/x.png)\n![image](https://a.b/x.png)\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\n---\n\n# T\n',
    NAME,
  ],
  ['front-matter-duplicate-key removes no empty key', '---\n: \n&: &\n---\n\n', NAME],
  [
    'front-matter-duplicate-key removes no explicit `? key` (the line after it would change meaning)',
    '---\n? complex\n? complex\nlayout: post\n---\n\n',
    NAME,
  ],
  [
    'front-matter-duplicate-key removes nothing from YAML that does not parse',
    '---\ntitle: "2020_2nd_quarter"\ntitle: [unclosed\n* \ufeff: * \ufeff\ntitle: "2020_2nd_quarter"\n---\n\n',
    'temp.md',
  ],
  ['required-field inserts before a YAML document end `...`', '---\n...\n---\n', NAME],
  ['required-field inserts nothing under an indented key', '---\n :  \n---\n\n', NAME],
  [
    'front-matter-missing takes no image_url that field-type would refuse (a tab in the address)',
    `${SECTION}\n<p align="center">\n<img src="https://\tser-images.example.com/a.png">\n</p>\n`,
    NAME,
  ],
  [
    'a lone CR in the YAML is a line break, as Psych reads it: field-type writes no `true` that joins two lines (issue 19)',
    `${FM.replace('mathjax: true\n', 'mathjax:\rtrue\n')}\n${SECTION}`,
    NAME,
  ],
  [
    'image-block-unclosed offers no `</p>` inside an `<img>` whose quoted address is never closed',
    `${FM}\n${SECTION}\n<p align="center">\n  <img src="https://a.b/x.png*>\n</p>\n\n# Next\n`,
    NAME,
  ],
  [
    'image-block-unclosed offers no `</p>` after a `<p` whose quoted align is never closed (`align=\'center">`)',
    `${FM}\n${SECTION}\n<p align='center">\n  <img src="https://a.b/x.png">\n</p>\n\n# Next\n`,
    NAME,
  ],
  [
    'mathjax-needed replaces a tag left with no value (`mathjax: !rue`), or the tag stays and MathJax stays off',
    `${FM.replace('mathjax: true\n', 'mathjax: !rue\n')}\n${SECTION}- $$x^2$$\n`,
    NAME,
  ],
  [
    'image-block-unclosed offers no `</p>` at the end of a post that ends inside a comment left open',
    `${FM}\n${SECTION}</p>\n<img src="https://a.b/x.png">\n<p align="center"><!--\n\n***`,
    NAME,
  ],
  [
    'field-type replaces an anchor left with no value (`comments: &c`)',
    `${FM.replace('comments: true\n', 'comments: &c\n')}\n${SECTION}`,
    NAME,
  ],
];

describe('fix safety: what the fuzzer found', () => {
  for (const [what, text, fileName] of FOUND) {
    it(what, () => {
      assert.ok(lintCase(text, fileName).diagnostics.length > 0, 'the post has diagnostics');
      checkFixes({ text, fileName });
    });
  }
});

describe('fix safety: the front matter inserted into an undated file', () => {
  it('leaves the title and date to the author as tab stops, so that no key is missing after it', () => {
    const [diagnostic] = lintCase('\n', 'temp.md').diagnostics.filter((d) => d.code === 'front-matter-missing');
    const fix = (diagnostic!.data as DiagnosticData).fixes[0]!;
    assert.equal(fix.snippet, true);
    const text = applyEdits(
      '\n',
      fix.edits.map((e) => ({ ...e, newText: snippetToText(e.newText) })),
    );
    assert.deepEqual(
      lintCase(text, 'temp.md')
        .diagnostics.filter((d) => d.code === 'required-field' && d.severity === 1)
        .map((d) => d.message),
      [],
    );
  });
});

describe('fix safety: the image_url of an inserted front matter', () => {
  it('is the first image field-type accepts, not the first image', () => {
    const text = `${SECTION}\n<p align="center">\n<img src="https://a b.png">\n<img src="https://a.b/x.png">\n</p>\n`;
    checkFixes({ text, fileName: NAME });
    const [diagnostic] = lintCase(text, NAME).diagnostics.filter((d) => d.code === 'front-matter-missing');
    const inserted = (diagnostic!.data as DiagnosticData).fixes[0]!.edits.map((e) => e.newText).join('');
    assert.match(inserted, /^image_url: https:\/\/a\.b\/x\.png$/m);
  });
});

describe('field-type on a list', () => {
  it('offers no fix for `published: [false]`: the list prints as "false" but Jekyll takes it as true', () => {
    const text = `${FM.replace('comments: true\n', 'comments: true\npublished: [false]\n')}\n${SECTION}`;
    const found = lintCase(text, NAME).diagnostics.filter((d) => d.code === 'field-type');
    assert.equal(found.length, 1);
    assert.equal((found[0]!.data as DiagnosticData | undefined)?.fixes?.length ?? 0, 0, JSON.stringify(found[0]!.data));
  });
});
