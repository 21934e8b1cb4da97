/**
 * The command line's grammar. Parsing never exits or prints: it returns a command or a usage error
 * (exit code 2), so that `main.ts` decides what reaches the terminal.
 */
import { toLocale, type Locale } from '../core/engine/messages';

export type OutputFormat = 'stylish' | 'json' | 'sarif';

/** `--fix` writes the safe fixes; `--fix-dry-run` prints them as a diff; `off` changes nothing. */
export type FixMode = 'off' | 'write' | 'dry-run';

export interface LintCommand {
  kind: 'lint';
  paths: string[];
  fix: FixMode;
  format: OutputFormat;
  config: string | undefined;
  maxWarnings: number | undefined;
  quiet: boolean;
  locale: Locale;
  /** `--check-links`: request the posts' addresses (see `linkCheck.ts`). */
  checkLinks: boolean;
  /** `--cache-dir`: the link cache's folder, as written. */
  cacheDir: string | undefined;
  /** `--no-cache`: neither read nor write the link cache. */
  noCache: boolean;
}

export interface RulesCommand {
  kind: 'rules';
  format: 'text' | 'json';
  locale: Locale;
}

/** `fill`: write the title and authors lines of sections from their paper links. */
export interface FillCommand {
  kind: 'fill';
  paths: string[];
  /** Print the unified diff and change nothing. */
  dryRun: boolean;
  config: string | undefined;
  /** The folder of the paper cache (default: the OS cache folder); `null` with --no-cache. */
  cacheDir: string | undefined | null;
  locale: Locale;
}

/** `stats`: the seminar's statistics over the posts of `paths` (the statistics page's numbers). */
export interface StatsCommand {
  kind: 'stats';
  paths: string[];
  format: 'table' | 'json';
  config: string | undefined;
  locale: Locale;
}

export type Command = LintCommand | RulesCommand | FillCommand | StatsCommand | { kind: 'help' } | { kind: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: seminar-posts <command> [options]

Commands:
  lint [paths..]      Check posts. A path is a file, a folder or a glob; a folder means the
                      posts under its _posts/ folders (or, where it has none, the Markdown files
                      in it that open with front matter or a dated name). Default: .
  rules               List every rule with its id, default severity and description.
  fill [paths..]      Write the title (# ...) and authors line (## First Author et al., Venue
                      Year) of each section whose title or authors line is empty or still the
                      template's, from its paper link: arXiv through the arXiv API, a DOI
                      through doi.org, any other page through its citation_* meta tags.
  stats [paths..]     The seminar's statistics over the posts (paths as for lint): talks per
                      quarter, per presenter and year, venues, papers presented more than once.

Options of lint:
  --format <name>     stylish (default), json or sarif
  --config <file>     use this configuration file instead of the nearest .seminar-posts.json
  --max-warnings <n>  exit with 1 when there are more than n warnings
  --quiet             report errors only
  --locale <en|ko>    language of the messages (default: from LANG)
  --fix               apply the safe fixes to the files (and a safe file rename), then report
                      what is left; a file is written only when a fix changed it
  --fix-dry-run       print the safe fixes as a unified diff and change nothing
  --check-links       also request every paper, slides and image address of the posts and
                      report dead ones (rule link-dead); progress goes to stderr
  --cache-dir <dir>   keep link results there (default: the system's cache folder,
                      e.g. ~/.cache/seminar-posts); a result is trusted for a day
  --no-cache          ask every address again and keep nothing

Options of fill:
  --dry-run           print the changes as a unified diff and change nothing
  --config <file>     as for lint (the paper link labels)
  --cache-dir <dir>   where looked-up papers are kept (default: the system's cache folder)
  --no-cache          look every paper up again, keep nothing
  --locale <en|ko>
  Environment: SEMINAR_POSTS_ARXIV_API, SEMINAR_POSTS_DOI_API set the services' base URLs
  (a mirror or a local server). Each request has 5 s; one request per host at a time.

Options of rules:
  --format <name>     text (default) or json
  --locale <en|ko>

Options of stats:
  --format <name>     table (default) or json
  --config <file>     use this configuration file (its link labels say which link is the paper's)
  --locale <en|ko>

  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 no errors; 1 errors (or more warnings than --max-warnings), counted after
            the fixes with --fix and --fix-dry-run; 2 bad usage, an unreadable path, no post
            found, or a bad configuration. fill: 0 every section filled (or none to fill);
            1 a section could not be filled (the reason is printed); 2 as for lint.`;

/** Parses `argv` (without `node` and the script). */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
  const args = [...argv];
  if (args.length === 0) throw new UsageError('missing command (lint, fill, rules or stats)');
  const first = args[0]!;
  if (first === '-h' || first === '--help' || first === 'help') return { kind: 'help' };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  const command = args.shift()!;
  if (command !== 'lint' && command !== 'rules' && command !== 'fill' && command !== 'stats')
    throw new UsageError(`unknown command '${command}' (expected lint, fill, rules or stats)`);

  const options = new Map<string, string | true>();
  const positional: string[] = [];
  const valued = new Set(['--format', '--config', '--max-warnings', '--locale', '--cache-dir']);
  const flags = new Set([
    '--quiet',
    '--fix',
    '--fix-dry-run',
    '--help',
    '-h',
    '--check-links',
    '--dry-run',
    '--no-cache',
  ]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (valued.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
      options.set(name, value);
    } else if (flags.has(name) && eq < 0) {
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option '${arg}'`);
    }
  }
  if (options.has('--help') || options.has('-h')) return { kind: 'help' };

  const localeOption = options.get('--locale');
  if (localeOption !== undefined && localeOption !== 'en' && localeOption !== 'ko') {
    throw new UsageError(`--locale must be en or ko, not '${String(localeOption)}'`);
  }
  const locale: Locale = localeOption ?? toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  const format = options.get('--format');

  if (command === 'fill') {
    for (const name of ['--format', '--max-warnings', '--quiet', '--fix', '--fix-dry-run', '--check-links']) {
      if (options.has(name)) throw new UsageError(`option ${name} does not apply to 'fill'`);
    }
    if (options.has('--cache-dir') && options.has('--no-cache'))
      throw new UsageError('use --cache-dir or --no-cache, not both');
    return {
      kind: 'fill',
      paths: positional.length ? positional : ['.'],
      dryRun: options.has('--dry-run'),
      config: options.get('--config') as string | undefined,
      cacheDir: options.has('--no-cache') ? null : (options.get('--cache-dir') as string | undefined),
      locale,
    };
  }
  // --cache-dir and --no-cache are fill's and lint --check-links' (checked below); --dry-run is fill's.
  if (options.has('--dry-run'))
    throw new UsageError(`option --dry-run applies to 'fill' only (lint has --fix-dry-run)`);

  if (command === 'rules') {
    for (const name of [
      '--config',
      '--max-warnings',
      '--quiet',
      '--fix',
      '--fix-dry-run',
      '--check-links',
      '--cache-dir',
      '--no-cache',
    ]) {
      if (options.has(name)) throw new UsageError(`option ${name} does not apply to 'rules'`);
    }
    if (positional.length) throw new UsageError(`'rules' takes no paths`);
    if (format !== undefined && format !== 'text' && format !== 'json')
      throw new UsageError(`--format of rules must be text or json, not '${String(format)}'`);
    return { kind: 'rules', format: format ?? 'text', locale };
  }

  if (command === 'stats') {
    for (const name of [
      '--max-warnings',
      '--quiet',
      '--fix',
      '--fix-dry-run',
      '--check-links',
      '--cache-dir',
      '--no-cache',
    ]) {
      if (options.has(name)) throw new UsageError(`option ${name} does not apply to 'stats'`);
    }
    if (format !== undefined && format !== 'table' && format !== 'json')
      throw new UsageError(`--format of stats must be table or json, not '${String(format)}'`);
    return {
      kind: 'stats',
      paths: positional.length ? positional : ['.'],
      format: format ?? 'table',
      config: options.get('--config') as string | undefined,
      locale,
    };
  }

  if (format !== undefined && format !== 'stylish' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be stylish, json or sarif, not '${String(format)}'`);
  }
  if (options.has('--fix') && options.has('--fix-dry-run'))
    throw new UsageError('use --fix or --fix-dry-run, not both');
  if (options.has('--fix-dry-run') && format !== undefined && format !== 'stylish') {
    throw new UsageError('--fix-dry-run prints a diff; --format does not apply to it');
  }
  for (const name of ['--cache-dir', '--no-cache']) {
    if (options.has(name) && !options.has('--check-links'))
      throw new UsageError(`${name} applies to --check-links only`);
  }
  if (options.has('--cache-dir') && options.has('--no-cache'))
    throw new UsageError('use --cache-dir or --no-cache, not both');
  let maxWarnings: number | undefined;
  const max = options.get('--max-warnings');
  if (max !== undefined) {
    maxWarnings = Number(max);
    if (!/^\d+$/.test(String(max)) || !Number.isSafeInteger(maxWarnings))
      throw new UsageError(`--max-warnings must be a whole number, not '${String(max)}'`);
  }
  return {
    kind: 'lint',
    paths: positional.length ? positional : ['.'],
    fix: options.has('--fix') ? 'write' : options.has('--fix-dry-run') ? 'dry-run' : 'off',
    format: format ?? 'stylish',
    config: options.get('--config') as string | undefined,
    maxWarnings,
    quiet: options.has('--quiet'),
    locale,
    checkLinks: options.has('--check-links'),
    cacheDir: options.get('--cache-dir') as string | undefined,
    noCache: options.has('--no-cache'),
  };
}
