/**
 * What real Jekyll (`jekyll build`, the oracle) publishes for a pasted figure: the image file under
 * the images folder, and an `<img>` whose address points at it, at the site's root and under a
 * baseurl (where the block writes `{{ site.baseurl }}`, which Liquid fills in).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { figurePlacement, figureTag, imageFolder, sitePathOf } from '../../../client/src/authoring/figure';
import { linesOf } from '../../../client/src/authoring/postText';
import { buildSite, jekyllUnavailable } from '../../jekyll/support/jekyllSite';
import { gradientPng } from '../../support/png';

const POST = '_posts/2020-04-02-2nd_quarter.md';
const TEXT = [
  '---',
  'layout: post',
  'title: "2020_2nd_quarter"',
  'date: 2020-04-02',
  '---',
  '',
  '# A Paper',
  '## Someone, NeurIPS 2020',
  '- one line',
  '',
].join('\n');

describe('figure: what Jekyll publishes', function () {
  this.timeout(120_000);
  before(function () {
    const why = jekyllUnavailable();
    if (why) {
      console.log(`      (skipped: ${why})`);
      this.skip();
    }
  });

  for (const baseurl of [undefined, '/blog']) {
    it(`serves the saved figure at the address the block writes (baseurl ${baseurl ?? 'none'})`, () => {
      const folder = imageFolder('assets/img/{post}/', path.basename(POST));
      assert.ok('folder' in folder);
      const file = `${folder.folder}/figure 1.png`;
      const src = sitePathOf(file, baseurl);
      const lines = linesOf(TEXT);
      const placement = figurePlacement(lines, { line: 9, character: 0 }, { line: 9, character: 0 }, [
        figureTag(src, 'figure 1', null),
      ])!;
      const text = lines.slice(0, 9).join('\n') + '\n' + placement.text + '\n';
      const image = gradientPng(20, 10);
      const site = buildSite(
        [
          { path: POST, text },
          { path: file, text: image },
        ],
        { extraConfig: baseurl ? `baseurl: "${baseurl}"` : undefined },
      );
      try {
        const html = site.posts.get(POST)!.content;
        const published = /<img src="([^"]+)" alt="figure 1" \/?>/.exec(html)?.[1];
        assert.equal(published, `${baseurl ?? ''}/assets/img/2020-04-02-2nd_quarter/figure%201.png`, html);
        assert.match(html, /<p align="center">/);
        const served = path.join(site.out, decodeURIComponent(published.slice((baseurl ?? '').length)));
        assert.deepEqual(fs.readFileSync(served), image);
      } finally {
        site.dispose();
      }
    });
  }
});
