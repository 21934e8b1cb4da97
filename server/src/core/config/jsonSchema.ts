/**
 * The subset of JSON Schema this product's configuration uses, with a validator that names the
 * offending key. The same schemas are written to `schemas/seminar-posts.schema.json`, which VS Code
 * uses to validate `.seminar-posts.json` as it is typed; this validator is what the linter trusts.
 */

export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'boolean' | 'number' | 'integer';
  description?: string;
  markdownDescription?: string;
  enum?: readonly (string | number | boolean)[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | readonly JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  oneOf?: readonly JsonSchema[];
  default?: unknown;
  format?: string;
  /** Checked by the validator as well: the string must compile as a JavaScript regular expression. */
  'x-regex'?: boolean;
}

export interface SchemaProblem {
  /** Dotted path of the offending value, e.g. `rules.title-format[1].pattern`. */
  path: string;
  message: string;
}

/** Validates `value` against `schema`; returns every problem found (empty when valid). */
export function validateSchema(value: unknown, schema: JsonSchema, path = ''): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const at = path || '(root)';

  if (schema.oneOf) {
    const results = schema.oneOf.map((s) => validateSchema(value, s, path));
    if (results.some((r) => r.length === 0)) return [];
    // Report against the alternative of the value's own type (a list of severity and options,
    // say), or else the one with the fewest problems.
    const sameType = schema.oneOf
      .map((s, i) => (typeMatches(s, value) ? results[i]! : undefined))
      .filter((r) => r !== undefined);
    return (sameType.length ? sameType : results).reduce((a, b) => (b.length < a.length ? b : a));
  }
  if (schema.enum && !schema.enum.includes(value as string)) {
    problems.push({
      path: at,
      message: `expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, found ${describe(value)}`,
    });
    return problems;
  }
  switch (schema.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return [{ path: at, message: `expected an object, found ${describe(value)}` }];
      }
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const sub = schema.properties?.[key];
        const childPath = path ? `${path}.${key}` : key;
        if (sub) problems.push(...validateSchema(v, sub, childPath));
        else if (schema.additionalProperties === false) problems.push({ path: childPath, message: 'unknown key' });
        else if (typeof schema.additionalProperties === 'object')
          problems.push(...validateSchema(v, schema.additionalProperties, childPath));
      }
      return problems;
    }
    case 'array': {
      if (!Array.isArray(value)) return [{ path: at, message: `expected an array, found ${describe(value)}` }];
      if (schema.minItems !== undefined && value.length < schema.minItems)
        problems.push({ path: at, message: `expected at least ${schema.minItems} item(s), found ${value.length}` });
      if (schema.maxItems !== undefined && value.length > schema.maxItems)
        problems.push({ path: at, message: `expected at most ${schema.maxItems} item(s), found ${value.length}` });
      const items = schema.items;
      value.forEach((item, i) => {
        const sub = items !== undefined && isSchemaList(items) ? items[i] : items;
        if (sub) problems.push(...validateSchema(item, sub, `${path}[${i}]`));
      });
      return problems;
    }
    case 'string':
      if (typeof value !== 'string') return [{ path: at, message: `expected a string, found ${describe(value)}` }];
      if (schema.minLength !== undefined && value.length < schema.minLength)
        problems.push({ path: at, message: 'expected a non-empty string' });
      if (schema['x-regex']) {
        try {
          new RegExp(value, 'u');
        } catch (e) {
          problems.push({ path: at, message: `not a valid regular expression (${(e as Error).message})` });
        }
      }
      return problems;
    case 'boolean':
      return typeof value === 'boolean'
        ? []
        : [{ path: at, message: `expected true or false, found ${describe(value)}` }];
    case 'number':
    case 'integer':
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (schema.type === 'integer' && !Number.isInteger(value))
      ) {
        return [
          {
            path: at,
            message: `expected ${schema.type === 'integer' ? 'a whole number' : 'a number'}, found ${describe(value)}`,
          },
        ];
      }
      if (schema.minimum !== undefined && value < schema.minimum)
        problems.push({ path: at, message: `expected at least ${schema.minimum}, found ${value}` });
      if (schema.maximum !== undefined && value > schema.maximum)
        problems.push({ path: at, message: `expected at most ${schema.maximum}, found ${value}` });
      return problems;
    default:
      return problems;
  }
}

function typeMatches(schema: JsonSchema, value: unknown): boolean {
  switch (schema.type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
    case 'integer':
      return typeof value === 'number';
    default:
      return false;
  }
}

/** `Array.isArray` for `items`: TypeScript narrows a readonly list only to `any[]`. */
function isSchemaList(items: JsonSchema | readonly JsonSchema[]): items is readonly JsonSchema[] {
  return Array.isArray(items);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value; // `undefined`: nothing else comes from JSON
}
