/**
 * `npm install` into a folder of the `.vscode-test/` cache, as a child process that does not see
 * this project's own `npm run` environment.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { ExitCode, LaunchError } from './exitCodes';
import { tail } from './progress';

/** npm settings of the caller that a nested install keeps (where the registry is and how to reach it). */
const KEPT_NPM_SETTINGS = new Set([
  'npm_config_registry',
  'npm_config_cache',
  'npm_config_userconfig',
  'npm_config_globalconfig',
  'npm_config_cafile',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
]);

/**
 * The caller's environment less the `npm run` variables of this project: a nested npm must not
 * see this package's prefix or lifecycle. The registry and proxy settings stay.
 */
export function nestedNpmEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (/^npm_/i.test(key) && !KEPT_NPM_SETTINGS.has(key.toLowerCase())) continue;
    if (key === 'INIT_CWD') continue;
    env[key] = value;
  }
  env.npm_config_update_notifier = 'false';
  return env;
}

/** Runs `npm install --no-audit --no-fund ...args` in `dir`, its output into `logFile`; rejects with a {@link LaunchError} naming the log. */
export function npmInstall(
  dir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<void> {
  const out = fs.openSync(logFile, 'w');
  return new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', ...args], {
      cwd: dir,
      env,
      stdio: ['ignore', out, out],
    });
    child.on('error', (error) => {
      fs.closeSync(out);
      reject(new LaunchError(`Could not run npm: ${error.message}`, ExitCode.SetupFailed));
    });
    child.on('exit', (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else
        reject(
          new LaunchError(
            `npm install ${args.join(' ')} failed (exit ${code}). The end of ${logFile}:\n${tail(logFile, 30)}`,
            ExitCode.SetupFailed,
          ),
        );
    });
  });
}
