/**
 * `seminar-posts`: the same checks as the editor, for the blog's CI and the terminal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import { lintPost } from '../core/engine/engine';
import { formatMessage } from '../core/engine/messages';
import { todayString } from '../core/jekyll';
import { parsePost } from '../core/parse/parsePost';
import { Project } from '../core/project';
import { RULES } from '../core/rules';
import { nodeFileSystem, pathToUri, toCorePath } from '../node/nodeHost';
import { parseArgs, USAGE, UsageError, type LintCommand, type RulesCommand } from './args';
import { describe, expandPaths, PathError } from './files';
import { countSeverities, formatJson, formatSarif, formatStylish, type FileResult } from './formatters';

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

/** A failure the CLI reports in one line and exits 2 for. */
class FatalError extends Error {}

/** Runs the CLI; returns its exit code. */
export function runCli(argv: readonly string[], io: CliIO): number {
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
        return lint(command, io);
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

function lint(command: LintCommand, io: CliIO): number {
  const files = expandPaths(command.paths, io.cwd);
  let configFile: string | undefined;
  if (command.config !== undefined) {
    const absolute = path.resolve(io.cwd, command.config);
    try {
      fs.accessSync(absolute, fs.constants.R_OK);
      if (!fs.statSync(absolute).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    } catch (error) {
      throw new FatalError(`cannot read configuration ${command.config}: ${describe(error)}`);
    }
    configFile = toCorePath(absolute);
  }
  const project = new Project(nodeFileSystem, RULES, { configFile });
  const today = todayString();

  const results: FileResult[] = [];
  for (const file of files) {
    const setup = project.setupFor(toCorePath(file));
    const problem = setup.configProblems[0];
    if (problem) {
      const shown = path.relative(io.cwd, problem.source) || problem.source;
      const more = setup.configProblems.length > 1 ? ` (and ${setup.configProblems.length - 1} more)` : '';
      throw new FatalError(`bad configuration ${shown}: ${problem.path}: ${problem.message}${more}`);
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new FatalError(`cannot read ${path.relative(io.cwd, file) || file}: ${describe(error)}`);
    }
    // Editors hand the server text without its byte order mark; do the same so positions agree.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const post = parsePost(text, pathToUri(file));
    let diagnostics = lintPost(post, { rules: RULES, config: setup.config, site: setup.site, locale: command.locale, today });
    if (command.quiet) diagnostics = diagnostics.filter((d) => d.severity === 1);
    results.push({ filePath: file, diagnostics });
  }

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
  const counts = countSeverities(results);
  if (counts.error > 0) return EXIT.problems;
  if (command.maxWarnings !== undefined && counts.warning > command.maxWarnings) return EXIT.problems;
  return EXIT.ok;
}
