/**
 * Files generated from the code, committed so that users and VS Code read them without building:
 * the configuration schema. `npm run generate` writes them; a test fails when one is stale.
 */
import { configSchema } from '../server/src/core/config/config';
import { RULES } from '../server/src/core/rules';

/** Repository-relative path -> content. */
export function generatedFiles(): Record<string, string> {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Seminar Posts configuration (.seminar-posts.json)',
    ...configSchema(RULES),
  };
  return {
    'schemas/seminar-posts.schema.json': JSON.stringify(schema, null, 2) + '\n',
  };
}
