import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { generatedFiles } from '../../scripts/generated';
import { REPO_ROOT } from '../support/paths';
import { validateConfig } from '../../server/src/core/config/config';
import { RULES } from '../../server/src/core/rules';

describe('generated files', () => {
  for (const [relative, content] of Object.entries(generatedFiles())) {
    it(`${relative} is up to date (npm run generate)`, () => {
      const file = path.join(REPO_ROOT, relative);
      assert.ok(fs.existsSync(file), `${relative} is missing`);
      assert.equal(fs.readFileSync(file, 'utf8'), content, `${relative} is stale`);
    });
  }

  it('the JSON Schema that VS Code uses agrees with the validator the linter trusts', () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, 'schemas/seminar-posts.schema.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    const samples: unknown[] = [
      {},
      { rules: { 'title-format': 'off' } },
      { rules: { 'unknown-field': ['warning', { allow: ['x'] }] } },
      { rules: { 'unknown-field': ['warning', { allow: 'x' }] } },
      { rules: { 'title-format': ['warning', { x: 1 }] } },
      { rules: { 'no-such-rule': 'error' } },
      { rules: { 'title-format': 'loud' } },
      { presenterLabels: [] },
      { presenterLabels: ['발표자'], linkLabels: { paper: ['paper'] } },
      { linkLabels: { video: ['v'] } },
      { requiredFields: { author: 'warning' } },
      { requiredFields: { author: true } },
      { posts: ['**/*.md'] },
      { posts: 'x' },
      { colour: 'red' },
    ];
    for (const sample of samples) {
      const ours = validateConfig(sample, 'sample', RULES).problems.length === 0;
      assert.equal(validate(sample), ours, JSON.stringify(sample));
    }
  });
});
