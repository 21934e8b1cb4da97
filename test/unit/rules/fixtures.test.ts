/**
 * Every rule against its fixture posts (`test/fixtures/rules/<id>/{ok,not-ok}/*.md`): the
 * diagnostics must be exactly the ones written inline, and every fix, once applied, must make its
 * diagnostic go without bringing a new one. A rule that compares posts sees the other posts of its
 * fixture's folder.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { lintPost } from '../../../server/src/core/engine/engine';
import type { RuleDefinition } from '../../../server/src/core/engine/rule';
import { summarizePost, WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex';
import { lookupOf, type LinkResult, type LinkResultLookup } from '../../../server/src/core/links/linkResult';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { Project } from '../../../server/src/core/project';
import { RULES } from '../../../server/src/core/rules';
import { applyEdits } from '../../../server/src/core/text/edits';
import { snippetToText } from '../../../server/src/core/text/snippets';
import type { WorkspaceView } from '../../../server/src/core/workspace';
import { nodeFileSystem, pathToUri, toCorePath } from '../../../server/src/node/nodeHost';
import { insertedLines } from '../../support/fixEdits';
import { dataOf, describeFully, expectationsOf, TEST_TODAY } from '../../support/lint';
import { FIXTURES } from '../../support/paths';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');
const project = new Project(nodeFileSystem, RULES);

/**
 * What a link check found of a fixture's addresses (for `link-dead`): `<name>.links.json` beside
 * the post, results by address. The network side is tested against a local server
 * (`test/unit/links/`); fixtures test what the rule makes of results.
 */
function linkResultsOf(file: string): LinkResultLookup | undefined {
  // Beside any post extension (.md, .MD, .mkd, ...).
  const sidecar = file.replace(/\.[^./\\]+$/, '.links.json');
  if (!fs.existsSync(sidecar)) return undefined;
  return lookupOf(new Map(Object.entries(JSON.parse(fs.readFileSync(sidecar, 'utf8')) as Record<string, LinkResult>)));
}

function lintFile(
  file: string,
  text = fs.readFileSync(file, 'utf8'),
  workspace?: WorkspaceView,
  links = linkResultsOf(file),
): Diagnostic[] {
  const setup = project.setupFor(toCorePath(file));
  return lintPost(parsePost(text, pathToUri(file), 1), {
    rules: RULES,
    config: setup.config,
    site: setup.site,
    workspace,
    locale: 'en',
    today: TEST_TODAY,
    links,
  });
}

/** For a rule that compares posts: the other posts of the fixture's folder, as its workspace. */
function workspaceOf(rule: RuleDefinition<object>, file: string): WorkspaceView | undefined {
  if (!rule.comparesPosts) return undefined;
  const index = new WorkspaceIndex();
  const dir = path.dirname(file);
  for (const name of fs.readdirSync(dir).filter((n) => /\.(md|markdown)$/.test(n))) {
    const other = path.join(dir, name);
    if (other !== file) index.update(summarizePost(parsePost(fs.readFileSync(other, 'utf8'), pathToUri(other), 1)));
  }
  return index;
}

function fixturesOf(id: string, kind: 'ok' | 'not-ok'): string[] {
  const dir = path.join(RULE_FIXTURES, id, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(md|markdown|mkd)$/i.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

function countByRule(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

describe('rule fixtures', () => {
  it('has no fixture folder for a rule that is not registered', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const folder of fs.readdirSync(RULE_FIXTURES))
      assert.ok(ids.has(folder), `fixtures for unknown rule ${folder}`);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has ok and not-ok fixtures', () => {
        assert.ok(fixturesOf(rule.id, 'ok').length > 0, `test/fixtures/rules/${rule.id}/ok/ has no post`);
        assert.ok(fixturesOf(rule.id, 'not-ok').length > 0, `test/fixtures/rules/${rule.id}/not-ok/ has no post`);
      });

      for (const kind of ['ok', 'not-ok'] as const) {
        for (const file of fixturesOf(rule.id, kind)) {
          const name = `${kind}/${path.basename(file)}`;
          it(`${name}: reports exactly what is written inline`, () => {
            const text = fs.readFileSync(file, 'utf8');
            const expected = expectationsOf(text);
            const mentionsRule = expected.some((e) => e.split(' ')[1] === rule.id);
            assert.equal(
              mentionsRule,
              kind === 'not-ok',
              kind === 'ok' ? 'an ok fixture expects no report of its rule' : 'a not-ok fixture must expect its rule',
            );
            // Line, column, rule and severity of every diagnostic, exactly.
            assert.deepEqual(describeFully(lintFile(file, undefined, workspaceOf(rule, file))), expected);
          });

          if (kind === 'not-ok') {
            it(`${name}: every fix removes its diagnostic and adds none`, () => {
              const text = fs.readFileSync(file, 'utf8');
              const workspace = workspaceOf(rule, file);
              const before = lintFile(file, text, workspace);
              const beforeCounts = countByRule(before);
              for (const diagnostic of before) {
                for (const fix of dataOf(diagnostic).fixes) {
                  const edits = fix.snippet
                    ? fix.edits.map((e) => ({ ...e, newText: snippetToText(e.newText) }))
                    : fix.edits;
                  const fixedText = applyEdits(text, edits);
                  const fixedFile = fix.rename ? path.join(path.dirname(file), fix.rename) : file;
                  // A snippet leaves tab stops for the author: what is reported on the lines it inserts
                  // are those placeholders (an empty link target), not damage done by the fix.
                  const placeholders = fix.snippet ? insertedLines(text, edits) : new Set<number>();
                  const fixed = lintFile(fixedFile, fixedText, workspace, linkResultsOf(file));
                  const after = countByRule(fixed);
                  const id = String(diagnostic.code);
                  const label = `${id} fix "${fix.title}"`;
                  assert.ok((after.get(id) ?? 0) < beforeCounts.get(id)!, `${label} leaves its diagnostic`);
                  for (const [other, count] of countByRule(
                    fixed.filter((d) => !placeholders.has(d.range.start.line)),
                  )) {
                    assert.ok(count <= (beforeCounts.get(other) ?? 0), `${label} brings a new ${other}`);
                  }
                }
              }
            });
          }
        }
      }
    });
  }
});
