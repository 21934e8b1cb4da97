/**
 * The `seminar-posts` executable (bundled to `server/out/cli.js`). The same bundle runs the lint
 * workers of a large run (`workers.ts`).
 */
import { runCli } from './main';
import { isLintWorker, runLintWorker } from './workers';

if (isLintWorker()) {
  runLintWorker();
} else {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  void runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    color: process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : color,
    progress: process.stderr.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}
