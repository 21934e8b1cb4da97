/**
 * The editor's `seminarPosts.*` settings, as the language server receives them for one resource
 * (`workspace/configuration`, section `seminarPosts`). The keys shared with `.seminar-posts.json`
 * become a configuration layer between the defaults and the file (defaults < settings < the
 * repository's file, so that the editor and the CI agree); `maxFileSize`, `trace`, `preview` and `problems` (`problemsSettings.ts`) are the
 * editor's own. Validation is the configuration file's, so a bad setting is named the same way.
 */
import type { RuleDefinition } from '../engine/rule';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../features/limits';
import { validateConfig, type ConfigProblem, type SeminarPostsConfig } from './config';

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

/** Settings that belong to the editor only, not to the configuration file. */
const EDITOR_ONLY = new Set(['maxFileSize', 'trace', 'preview', 'problems']);

/** Reads the `seminarPosts` section of the settings; anything malformed is dropped and named. */
export function readEditorSettings(raw: unknown, rules: readonly RuleDefinition<any>[]): EditorSettings {
  const defaults: EditorSettings = { layer: {}, maxFileSizeBytes: DEFAULT_MAX_FILE_SIZE_MB * 1024 * 1024, problems: [] };
  if (raw === null || raw === undefined) return defaults;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ...defaults, problems: [{ source: SETTINGS_SOURCE, path: 'seminarPosts', message: 'expected an object' }] };
  }
  const shared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    // The editor sends `null` for a setting nobody set and that has no default.
    if (!EDITOR_ONLY.has(key) && value !== null && value !== undefined) shared[key] = value;
  }
  const { config, problems } = validateConfig(shared, SETTINGS_SOURCE, rules);
  const out: EditorSettings = {
    layer: config,
    maxFileSizeBytes: defaults.maxFileSizeBytes,
    problems: problems.map((p) => ({ ...p, path: p.path === '(root)' ? 'seminarPosts' : `seminarPosts.${p.path}` })),
  };
  const maxFileSize = (raw as Record<string, unknown>).maxFileSize;
  if (typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0) {
    out.maxFileSizeBytes = Math.round(maxFileSize * 1024 * 1024);
  } else if (maxFileSize !== undefined && maxFileSize !== null) {
    out.problems.push({
      source: SETTINGS_SOURCE,
      path: 'seminarPosts.maxFileSize',
      message: `expected a positive number of megabytes, found ${JSON.stringify(maxFileSize)}`,
    });
  }
  return out;
}
