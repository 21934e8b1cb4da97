/**
 * What every rule must carry besides its check: messages in both languages, documentation whose
 * examples behave as documented, and a consistent message style.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCS_BASE_URL, ruleDocsUrl } from '../../../server/src/core/engine/engine';
import type { RuleExample } from '../../../server/src/core/engine/rule';
import { RULES } from '../../../server/src/core/rules';
import { findSite } from '../../../server/src/core/site/site';
import { lintText } from '../../support/lint';
import { memoryHost } from '../../support/memoryHost';
import { REPO_ROOT } from '../../support/paths';

// Examples are linted inside a minima site, so that rules that need a site run too.
const site = findSite('/site/_posts/x.md', memoryHost({ '/site/_config.yml': 'theme: minima\n' }));

/**
 * Rules the product adds beside the catalogue, with new ids (the catalogue allows that; ids are
 * never reused): each is listed here on purpose.
 */
const ADDED_RULES = ['link-dead'];

describe('rule metadata', () => {
  it('registers every rule of the catalogue (../shared/spec/rules.md) in its order, at its default severity', function () {
    const catalogue = path.resolve(REPO_ROOT, '..', 'shared', 'spec', 'rules.md');
    if (!fs.existsSync(catalogue)) {
      console.log(`      (skipped: ${catalogue} is absent)`);
      this.skip();
    }
    const rows = [...fs.readFileSync(catalogue, 'utf8').matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint|off)\b/gm)];
    const catalogued = RULES.filter((r) => !ADDED_RULES.includes(r.id));
    assert.deepEqual(catalogued.map((r) => [r.id, r.defaultSeverity]), rows.map((m) => [m[1], m[2]]));
    for (const id of ADDED_RULES) assert.ok(!rows.some((m) => m[1] === id), `${id} is in the catalogue now: drop it from ADDED_RULES`);
  });

  it('has a page in docs/rules/ for every rule, and none for a rule that does not exist', () => {
    const pages = fs.readdirSync(path.join(REPO_ROOT, 'docs', 'rules')).filter((name) => name !== 'README.md').sort();
    assert.deepEqual(pages, RULES.map((r) => `${r.id}.md`).sort());
    for (const rule of RULES) {
      assert.ok(ruleDocsUrl(rule.id).startsWith(DOCS_BASE_URL) && DOCS_BASE_URL.endsWith('/docs/rules/'), 'diagnostics link to docs/rules/<id>.md');
    }
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
        const run = (example: RuleExample) =>
          lintText(example.text, { fileName: example.fileName, site, config, links: example.links }).filter((d) => d.code === rule.id);
        assert.deepEqual(run(rule.docs.ok).map((d) => d.message), [], 'the ok example is accepted');
        assert.ok(run(rule.docs.notOk).length > 0, 'the not-ok example is reported');
      });
    });
  }
});
