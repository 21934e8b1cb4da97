import * as assert from 'node:assert/strict';
import { findSite } from '../../../server/src/core/site/site';
import { Project } from '../../../server/src/core/project';
import { RULES } from '../../../server/src/core/rules';
import { lintText } from '../../support/lint';
import { memoryHost } from '../../support/memoryHost';

describe('site context', () => {
  it('finds the site above a post and reads theme, future and layouts', () => {
    const fs = memoryHost({
      '/blog/_config.yml': 'theme: minima\nfuture: true\n',
      '/blog/_layouts/seminar.html': '<html></html>',
      '/blog/assets/a.png': 'PNG',
      '/blog/_posts/2020-04-02-2nd_quarter.md': '',
    });
    const site = findSite('/blog/_posts/2020-04-02-2nd_quarter.md', fs)!;
    assert.equal(site.root, '/blog');
    assert.equal(site.theme, 'minima');
    assert.equal(site.future, true);
    assert.deepEqual(site.layouts, ['default', 'home', 'page', 'post', 'seminar']);
    assert.ok(site.exists('/assets/a.png'));
    assert.ok(site.exists('assets/a.png'));
    assert.ok(!site.exists('/assets/b.png'));
    assert.ok(!site.exists('/../blog/assets/a.png'));
  });

  it('does not guess the layouts of an unknown or remote theme', () => {
    const unknown = findSite('/b/_posts/x.md', memoryHost({ '/b/_config.yml': 'theme: my-own-theme\n' }))!;
    assert.equal(unknown.layouts, undefined);
    const remote = findSite('/b/_posts/x.md', memoryHost({ '/b/_config.yml': 'remote_theme: a/b\n' }))!;
    assert.equal(remote.layouts, undefined);
    const broken = findSite('/b/_posts/x.md', memoryHost({ '/b/_config.yml': 'theme: [unclosed\n' }))!;
    assert.ok(broken.configProblem);
    assert.equal(broken.layouts, undefined);
  });

  it("reads `future` with Ruby's truthiness, as Jekyll tests it", () => {
    const future = (config: string) =>
      findSite('/b/_posts/x.md', memoryHost({ '/b/_config.yml': `theme: minima\n${config}` }))!.future;
    for (const on of [
      'future: true',
      'future: "true"',
      'future: "false"',
      'future: ""',
      'future: 0',
      'future: yes',
      'future: n',
    ])
      assert.equal(future(on), true, on);
    for (const off of ['', 'future: false', 'future: no', 'future: off', 'future:', 'future: ~'])
      assert.equal(future(off), false, off);
  });

  it("resolves site paths under the baseurl to the site's files, for image-src", () => {
    const fs = memoryHost({ '/b/_config.yml': 'theme: minima\nbaseurl: /blog\n', '/b/assets/fig.png': 'PNG' });
    const site = findSite('/b/_posts/2020-04-02-2nd_quarter.md', fs)!;
    assert.equal(site.baseurl, '/blog');
    assert.ok(site.exists('/blog/assets/fig.png'));
    assert.equal(site.filePath('/blog/assets/fig.png'), '/b/assets/fig.png');
    assert.ok(site.exists('/assets/fig.png'));
    assert.ok(!site.exists('/blog/assets/other.png'));
    assert.ok(!site.exists('/blogassets/fig.png'));
    assert.ok(!site.exists('/blog/../assets/fig.png'));
    const post = (src: string) =>
      `---\nlayout: post\n---\n\n# T\n\n<p align="center">\n  <img src="${src}" width="450">\n</p>\n`;
    const imageSrc = (src: string) =>
      lintText(post(src), { site })
        .filter((d) => d.code === 'image-src')
        .map((d) => d.range.start.line + 1);
    assert.deepEqual(imageSrc('/blog/assets/fig.png'), []);
    assert.deepEqual(imageSrc('/blog/assets/missing.png'), [8]);
    const trailing = findSite('/c/_posts/x.md', memoryHost({ '/c/_config.yml': 'baseurl: "blog/"\n' }))!;
    assert.equal(trailing.baseurl, '/blog');
    assert.equal(findSite('/c/_posts/x.md', memoryHost({ '/c/_config.yml': 'baseurl: ""\n' }))!.baseurl, undefined);
  });

  it('is absent for a post outside any site', () => {
    assert.equal(findSite('/tmp/x.md', memoryHost({})), undefined);
  });

  it('finds the nearest configuration file and reports its problems by key', () => {
    const fs = memoryHost({
      '/blog/.seminar-posts.json': JSON.stringify({
        rules: { 'title-format': 'off', 'no-such-rule': 'error' },
        presenterLabels: ['Presenter'],
      }),
      '/blog/_posts/a.md': '',
    });
    const setup = new Project(fs, RULES).setupFor('/blog/_posts/a.md');
    assert.equal(setup.configFile, '/blog/.seminar-posts.json');
    assert.deepEqual(
      setup.configProblems.map((p) => `${p.path}: ${p.message}`),
      ['rules.no-such-rule: unknown key'],
    );
    assert.equal(setup.config.rules['title-format']!.severity, 'off');
    assert.deepEqual(setup.config.presenterLabels, ['Presenter']);
  });
});
