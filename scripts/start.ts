/**
 * `npm start`: builds the extension, then opens a real VS Code on the demo site (`demo/`) with the
 * extension under development loaded.
 *
 * - Desktop VS Code when `code` is on the PATH: `code --extensionDevelopmentPath=<repo> demo`.
 * - Otherwise code-server (installed under `.vscode-test/` on first use, as for the tests) on
 *   http://127.0.0.1:8080 in a throw-away profile; open the printed URL in a browser. Ctrl+C stops it.
 *
 * Environment: `PORT` (default 8080), `SEMINAR_POSTS_START=code|code-server` to choose the host,
 * `VSCODE_HOST=newest` for code-server 4.139.1 (VS Code 1.139.1) instead of 4.100.3.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { buildExtension } from '../test/launch/build';
import { startCodeServer, type RunningCodeServer } from '../test/launch/codeServer';
import { ExitCode, LaunchError } from '../test/launch/exitCodes';
import { selectedHost } from '../test/launch/hosts';
import { ensureCodeServer, onPath, tail, type CodeServerInstall } from '../test/launch/install';
import { DEMO_SITE, REPO_ROOT } from '../test/launch/layout';
import { createProfile, removeProfile, type Profile } from '../test/launch/profile';
import { log, step } from '../test/launch/progress';

type Host = 'code' | 'code-server';

function chooseHost(): Host {
  const asked = process.env.SEMINAR_POSTS_START;
  if (asked === 'code' || asked === 'code-server') return asked;
  if (asked)
    throw new LaunchError(
      `SEMINAR_POSTS_START must be "code" or "code-server", not ${JSON.stringify(asked)}`,
      ExitCode.LauncherError,
    );
  return onPath('code') ? 'code' : 'code-server';
}

/** Desktop VS Code: it opens its own window, so this returns once `code` has handed over. */
function openDesktop(): number {
  log(
    `opening desktop VS Code on ${path.relative(process.cwd(), DEMO_SITE) || DEMO_SITE} with the extension from ${REPO_ROOT}`,
  );
  const result = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, DEMO_SITE], {
    stdio: 'inherit',
  });
  if (result.error)
    throw new LaunchError(`Could not run \`code\`: ${result.error.message}`, ExitCode.ServerDidNotStart);
  return result.status ?? 1;
}

/** code-server on 127.0.0.1:PORT until Ctrl+C (or until it stops by itself). */
async function serveCodeServer(): Promise<number> {
  const port = Number(process.env.PORT || 8080);
  let install: CodeServerInstall;
  try {
    install = await ensureCodeServer(selectedHost());
  } catch (error) {
    if (error instanceof LaunchError) {
      throw new LaunchError(
        `Neither desktop VS Code (\`code\` is not on the PATH) nor code-server can start here:\n${error.message}\n` +
          'Install VS Code and put `code` on the PATH, or fix the above for code-server.',
        error.exitCode,
      );
    }
    throw error;
  }
  const profile: Profile = createProfile('seminar-posts-start');
  let server: RunningCodeServer | undefined;
  const stop = async (): Promise<void> => {
    await server?.stop();
    removeProfile(profile, false);
  };
  try {
    server = await step(`Starting code-server ${install.version} on 127.0.0.1:${port}`, () =>
      startCodeServer({ install, profile, port }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const url = server.workbenchUrl(DEMO_SITE, [
    ['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)],
    ['skipWelcome', 'true'],
  ]);
  console.log(`
VS Code (code-server ${install.version}) is serving the demo site with Seminar Posts loaded. Open:

  ${url}

Edit a post under demo/_posts/ to see the checks. Ctrl+C stops it.
`);
  const running = server;
  return new Promise<number>((resolve) => {
    let stopping = false;
    // A terminal's Ctrl+C reaches npm, tsx and this process at once, and tsx relays it again: stop
    // once, and ignore the repeats (a default SIGINT would kill this process mid-cleanup).
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping code-server`);
      void stop().then(() => {
        log('code-server stopped, its profile removed');
        resolve(0);
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    void running.exited.then((how) => {
      if (stopping) return;
      console.error(`\n[start] code-server ${how}. The end of its log:\n${tail(running.logFile, 20)}`);
      void stop().then(() => resolve(ExitCode.ServerDidNotStart));
    });
  });
}

async function main(): Promise<number> {
  try {
    buildExtension();
    return chooseHost() === 'code' ? openDesktop() : await serveCodeServer();
  } catch (error) {
    if (!(error instanceof LaunchError)) throw error;
    console.error(`\n[start] ${error.message}\n`);
    return error.exitCode;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[start] unexpected error:', error);
    process.exit(ExitCode.LauncherError);
  },
);
