/**
 * The Action's bundle entry (`dist/action/index.js`, which `action.yml` runs). The same bundle runs
 * the CLI's lint workers of a large run (`cli/workers.ts` starts this file again as a worker).
 */
import { isLintWorker, runLintWorker } from '../cli/workers';
import { runAction } from './main';
import { workflowCommand } from './workflowCommands';

if (isLintWorker()) {
  runLintWorker();
} else {
  runAction({
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug, not a finding: say so in one annotation, with the stack in the log.
      const message = error instanceof Error ? error.message : String(error);
      process.stdout.write(workflowCommand('error', { title: 'seminar-posts' }, `internal error: ${message}`) + '\n');
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
