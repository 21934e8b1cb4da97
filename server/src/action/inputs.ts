/**
 * The Action's inputs (`action.yml`), read as GitHub hands them to a JavaScript action: one
 * `INPUT_<NAME>` variable each, the name upper-cased with spaces as `_` and hyphens kept
 * (`fail-on` is `INPUT_FAIL-ON`).
 */
import type { Locale } from '../core/engine/messages';

/** An input with a value the Action cannot use; the step fails with its message. */
export class InputError extends Error {}

export interface ActionInputs {
  /** Files, folders or globs, one a line (default `.`: the posts under the `_posts/` folders). */
  paths: string[];
  config: string | undefined;
  fix: boolean;
  sarif: string | undefined;
  failOn: 'error' | 'warning';
  /** Undefined: from the runner's `LANG`, as the CLI does. */
  locale: Locale | undefined;
}

/** The value of input `name` in `env`, trimmed ('' when unset). */
export function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Reads every input, failing on a value it cannot use. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const paths = input(env, 'paths')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const failOn = input(env, 'fail-on') || 'error';
  if (failOn !== 'error' && failOn !== 'warning')
    throw new InputError(`input fail-on must be error or warning, not '${failOn}'`);
  const locale = input(env, 'locale');
  if (locale !== '' && locale !== 'en' && locale !== 'ko')
    throw new InputError(`input locale must be en or ko, not '${locale}'`);
  return {
    paths: paths.length ? paths : ['.'],
    config: input(env, 'config') || undefined,
    fix: booleanInput(env, 'fix'),
    sarif: input(env, 'sarif') || undefined,
    failOn,
    locale: locale === '' ? undefined : locale,
  };
}

/** A boolean input as GitHub's toolkit reads one (YAML 1.2's `true`/`false` spellings); default false. */
function booleanInput(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = input(env, name);
  if (value === '' || value === 'false' || value === 'False' || value === 'FALSE') return false;
  if (value === 'true' || value === 'True' || value === 'TRUE') return true;
  throw new InputError(`input ${name} must be true or false, not '${value}'`);
}
