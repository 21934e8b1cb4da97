/**
 * Publishing parity: what the real `jekyll build` publishes (URL, date, title, layout, whether the
 * text was converted or the front matter shows) against what the checks claim, for posts a new
 * author writes and for the real corpus (`../shared/corpus`, skipped with a note where absent).
 *
 * A rule that says "not published" must match a post Jekyll left out; "stops the whole build" a
 * build that failed; "published without its front matter, dated the build", "titled `x`", "dates
 * the post D" what Jekyll did. Where no rule speaks, the post must be published as the core reads
 * it. The posts go into a few builds (one per site configuration, and one per post that stops a
 * build). Jekyll is a requirement: the suite fails without it, unless SEMINAR_POSTS_SKIP_JEKYLL=1.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  actualOutcome,
  buildDays,
  check,
  claimedDates,
  claimedOutcome,
  type Checked,
  type Outcome,
} from './support/claims';
import {
  buildSite,
  PARITY_SITE,
  requireJekyll,
  tryBuildSite,
  type BuiltSite,
  type SiteFile,
} from './support/jekyllSite';
import { CORPUS, corpusAvailable, corpusPosts } from '../support/paths';
import { ALL_CASES, FAILING_CASES, ZONE_CASES, type PublishingCase } from './support/publishingCases';

interface Compared {
  case: PublishingCase;
  checked: Checked;
  claimed: Outcome;
  actual: Outcome;
}

/** Builds `cases` in one site and compares each post. */
function compareBuild(
  cases: readonly PublishingCase[],
  options: { base?: string; extraConfig?: string } = {},
): Compared[] {
  const start = Date.now();
  const site = buildSite(
    cases.map((c): SiteFile => ({ path: c.path, text: c.text })),
    options,
  );
  try {
    const days = buildDays(start, Date.now());
    return cases.map((c) => {
      const checked = check(c.text, c.path, site.dir, start);
      return {
        case: c,
        checked,
        claimed: claimedOutcome(checked),
        actual: actualOutcome(site.posts.get(c.path), days),
      };
    });
  } finally {
    site.dispose();
  }
}

function assertAgrees(results: readonly Compared[]): void {
  const wrong = results.filter((r) => JSON.stringify(r.claimed) !== JSON.stringify(r.actual));
  assert.deepEqual(
    wrong.map((r) => ({
      post: r.case.path,
      claimed: r.claimed,
      jekyll: r.actual,
      reports: r.checked.claims.map((c) => `${c.ruleId}/${c.messageId}`),
    })),
    [],
  );
  for (const r of results) {
    // Every date a report names as the post's is the date Jekyll gave it.
    if (r.actual.kind === 'published')
      for (const date of claimedDates(r.checked.claims))
        assert.equal(date, r.actual.date, `${r.case.path}: a report dates it ${date}`);
    // The claims are the engine's diagnostics: the same rules, report for report.
    assert.deepEqual([...r.checked.linted].sort(), r.checked.claims.map((c) => c.ruleId).sort(), r.case.path);
  }
}

function assertReports(results: readonly Compared[]): void {
  for (const r of results) {
    const reported = new Set(r.checked.claims.map((c) => `${c.ruleId}/${c.messageId}`));
    for (const expected of r.case.reports ?? []) {
      assert.ok(
        [...reported].some((id) => id === expected || id.startsWith(`${expected}/`)),
        `${r.case.path}: expected ${expected}, got ${[...reported].join(', ')}`,
      );
    }
  }
}

describe('publishing parity with jekyll build', function () {
  this.timeout(180_000);

  before(function () {
    requireJekyll(this);
  });

  describe("posts an author writes (one build, the blog's settings, UTC)", () => {
    let results: Compared[];
    before(() => {
      results = compareBuild(ALL_CASES);
    });

    it('publishes, skips, dates, titles and lays out each post as the checks claim', () => assertAgrees(results));
    it('each post raises the report it is there for', () => assertReports(results));
  });

  describe('a site that sets `timezone: Asia/Seoul` and `future: true`', () => {
    let results: Compared[];
    before(() => {
      results = compareBuild(ZONE_CASES, { extraConfig: 'timezone: Asia/Seoul\nfuture: true' });
    });

    it("dates posts in the site's zone and publishes future posts, as the checks claim", () => assertAgrees(results));
    it('each post raises the report it is there for', () => assertReports(results));
  });

  describe('posts that stop the whole build (one build each)', () => {
    for (const c of FAILING_CASES) {
      it(`${c.path}: ${c.why}`, () => {
        const outcome = tryBuildSite([{ path: c.path, text: c.text }]);
        outcome.site?.dispose();
        const checked = check(c.text, c.path, PARITY_SITE, Date.now());
        assert.deepEqual(
          claimedOutcome(checked),
          { kind: 'build-fails' },
          `the checks: ${checked.claims.map((x) => `${x.ruleId}/${x.messageId}`).join(', ')}`,
        );
        assert.ok(outcome.failure, 'Jekyll built the site');
        assert.match(outcome.failure, /Invalid date/);
        assertReports([{ case: c, checked, claimed: { kind: 'build-fails' }, actual: { kind: 'build-fails' } }]);
      });
    }
  });

  describe('what the rules say Jekyll does with a layout, a duplicate key and an image in `_posts/`', () => {
    const cases: PublishingCase[] = [
      {
        path: '_posts/2020-04-02-2nd_quarter.md',
        text: ALL_CASES[0]!.text.replace('layout: post', 'layout: posts'),
        why: 'a layout the site lacks',
        reports: ['unknown-layout'],
      },
      {
        path: '_posts/2020-04-09-2nd_quarter.md',
        text: ALL_CASES[0]!.text
          .replace('date: 2020-04-02', 'date: 2020-04-09')
          .replace('title: "2020_2nd_quarter"', 'title: "2020_1st_quarter"\ntitle: "2020_2nd_quarter"'),
        why: 'a title written twice',
        reports: ['front-matter-duplicate-key'],
      },
      {
        path: '_posts/2020-04-16-2nd_quarter.md',
        text: ALL_CASES[0]!.text
          .replace('date: 2020-04-02', 'date: 2020-04-16')
          .replace(/$/, '\n<p align="center">\n  <img src="/_posts/fig.png" width="450">\n</p>\n'),
        why: 'an image kept in `_posts/`',
        reports: ['image-src'],
      },
    ];
    let site: BuiltSite;
    let results: Compared[];
    before(() => {
      const start = Date.now();
      site = buildSite([...cases, { path: '_posts/fig.png', text: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }]);
      results = cases.map((c) => {
        const checked = check(c.text, c.path, site.dir, start);
        return {
          case: c,
          checked,
          claimed: claimedOutcome(checked),
          actual: actualOutcome(site.posts.get(c.path), buildDays(start, Date.now())),
        };
      });
    });
    after(() => site?.dispose());

    it('publishes them as the checks claim, keeping the last of two titles', () => {
      assertAgrees(results);
      assertReports(results);
    });

    it('warns of exactly the layout unknown-layout names', () => {
      const warned = [...site.log.matchAll(/Layout '([^']+)' requested in (\S+) does not exist/g)].map(
        (m) => `${m[2]}:${m[1]}`,
      );
      const reported = results
        .filter((r) => r.checked.claims.some((c) => c.ruleId === 'unknown-layout'))
        .map((r) => `${r.case.path}:posts`);
      assert.deepEqual(warned, reported);
    });

    it('never publishes the image in `_posts/` that image-src reports', () => {
      const reported = results.find((r) =>
        r.checked.claims.some((c) => c.ruleId === 'image-src' && c.messageId === 'posts'),
      );
      assert.ok(reported, 'image-src reports the `_posts/` path');
      assert.equal(site.page('/_posts/fig.png'), undefined);
      assert.equal(site.page('/fig.png'), undefined);
    });
  });

  describe("the real corpus, with the real blog's site files", () => {
    let results: Compared[];
    before(function () {
      if (!corpusAvailable()) {
        console.log(
          `      (skipped: the real corpus ${CORPUS} is absent; these tests need ../shared/corpus beside the repository)`,
        );
        this.skip();
      }
      const { published, drafts } = corpusPosts();
      // Each draft folder holds one version of a post under its original name: a folder of its own
      // under `_posts/` keeps every version (Jekyll reads posts in subfolders, under the same URL).
      const cases = [...published, ...drafts].map((file): PublishingCase => ({
        path: `_posts/${path
          .relative(CORPUS, file)
          .split(path.sep)
          .join('/')
          .replace(/^published\//, '')}`,
        text: fs.readFileSync(file, 'utf8'),
        why: 'a real post',
      }));
      results = compareBuild(cases, { base: path.join(CORPUS, 'site') });
    });

    it('publishes and skips every published post and draft as the checks claim', () => {
      assert.equal(results.length, 55);
      assertAgrees(results);
    });

    it('publishes the three published posts at their addresses', () => {
      const urls = results
        .filter((r) => !r.case.path.includes('drafts/'))
        .map((r) => (r.actual.kind === 'published' ? r.actual.url : r.actual.kind));
      assert.deepEqual(urls, [
        '/2020/04/02/2nd_quarter.html',
        '/2020/07/02/3rd_quarter.html',
        '/2020/10/08/4th_quarter.html',
      ]);
    });
  });
});
