/**
 * The post service on an in-memory site: configuration layered as the editor and the CI layer it,
 * which files are posts, parsing for editing (its own cache) or once, linting a fixed text under a
 * new name, and the renderer loaded only when asked for.
 */
import * as assert from 'node:assert/strict';
import { RULES } from '../../../server/src/core/rules';
import { createPostService, type PostServiceOptions } from '../../../server/src/core/service/postService';
import type { WorkspaceView } from '../../../server/src/core/workspace';
import { memoryHost } from '../../support/memoryHost';

const POST = `---
layout: post
title: "2020_2nd_quarter"
date: 2020-04-02
image_url: https://user-images.githubusercontent.com/1/a.png
mathjax: true
comments: true
---

# Attention Is All You Need
## Ashish Vaswani et al., NeurIPS 2017
### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1706.03762), [presentation material](https://example.com/t.pdf)]
- attention만으로 번역 모델을 만든 논문입니다.

# Deep Residual Learning
## Kaiming He et al., CVPR 2016
### 발표자: 이승현 [[paper link](https://arxiv.org/abs/1512.03385), [presentation material](https://example.com/r.pdf)]
- 잔차 연결로 깊은 신경망을 학습합니다.
`;

const FILES = {
  '/blog/_config.yml': 'theme: minima\n',
  '/blog/.seminar-posts.json': JSON.stringify({
    posts: ['**/_posts/**/*.md', 'notes/*.md'],
    rules: { 'venue-missing': 'off' },
  }),
  '/blog/_posts/2020-04-02-2nd_quarter.md': POST,
};

function service(options: Partial<PostServiceOptions> = {}) {
  return createPostService({
    host: memoryHost(FILES),
    rules: RULES,
    locale: 'en',
    clock: () => new Date(2026, 10, 27, 12),
    ...options,
  });
}

describe('post service', () => {
  it("layers the configuration: defaults < the editor's settings < .seminar-posts.json", () => {
    const s = service();
    const setup = s.setupFor('/blog/_posts/2020-04-02-2nd_quarter.md', [
      { rules: { 'venue-missing': 'error', 'summary-missing': 'hint' } },
    ]);
    assert.equal(setup.config.rules['venue-missing']!.severity, 'off', 'the file wins');
    assert.equal(setup.config.rules['summary-missing']!.severity, 'hint', 'the settings win over the defaults');
    assert.equal(setup.site?.root, '/blog');
  });

  it('decides which files are posts from the merged posts globs', () => {
    const s = service();
    const isPost = (path: string) => s.isPost(path, s.setupFor(path), ['/blog']);
    assert.equal(isPost('/blog/_posts/2020-04-02-2nd_quarter.md'), true);
    assert.equal(isPost('/blog/notes/2020-04-02-2nd_quarter.md'), true, 'the configuration file alone selects it');
    assert.equal(isPost('/blog/README.md'), false);
  });

  it('parses for editing with its own cache, reusing an untouched section, and once without one', () => {
    const uri = 'file:///blog/_posts/2020-04-02-2nd_quarter.md';
    const a = service();
    const first = a.parseForEditing(uri, 1, POST);
    assert.equal(a.parseForEditing(uri, 1, POST), first, 'one parse per version');
    const typed = a.parseForEditing(uri, 2, POST.replace('attention만으로', 'attention만으로!'));
    assert.equal(typed.sections[1], first.sections[1], 'the untouched section is the same object');
    // Another service (a test's, a worker's) shares nothing with this one; nor does a parse once.
    const b = service();
    assert.notEqual(
      b.parseForEditing(uri, 2, POST.replace('attention만으로', 'attention만으로!')).sections[1],
      first.sections[1],
    );
    assert.notEqual(a.parseOnce(POST, uri, 3).sections[1], first.sections[1]);
  });

  it('lints a fixed text under its new name without meeting its own papers under the old one', () => {
    const uri = 'file:///blog/_posts/2020-04-02-2nd_quarter.md';
    // A workspace that holds this post's papers under its old URI, as the CLI's index does.
    const workspace: WorkspaceView = {
      papersWithTitle: (key, except) =>
        key === 'attention is all you need' && except !== uri
          ? [
              {
                uri,
                fileName: '2020-04-02-2nd_quarter.md',
                postTitle: '2020_2nd_quarter',
                title: 'Attention Is All You Need',
                presenter: '김하늘',
                line: 9,
              },
            ]
          : [],
    };
    const s = service({ workspace: () => workspace });
    const path = '/blog/_posts/2020-04-02-2nd_quarter.md';
    const post = { post: s.parseOnce(POST, uri), setup: s.setupFor(path) };
    assert.deepEqual(
      s.lint(post).map((d) => d.code),
      [],
    );
    // Linted plainly under the new name, the post meets itself.
    const renamed = { post: s.parseOnce(POST, 'file:///blog/_posts/2020-04-02-renamed.md'), setup: post.setup };
    assert.deepEqual(s.lint(renamed).filter((d) => d.code === 'duplicate-paper').length, 1);
    assert.deepEqual(
      s.lintAs(post, POST, '2020-04-02-renamed.md').filter((d) => d.code === 'duplicate-paper'),
      [],
    );
  });

  it('loads the renderer on the first render only, and refuses to render without one', async () => {
    let loads = 0;
    const s = service({
      renderer: () => {
        loads++;
        return import('../../../server/src/core/render/renderPost');
      },
    });
    const post = {
      post: s.parseOnce(POST, 'file:///blog/_posts/2020-04-02-2nd_quarter.md', 1),
      setup: s.setupFor('/blog/_posts/2020-04-02-2nd_quarter.md'),
    };
    assert.equal(loads, 0);
    const [one, two] = await Promise.all([
      s.render(post, { diagnostics: [], imageBase: undefined }),
      s.render(post, { diagnostics: [], imageBase: undefined }),
    ]);
    assert.equal(loads, 1);
    assert.equal(one.title, '2020_2nd_quarter');
    assert.equal(two.html, one.html);
    await assert.rejects(service().render(post, { diagnostics: [], imageBase: undefined }), /no renderer/);
  });
});
