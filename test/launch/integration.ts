/**
 * `npm run test:integration`: the integration suite in a real VS Code, offline.
 *
 * Builds the extension and the suite, installs code-server under `.vscode-test/` on first use,
 * starts it on 127.0.0.1 in a throw-away profile, opens the workbench in headless Chromium on a
 * copy of the fixture site with the extension under development and the suite in its launch
 * payload, prints the suite's output, and exits with its result (see {@link ExitCode}).
 *
 *     npm run test:integration                      # the whole suite
 *     npm run test:integration -- --grep diagnostics   # the tests whose title matches
 *     VSCODE_HOST=newest npm run test:integration   # in the newest VS Code (code-server 4.139.1, Node 24)
 *
 * Environment: `VSCODE_HOST` (`oldest`, the default, or `newest`; see `hosts.ts`), `CHROMIUM`
 * (default /usr/bin/chromium), `SEMINAR_POSTS_TEST_TIMEOUT` (seconds for the whole run in VS Code,
 * default 600).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWindow, requireChromium, runSuite, type Window } from './browser';
import { buildExtension, bundleSuite } from './build';
import { startCodeServer, type RunningCodeServer } from './codeServer';
import { ExitCode, LaunchError, type ExitCodeValue } from './exitCodes';
import { selectedHost } from './hosts';
import { ensureCodeServer } from './install';
import { FIXTURE_SITE, REPO_ROOT, SUITE_ENTRY } from './layout';
import { createProfile, removeProfile, type Profile } from './profile';
import { PAGE_DRIVER_VARIABLE, startPageDriver, type PageDriver } from './pageDriver';
import { log, seconds, step } from './progress';
import { GREP_VARIABLE, parseSuiteArguments } from './suiteArguments';

/** What to release when the run ends, however it ends. */
interface Resources {
  profile?: Profile;
  server?: RunningCodeServer;
  window?: Window;
  driver?: PageDriver;
}

async function main(): Promise<ExitCodeValue> {
  const args = parseSuiteArguments(process.argv.slice(2));
  const timeoutMs = Number(process.env.SEMINAR_POSTS_TEST_TIMEOUT || 600) * 1000;
  const resources: Resources = {};
  const release = async (keepLogs: boolean) => {
    await resources.window?.close();
    await resources.server?.stop();
    await resources.driver?.close();
    if (resources.profile) removeProfile(resources.profile, keepLogs);
  };
  let interrupting = false;
  // Ctrl+C reaches npm, tsx and this process at once, and tsx relays it again: handle it once.
  const interrupted = (signal: NodeJS.Signals) => {
    if (interrupting) return;
    interrupting = true;
    log(`${signal}: stopping code-server and Chromium`);
    void release(false).then(() => process.exit(130));
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);

  let code: ExitCodeValue = ExitCode.LauncherError;
  try {
    const host = selectedHost();
    const chromium = requireChromium();
    buildExtension();
    await bundleSuite();
    const install = await ensureCodeServer(host);
    const profile = (resources.profile = createProfile('seminar-posts-it'));
    const workspace = path.join(profile.root, 'site');
    fs.cpSync(FIXTURE_SITE, workspace, { recursive: true });

    // Pastes and drops that the suite asks for are done on the page (see pageDriver.ts).
    const driver = (resources.driver = await startPageDriver(() => resources.window?.page));
    const env = { [PAGE_DRIVER_VARIABLE]: driver.url, ...(args.grep ? { [GREP_VARIABLE]: args.grep } : {}) };
    const server = (resources.server = await step('Starting code-server', () =>
      startCodeServer({ install, profile, args: host.testArgs, env }),
    ));
    log(`code-server ${install.version} (VS Code ${host.vscodeVersion}) on ${server.origin} (log: ${server.logFile})`);
    resources.window = await openWindow(profile, chromium);
    const url = server.workbenchUrl(workspace, [
      ['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)],
      ['extensionTestsPath', server.remoteUri(SUITE_ENTRY)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    const t0 = Date.now();
    code = await runSuite({
      server,
      window: resources.window,
      url,
      profile,
      timeoutMs,
      onOutput: (line) => console.log(line),
    });
    log(`suite finished in VS Code in ${seconds(Date.now() - t0)}: ${describe(code)}`);
  } catch (error) {
    if (!(error instanceof LaunchError)) throw error;
    console.error(`\n[launch] ${error.message}\n`);
    code = error.exitCode;
  } finally {
    const keepLogs = code !== ExitCode.Passed;
    await release(keepLogs);
    if (keepLogs && resources.profile) log(`logs kept in ${resources.profile.logs}`);
  }
  return code;
}

function describe(code: ExitCodeValue): string {
  switch (code) {
    case ExitCode.Passed:
      return 'passed';
    case ExitCode.TestsFailed:
      return 'FAILED (a test failed, or the suite did not load)';
    case ExitCode.Timeout:
      return 'TIMED OUT';
    case ExitCode.ServerDidNotStart:
      return 'code-server stopped';
    default:
      return `exit code ${code}`;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[launch] unexpected error:', error);
    process.exit(ExitCode.LauncherError);
  },
);
