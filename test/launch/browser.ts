/**
 * The window of the code-server workbench: Debian's Chromium, headless, driven by
 * `playwright-core` (its driver only; no browser download).
 *
 * VS Code's web workbench runs an `extensionTestsPath` from its launch payload in the extension
 * host, forwards the extension host's console to `window.codeAutomationLog(type, args)` and calls
 * `window.codeAutomationExit(code)` when the suite's `run()` settles. Exposing those two functions
 * before the page loads is what turns a browser tab into a test runner.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumOrThrow } from './chromiumPath';
import type { RunningCodeServer } from './codeServer';
import { ExitCode, LaunchError, type ExitCodeValue } from './exitCodes';
import { profileEnvironment, type Profile } from './profile';
import { log, seconds } from './progress';

/** The flags Chromium runs with: headless, no sandbox (root in a container), nothing that calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Chromium with one page, in the profile's own Chromium folder. */
export interface Window {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** The Chromium to run ({@link findChromium}); fails with {@link ExitCode.SetupFailed}, saying where it looked, when there is none. */
export function requireChromium(): string {
  try {
    return chromiumOrThrow();
  } catch (error) {
    throw new LaunchError((error as Error).message, ExitCode.SetupFailed);
  }
}

/** Starts Chromium at `executable` in `profile`; its console goes to `logs/browser-console.log`. */
export async function openWindow(profile: Profile, executable: string): Promise<Window> {
  if (!fs.existsSync(executable)) throw new LaunchError(`Chromium is not at ${executable}.`, ExitCode.SetupFailed);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile.chromiumProfile, {
      executablePath: executable,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      env: profileEnvironment(profile),
    });
  } catch (error) {
    throw new LaunchError(
      `Chromium (${executable}) did not start: ${error instanceof Error ? error.message : String(error)}`,
      ExitCode.SetupFailed,
    );
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const console = fs.createWriteStream(path.join(profile.logs, 'browser-console.log'));
  page.on('console', (message) => console.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => console.write(`[pageerror] ${error.stack ?? String(error)}\n`));
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      console.end();
    },
  };
}

/** How to run the suite in the workbench. */
export interface SuiteRun {
  readonly server: RunningCodeServer;
  readonly window: Window;
  /** The workbench URL with the `extensionDevelopmentPath`/`extensionTestsPath` payload. */
  readonly url: string;
  readonly profile: Profile;
  /** How long the whole suite may take. */
  readonly timeoutMs: number;
  /** Receives each line the extension host prints (Mocha's report among them). */
  readonly onOutput: (line: string) => void;
}

/** Workbench and extension-host chatter of an offline code-server that says nothing about the suite. */
const NOISE = new RegExp(
  [
    'open-vsx\\.org',
    'ENOTFOUND',
    'getaddrinfo',
    '\\[ChatModelSelection\\]',
    '\\[AccountPolicyGate\\]',
    '^Resolv(ing|ed) connection token',
    '^Creating a socket',
    '^Updating additional builtin extensions cache',
    '^\\[Service Worker\\]',
    '^ChatSessionStore:',
    // VS Code 1.139: its agent host, its reconnection notice, and its GitHub sign-in that never comes offline.
    '^\\[AgentHost:',
    '^\\[reconnection-grace-time\\]',
    "authentication provider 'github'",
  ].join('|'),
);

/**
 * Opens the workbench on `url`, lets VS Code run the suite, and resolves with the suite's result
 * ({@link ExitCode.Passed} or {@link ExitCode.TestsFailed}), {@link ExitCode.Timeout} when it does
 * not finish in time, or {@link ExitCode.ServerDidNotStart} when code-server dies meanwhile.
 */
export async function runSuite(run: SuiteRun): Promise<ExitCodeValue> {
  const { page } = run.window;
  const automationLog = fs.createWriteStream(path.join(run.profile.logs, 'extension-host.log'));
  let settled = false;
  let resolveFinished!: (code: ExitCodeValue) => void;
  const finished = new Promise<ExitCodeValue>((resolve) => (resolveFinished = resolve));
  const finish = (code: ExitCodeValue): void => {
    if (settled) return;
    settled = true;
    resolveFinished(code);
  };

  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    const line = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
    automationLog.write(`[${type}] ${line}\n`);
    if (!NOISE.test(line)) run.onOutput(line);
  });
  await page.exposeFunction(
    'codeAutomationExit',
    (code: unknown, logs?: Array<{ relativePath?: string; contents?: string }>) => {
      saveVSCodeLogs(run.profile, logs);
      finish(code === 0 ? ExitCode.Passed : ExitCode.TestsFailed);
    },
  );

  const timer = setTimeout(() => {
    log(
      `TIMEOUT: the suite did not finish within ${seconds(run.timeoutMs)} (SEMINAR_POSTS_TEST_TIMEOUT sets the limit in seconds)`,
    );
    finish(ExitCode.Timeout);
  }, run.timeoutMs);
  void run.server.exited.then((how) => {
    if (settled) return; // stopped by the launcher after the suite
    log(`code-server ${how} while the suite ran; see ${run.server.logFile}`);
    finish(ExitCode.ServerDidNotStart);
  });
  page.on('crash', () => {
    if (settled) return;
    log('the workbench page crashed');
    finish(ExitCode.LauncherError);
  });

  fs.writeFileSync(path.join(run.profile.logs, 'workbench-url.txt'), `${run.url}\n`);
  log(`opening the workbench in Chromium (${run.server.origin})`);
  page.goto(run.url, { timeout: run.timeoutMs }).catch((error: unknown) => {
    if (settled) return;
    log(`the workbench did not load: ${error instanceof Error ? error.message : String(error)}`);
    finish(ExitCode.ServerDidNotStart);
  });
  const code = await finished;
  clearTimeout(timer);
  if (code !== ExitCode.Passed) {
    const shot = path.join(run.profile.logs, 'workbench.png');
    await page.screenshot({ path: shot }).then(
      () => log(`screenshot of the workbench: ${shot}`),
      () => undefined,
    );
  }
  automationLog.end();
  return code;
}

/** Writes the logs VS Code hands over with `codeAutomationExit` under `logs/vscode/`. */
function saveVSCodeLogs(profile: Profile, logs: Array<{ relativePath?: string; contents?: string }> | undefined): void {
  for (const entry of logs ?? []) {
    const file = path.join(
      profile.logs,
      'vscode',
      path.normalize(String(entry.relativePath ?? 'unknown.log')).replace(/^(\.\.(\/|$))+/, ''),
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, entry.contents ?? '');
  }
}
