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
import { exampleWorkspace } from '../../../scripts/ruleDocs';

// Examples are linted inside a minima site, so that rules that need a site run too.
const site = findSite('/site/_posts/x.md', memoryHost({ '/site/_config.yml': 'theme: minima\n' }));

/** The site an example is checked in: the plain minima site, plus the files the example names. */
const exampleSite = (example: RuleExample) =>
  !example.site
    ? site
    : findSite(
        '/site/_posts/x.md',
        memoryHost({
          '/site/_config.yml': 'theme: minima\n',
          ...Object.fromEntries(Object.entries(example.site).map(([p, t]) => [`/site/${p}`, t])),
        }),
      );

describe('rule metadata', () => {
  /** Rules added after the catalogue (`../shared/spec/rules.md`), in registry order. */
  const ADDED_RULES = [
    'filename-convention',
    'duplicate-quarter',
    'mathjax-host',
    'template-leftover',
    'markdown-in-html-block',
    'ordered-list-paren',
    'bare-url',
    'attribute-list',
    'link-dead',
  ];

  it('registers every rule of the catalogue (../shared/spec/rules.md) in its order, at its default severity', function () {
    const catalogue = path.resolve(REPO_ROOT, '..', 'shared', 'spec', 'rules.md');
    if (!fs.existsSync(catalogue)) {
      console.log(`      (skipped: ${catalogue} is absent)`);
      this.skip();
    }
    const rows = [
      ...fs.readFileSync(catalogue, 'utf8').matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint|off)\b/gm),
    ];
    const inCatalogue = new Set(rows.map((m) => m[1]));
    assert.deepEqual(
      RULES.filter((r) => inCatalogue.has(r.id)).map((r) => [r.id, r.defaultSeverity]),
      rows.map((m) => [m[1], m[2]]),
    );
    // The catalogue allows new rules under new ids; each is named here, so that none slips in unreviewed.
    assert.deepEqual(
      RULES.filter((r) => !inCatalogue.has(r.id)).map((r) => r.id),
      ADDED_RULES,
    );
  });

  it('has a page in docs/rules/ for every rule, and none for a rule that does not exist', () => {
    const pages = fs
      .readdirSync(path.join(REPO_ROOT, 'docs', 'rules'))
      .filter((name) => name !== 'README.md')
      .sort();
    assert.deepEqual(pages, RULES.map((r) => `${r.id}.md`).sort());
  });

  it("links each diagnostic to its rule's page: the repository's docs/rules/<id>.md on its main branch", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      repository: { url: string };
    };
    const repository = manifest.repository.url.replace(/\.git$/, '');
    assert.equal(DOCS_BASE_URL, `${repository}/blob/main/docs/rules/`);
    for (const rule of RULES) {
      const url = ruleDocsUrl(rule.id);
      // The URL names a file of the repository: that file exists.
      assert.ok(url.startsWith(`${repository}/blob/main/`), url);
      const file = path.join(REPO_ROOT, ...url.slice(`${repository}/blob/main/`.length).split('/'));
      assert.ok(fs.existsSync(file), `${rule.id}: ${url} names ${file}, which does not exist`);
      assert.equal(path.basename(file), `${rule.id}.md`);
      // And the diagnostics carry it.
      const { notOk } = rule.docs;
      const reported = lintText(notOk.text, {
        fileName: notOk.fileName,
        site: exampleSite(notOk),
        workspace: exampleWorkspace(notOk),
        links: notOk.links,
        config: { rules: { [rule.id]: 'warning' } },
      }).find((d) => d.code === rule.id);
      assert.equal(
        reported?.codeDescription?.href,
        url,
        `${rule.id}: its not-ok example's diagnostic links to its page`,
      );
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
        if (
          !text.en.includes('(GitHub Pages gives it `post`)') ||
          !text.ko.includes('(GitHub Pages는 `post`를 씁니다)')
        )
          silent.push(`${rule.id}/${id}`);
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
          assert.match(
            text.ko,
            /필요하지만|있어야 하지만|같아야 하지만/,
            `${id}: Korean messages read "X가 필요하지만 Y입니다"`,
          );
          const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
          assert.deepEqual(
            placeholders(text.ko),
            placeholders(text.en),
            `${id}: both languages use the same placeholders`,
          );
        }
      });

      it('documents why, with an ok and a not-ok example that behave as documented', () => {
        assert.ok(rule.docs.rationale.length > 40, 'a rationale');
        // A rule that is off by default is documented as it behaves once enabled.
        const config = rule.defaultSeverity === 'off' ? { rules: { [rule.id]: 'warning' as const } } : undefined;
        const run = (example: RuleExample) =>
          lintText(example.text, {
            fileName: example.fileName,
            site: exampleSite(example),
            config,
            workspace: exampleWorkspace(example),
            links: example.links,
          }).filter((d) => d.code === rule.id);
        assert.deepEqual(
          run(rule.docs.ok).map((d) => d.message),
          [],
          'the ok example is accepted',
        );
        assert.ok(run(rule.docs.notOk).length > 0, 'the not-ok example is reported');
      });
    });
  }
});
