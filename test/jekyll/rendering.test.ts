/**
 * The preview renders as kramdown does: fixture posts (one per construct an author writes, in
 * `fixtures/`) and the real corpus (`../shared/corpus`, built with the blog's own `site/`) go
 * through the real `jekyll build` and through `renderPost`, and the two HTMLs are compared as
 * normalized outlines (`support/outline.ts`). Every difference left is listed with its reason in
 * `known-differences.md`; a difference not listed fails, and so does a listed one that is gone.
 * The preview's header (title, date) is held against the post page's.
 *
 * Jekyll missing fails the suite with the set-up message, unless `SEMINAR_POSTS_SKIP_JEKYLL=1`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { renderPost } from '../../server/src/core/render/renderPost';
import { readMathjaxConfig, type MathDelimiters } from '../../server/src/core/site/mathjaxConfig';
import { nodeFileSystem, toCorePath } from '../../server/src/node/nodeHost';
import { corpusAvailable, corpusPosts, CORPUS } from '../support/paths';
import { buildSite, jekyllUnavailable, PARITY_SITE, type BuiltSite } from './support/jekyllSite';
import { KNOWN_DIFFERENCES, readKnownDifferences, unexplained } from './support/knownDifferences';
import { kramdownOutline, previewOutline } from './support/outline';
import { diffOutlines, type Hunk } from './support/outlineDiff';

const FIXTURES = path.join(__dirname, 'fixtures');
const CORPUS_SITE = path.join(CORPUS, 'site');

/** A post of the suite: its name in `known-differences.md`, its text, its path in the built site. */
interface Case {
  readonly name: string;
  readonly text: string;
  readonly sitePath: string;
}

function fixtureCases(): Case[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => ({
      name: `fixtures/${file}`,
      text: fs.readFileSync(path.join(FIXTURES, file), 'utf8'),
      sitePath: `_posts/${file}`,
    }));
}

/** Every corpus post, under a name of its own (many drafts share a file name): `2019-01-01-corpus-1.md`, ... */
function corpusCases(): Case[] {
  const { published, drafts } = corpusPosts();
  return [...published, ...drafts].map((file, i) => ({
    name: `corpus/${path.relative(CORPUS, file).split(path.sep).join('/')}`,
    text: fs.readFileSync(file, 'utf8'),
    sitePath: `_posts/2019-01-01-corpus-${i + 1}.md`,
  }));
}

/** The outlines' differences for one post, as the preview renders it with the site's MathJax set-up. */
function differences(site: BuiltSite, item: Case, mathjax: MathDelimiters): Hunk[] {
  const published = site.posts.get(item.sitePath);
  assert.ok(published, `${item.name}: Jekyll did not publish it`);
  const post = parsePost(item.text, `file:///site/${item.sitePath}`, 1);
  // The page loads MathJax only when the post sets `mathjax` (the layout's `{% if page.mathjax %}`).
  const typeset = /^mathjax:\s*true\s*$/m.test(item.text.split(/^---\s*$/m)[1] ?? '');
  const preview = renderPost(post, { mathjax });
  return diffOutlines(kramdownOutline(published.content, typeset ? mathjax : undefined), previewOutline(preview.html));
}

/** The preview's header says what the post page's header says: title and date, and shows no image. */
function assertHeader(site: BuiltSite, item: Case): void {
  const published = site.posts.get(item.sitePath)!;
  const page = site.page(published.url);
  if (!page || published.layout !== 'post') return;
  const header = /<header class="post-header">([\s\S]*?)<\/header>/.exec(page)?.[1] ?? '';
  const title = /<h1 class="post-title[^"]*"[^>]*>([\s\S]*?)<\/h1>/.exec(header)?.[1]?.trim();
  const date = /<time[^>]*>([\s\S]*?)<\/time>/.exec(header)?.[1]?.trim();
  const preview = renderPost(parsePost(item.text, `file:///site/${item.sitePath}`, 1));
  const decode = (s: string | undefined) =>
    s
      ?.replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  assert.equal(preview.title, decode(title), `${item.name}: the page's title`);
  assert.equal(preview.date, date, `${item.name}: the page's date`);
  assert.ok(!/<img/.test(header), `${item.name}: the post page shows no image in its header`);
}

function describeHunk(hunk: Hunk): string {
  return [
    `  at ${hunk.at}`,
    ...hunk.kramdown.map((l) => `    kramdown: ${l}`),
    ...hunk.preview.map((l) => `    preview:  ${l}`),
  ].join('\n');
}

describe('Jekyll parity: the preview renders as kramdown does', function () {
  this.timeout(300_000);
  const known = readKnownDifferences();
  const seen = new Set<string>();
  let fixtures: BuiltSite | undefined;
  let corpus: BuiltSite | undefined;

  before(function () {
    const missing = jekyllUnavailable();
    if (missing) {
      if (process.env.SEMINAR_POSTS_SKIP_JEKYLL === '1') {
        console.log(`      (skipped, SEMINAR_POSTS_SKIP_JEKYLL=1: ${missing})`);
        this.skip();
      }
      throw new Error(
        `The Jekyll parity suite needs the real Jekyll: ${missing}. Set SEMINAR_POSTS_SKIP_JEKYLL=1 to skip it.`,
      );
    }
    fixtures = buildSite(fixtureCases().map((c) => ({ path: c.sitePath, text: c.text })));
    if (corpusAvailable())
      corpus = buildSite(
        corpusCases().map((c) => ({ path: c.sitePath, text: c.text })),
        { base: CORPUS_SITE },
      );
  });

  after(() => {
    fixtures?.dispose();
    corpus?.dispose();
  });

  const check = (site: () => BuiltSite | undefined, mathjax: () => MathDelimiters, cases: Case[]) => {
    for (const item of cases) {
      it(`${item.name}: every difference from kramdown is a known one`, function () {
        const built = site();
        if (!built) this.skip();
        seen.add(item.name);
        const listed = known.get(item.name) ?? new Map<string, string>();
        const hunks = differences(built, item, mathjax());
        const { unexpected, gone } = unexplained(hunks, listed);
        const problems = [
          ...unexpected.map((h) => `a difference not in known-differences.md:\n${describeHunk(h)}`),
          ...gone.map((at) => `listed in known-differences.md but gone (remove it): ${at}`),
        ];
        assert.ok(problems.length === 0, `${item.name}:\n${problems.join('\n')}`);
        assertHeader(built, item);
      });
    }
  };

  describe('fixture posts', () => {
    check(
      () => fixtures,
      () => readMathjaxConfig(toCorePath(PARITY_SITE), nodeFileSystem),
      fixtureCases(),
    );
  });

  describe("the real corpus (built with the blog's own site)", function () {
    if (!corpusAvailable()) {
      it('is absent: skipped', function () {
        console.log(
          `      (skipped: the real corpus ${CORPUS} is absent; these tests need ../shared/corpus beside the repository)`,
        );
        this.skip();
      });
      return;
    }
    check(
      () => corpus,
      () => readMathjaxConfig(toCorePath(CORPUS_SITE), nodeFileSystem),
      corpusCases(),
    );
  });

  describe(path.basename(KNOWN_DIFFERENCES), () => {
    it('lists only posts of the suite, each difference with a reason', function () {
      if (!fixtures) this.skip();
      const names = new Set([...fixtureCases(), ...(corpusAvailable() ? corpusCases() : [])].map((c) => c.name));
      for (const [name, entries] of known) {
        if (name.startsWith('corpus/') && !corpusAvailable()) continue;
        assert.ok(names.has(name), `${name} is listed but is no post of the suite`);
        for (const [at, reason] of entries) assert.ok(reason.length > 10, `${name} ${at}: give the reason`);
      }
      assert.ok(seen.size >= names.size, `${seen.size} of ${names.size} posts compared`);
    });

    it('fails on a difference it does not list and on a listed one that is gone', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'known-differences-'));
      try {
        const file = path.join(dir, 'known-differences.md');
        fs.writeFileSync(
          file,
          '# K\n\n## Prose\n\n- Prose bullets are no entries: `x`\n\n## fixtures/2021-01-09-tables.md\n\n- `#table/p[9]`: the preview drops this paragraph\n',
        );
        const listed = readKnownDifferences(file);
        assert.deepEqual([...listed.keys()], ['fixtures/2021-01-09-tables.md']);
        const entries = listed.get('fixtures/2021-01-09-tables.md')!;
        const hunk = (at: string): Hunk => ({ at, kramdown: ['p: x'], preview: [] });
        assert.deepEqual(unexplained([hunk('#table/p[9]')], entries), { unexpected: [], gone: [] });
        assert.deepEqual(unexplained([], entries), { unexpected: [], gone: ['#table/p[9]'] });
        assert.deepEqual(unexplained([hunk('#table/p[2]')], entries), {
          unexpected: [hunk('#table/p[2]')],
          gone: ['#table/p[9]'],
        });
        fs.appendFileSync(file, '- `#table/p[9]`: twice\n');
        assert.throws(() => readKnownDifferences(file), /listed twice/);
        // An entry under a heading that names no post (a typo) is an error, not silently prose.
        fs.writeFileSync(
          file,
          '## fixture/2021-01-09-tables.md\n\n- `#table/p[9]`: the preview drops this paragraph\n',
        );
        assert.throws(() => readKnownDifferences(file), /outside a `## fixtures/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
