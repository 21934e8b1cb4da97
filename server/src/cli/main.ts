/**
 * `seminar-posts`: the same checks as the editor, for the blog's CI and the terminal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import type { Diagnostic } from 'vscode-languageserver-types';
import { lintPost } from '../core/engine/engine';
import { formatMessage } from '../core/engine/messages';
import { todayString } from '../core/jekyll';
import { parsePost } from '../core/parse/parsePost';
import { Project } from '../core/project';
import { RULES } from '../core/rules';
import { nodeFileSystem, pathToUri, toCorePath } from '../node/nodeHost';
import { parseArgs, USAGE, UsageError, type LintCommand, type RulesCommand } from './args';
import { runStats } from './stats';
import { unifiedDiff } from './diff';
import { describe, expandPaths, PathError } from './files';
import { applySafeFixes, RenameConflictError, writePost } from './fix';
import { countSeverities, formatJson, formatSarif, formatStylish, type FileResult } from './formatters';
import { FatalError, lintInput, lintOptionsOf, readInput, type Input, type LintSettings } from './input';
import { PostIndex } from './postIndex';
import { lintInWorkers, workerCount } from './workers';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Colours in the stylish format. */
  color: boolean;
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
      case 'stats':
        return runStats(command, io, configFileOf(command.config, io));
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
    io.stdout(JSON.stringify(RULES.map((rule) => ({
      id: rule.id,
      category: rule.category,
      defaultSeverity: rule.defaultSeverity,
      description: formatMessage(rule.description, command.locale),
      fixable: rule.docs.fix !== undefined,
      needsSite: rule.needsSite === true,
    })), null, 2) + '\n');
    return EXIT.ok;
  }
  const width = Math.max(...RULES.map((rule) => rule.id.length));
  for (const rule of RULES) {
    io.stdout(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${formatMessage(rule.description, command.locale)}\n`);
  }
  return EXIT.ok;
}

async function lint(command: LintCommand, io: CliIO): Promise<number> {
  const files = expandPaths(command.paths, io.cwd);
  // A CI step pointed at the wrong folder must not pass in silence.
  if (files.length === 0) {
    throw new FatalError(`no post found in ${command.paths.join(', ')} (a post is a Markdown file under _posts/, or one that opens with front matter)`);
  }
  const configFile = configFileOf(command.config, io);
  const settings = { locale: command.locale, today: todayString() };
  const shown = (file: string) => path.relative(io.cwd, file) || file;

  // Many posts without fixes: read, parse and lint them on every core (the results are the same).
  const workers = command.fix === 'off' ? workerCount(files.length, io.env) : 0;
  const results = workers > 1
    ? await lintInWorkers(files, workers, { configFile, cwd: io.cwd, quiet: command.quiet, ...settings })
    : undefined;
  return report(command, io, results ?? lintHere(command, io, files, configFile, settings, shown));
}

/** The core path of the `--config` file, checked readable; undefined without the option. */
function configFileOf(config: string | undefined, io: CliIO): string | undefined {
  if (config === undefined) return undefined;
  const absolute = path.resolve(io.cwd, config);
  try {
    fs.accessSync(absolute, fs.constants.R_OK);
    if (!fs.statSync(absolute).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (error) {
    throw new FatalError(`cannot read configuration ${config}: ${describe(error)}`);
  }
  return toCorePath(absolute);
}

/** Lints (and fixes, as asked) `files` in this thread; the results and the diff of `--fix-dry-run`. */
function lintHere(command: LintCommand, io: CliIO, files: string[], configFile: string | undefined, settings: LintSettings,
  shown: (file: string) => string): { results: FileResult[]; diff: string } {
  const project = new Project(nodeFileSystem, RULES, { configFile });
  // Every post is read and parsed first: duplicate-paper compares the posts of one site.
  const inputs = files.map((file) => readInput(file, project, shown));
  const indexes = new Map<string, PostIndex>();
  for (const input of inputs) {
    const root = input.setup.site?.root;
    if (root === undefined) continue;
    let index = indexes.get(root);
    if (!index) indexes.set(root, (index = new PostIndex()));
    index.add(input.post, input.setup.config);
  }

  const results: FileResult[] = [];
  let diff = '';
  for (const input of inputs) {
    if (command.fix === 'off') {
      results.push({ filePath: input.file, diagnostics: lintInput(input, indexes, settings, command.quiet) });
      continue;
    }
    const options = lintOptionsOf(input, indexes, settings);
    const folder = path.dirname(input.file);
    const lintAs = (text: string, fileName: string) =>
      fileName === input.post.fileName && text === input.text
        ? lintPost(input.post, options)
        : lintPost(parsePost(text, pathToUri(path.join(folder, fileName))), options);

    let filePath = input.file;
    let diagnostics: Diagnostic[];
    if (!input.utf8 || (command.fix === 'write' && !writable(input.file))) {
      io.stderr(`seminar-posts: ${shown(input.file)} ${input.utf8 ? 'is read-only' : 'is not UTF-8 text'}; not fixed\n`);
      diagnostics = lintAs(input.text, input.post.fileName);
    } else {
      const fixed = applySafeFixes(input.text, input.post.fileName, lintAs);
      let fileName = fixed.fileName;
      const textChanged = fixed.text !== input.text;
      if (command.fix === 'dry-run') {
        const relative = (name: string) => shown(path.join(folder, name)).split(path.sep).join('/');
        diff += unifiedDiff(input.text, fixed.text, relative(input.post.fileName), relative(fileName));
      } else if (textChanged || fileName !== input.post.fileName) {
        fileName = writeFixed(input, fixed.text, fileName, textChanged, io, shown);
        filePath = path.join(folder, fileName);
      }
      diagnostics = lintAs(fixed.text, fileName);
    }
    if (command.quiet) diagnostics = diagnostics.filter((d) => d.severity === 1);
    results.push({ filePath, diagnostics });
  }
  return { results, diff };
}

/** Prints the results (or the diff of `--fix-dry-run`); returns the exit code. */
function report(command: LintCommand, io: CliIO, { results, diff }: { results: FileResult[]; diff: string }): number {
  if (command.fix === 'dry-run') {
    io.stdout(diff);
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
function writeFixed(input: Input, text: string, fileName: string, textChanged: boolean, io: CliIO, shown: (file: string) => string): string {
  const folder = path.dirname(input.file);
  const content = textChanged ? (input.bom ? '\ufeff' : '') + text : undefined;
  try {
    writePost(input.file, path.join(folder, fileName), content);
    return fileName;
  } catch (error) {
    if (!(error instanceof RenameConflictError)) throw new FatalError(`cannot write ${shown(input.file)}: ${describe(error)}`);
    io.stderr(`seminar-posts: ${shown(input.file)} not renamed: ${error.message}\n`);
    if (content !== undefined) writePost(input.file, input.file, content);
    return input.post.fileName;
  }
}
