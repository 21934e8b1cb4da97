/**
 * Hostile HTML in a post: the XSS fixture's vectors are all gone from the rendered body, what the
 * blog uses is kept, and pathological input renders without a crash or a hang. (The real browser
 * test, `test/browser/`, loads the same fixture and checks that nothing runs.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { renderPost } from '../../../server/src/core/render/renderPost';
import { FIXTURES } from '../../support/paths';

export const XSS_FIXTURE = path.join(FIXTURES, 'render', '2021-07-01-3rd_quarter-xss.md');
const render = (text: string) => renderPost(parsePost(text, 'file:///site/_posts/2021-07-01-3rd_quarter.md', 1));

/** Every start tag of `html` with its attributes, values decoded. */
function tags(html: string): { name: string; attributes: Map<string, string> }[] {
  return [...html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attributes: new Map(
      [...m[2]!.matchAll(/([^\s"'>/=]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!.toLowerCase(), decode(a[2] ?? '')]),
    ),
  }));
}

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The body without KaTeX's output, which is ours (typeset after sanitizing) and checked apart. */
function withoutKatex(html: string): string {
  return html.replace(
    /<span class="katex">[\s\S]*?<\/annotation><\/semantics><\/math><\/span><span class="katex-html" aria-hidden="true">[\s\S]*?<\/span><\/span><\/span>(?=[\s<])/g,
    '[katex]',
  );
}

describe('sanitizing hostile HTML', () => {
  const result = render(fs.readFileSync(XSS_FIXTURE, 'utf8'));
  const all = tags(result.html);
  const authored = tags(withoutKatex(result.html));

  it('leaves no script, frame, form, style, meta, base, link, object, embed, SVG, MathML or template element', () => {
    const banned = [
      'script',
      'iframe',
      'frame',
      'form',
      'button',
      'style',
      'meta',
      'base',
      'link',
      'object',
      'embed',
      'svg',
      'math',
      'template',
      'noscript',
      'video',
      'audio',
      'animate',
      'body',
      'textarea',
      'select',
    ];
    const found = authored.filter((t) => banned.includes(t.name)).map((t) => t.name);
    assert.deepEqual(found, []);
    assert.ok(authored.length > 40, `${authored.length} tags checked`);
  });

  it('leaves no event handler, style, srcdoc, srcset, formaction or author data-* attribute', () => {
    for (const tag of all) {
      for (const [name, value] of tag.attributes) {
        assert.ok(!/^on/i.test(name), `<${tag.name} ${name}>`);
        assert.ok(
          ![
            'srcdoc',
            'srcset',
            'formaction',
            'action',
            'xlink:href',
            'background',
            'poster',
            'autofocus',
            'class',
          ].includes(name) ||
            (name === 'class' && /^(?:katex|math-display)/.test(value)) ||
            (name === 'class' && tag.name === 'span'),
          `<${tag.name} ${name}="${value}">`,
        );
        if (name === 'data-line') assert.match(value, /^\d+$/);
      }
      if (tag.attributes.has('style')) assert.equal(tag.name, 'span', 'only KaTeX spans have a style');
    }
    assert.ok(!result.html.includes('data-line="999"'));
    assert.ok(!result.html.includes('position:fixed'));
  });

  it('keeps no URL with a scheme but http, https or mailto, and data: only for images', () => {
    for (const tag of all) {
      for (const attribute of ['href', 'src', 'cite']) {
        const value = tag.attributes.get(attribute);
        if (value === undefined) continue;
        // eslint-disable-next-line no-control-regex -- control characters are what a browser drops from a URL
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u001f]/g, ''))?.[1]?.toLowerCase();
        if (scheme === 'data')
          assert.ok(tag.name === 'img' && /^data:image\//.test(value), `<${tag.name} ${attribute}="${value}">`);
        else
          assert.ok(
            scheme === undefined || ['http', 'https', 'mailto'].includes(scheme),
            `<${tag.name} ${attribute}="${value}">`,
          );
      }
    }
  });

  it('keeps entity-encoded tags as text', () => {
    assert.match(result.html, /&#x3C;script>__xss\(‘entity-script’\)&#x3C;\/script>/);
    assert.match(result.html, /&#x3C;img src=x onerror=__xss\(‘entity-img’\)>/);
  });

  it("turns KaTeX's link and HTML commands into plain (red) text: trust is off", () => {
    for (const command of ['href', 'url', 'htmlData', 'includegraphics']) {
      assert.match(result.html, new RegExp(`<span class="mord" style="color:#cc0000;">\\\\${command}</span>`), command);
    }
    assert.ok(!all.some((t) => t.name === 'a' && t.attributes.get('href')?.includes('katex')));
  });

  it('keeps what the blog uses: centered image blocks, image width and alt, plain links, details, tables', () => {
    assert.match(
      result.html,
      /<p data-line="\d+" align="center">\n<img src="https:\/\/images\.example\.org\/kept\.png" width="450" alt="kept">\n<\/p>/,
    );
    assert.match(result.html, /<a href="https:\/\/example\.org\/">i<\/a>/);
    assert.match(result.html, /<img src="data:image\/svg\+xml,[^"]*" alt="an SVG in img cannot run script">/);
    assert.match(result.html, /<table data-line="\d+">/);
    // `<math>` is never closed: kramdown keeps the rest of the post inside it as raw HTML (checked
    // against kramdown 2.4), so the title is no heading there, nor here (where the sanitizer drops
    // `<math>` with all it holds).
    assert.doesNotMatch(result.html, /<h1[^>]*>A title right under the block/);
  });

  it('passes the header through as data: the page escapes it, and a javascript: thumbnail is dropped', () => {
    assert.equal(result.title, "<script>__xss('title')</script>2021_3rd_quarter");
    assert.equal(result.thumbnail, undefined);
  });
});

describe('rendering pathological input', function () {
  // No timing asserted (that is for benchmarks): mocha's timeout is the guard against a hang.
  this.timeout(20_000);
  const front = '---\nmathjax: true\n---\n';
  const cases: [string, string][] = [
    ['10,000 nested <div>s', '<div>'.repeat(10_000)],
    ['20,000 [', '['.repeat(20_000)],
    ['4,000 * and _', '*_'.repeat(2_000)],
    ['1,000 nested block quotes', '>'.repeat(1_000) + ' deep'],
    ['150 nested lists', Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')],
    ['an unclosed comment, script and tag', '<!-- never closed\n<script>x\n<img src="x'],
    ['NUL, lone surrogates and CRLF', '# a\u0000b\r\n- \ud800 \udfff\r\n\r\n$$x\u0000$$\r\n'],
    ['a macro that expands forever', '$$\\def\\a{\\a\\a}\\a$$'],
    ['a gigantic rule', '$$\\rule{99999em}{99999em}$$'],
    ['3,000 nested braces in math', `$$${'{'.repeat(3_000)}x${'}'.repeat(3_000)}$$`],
    ['a 500 KB line', 'x'.repeat(500_000)],
    ['2,000 unclosed <p align="center">', '<p align="center">\n'.repeat(2_000)],
  ];
  for (const [name, body] of cases) {
    it(`renders ${name}`, () => {
      // KaTeX warns on the console about a character it has no metrics for (U+FFFD, from NUL).
      const warn = console.warn;
      console.warn = () => undefined;
      let result;
      try {
        result = render(front + body + '\n');
      } finally {
        console.warn = warn;
      }
      assert.equal(typeof result.html, 'string');
      assert.ok(!/<script|\son\w+=/i.test(result.html));
    });
  }

  it('shows a chunk too deep to render as its escaped source, and the other chunks as usual', () => {
    const html = render(`${front}\n# Fine\n- ok\n\n# Deep\n${'<div>'.repeat(10_000)}<script>x</script>\n`).html;
    assert.match(html, /^<h1 data-line="4"[^>]*>Fine<\/h1>/, html.slice(0, 200));
    // The `<div>`s never close: kramdown reads the rest of the post as one HTML block, which is
    // what the preview renders (and, too deep for the tree tools, shows as its source).
    assert.ok(
      html.includes('<pre data-line="8" class="render-failed">&#x3C;div&#x3E;&#x3C;div&#x3E;'),
      html.slice(0, 300),
    );
    assert.ok(html.includes('&#x3C;script&#x3E;x&#x3C;/script&#x3E;'));
  });

  it('keeps CRLF posts on the right lines', () => {
    const html = render('---\r\nmathjax: true\r\n---\r\n\r\n# One\r\n- a\r\n\r\n# Two\r\n').html;
    assert.match(html, /<h1 data-line="4"[^>]*>One<\/h1>/);
    assert.match(html, /<h1 data-line="7"[^>]*>Two<\/h1>/);
  });
});
