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
import type { Post } from '../core/model';
import { parsePost } from '../core/parse/parsePost';
import { Project, type PostSetup } from '../core/project';
import { RULES } from '../core/rules';
import { nodeFileSystem, pathToUri, toCorePath } from '../node/nodeHost';
import { parseArgs, USAGE, UsageError, type LintCommand, type RulesCommand } from './args';
import { unifiedDiff } from './diff';
import { describe, expandPaths, PathError } from './files';
import { applySafeFixes, RenameConflictError, writePost } from './fix';
import { countSeverities, formatJson, formatSarif, formatStylish, type FileResult } from './formatters';
import { PostIndex } from './postIndex';

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

/** A post read from disk, parsed once, with what it is checked against. */
interface Input {
  file: string;
  text: string;
  /** The file started with a byte order mark (removed from `text`, restored when writing). */
  bom: boolean;
  /** The bytes are valid UTF-8: only then may `--fix` write the file back. */
  utf8: boolean;
  setup: PostSetup;
  post: Post;
}

function lint(command: LintCommand, io: CliIO): number {
  const files = expandPaths(command.paths, io.cwd);
  // A CI step pointed at the wrong folder must not pass in silence.
  if (files.length === 0) {
    throw new FatalError(`no post found in ${command.paths.join(', ')} (a post is a Markdown file under _posts/, or one that opens with front matter)`);
  }
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
  const shown = (file: string) => path.relative(io.cwd, file) || file;

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
    const index = input.setup.site ? indexes.get(input.setup.site.root) : undefined;
    // A renamed post must not meet its own sections under its old name.
    const workspace = index && {
      papersWithTitle: (key: string, except: string) => index.papersWithTitle(key, except).filter((p) => p.uri !== input.post.uri),
    };
    const options = { rules: RULES, config: input.setup.config, site: input.setup.site, workspace, locale: command.locale, today };
    const folder = path.dirname(input.file);
    const lintAs = (text: string, fileName: string) =>
      fileName === input.post.fileName && text === input.text
        ? lintPost(input.post, options)
        : lintPost(parsePost(text, pathToUri(path.join(folder, fileName))), options);

    let filePath = input.file;
    let diagnostics: Diagnostic[];
    if (command.fix === 'off') {
      diagnostics = lintAs(input.text, input.post.fileName);
    } else if (!input.utf8 || (command.fix === 'write' && !writable(input.file))) {
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

function readInput(file: string, project: Project, shown: (file: string) => string): Input {
  const setup = project.setupFor(toCorePath(file));
  const problem = setup.configProblems[0];
  if (problem) {
    const more = setup.configProblems.length > 1 ? ` (and ${setup.configProblems.length - 1} more)` : '';
    throw new FatalError(`bad configuration ${shown(problem.source)}: ${problem.path}: ${problem.message}${more}`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new FatalError(`cannot read ${shown(file)}: ${describe(error)}`);
  }
  let utf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = false;
  }
  let text = bytes.toString('utf8');
  // Editors hand the server text without its byte order mark; do the same so positions agree.
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { file, text, bom, utf8, setup, post: parsePost(text, pathToUri(file)) };
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
