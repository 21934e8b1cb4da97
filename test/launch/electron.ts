/**
 * `npm run test:electron`: the same integration suite in desktop VS Code, through
 * `@vscode/test-electron`, for machines that can download VS Code (the offline launcher is
 * `npm run test:integration`).
 *
 * Downloads VS Code (1.100.3; 1.139.1 with `VSCODE_HOST=newest`, see `hosts.ts`) into
 * `.vscode-test/` on first use, then runs it on a
 * copy of the fixture site in a throw-away profile. Where the download is impossible (no
 * internet), it fails within seconds with exit code {@link ExitCode.SetupFailed}, not a hang.
 * On Linux without a display, run it under `xvfb-run -a`.
 *
 *     npm run test:electron [-- --grep PATTERN]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildExtension, bundleSuite } from './build';
import { ExitCode, LaunchError, type ExitCodeValue } from './exitCodes';
import { selectedHost } from './hosts';
import { CACHE_DIR, FIXTURE_SITE, REPO_ROOT, SUITE_ENTRY } from './layout';
import { createProfile, removeProfile, type Profile } from './profile';
import { log, step } from './progress';
import { GREP_VARIABLE, parseSuiteArguments } from './suiteArguments';

/** No byte for this long while downloading VS Code counts as "cannot download". */
const DOWNLOAD_IDLE_TIMEOUT_MS = 20_000;

/** The whole download may take this long (about 150 MB). */
const DOWNLOAD_TOTAL_TIMEOUT_MS = 15 * 60_000;

async function main(): Promise<ExitCodeValue> {
  const args = parseSuiteArguments(process.argv.slice(2));
  let profile: Profile | undefined;
  let code: ExitCodeValue = ExitCode.LauncherError;
  try {
    buildExtension();
    await bundleSuite();
    const version = selectedHost().vscodeVersion;
    const executable = await step(`Getting VS Code ${version} (downloaded into ${CACHE_DIR} on first use)`, () =>
      downloadVSCode(version),
    );
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      log(
        'no DISPLAY: desktop VS Code needs one on Linux; if it fails to start, run `xvfb-run -a npm run test:electron`',
      );
    }
    profile = createProfile('seminar-posts-electron');
    const workspace = path.join(profile.root, 'site');
    fs.cpSync(FIXTURE_SITE, workspace, { recursive: true });
    const result = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE_ENTRY,
      extensionTestsEnv: args.grep ? { [GREP_VARIABLE]: args.grep } : {},
      // Our own throw-away folders instead of test-electron's shared ones under .vscode-test/.
      reuseMachineInstall: true,
      launchArgs: [
        workspace,
        `--user-data-dir=${profile.userDataDir}`,
        `--extensions-dir=${profile.extensionsDir}`,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
      ],
    }).then(
      (exit) => exit,
      (error: unknown) => {
        // runTests rejects with the exit code of VS Code when the suite fails.
        log(`VS Code ended with: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
      },
    );
    code = result === 0 ? ExitCode.Passed : ExitCode.TestsFailed;
  } catch (error) {
    if (!(error instanceof LaunchError)) throw error;
    console.error(`\n[launch] ${error.message}\n`);
    code = error.exitCode;
  } finally {
    if (profile) removeProfile(profile, code !== ExitCode.Passed);
  }
  return code;
}

/** Downloads (or finds in the cache) VS Code; any failure becomes a {@link LaunchError} that says what to do instead. */
async function downloadVSCode(version: string): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const tooLong = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the download took more than ${DOWNLOAD_TOTAL_TIMEOUT_MS / 60_000} minutes`)),
      DOWNLOAD_TOTAL_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      downloadAndUnzipVSCode({ version, cachePath: CACHE_DIR, timeout: DOWNLOAD_IDLE_TIMEOUT_MS }),
      tooLong,
    ]);
  } catch (error) {
    throw new LaunchError(
      `Could not download VS Code ${version}: ${error instanceof Error ? error.message : String(error)}\n` +
        'This launcher needs the internet once. Offline, run the same suite in code-server: npm run test:integration',
      ExitCode.SetupFailed,
    );
  } finally {
    clearTimeout(timer);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[launch] unexpected error:', error);
    process.exit(ExitCode.LauncherError);
  },
);
