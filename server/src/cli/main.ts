/**
 * `seminar-posts`: the same checks as the editor, for the blog's CI and the terminal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatMessage } from '../core/engine/messages';
import { RULES } from '../core/rules';
import type { PostService } from '../core/service/postService';
import { toCorePath } from '../node/nodeHost';
import { parseArgs, USAGE, UsageError, type LintCommand, type RulesCommand } from './args';
import { runStats } from './stats';
import { unifiedDiff } from './diff';
import { fillPosts } from './fill';
import { describe, expandPaths, PathError } from './files';
import { RenameConflictError, writePost } from './fix';
import { countSeverities, formatJson, formatSarif, formatStylish, type FileResult } from './formatters';
import { createCliService, FatalError, lintInput, readInput, type Input, type RunSettings } from './input';
import { checkLinksOf } from './linkCheck';
import { PostIndex } from './postIndex';
import { lintInWorkers, workerCount } from './workers';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Colours in the stylish format. */
  color: boolean;
  /** stderr is a terminal: long work (`--check-links`) shows progress lines there. */
  progress?: boolean;
}

/** Exit codes, as documented in the usage text. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Runs the CLI; returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const command = parseArgs(argv, io.env);
    switch (command.kind) {
      case 'help':
        io.stdout(USAGE + '\n');
        return EXIT.ok;
      case 'version':
        io.stdout(version + '\n');
        return EXIT.ok;
      case 'rules':
        return listRules(command, io);
      case 'lint':
        return await lint(command, io);
      case 'fill':
        return await fillPosts(command, io);
      case 'stats':
        return runStats(command, io, configFileOf(command.config, io.cwd));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`seminar-posts: ${error.message} (see seminar-posts --help)\n`);
      return EXIT.usage;
    }
    if (error instanceof PathError || error instanceof FatalError) {
      io.stderr(`seminar-posts: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

function listRules(command: RulesCommand, io: CliIO): number {
  if (command.format === 'json') {
    io.stdout(
      JSON.stringify(
        RULES.map((rule) => ({
          id: rule.id,
          category: rule.category,
          defaultSeverity: rule.defaultSeverity,
          description: formatMessage(rule.description, command.locale),
          fixable: rule.docs.fix !== undefined,
          needsSite: rule.needsSite === true,
        })),
        null,
        2,
      ) + '\n',
    );
    return EXIT.ok;
  }
  const width = Math.max(...RULES.map((rule) => rule.id.length));
  for (const rule of RULES) {
    io.stdout(
      `${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${formatMessage(rule.description, command.locale)}\n`,
    );
  }
  return EXIT.ok;
}

async function lint(command: LintCommand, io: CliIO): Promise<number> {
  return report(command, io, await lintPaths(command, io));
}

/** What a lint run found: each post's diagnostics (after the fixes asked for), and the diff of `--fix-dry-run`. */
export interface LintRun {
  results: FileResult[];
  diff: string;
}

/**
 * Lints the posts `command` names, applying or diffing the safe fixes as it asks, and prints
 * nothing but the CLI's notes on `stderr` (a post not fixed, a rename not done). The CLI's other
 * faces (the GitHub Action) call it; a {@link UsageError}, {@link PathError} or
 * {@link FatalError} is a failure to report in one line.
 */
export async function lintPaths(command: LintCommand, io: CliIO): Promise<LintRun> {
  const files = expandPaths(command.paths, io.cwd);
  // A CI step pointed at the wrong folder must not pass in silence.
  if (files.length === 0) {
    throw new FatalError(
      `no post found in ${command.paths.join(', ')} (a post is a Markdown file under _posts/, or one that opens with front matter)`,
    );
  }
  const configFile = configFileOf(command.config, io.cwd);
  const settings: RunSettings = { locale: command.locale, startedAt: Date.now(), configFile };
  const shown = (file: string) => path.relative(io.cwd, file) || file;

  if (command.checkLinks) {
    // The check runs here, between reading the posts and linting them, in this thread.
    const read = readPosts(files, settings, shown);
    settings.links = await checkLinksOf(read.inputs, command, { ...io, progress: io.progress === true });
    return lintHere(command, io, read, shown);
  }

  // Many posts without fixes: read, parse and lint them on every core (the results are the same).
  const workers = command.fix === 'off' ? workerCount(files.length, io.env) : 0;
  const results =
    workers > 1 ? await lintInWorkers(files, workers, { cwd: io.cwd, quiet: command.quiet, ...settings }) : undefined;
  return results ?? lintHere(command, io, readPosts(files, settings, shown), shown);
}

/** The configuration file `--config` names, checked readable (as a core path); undefined without the option. */
export function configFileOf(option: string | undefined, cwd: string): string | undefined {
  if (option === undefined) return undefined;
  const absolute = path.resolve(cwd, option);
  try {
    fs.accessSync(absolute, fs.constants.R_OK);
    if (!fs.statSync(absolute).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (error) {
    throw new FatalError(`cannot read configuration ${option}: ${describe(error)}`);
  }
  return toCorePath(absolute);
}

/**
 * Reads and parses every post of the run first (duplicate-paper compares the posts of one site),
 * with the run's post service; the papers of each site are indexed before any post is linted.
 */
function readPosts(
  files: string[],
  settings: RunSettings,
  shown: (file: string) => string,
): { service: PostService; inputs: Input[] } {
  const indexes = new Map<string, PostIndex>();
  const service = createCliService(settings, indexes);
  const inputs = files.map((file) => readInput(file, service, shown));
  for (const input of inputs) {
    const root = input.setup.site?.root;
    if (root === undefined) continue;
    let index = indexes.get(root);
    if (!index) indexes.set(root, (index = new PostIndex()));
    index.add(input.post, input.setup.config);
  }
  return { service, inputs };
}

/** Lints (and fixes, as asked) the posts read, in this thread; the results and the diff of `--fix-dry-run`. */
function lintHere(
  command: LintCommand,
  io: CliIO,
  { service, inputs }: { service: PostService; inputs: Input[] },
  shown: (file: string) => string,
): LintRun {
  const results: FileResult[] = [];
  let diff = '';
  for (const input of inputs) {
    if (command.fix === 'off') {
      results.push({ filePath: input.file, diagnostics: lintInput(input, service, command.quiet) });
      continue;
    }
    const fixed = fixInput(command, io, input, service, shown);
    diff += fixed.diff;
    const diagnostics = command.quiet ? fixed.diagnostics.filter((d) => d.severity === 1) : fixed.diagnostics;
    results.push({ filePath: fixed.filePath, diagnostics });
  }
  return { results, diff };
}

/**
 * `--fix` and `--fix-dry-run` on one post: the post service's "fix all" with renames, then the
 * file written (or the diff made); the diagnostics of what is left.
 */
function fixInput(
  command: LintCommand,
  io: CliIO,
  input: Input,
  service: PostService,
  shown: (file: string) => string,
): { filePath: string; diagnostics: readonly Diagnostic[]; diff: string } {
  if (!input.utf8 || (command.fix === 'write' && !writable(input.file))) {
    io.stderr(`seminar-posts: ${shown(input.file)} ${input.utf8 ? 'is read-only' : 'is not UTF-8 text'}; not fixed\n`);
    return { filePath: input.file, diagnostics: service.lint(input), diff: '' };
  }
  const folder = path.dirname(input.file);
  const fixed = service.settleFixes(input, { renames: true });
  const textChanged = fixed.text !== input.text;
  if (command.fix === 'dry-run') {
    const relative = (name: string) => shown(path.join(folder, name)).split(path.sep).join('/');
    return {
      filePath: input.file,
      diagnostics: fixed.diagnostics,
      diff: unifiedDiff(input.text, fixed.text, relative(input.post.fileName), relative(fixed.fileName)),
    };
  }
  if (!textChanged && fixed.fileName === input.post.fileName)
    return { filePath: input.file, diagnostics: fixed.diagnostics, diff: '' };
  const fileName = writeFixed(input, fixed.text, fixed.fileName, textChanged, io, shown);
  // A rename that could not be done: what is left is that of the fixed text under the old name.
  const diagnostics = fileName === fixed.fileName ? fixed.diagnostics : service.lintAs(input, fixed.text, fileName);
  return { filePath: path.join(folder, fileName), diagnostics, diff: '' };
}

/** Prints the results (or the diff of `--fix-dry-run`); returns the exit code. */
function report(command: LintCommand, io: CliIO, { results, diff }: LintRun): number {
  if (command.fix === 'dry-run') {
    // The diff alone on stdout (it can go to `patch`); what would remain is said beside it.
    const remaining = formatStylish(results, { color: io.color, cwd: io.cwd, locale: command.locale }) + '\n';
    if (diff) {
      io.stdout(diff);
      io.stderr(
        (command.locale === 'ko' ? '이 수정 뒤에 남을 문제:\n' : 'What would remain after these fixes:\n') + remaining,
      );
    } else {
      io.stdout(
        (command.locale === 'ko' ? '안전한 수정으로 바뀔 것이 없습니다.\n' : 'No safe fix would change anything.\n') +
          remaining,
      );
    }
  } else {
    switch (command.format) {
      case 'json':
        io.stdout(formatJson(results) + '\n');
        break;
      case 'sarif':
        io.stdout(formatSarif(results, RULES, version, io.cwd, command.locale) + '\n');
        break;
      default:
        io.stdout(formatStylish(results, { color: io.color, cwd: io.cwd, locale: command.locale }) + '\n');
    }
  }
  const counts = countSeverities(results);
  if (counts.error > 0) return EXIT.problems;
  if (command.maxWarnings !== undefined && counts.warning > command.maxWarnings) return EXIT.problems;
  return EXIT.ok;
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes a fixed post; returns its base name (the old one when the rename could not be done). */
function writeFixed(
  input: Input,
  text: string,
  fileName: string,
  textChanged: boolean,
  io: CliIO,
  shown: (file: string) => string,
): string {
  const folder = path.dirname(input.file);
  const content = textChanged ? (input.bom ? '\ufeff' : '') + text : undefined;
  try {
    writePost(input.file, path.join(folder, fileName), content);
    return fileName;
  } catch (error) {
    if (!(error instanceof RenameConflictError))
      throw new FatalError(`cannot write ${shown(input.file)}: ${describe(error)}`);
    io.stderr(`seminar-posts: ${shown(input.file)} not renamed: ${error.message}\n`);
    if (content !== undefined) writePost(input.file, input.file, content);
    return input.post.fileName;
  }
}
