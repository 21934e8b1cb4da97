import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { ruleDocsUrl } from '../../../server/src/core/engine/engine';
import type { RuleDefinition } from '../../../server/src/core/engine/rule';
import { RULES } from '../../../server/src/core/rules';
import { dataOf, lintText } from '../../support/lint';
import { examplePost, SAMPLE_FRONT_MATTER } from '../../../server/src/core/rules/support/examples';
import { findSite } from '../../../server/src/core/site/site';
import { memoryHost } from '../../support/memoryHost';

function rule(check: RuleDefinition['check'], extra: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    id: 'test-rule',
    category: 'post',
    defaultSeverity: 'warning',
    description: { en: 'A test rule.', ko: '시험 규칙.' },
    messages: { m: { en: 'Expected {x}, found {y}', ko: '{x}가 필요하지만 {y}입니다' } },
    docs: { rationale: '', ok: { text: '' }, notOk: { text: '' } },
    check,
    ...extra,
  };
}

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

describe('rule engine', () => {
  it('stamps source, code, docs link, severity, localized message and fix data', () => {
    const r = rule((_post, _ctx, report) =>
      report({
        range: zero,
        messageId: 'm',
        data: { x: 'A', y: 'B' },
        fix: { title: { en: 'Fix {x}', ko: '{x} 고치기' }, safe: true, edits: [{ range: zero, newText: 'z' }] },
      }),
    );
    const [en] = lintText('abc', { rules: [r] });
    assert.equal(en!.source, 'seminar-posts');
    assert.equal(en!.code, 'test-rule');
    assert.equal(en!.codeDescription!.href, ruleDocsUrl('test-rule'));
    assert.equal(en!.severity, DiagnosticSeverity.Warning);
    assert.equal(en!.message, 'Expected A, found B');
    assert.deepEqual(dataOf(en!), {
      ruleId: 'test-rule',
      version: 1,
      fixes: [{ title: 'Fix A', safe: true, edits: [{ range: zero, newText: 'z' }] }],
    });
    const [ko] = lintText('abc', { rules: [r], locale: 'ko' });
    assert.equal(ko!.message, 'A가 필요하지만 B입니다');
    assert.equal(dataOf(ko!).fixes[0]!.title, 'A 고치기');
  });

  it('turns a rule that throws into one diagnostic naming it, and runs the others', () => {
    const bad = rule(
      () => {
        throw new Error('boom');
      },
      { id: 'bad-rule' },
    );
    const good = rule((_p, _c, report) => report({ range: zero, messageId: 'm' }), { id: 'good-rule' });
    const out = lintText('abc', { rules: [bad, good] });
    assert.deepEqual(
      out.map((d) => d.code),
      ['bad-rule', 'good-rule'],
    );
    assert.match(out[0]!.message, /Rule `bad-rule` failed and was skipped: boom/);
  });

  it('refuses a report outside the document or with an unknown message', () => {
    const outside = rule((_p, _c, report) =>
      report({ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } }, messageId: 'm' }),
    );
    assert.match(lintText('abc', { rules: [outside] })[0]!.message, /outside the document/);
    const unknownMessage = rule((_p, _c, report) => report({ range: zero, messageId: 'nope' }));
    assert.match(lintText('abc', { rules: [unknownMessage] })[0]!.message, /unknown message id 'nope'/);
    const badEdit = rule((_p, _c, report) =>
      report({
        range: zero,
        messageId: 'm',
        fix: {
          title: { en: 'x', ko: 'x' },
          safe: true,
          edits: [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, newText: '' }],
        },
      }),
    );
    assert.match(lintText('abc', { rules: [badEdit] })[0]!.message, /fix edit .* outside the document/);
  });

  it('applies configured severities, options and off', () => {
    const r = rule(
      (_p, ctx, report) =>
        report({ range: zero, messageId: 'm', data: { x: String((ctx.options as { n?: number }).n), y: '' } }),
      { defaultOptions: { n: 1 } },
    );
    assert.equal(lintText('abc', { rules: [r] })[0]!.message, 'Expected 1, found ');
    const configured = lintText('abc', {
      rules: [r],
      config: { rules: { 'test-rule': ['error', { n: 2 }] } } as never,
    });
    assert.equal(configured[0]!.severity, DiagnosticSeverity.Error);
    assert.equal(configured[0]!.message, 'Expected 2, found ');
    assert.equal(lintText('abc', { rules: [r], config: { rules: { 'test-rule': 'off' } } as never }).length, 0);
  });

  it('skips the rules that need a site for a post outside one', () => {
    const text = examplePost(SAMPLE_FRONT_MATTER.map((l) => l.replace('post', 'posts')));
    assert.ok(!lintText(text).some((d) => d.code === 'unknown-layout'));
    const site = findSite('/site/_posts/x.md', memoryHost({ '/site/_config.yml': 'theme: minima' }));
    assert.ok(lintText(text, { site }).some((d) => d.code === 'unknown-layout'));
  });

  it('has unique rule ids written in kebab case', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
  });
});

describe('rule engine placeholders', () => {
  it('refuses a report whose message or fix title names a placeholder without a value', () => {
    const r = rule((_p, _c, report) =>
      report({
        range: zero,
        messageId: 'm',
        data: { x: 'A', y: 'B' },
        fix: { title: { en: 'Insert {value}', ko: '{value} 넣기' }, safe: true, edits: [] },
      }),
    );
    assert.match(lintText('abc', { rules: [r] })[0]!.message, /no value for the placeholder \{value\}/);
  });
});
