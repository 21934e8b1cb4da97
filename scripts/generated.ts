/**
 * Files generated from the code, committed so that users and VS Code read them without building:
 * the configuration schema, a page per rule (`docs/rules/`), the README's rules table, and the
 * snippets (`snippets/markdown.json`, from `core/templates.ts`).
 * `npm run generate` writes them; a test fails when one is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configSchema } from '../server/src/core/config/config';
import { RULES } from '../server/src/core/rules';
import { snippetsFile } from '../server/src/core/templates';
import { readmeWithRulesTable, ruleDocFiles } from './ruleDocs';

/** Repository-relative path -> content. */
export function generatedFiles(): Record<string, string> {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Seminar Posts configuration (.seminar-posts.json)',
    ...configSchema(RULES),
  };
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  return {
    'schemas/seminar-posts.schema.json': JSON.stringify(schema, null, 2) + '\n',
    'README.md': readmeWithRulesTable(readme),
    'snippets/markdown.json': snippetsFile(),
    ...ruleDocFiles(),
  };
}
