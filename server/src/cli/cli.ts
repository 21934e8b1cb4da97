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
    stdout: writerOf(process.stdout),
    stderr: writerOf(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    color: process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : color,
    progress: process.stderr.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Writes to `stream` until its reader goes away (`seminar-posts lint | head -1`): then the rest is
 * dropped without a word and the run ends with the exit code it would have had. Any other write
 * error still stops the process.
 */
function writerOf(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
