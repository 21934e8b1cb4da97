/**
 * The editor's settings, in one place: every `seminarPosts.*` setting's name, type (its JSON
 * schema, as the manifest contributes it), default and scope. The manifest's
 * `contributes.configuration` must be exactly `manifestConfiguration()` (a test compares them);
 * the client reads its settings through `readSetting`, and the language server reads the section
 * per resource (`workspace/configuration`) through `readEditorSettings`.
 *
 * The keys shared with `.seminar-posts.json` become a configuration layer between the defaults and
 * the file (defaults < settings < the repository's file, so that the editor and the CI agree);
 * `maxFileSize`, `trace.server`, `preview.*`, `images.*`, `endpoints.*`, `problems.*` (read by
 * `problemsSettings.ts`) and `links.checkOnSave` are the editor's own. Validation of the shared keys is the configuration file's, so a bad setting is named
 * the same way. No `vscode` import: both sides and the tests read it in plain Node.
 */
import {
  DEFAULTS,
  validateConfig,
  type ConfigProblem,
  type ConfigurableRule,
  type RuleSetting,
  type SeminarPostsConfig,
} from './config';
import { validateSchema, type JsonSchema } from './jsonSchema';
import { SEVERITIES, type SeverityOrOff } from './severity';

/** The configuration section every setting lives in (and the language client's id). */
export const SETTINGS_SECTION = 'seminarPosts';

/** The value of each setting, by its name in the section. */
export interface SettingValues {
  posts: string[];
  rules: Record<string, RuleSetting>;
  presenterLabels: string[];
  linkLabels: { paper: string[]; slides: string[] };
  requiredFields: Record<string, SeverityOrOff>;
  titlePattern: string;
  /** Megabytes. */
  maxFileSize: number;
  'trace.server': 'off' | 'messages' | 'verbose';
  'preview.scrollSync': boolean;
  'preview.doubleClickToReveal': boolean;
  'preview.lockedByDefault': boolean;
  /** The editor's own: the client runs Check Links on the saved post. */
  'links.checkOnSave': boolean;
  'links.ignore': string[];
  'links.signInHosts': string[];
  /** Where a pasted or dropped figure is saved, in the site (`{post}`: the post's file name without its date and extension). */
  'images.folder': string;
  /** The width written on a pasted figure's `<img>`; 0 for none. */
  'images.width': number;
  /** Base URLs of the paper services ("" for the environment's or the default). */
  'endpoints.arxiv': string;
  'endpoints.doi': string;
  /** Which posts the Problems panel lists: the open ones, or the workspace's newest `problems.maxPosts` too. */
  'problems.scope': 'open' | 'workspace';
  'problems.maxPosts': number;
}

export type SettingName = keyof SettingValues;

/** A setting's schema: the configuration's JSON Schema, with the keywords only the manifest uses. */
export interface SettingSchema extends JsonSchema {
  /** VS Code's settings editor reads it; `readSetting` does not (the server validates `rules`). */
  anyOf?: readonly JsonSchema[];
  propertyNames?: { pattern: string };
}

/** One setting: its type, default and scope. */
export interface SettingSpec<T> {
  schema: SettingSchema;
  default: T;
  /** `resource`: per folder and file; `window`: one value for the window; `machine-overridable`: per machine, a workspace may override it. */
  scope: 'resource' | 'window' | 'machine-overridable';
  /** Keys (in `package.nls.json`) of the descriptions of an enum's values, in order. */
  enumDescriptions?: readonly string[];
}

const labels: SettingSchema = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };
const severity: SettingSchema = { type: 'string', enum: SEVERITIES };

/** Every setting, in the order the settings editor shows them. */
export const SETTINGS: { readonly [N in SettingName]: SettingSpec<SettingValues[N]> } = {
  posts: {
    schema: { type: 'array', items: { type: 'string', minLength: 1 } },
    default: [...DEFAULTS.posts],
    scope: 'resource',
  },
  rules: {
    schema: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: {
        anyOf: [severity, { type: 'array', items: [severity, { type: 'object' }], minItems: 1, maxItems: 2 }],
      } as JsonSchema,
    },
    default: {},
    scope: 'resource',
  },
  presenterLabels: { schema: labels, default: [...DEFAULTS.presenterLabels], scope: 'resource' },
  linkLabels: {
    schema: { type: 'object', properties: { paper: labels, slides: labels }, additionalProperties: false },
    default: { paper: [...DEFAULTS.linkLabels.paper], slides: [...DEFAULTS.linkLabels.slides] },
    scope: 'resource',
  },
  requiredFields: { schema: { type: 'object', additionalProperties: severity }, default: {}, scope: 'resource' },
  titlePattern: { schema: { type: 'string', minLength: 1 }, default: DEFAULTS.titlePattern, scope: 'resource' },
  maxFileSize: { schema: { type: 'number', minimum: 0.1, maximum: 1024 }, default: 2, scope: 'resource' },
  'trace.server': {
    schema: { type: 'string', enum: ['off', 'messages', 'verbose'] },
    default: 'off',
    scope: 'window',
    enumDescriptions: ['config.trace.server.off', 'config.trace.server.messages', 'config.trace.server.verbose'],
  },
  'preview.scrollSync': { schema: { type: 'boolean' }, default: true, scope: 'resource' },
  'preview.doubleClickToReveal': { schema: { type: 'boolean' }, default: true, scope: 'resource' },
  'preview.lockedByDefault': { schema: { type: 'boolean' }, default: false, scope: 'resource' },
  'links.checkOnSave': { schema: { type: 'boolean' }, default: false, scope: 'resource' },
  'links.ignore': {
    schema: { type: 'array', items: { type: 'string', minLength: 1 } },
    default: [...DEFAULTS.links.ignore],
    scope: 'resource',
  },
  'links.signInHosts': {
    schema: { type: 'array', items: { type: 'string', minLength: 1 } },
    default: [...DEFAULTS.links.signInHosts],
    scope: 'resource',
  },
  'images.folder': { schema: { type: 'string' }, default: 'assets/img/{post}/', scope: 'resource' },
  'images.width': { schema: { type: 'integer', minimum: 0, maximum: 4000 }, default: 0, scope: 'resource' },
  'endpoints.arxiv': { schema: { type: 'string' }, default: '', scope: 'machine-overridable' },
  'endpoints.doi': { schema: { type: 'string' }, default: '', scope: 'machine-overridable' },
  'problems.scope': {
    schema: { type: 'string', enum: ['open', 'workspace'] },
    default: 'workspace',
    scope: 'window',
    enumDescriptions: ['config.problems.scope.open', 'config.problems.scope.workspace'],
  },
  // 50 000: the workspace index's own limit of files.
  'problems.maxPosts': { schema: { type: 'integer', minimum: 1, maximum: 50_000 }, default: 500, scope: 'window' },
};

/** The full id of a setting, as `affectsConfiguration` and the settings editor name it. */
export function settingId<N extends SettingName>(name: N): `${typeof SETTINGS_SECTION}.${N}` {
  return `${SETTINGS_SECTION}.${name}`;
}

/** Reads one setting of the section (`name` without the section); undefined when nobody set it. */
export type SettingReader = (name: SettingName) => unknown;

/**
 * A setting's value, or its default when the value is missing or not of its type (a bad value
 * never breaks the client; the settings editor already marks it).
 */
export function readSetting<N extends SettingName>(read: SettingReader, name: N): SettingValues[N] {
  const value = read(name);
  const spec: SettingSpec<SettingValues[N]> = SETTINGS[name];
  if (value === undefined || value === null || validateSchema(value, spec.schema).length > 0)
    return structuredClone(spec.default);
  return value as SettingValues[N];
}

/** The manifest's `contributes.configuration`, as it must read (descriptions from `package.nls*.json`). */
export function manifestConfiguration(): { title: string; properties: Record<string, Record<string, unknown>> } {
  const properties: Record<string, Record<string, unknown>> = {};
  (Object.keys(SETTINGS) as SettingName[]).forEach((name, order) => {
    const spec: SettingSpec<unknown> = SETTINGS[name];
    properties[settingId(name)] = {
      ...spec.schema,
      default: spec.default,
      scope: spec.scope,
      order,
      markdownDescription: `%config.${name}%`,
      ...(spec.enumDescriptions ? { markdownEnumDescriptions: spec.enumDescriptions.map((key) => `%${key}%`) } : {}),
    };
  });
  return { title: 'Seminar Posts', properties };
}

// ---------------------------------------------------------------------------------------------
// The language server's reading of the section.

/** Where problems of the settings say they come from. */
export const SETTINGS_SOURCE = 'settings';

/** The settings of one resource, validated. */
export interface EditorSettings {
  /** The keys shared with the configuration file, valid parts only. */
  layer: SeminarPostsConfig;
  /** Posts over this size (UTF-8 bytes) are not checked. */
  maxFileSizeBytes: number;
  /** Problems, with paths as the user writes them (`seminarPosts.rules.title-formatt`). */
  problems: ConfigProblem[];
}

/** Settings that belong to the editor only, not to the configuration file (first part of the name). */
const EDITOR_ONLY = new Set(['maxFileSize', 'trace', 'preview', 'images', 'endpoints', 'problems']);

const megabytes = (mb: number) => Math.round(mb * 1024 * 1024);
/** `links.checkOnSave` is the editor's own (the client reads it); the rest of `links` is shared with the file. */
function withoutEditorLinkKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const { checkOnSave: _editorOnly, ...shared } = value as Record<string, unknown>;
  return shared;
}

/** Reads the `seminarPosts` section of the settings; anything malformed is dropped and named. */
export function readEditorSettings(raw: unknown, rules: readonly ConfigurableRule[]): EditorSettings {
  const defaults: EditorSettings = {
    layer: {},
    maxFileSizeBytes: megabytes(SETTINGS.maxFileSize.default),
    problems: [],
  };
  if (raw === null || raw === undefined) return defaults;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ...defaults,
      problems: [{ source: SETTINGS_SOURCE, path: SETTINGS_SECTION, message: 'expected an object' }],
    };
  }
  const shared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    // The editor sends `null` for a setting nobody set and that has no default.
    if (!EDITOR_ONLY.has(key) && value !== null && value !== undefined)
      shared[key] = key === 'links' ? withoutEditorLinkKeys(value) : value;
  }
  const { config, problems } = validateConfig(shared, SETTINGS_SOURCE, rules);
  const out: EditorSettings = {
    layer: config,
    maxFileSizeBytes: defaults.maxFileSizeBytes,
    problems: problems.map((p) => ({
      ...p,
      path: p.path === '(root)' ? SETTINGS_SECTION : `${SETTINGS_SECTION}.${p.path}`,
    })),
  };
  const maxFileSize = (raw as Record<string, unknown>).maxFileSize;
  if (typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0) {
    out.maxFileSizeBytes = megabytes(maxFileSize);
  } else if (maxFileSize !== undefined && maxFileSize !== null) {
    out.problems.push({
      source: SETTINGS_SOURCE,
      path: settingId('maxFileSize'),
      message: `expected a positive number of megabytes, found ${JSON.stringify(maxFileSize)}`,
    });
  }
  return out;
}
