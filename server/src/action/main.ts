/**
 * The GitHub Action (`action.yml` at the repository's root runs the bundle `dist/action/index.js`):
 * the CLI's checks on a blog's posts in its workflow. It lints (and, with `fix: true`, fixes) as
 * `seminar-posts lint` does, through the CLI's own `lintPaths`, then writes what GitHub reads:
 * the problems for the log, one annotation each (shown on the pull request's diff), a job summary
 * table, the SARIF file when asked, and the step outputs. The exit code follows `fail-on`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import type { Locale } from '../core/engine/messages';
import { RULES } from '../core/rules';
import { parseArgs, UsageError, type LintCommand } from '../cli/args';
import { PathError } from '../cli/files';
import { countSeverities, formatSarif, formatStylish } from '../cli/formatters';
import { FatalError } from '../cli/input';
import { lintPaths, type CliIO } from '../cli/main';
import { readInputs, InputError, type ActionInputs } from './inputs';
import { failureSummary, jobSummary } from './summary';
import { annotations, workflowCommand } from './workflowCommands';

/** Exit codes: as the CLI's (0 passes, 1 problems at or above `fail-on`, 2 the posts could not be checked). */
export const ACTION_EXIT = { ok: 0, problems: 1, failure: 2 } as const;

/** Where the Action writes: the process's streams, or a test's. */
export interface ActionIO {
  // Properties, not methods: they are handed on to the CLI unbound.
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** The working folder when `GITHUB_WORKSPACE` is unset. */
  cwd: string;
}

/** Runs the Action once; returns its exit code. */
export async function runAction(io: ActionIO): Promise<number> {
  const workspace = path.resolve(io.cwd, io.env.GITHUB_WORKSPACE || '.');
  let locale: Locale = 'en';
  try {
    const inputs = readInputs(io.env);
    const command = commandOf(inputs, io.env);
    locale = command.locale;
    const cliIO: CliIO = { stdout: io.stdout, stderr: io.stderr, cwd: workspace, env: io.env, color: false };
    const { results } = await lintPaths(command, cliIO);

    io.stdout(formatStylish(results, { color: false, cwd: workspace, locale }) + '\n');
    for (const line of annotations(results, workspace)) io.stdout(line + '\n');
    const blobBase =
      io.env.GITHUB_SERVER_URL && io.env.GITHUB_REPOSITORY && io.env.GITHUB_SHA
        ? `${io.env.GITHUB_SERVER_URL}/${io.env.GITHUB_REPOSITORY}/blob/${io.env.GITHUB_SHA}`
        : undefined;
    appendTo(
      io.env.GITHUB_STEP_SUMMARY,
      jobSummary(results, { workspace, locale, fixed: inputs.fix, failOn: inputs.failOn, blobBase }),
    );
    if (inputs.sarif) {
      const file = path.resolve(workspace, inputs.sarif);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, formatSarif(results, RULES, version, workspace, locale) + '\n');
    }

    const counts = countSeverities(results);
    appendTo(
      io.env.GITHUB_OUTPUT,
      `errors=${counts.error}\nwarnings=${counts.warning}\nnotes=${counts.info + counts.hint}\n`,
    );
    const failing = counts.error > 0 || (inputs.failOn === 'warning' && counts.warning > 0);
    return failing ? ACTION_EXIT.problems : ACTION_EXIT.ok;
  } catch (error) {
    if (!(
      error instanceof InputError ||
      error instanceof UsageError ||
      error instanceof PathError ||
      error instanceof FatalError
    ))
      throw error;
    io.stdout(workflowCommand('error', { title: 'seminar-posts' }, error.message) + '\n');
    appendTo(io.env.GITHUB_STEP_SUMMARY, failureSummary(error.message, locale));
    return ACTION_EXIT.failure;
  }
}

/** The CLI command the inputs stand for, checked by the CLI's own parser. */
function commandOf(inputs: ActionInputs, env: NodeJS.ProcessEnv): LintCommand {
  const argv = ['lint'];
  if (inputs.config !== undefined) argv.push('--config', inputs.config);
  if (inputs.fix) argv.push('--fix');
  if (inputs.locale !== undefined) argv.push('--locale', inputs.locale);
  const command = parseArgs([...argv, '--', ...inputs.paths], env);
  if (command.kind !== 'lint') throw new Error('the Action builds a lint command');
  return command;
}

/** Appends `text` to the file GitHub names in an environment variable (none outside GitHub). */
function appendTo(file: string | undefined, text: string): void {
  if (file) fs.appendFileSync(file, text);
}
