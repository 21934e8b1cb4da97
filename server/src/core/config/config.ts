/**
 * Configuration: what `.seminar-posts.json`, the editor's `seminarPosts.*` settings and the CLI's
 * `--config` may say, its defaults, its validation and how layers merge.
 */
import type { JsonSchema, SchemaProblem } from './jsonSchema';
import { validateSchema } from './jsonSchema';
import { SEVERITIES, type SeverityOrOff } from './severity';

/**
 * What the configuration needs to know of a rule (a `RuleDefinition` is one): its id, the severity
 * it runs at by default, a sentence for the schema, and the schema of its options.
 */
export interface ConfigurableRule {
  id: string;
  defaultSeverity: SeverityOrOff;
  description: { en: string };
  optionsSchema?: JsonSchema;
}

/** The configuration as written (every key optional). */
export interface SeminarPostsConfig {
  rules?: Record<string, RuleSetting>;
  presenterLabels?: string[];
  linkLabels?: { paper?: string[]; slides?: string[] };
  requiredFields?: Record<string, SeverityOrOff>;
  titlePattern?: string;
  posts?: string[];
  links?: LinkSettings;
}

/** The link check's part of the configuration (`links`), as written. */
export interface LinkSettings {
  /** Globs of hosts (`*.example.com`) or of whole addresses (`https://example.com/private/**`) never requested. */
  ignore?: string[];
  /** Globs of hosts whose pages need a sign-in: a 4xx answer there is reported as needing a sign-in, never as dead. */
  signInHosts?: string[];
}

/** `"warning"`, `["warning"]` or `["warning", { ...options }]`. */
export type RuleSetting = SeverityOrOff | [SeverityOrOff] | [SeverityOrOff, Record<string, unknown>];

/** The configuration after defaults and layers are merged. */
export interface ResolvedConfig {
  /** Rules the configuration mentions; the others run at their default severity. */
  rules: Record<string, { severity: SeverityOrOff; options: Record<string, unknown> | undefined }>;
  presenterLabels: string[];
  linkLabels: { paper: string[]; slides: string[] };
  requiredFields: Record<string, SeverityOrOff>;
  titlePattern: RegExp;
  posts: string[];
  links: Required<LinkSettings>;
}

export const CONFIG_FILE_NAME = '.seminar-posts.json';

export const DEFAULT_TITLE_PATTERN = '^\\d{4}_(1st|2nd|3rd|4th)_quarter$';

export const DEFAULTS = {
  presenterLabels: ['발표자'],
  linkLabels: { paper: ['paper link'], slides: ['presentation material'] },
  requiredFields: {
    layout: 'error',
    title: 'error',
    date: 'error',
    image_url: 'warning',
    mathjax: 'warning',
    comments: 'warning',
  } as Record<string, SeverityOrOff>,
  titlePattern: DEFAULT_TITLE_PATTERN,
  posts: ['**/_posts/**/*.{md,markdown}'],
  links: {
    ignore: [] as string[],
    // Trello attachments (the blog's slides) answer a reader without a Trello session with 401/403.
    signInHosts: ['trello.com', '*.trello.com', 'trello-attachments.s3.amazonaws.com'],
  },
} as const;

const severitySchema: JsonSchema = { type: 'string', enum: SEVERITIES };
const labelsSchema = (description: string): JsonSchema => ({
  type: 'array',
  items: { type: 'string', minLength: 1 },
  minItems: 1,
  description,
});

/** The schema of the whole configuration, given the rules it may name. */
export function configSchema(rules: readonly ConfigurableRule[]): JsonSchema {
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const rule of rules) {
    const asList: JsonSchema = rule.optionsSchema
      ? { type: 'array', items: [severitySchema, rule.optionsSchema], minItems: 1, maxItems: 2 }
      : { type: 'array', items: [severitySchema], minItems: 1, maxItems: 1 };
    ruleProperties[rule.id] = {
      description: `${rule.description.en} (default: ${rule.defaultSeverity})`,
      oneOf: [severitySchema, asList],
    };
  }
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        type: 'object',
        description: 'Severity ("error", "warning", "info", "hint", "off") of each rule, or [severity, options].',
        properties: ruleProperties,
        additionalProperties: false,
      },
      presenterLabels: labelsSchema(
        'Labels that open a presenter line (`### 발표자: name`), matched without regard to case.',
      ),
      linkLabels: {
        type: 'object',
        description: 'Labels of the links in the presenter line, matched without regard to case.',
        additionalProperties: false,
        properties: {
          paper: labelsSchema('Labels of the paper link.'),
          slides: labelsSchema('Labels of the slides (presentation material) link.'),
        },
      },
      requiredFields: {
        type: 'object',
        description:
          'Front matter keys every post must have, with the severity of a missing one ("off" drops a default).',
        additionalProperties: severitySchema,
      },
      titlePattern: {
        type: 'string',
        minLength: 1,
        'x-regex': true,
        description: 'Regular expression the front matter title must match.',
      },
      posts: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Glob patterns of the files that are posts.',
      },
      links: {
        type: 'object',
        description: "The link check (`seminar-posts lint --check-links`, the editor's Check Links).",
        additionalProperties: false,
        properties: {
          ignore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description:
              'Hosts (`*.example.com`) or addresses (`https://example.com/private/**`) never requested, as globs.',
          },
          signInHosts: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description:
              'Hosts (globs) whose pages need a sign-in: a 4xx answer there is reported as needing a sign-in, not as dead.',
          },
        },
      },
    },
  };
}

export interface ConfigProblem extends SchemaProblem {
  /** Where the configuration came from (a file path, `settings`). */
  source: string;
}

/**
 * Validates a configuration object. Problems name the key (`rules.title-formt: unknown key`);
 * the returned config keeps only the valid parts, so one bad key never disables the rest.
 */
export function validateConfig(
  raw: unknown,
  source: string,
  rules: readonly ConfigurableRule[],
): { config: SeminarPostsConfig; problems: ConfigProblem[] } {
  const schema = configSchema(rules);
  const problems = validateSchema(raw, schema).map((p) => ({ ...p, source }));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { config: {}, problems };
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const sub = schema.properties?.[key];
    if (!sub) continue;
    if (key === 'rules' && value && typeof value === 'object' && !Array.isArray(value)) {
      const kept: Record<string, unknown> = {};
      for (const [id, setting] of Object.entries(value)) {
        const ruleSchema = sub.properties?.[id];
        if (ruleSchema && validateSchema(setting, ruleSchema).length === 0) kept[id] = setting;
      }
      config.rules = kept;
    } else if (validateSchema(value, sub).length === 0) {
      config[key] = value;
    }
  }
  return { config, problems };
}

/** Merges configuration layers over the defaults; later layers win, key by key. */
export function resolveConfig(...layers: (SeminarPostsConfig | undefined)[]): ResolvedConfig {
  const resolved: ResolvedConfig = {
    rules: {},
    presenterLabels: [...DEFAULTS.presenterLabels],
    linkLabels: { paper: [...DEFAULTS.linkLabels.paper], slides: [...DEFAULTS.linkLabels.slides] },
    requiredFields: { ...DEFAULTS.requiredFields },
    titlePattern: new RegExp(DEFAULTS.titlePattern, 'u'),
    posts: [...DEFAULTS.posts],
    links: { ignore: [...DEFAULTS.links.ignore], signInHosts: [...DEFAULTS.links.signInHosts] },
  };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
      resolved.rules[id] = { severity, options: options ?? resolved.rules[id]?.options };
    }
    if (layer.presenterLabels) resolved.presenterLabels = [...layer.presenterLabels];
    if (layer.linkLabels?.paper) resolved.linkLabels.paper = [...layer.linkLabels.paper];
    if (layer.linkLabels?.slides) resolved.linkLabels.slides = [...layer.linkLabels.slides];
    if (layer.requiredFields) Object.assign(resolved.requiredFields, layer.requiredFields);
    if (layer.titlePattern) {
      try {
        resolved.titlePattern = new RegExp(layer.titlePattern, 'u');
      } catch {
        // validateConfig reports it; keep the previous pattern.
      }
    }
    if (layer.posts) resolved.posts = [...layer.posts];
    if (layer.links?.ignore) resolved.links.ignore = [...layer.links.ignore];
    if (layer.links?.signInHosts) resolved.links.signInHosts = [...layer.links.signInHosts];
  }
  return resolved;
}

/** Parses the text of a `.seminar-posts.json` file; a JSON syntax error becomes one problem. */
export function parseConfigText(
  text: string,
  source: string,
  rules: readonly ConfigurableRule[],
): { config: SeminarPostsConfig; problems: ConfigProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { config: {}, problems: [{ source, path: '(root)', message: `not valid JSON (${(e as Error).message})` }] };
  }
  return validateConfig(raw, source, rules);
}
