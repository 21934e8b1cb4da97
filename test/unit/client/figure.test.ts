/**
 * A pasted or dropped figure (`client/src/authoring/figure.ts`): its folder, its free name, its
 * address under the site's baseurl, where its block goes, and that the text written passes every
 * image rule of the real engine at once.
 */
import * as assert from 'node:assert/strict';
import {
  altFromFileName,
  figureFileName,
  figurePlacement,
  figureTag,
  freeFileName,
  imageFolder,
  imageUrlOf,
  isImageFileName,
  sitePathOf,
} from '../../../client/src/authoring/figure';
import { linesOf } from '../../../client/src/authoring/postText';
import { RULES } from '../../../server/src/core/rules';
import { findSite } from '../../../server/src/core/site/site';
import { renderPost } from '../../../server/src/core/render/renderPost';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from '../../../server/src/core/rules/support/examples';
import { lintText } from '../../support/lint';
import { memoryHost } from '../../support/memoryHost';

/** Applies a placement to `text`. */
function apply(
  text: string,
  placement: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    text: string;
  },
): string {
  const lines = linesOf(text);
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(placement.range.start)) + placement.text + text.slice(offset(placement.range.end));
}

const at = (line: number, character: number) => ({ line, character });

describe('figure: folder, name and address', () => {
  it('expands {post} to the post file name without its extension, inside the site', () => {
    assert.deepEqual(imageFolder('assets/img/{post}/', '2020-04-02-2nd_quarter.md'), {
      folder: 'assets/img/2020-04-02-2nd_quarter',
    });
    assert.deepEqual(imageFolder('./images', 'x.md'), { folder: 'images' });
    assert.deepEqual(imageFolder('', 'x.md'), { folder: '' });
  });

  it('refuses a folder outside the site, absolute, or one Jekyll does not publish', () => {
    assert.deepEqual(imageFolder('../img', 'x.md'), { problem: 'outside' });
    assert.deepEqual(imageFolder('/tmp/img', 'x.md'), { problem: 'absolute' });
    assert.deepEqual(imageFolder('C:\\img', 'x.md'), { problem: 'absolute' });
    assert.deepEqual(imageFolder('_posts/img', 'x.md'), { problem: 'underscore' });
    assert.deepEqual(imageFolder('assets/.hidden', 'x.md'), { problem: 'underscore' });
  });

  it('names a figure from its file name or type, with characters a URL keeps', () => {
    assert.equal(figureFileName('ResNet block.PNG', 'image/png'), 'ResNet-block.png');
    assert.equal(figureFileName(undefined, 'image/jpeg'), 'figure.jpg');
    assert.equal(figureFileName('image.png', 'image/png'), 'image.png');
    assert.equal(figureFileName('photo.jpeg', undefined), 'photo.jpg');
    assert.equal(figureFileName('그림 1.png', 'image/png'), '그림-1.png');
    assert.equal(figureFileName('a"b<c>.gif', undefined), 'a-b-c.gif');
    assert.equal(figureFileName('notes.txt', 'image/webp'), 'notes.txt.webp');
    assert.equal(figureFileName('...', 'image/png'), 'figure.png');
  });

  it('never picks a taken name', () => {
    const taken = new Set(['figure.png', 'figure-1.png']);
    assert.equal(
      freeFileName('figure.png', (n) => taken.has(n)),
      'figure-2.png',
    );
    assert.equal(
      freeFileName('other.png', (n) => taken.has(n)),
      'other.png',
    );
  });

  it('gives a site path, with the baseurl through Liquid when the site has one', () => {
    assert.equal(sitePathOf('assets/img/post/figure.png', undefined), '/assets/img/post/figure.png');
    assert.equal(sitePathOf('assets/img/post/figure.png', '/blog'), '{{ site.baseurl }}/assets/img/post/figure.png');
    assert.equal(sitePathOf('assets/img/그림 1.png', undefined), '/assets/img/%EA%B7%B8%EB%A6%BC%201.png');
  });

  it('takes an image URL, and leaves a paper link or text alone', () => {
    assert.equal(imageUrlOf(' https://example.com/fig.PNG '), 'https://example.com/fig.PNG');
    assert.equal(
      imageUrlOf('https://user-images.githubusercontent.com/1/abc'),
      'https://user-images.githubusercontent.com/1/abc',
    );
    assert.equal(
      imageUrlOf('https://github.com/user-attachments/assets/0b5d'),
      'https://github.com/user-attachments/assets/0b5d',
    );
    assert.equal(
      imageUrlOf('https://github.com/lab/lab.github.io/blob/master/img/a.png'),
      'https://github.com/lab/lab.github.io/raw/master/img/a.png',
    );
    assert.equal(imageUrlOf('https://arxiv.org/abs/1512.03385'), undefined);
    assert.equal(imageUrlOf('https://example.com/paper.pdf'), undefined);
    assert.equal(imageUrlOf('see https://example.com/a.png'), undefined);
    assert.equal(imageUrlOf('ftp://example.com/a.png'), undefined);
    assert.ok(isImageFileName('/a/b/c.jpeg') && !isImageFileName('c.md'));
  });

  it('writes alt text from the file name, escaped', () => {
    assert.equal(altFromFileName('resnet-block_v2.png'), 'resnet block v2');
    assert.equal(altFromFileName('/x/%EA%B7%B8%EB%A6%BC.png'), '그림');
    assert.equal(
      figureTag('/a.png', 'a "b" <c>', 450),
      '<img src="/a.png" alt="a &quot;b&quot; &lt;c&gt;" width="450">',
    );
    assert.equal(figureTag('/a.png', 'a', null), '<img src="/a.png" alt="a">');
  });
});

describe('figure: where the block goes', () => {
  const tag = '<img src="/a.png" alt="a">';
  const post = [
    '---',
    'layout: post',
    '---',
    '',
    '# T',
    '## A, B',
    '- bullet one',
    '',
    '<p align="center">',
    '  <img src="/b.png">',
    '</p>',
    '',
  ];
  const text = post.join('\n');

  it('replaces a blank line with a block, kept off the text above by a blank line', () => {
    const p = figurePlacement(post, at(7, 0), at(7, 0), [tag])!;
    assert.equal(p.kind, 'block');
    assert.equal(
      apply(text, p).split('\n').slice(6, 12).join('\n'),
      '- bullet one\n\n<p align="center">\n  <img src="/a.png" alt="a">\n</p>\n',
    );
    const underBullet = figurePlacement(linesOf('# T\n- b\nx'), at(1, 3), at(1, 3), [tag])!;
    assert.equal(
      apply('# T\n- b\nx', underBullet),
      '# T\n- b\n\n<p align="center">\n  <img src="/a.png" alt="a">\n</p>\n\nx',
    );
  });

  it('never splits a line: a cursor inside text puts the block after the line', () => {
    const p = figurePlacement(post, at(6, 4), at(6, 4), [tag])!;
    assert.equal(
      apply(text, p).split('\n').slice(6, 12).join('\n'),
      '- bullet one\n\n<p align="center">\n  <img src="/a.png" alt="a">\n</p>\n',
    );
  });

  it('adds the image to the centered block around the cursor, side by side', () => {
    const end = figurePlacement(post, at(9, 20), at(9, 20), [tag])!;
    assert.equal(end.kind, 'into-block');
    assert.equal(
      apply(text, end).split('\n').slice(8, 12).join('\n'),
      '<p align="center">\n  <img src="/b.png">\n  <img src="/a.png" alt="a">\n</p>',
    );
    const inTag = figurePlacement(post, at(9, 6), at(9, 6), [tag])!;
    assert.equal(apply(text, inTag), apply(text, end));
    const onOpen = figurePlacement(post, at(8, 0), at(8, 0), [tag])!;
    assert.equal(
      apply(text, onOpen).split('\n').slice(8, 12).join('\n'),
      '<p align="center">\n  <img src="/a.png" alt="a">\n  <img src="/b.png">\n</p>',
    );
    const onClose = figurePlacement(post, at(10, 0), at(10, 0), [tag])!;
    assert.equal(apply(text, onClose), apply(text, end));
  });

  it('replaces a selected <img> line, and a selected block with a new one', () => {
    const line = figurePlacement(post, at(9, 0), at(9, 20), [tag])!;
    assert.equal(
      apply(text, line).split('\n').slice(8, 11).join('\n'),
      '<p align="center">\n  <img src="/a.png" alt="a">\n</p>',
    );
    const whole = figurePlacement(post, at(8, 0), at(10, 4), [tag])!;
    assert.equal(whole.kind, 'block');
    assert.equal(
      apply(text, whole).split('\n').slice(7, 11).join('\n'),
      '\n<p align="center">\n  <img src="/a.png" alt="a">\n</p>',
    );
  });

  it('has no place in the front matter, closed or not', () => {
    assert.equal(figurePlacement(post, at(1, 3), at(1, 3), [tag]), undefined);
    assert.equal(figurePlacement(['---', 'title: x', ''], at(2, 0), at(2, 0), [tag]), undefined);
  });
});

describe('figure: what is written passes every image rule', () => {
  const IMAGE_RULES = [
    'image-src',
    'image-src-missing',
    'image-width',
    'image-alt',
    'image-block-unclosed',
    'markdown-image',
  ];
  const postPath = '/site/_posts/2020-04-02-2nd_quarter.md';
  const body = `${SAMPLE_SECTION}\n- ${'한 줄 더'}\n`;
  const text = examplePost(SAMPLE_FRONT_MATTER, body);
  const every = Object.fromEntries(
    RULES.map((rule) => [rule.id, rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity]),
  ) as Record<string, 'warning'>;

  for (const [label, config, src] of [
    ['a site at its root', '', sitePathOf('assets/img/2020-04-02-2nd_quarter/figure.png', undefined)],
    ['a site under a baseurl', 'baseurl: /blog\n', sitePathOf('assets/img/2020-04-02-2nd_quarter/figure.png', '/blog')],
    ['an image URL', '', imageUrlOf('https://user-images.githubusercontent.com/1/figure.png')!],
  ] as const) {
    it(`in ${label}: no new diagnostic of any rule, every rule on, in a new block and in an existing one`, () => {
      const site = findSite(
        postPath,
        memoryHost({
          '/site/_config.yml': `theme: minima\n${config}`,
          '/site/assets/img/2020-04-02-2nd_quarter/figure.png': 'PNG',
          [postPath]: '',
        }),
      )!;
      const lint = (t: string) => lintText(t, { site, config: { rules: every } }).map((d) => `${d.code}:${d.message}`);
      const before = lint(text);
      const lines = linesOf(text);
      const tags = [figureTag(src, altFromFileName(src), 450), figureTag(src, 'second', null)];
      const blank = lines.length - 2;
      const imgLine = lines.findIndex((l) => l.includes('<img'));
      for (const [start, end] of [
        [at(blank, 0), at(blank, 0)],
        [at(imgLine, lines[imgLine]!.length), at(imgLine, lines[imgLine]!.length)],
        [at(blank - 1, 2), at(blank - 1, 2)],
      ]) {
        const after = apply(text, figurePlacement(lines, start!, end!, tags)!);
        assert.notEqual(after, text);
        assert.deepEqual(lint(after), before, after);
        assert.ok(
          IMAGE_RULES.every((id) => RULES.some((r) => r.id === id)),
          'the image rules exist',
        );
      }
    });
  }

  it('the preview loads a `{{ site.baseurl }}` path from the site folder', () => {
    const src = sitePathOf('assets/img/p/figure.png', '/blog');
    const post = parsePost(
      examplePost(SAMPLE_FRONT_MATTER, `# T\n\n<p align="center">\n  ${figureTag(src, 'f', null)}\n</p>\n`),
      'file:///site/_posts/2020-04-02-x.md',
      1,
    );
    const html = renderPost(post, { imageBase: 'https://webview/site', baseurl: '/blog' }).html;
    assert.match(html, /src="https:\/\/webview\/site\/assets\/img\/p\/figure\.png"/);
  });
});
