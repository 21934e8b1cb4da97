/**
 * The editor's `seminarPosts.problems.*` settings: which posts the Problems panel lists.
 * `scope: "open"` lists the problems of open posts only; `"workspace"` (the default) those of
 * every post of the workspace too, up to the `maxPosts` newest (500 by default: a larger blog
 * lists its 500 newest posts, and an older post shows its problems when it is opened).
 */
import type { ConfigProblem } from './config';
import { SETTINGS, SETTINGS_SOURCE } from './settings';

/** Which posts' problems the Problems panel lists. */
export interface ProblemsSettings {
  scope: 'open' | 'workspace';
  /** With `workspace`: the newest posts listed at most. */
  maxPosts: number;
}

/** The settings' defaults (the typed settings module holds them, as the manifest contributes them). */
export const DEFAULT_PROBLEMS_SETTINGS: Readonly<ProblemsSettings> = {
  scope: SETTINGS['problems.scope'].default,
  maxPosts: SETTINGS['problems.maxPosts'].default,
};

/** The largest `maxPosts` accepted: the workspace index's own limit of files. */
export const MAX_PROBLEM_POSTS = SETTINGS['problems.maxPosts'].schema.maximum!;

/** Reads the `problems` object of the `seminarPosts` settings; a bad value falls back to its default and is named. */
export function readProblemsSettings(raw: unknown): { settings: ProblemsSettings; problems: ConfigProblem[] } {
  const settings: ProblemsSettings = { ...DEFAULT_PROBLEMS_SETTINGS };
  const problems: ConfigProblem[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  const bad = (path: string, message: string) =>
    problems.push({ source: SETTINGS_SOURCE, path: `seminarPosts.problems${path}`, message });
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    bad('', 'expected an object');
    return { settings, problems };
  }
  const { scope, maxPosts } = raw as { scope?: unknown; maxPosts?: unknown };
  if (scope === 'open' || scope === 'workspace') settings.scope = scope;
  else if (scope !== undefined && scope !== null)
    bad('.scope', `expected "open" or "workspace", found ${JSON.stringify(scope)}`);
  if (typeof maxPosts === 'number' && Number.isInteger(maxPosts) && maxPosts >= 1 && maxPosts <= MAX_PROBLEM_POSTS)
    settings.maxPosts = maxPosts;
  else if (maxPosts !== undefined && maxPosts !== null)
    bad('.maxPosts', `expected a whole number from 1 to ${MAX_PROBLEM_POSTS}, found ${JSON.stringify(maxPosts)}`);
  return { settings, problems };
}
