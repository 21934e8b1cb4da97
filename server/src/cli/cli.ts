/**
 * The `seminar-posts` executable (bundled to `server/out/cli.js`).
 */
import { runCli } from './main';

const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const code = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  color: process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : color,
});
process.exitCode = code;
