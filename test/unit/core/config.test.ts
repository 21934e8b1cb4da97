import * as assert from 'node:assert/strict';
import { configSchema, parseConfigText, resolveConfig, validateConfig } from '../../../server/src/core/config/config';
import { RULES } from '../../../server/src/core/rules';

const problems = (raw: unknown) => validateConfig(raw, 'test', RULES).problems.map((p) => `${p.path}: ${p.message}`);

describe('configuration', () => {
  it('accepts every documented form', () => {
    assert.deepEqual(
      problems({
        rules: {
          'title-format': 'off',
          'required-field': ['warning'],
          'unknown-field': ['warning', { allow: ['series'] }],
        },
        presenterLabels: ['발표자', 'Presenter'],
        linkLabels: { paper: ['paper link', 'paper'], slides: ['presentation material', 'slides'] },
        requiredFields: { image_url: 'off', author: 'warning' },
        titlePattern: '^\\d{4}_Q[1-4]$',
        posts: ['_posts/**/*.md'],
      }),
      [],
    );
  });

  it('names the key of every bad value', () => {
    assert.deepEqual(problems({ rules: { 'no-such-rule': 'error' } }), ['rules.no-such-rule: unknown key']);
    assert.deepEqual(problems({ rules: { 'title-format': 'loud' } }), [
      'rules.title-format: expected one of "error", "warning", "info", "hint", "off", found "loud"',
    ]);
    assert.deepEqual(problems({ rules: { 'unknown-field': ['warning', { allow: 'x' }] } }), [
      'rules.unknown-field[1].allow: expected an array, found "x"',
    ]);
    assert.deepEqual(problems({ presenterLabels: [] }), ['presenterLabels: expected at least 1 item(s), found 0']);
    assert.deepEqual(
      problems({ titlePattern: '(' }).map((p) => p.replace(/\(.*\)$/, '')),
      ['titlePattern: not a valid regular expression '],
    );
    assert.deepEqual(problems({ requiredFields: { layout: 'maybe' } }), [
      'requiredFields.layout: expected one of "error", "warning", "info", "hint", "off", found "maybe"',
    ]);
    assert.deepEqual(problems({ colour: 'red' }), ['colour: unknown key']);
    assert.deepEqual(problems([1]), ['(root): expected an object, found an array']);
  });

  it('keeps the valid parts of a configuration with a bad key', () => {
    const { config } = validateConfig(
      { rules: { 'title-format': 'off', 'no-such-rule': 'error' }, titlePattern: '(' },
      'test',
      RULES,
    );
    assert.deepEqual(config, { rules: { 'title-format': 'off' } });
  });

  it('reports broken JSON in one problem', () => {
    const { problems: found } = parseConfigText('{ "rules": ', 'x.json', RULES);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /^not valid JSON/);
  });

  it('merges layers over the defaults, later ones winning', () => {
    const resolved = resolveConfig(
      { rules: { 'unknown-field': ['warning', { allow: ['a'] }] }, requiredFields: { image_url: 'off' } },
      { rules: { 'unknown-field': 'error' }, presenterLabels: ['P'] },
    );
    assert.deepEqual(resolved.rules['unknown-field'], { severity: 'error', options: { allow: ['a'] } });
    assert.equal(resolved.requiredFields.image_url, 'off');
    assert.equal(resolved.requiredFields.layout, 'error');
    assert.deepEqual(resolved.presenterLabels, ['P']);
    assert.deepEqual(resolved.linkLabels.paper, ['paper link']);
  });

  it('describes every rule in its schema', () => {
    const schema = configSchema(RULES);
    assert.deepEqual(
      Object.keys(schema.properties!.rules!.properties!),
      RULES.map((r) => r.id),
    );
  });
});
