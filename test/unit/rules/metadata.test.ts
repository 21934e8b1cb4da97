/**
 * What every rule must carry besides its check: messages in both languages, documentation whose
 * examples behave as documented, and a consistent message style.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCS_BASE_URL, ruleDocsUrl } from '../../../server/src/core/engine/engine';
import { RULES } from '../../../server/src/core/rules';
import { findSite } from '../../../server/src/core/site/site';
import { lintText } from '../../support/lint';
import { memoryHost } from '../../support/memoryHost';
import { REPO_ROOT } from '../../support/paths';

// Examples are linted inside a minima site, so that rules that need a site run too.
const site = findSite('/site/_posts/x.md', memoryHost({ '/site/_config.yml': 'theme: minima\n' }));

describe('rule metadata', () => {
  /** Rules added after the catalogue (`../shared/spec/rules.md`), in registry order. */
  const ADDED_RULES = ['filename-convention', 'mathjax-host', 'markdown-in-html-block', 'ordered-list-paren', 'bare-url', 'attribute-list'];

  it('registers every rule of the catalogue (../shared/spec/rules.md) in its order, at its default severity', function () {
    const catalogue = path.resolve(REPO_ROOT, '..', 'shared', 'spec', 'rules.md');
    if (!fs.existsSync(catalogue)) {
      console.log(`      (skipped: ${catalogue} is absent)`);
      this.skip();
    }
    const rows = [...fs.readFileSync(catalogue, 'utf8').matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint|off)\b/gm)];
    const inCatalogue = new Set(rows.map((m) => m[1]));
    assert.deepEqual(RULES.filter((r) => inCatalogue.has(r.id)).map((r) => [r.id, r.defaultSeverity]), rows.map((m) => [m[1], m[2]]));
    // The catalogue allows new rules under new ids; each is named here, so that none slips in unreviewed.
    assert.deepEqual(RULES.filter((r) => !inCatalogue.has(r.id)).map((r) => r.id), ADDED_RULES);
  });

  it('has a page in docs/rules/ for every rule, and none for a rule that does not exist', () => {
    const pages = fs.readdirSync(path.join(REPO_ROOT, 'docs', 'rules')).filter((name) => name !== 'README.md').sort();
    assert.deepEqual(pages, RULES.map((r) => `${r.id}.md`).sort());
    for (const rule of RULES) {
      assert.ok(ruleDocsUrl(rule.id).startsWith(DOCS_BASE_URL) && DOCS_BASE_URL.endsWith('/docs/rules/'), 'diagnostics link to docs/rules/<id>.md');
    }
  });

  it('says, wherever a message has Jekyll publish a post with no layout, that GitHub Pages gives it `post`', () => {
    // jekyll-default-layout, which GitHub Pages always runs, lays out a Markdown post that names no layout with `post`:
    // a message that tells only Debian's Jekyll 4.3 half of it misleads an author whose blog is built there.
    const silent: string[] = [];
    const checked: string[] = [];
    for (const rule of RULES) {
      for (const [id, text] of Object.entries(rule.messages)) {
        if (!/\bpublish/.test(text.en) || !/\b(no|without)\b[^.:]*\blayout\b/.test(text.en)) continue;
        checked.push(`${rule.id}/${id}`);
        if (!text.en.includes('(GitHub Pages gives it `post`)') || !text.ko.includes('(GitHub Pages는 `post`를 씁니다)')) silent.push(`${rule.id}/${id}`);
      }
    }
    assert.deepEqual(silent, []);
    // The messages of front-matter-missing and front-matter-syntax that say so (the check must find them).
    assert.ok(checked.length >= 5, `checked ${checked.join(', ')}`);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has its description and every message in English and Korean, in the house style', () => {
        for (const text of [rule.description, ...Object.values(rule.messages)]) {
          assert.ok(text.en.trim(), 'English text');
          assert.ok(text.ko.trim(), 'Korean text');
          assert.match(text.ko, /[가-힣]/, `Korean text is Korean: ${text.ko}`);
        }
        for (const [id, text] of Object.entries(rule.messages)) {
          assert.match(text.en, /^Expected /, `${id}: English messages read "Expected X, found Y"`);
          assert.match(text.ko, /필요하지만|있어야 하지만|같아야 하지만/, `${id}: Korean messages read "X가 필요하지만 Y입니다"`);
          const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
          assert.deepEqual(placeholders(text.ko), placeholders(text.en), `${id}: both languages use the same placeholders`);
        }
      });

      it('documents why, with an ok and a not-ok example that behave as documented', () => {
        assert.ok(rule.docs.rationale.length > 40, 'a rationale');
        // A rule that is off by default is documented as it behaves once enabled.
        const config = rule.defaultSeverity === 'off' ? { rules: { [rule.id]: 'warning' as const } } : undefined;
        const siteOf = (example: { site?: Record<string, string> }) => !example.site ? site : findSite('/site/_posts/x.md', memoryHost({
          '/site/_config.yml': 'theme: minima\n', ...Object.fromEntries(Object.entries(example.site).map(([p, t]) => [`/site/${p}`, t])),
        }));
        const run = (example: { text: string; fileName?: string; site?: Record<string, string> }) =>
          lintText(example.text, { fileName: example.fileName, site: siteOf(example), config }).filter((d) => d.code === rule.id);
        assert.deepEqual(run(rule.docs.ok).map((d) => d.message), [], 'the ok example is accepted');
        assert.ok(run(rule.docs.notOk).length > 0, 'the not-ok example is reported');
      });
    });
  }
});
