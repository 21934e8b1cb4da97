/**
 * `npm run test:ui`: the packaged extension in a real VS Code, looked at from the outside.
 *
 * Packages the VSIX (`npm run package`), installs it into a fresh code-server profile with
 * `--install-extension` (as a user installs it, with no extension under development), opens a
 * copy of the fixture site in headless Chromium, opens the broken post through Quick Open, shows
 * the Problems panel, asserts from the page's rows that the post's rule ids are listed, and saves
 * screenshots under `test-results/ui/vscode-<version>/`: `problems.png` (the post and the Problems panel) and, when
 * the extension has an "Open Preview to the Side" command, `preview.png`; `image-prompt.png` (Insert
 * Image Block asking for the URL at once, the browser's clipboard unreadable); then reloads the window
 * and checks that the preview comes back on its post (`preview-restored.png`).
 *
 * Exit codes as the other launchers (see {@link ExitCode}): 0 passed, 1 a check failed, 3
 * code-server or its workbench did not come up, 4 setup failed. `VSCODE_HOST=newest` runs it in
 * the newest VS Code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWindow, requireChromium, type Window } from './browser';
import { startCodeServer, type RunningCodeServer } from './codeServer';
import { ExitCode, LaunchError, type ExitCodeValue } from './exitCodes';
import { selectedHost } from './hosts';
import { ensureCodeServer } from './install';
import { FIXTURE_SITE, REPO_ROOT } from './layout';
import { createProfile, removeProfile, type Profile } from './profile';
import { log, seconds, step } from './progress';
import { checkImagePromptWithoutClipboard } from './uiAuthoring';
import { installVsix, packageVsix } from './vsix';
import {
  UiCheckFailure,
  quickOpen,
  runCommand,
  waitForProblems,
  waitForWebviewFrame,
  waitForWorkbench,
} from './workbench';

/** The little of the preview page's DOM read here (this project type-checks without the DOM library). */
interface PageText {
  readonly innerText: string;
}
declare const document: { querySelector(selector: string): PageText | null };

/** Where the screenshots go (gitignored), a folder per VS Code version. */
function outputFolder(vscodeVersion: string): string {
  return path.join(REPO_ROOT, 'test-results', 'ui', `vscode-${vscodeVersion}`);
}

/** The post the check opens, and a line of it that shows once its editor is there. */
const BROKEN_POST = { name: '2021_2nd_quater.md', text: 'title: "2021 2nd quater"' };

/** The problems the Problems panel must list for it (what `seminar-posts lint` reports): rule id and severity. */
const EXPECTED_PROBLEMS: ReadonlyArray<readonly [string, 'Error' | 'Warning']> = [
  ['filename-format', 'Error'],
  ['field-type', 'Warning'], // the date range: Jekyll reads its first date
  ['required-field', 'Warning'],
  ['title-format', 'Warning'],
];

/** The diagnostics' source, before the rule id in a row's text: `seminar-posts title-format [Ln 3, Col 8]`. */
const SOURCE = 'seminar-posts';

/** The preview command (from the preview work, issue 6b), its palette title, and a text its page shows for the post. */
const PREVIEW = {
  command: 'seminarPosts.openPreviewToSide',
  title: 'Seminar Posts: Open Preview to the Side',
  text: 'An Imaginary Paper Written Only to Be Checked',
};

/** How long one step in the page may take (the first includes the extension's activation). */
const STEP_TIMEOUT_MS = 60_000;
/** How long a prompt that waits on nothing may take to show (a clipboard that never answers must not hold it). */
const PROMPT_TIMEOUT_MS = 20_000;

async function main(): Promise<ExitCodeValue> {
  const host = selectedHost();
  let profile: Profile | undefined;
  let server: RunningCodeServer | undefined;
  let window: Window | undefined;
  let code: ExitCodeValue = ExitCode.LauncherError;
  try {
    const chromium = requireChromium();
    const install = await ensureCodeServer(host);
    profile = createProfile('seminar-posts-ui');
    const vsix = path.join(profile.root, 'seminar-posts.vsix');
    await step('Packaging the extension (npm run package)', () => packageVsix(vsix));
    log(`VSIX: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`);
    const installed = await step(`Installing the VSIX into code-server ${install.version}`, () =>
      installVsix(install, profile!, vsix),
    );
    log(`installed as ${path.basename(installed)}`);
    const workspace = path.join(profile.root, 'site');
    fs.cpSync(FIXTURE_SITE, workspace, { recursive: true });

    const running = (server = await step('Starting code-server', () =>
      startCodeServer({ install, profile: profile!, args: host.testArgs }),
    ));
    window = await openWindow(profile, chromium);
    const { page } = window;
    const serverStopped = running.exited.then((how) => {
      throw new LaunchError(
        `code-server ${how} during the UI check; see ${running.logFile}`,
        ExitCode.ServerDidNotStart,
      );
    });
    const t0 = Date.now();
    const out = outputFolder(host.vscodeVersion);
    await Promise.race([serverStopped, check(page, running, workspace, out)]);
    log(
      `UI check passed in ${seconds(Date.now() - t0)} (VS Code ${host.vscodeVersion}); screenshots in ${path.relative(process.cwd(), out)}/`,
    );
    code = ExitCode.Passed;
  } catch (error) {
    if (error instanceof UiCheckFailure) {
      console.error(`\n[ui] FAILED: ${error.message}\n`);
      code = ExitCode.TestsFailed;
    } else if (error instanceof LaunchError) {
      console.error(`\n[ui] ${error.message}\n`);
      code = error.exitCode;
    } else {
      throw error;
    }
    if (window && profile) {
      const shot = path.join(profile.logs, 'workbench.png');
      await window.page.screenshot({ path: shot }).then(
        () => log(`screenshot of the workbench: ${shot}`),
        () => undefined,
      );
    }
  } finally {
    await window?.close();
    await server?.stop();
    if (profile) {
      removeProfile(profile, code !== ExitCode.Passed);
      if (code !== ExitCode.Passed) log(`logs kept in ${profile.logs}`);
    }
  }
  return code;
}

/** The check itself, in the page. */
async function check(page: Window['page'], server: RunningCodeServer, workspace: string, out: string): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const url = server.workbenchUrl(workspace, [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  log(`opening the workbench in Chromium (${server.origin})`);
  await page.goto(url, { timeout: STEP_TIMEOUT_MS }).catch((error: unknown) => {
    throw new LaunchError(
      `the workbench did not load: ${error instanceof Error ? error.message : String(error)}`,
      ExitCode.ServerDidNotStart,
    );
  });
  await waitForWorkbench(page, STEP_TIMEOUT_MS);
  await quickOpen(page, BROKEN_POST.name, BROKEN_POST.text, STEP_TIMEOUT_MS);
  log(`opened ${BROKEN_POST.name}`);

  await runCommand(page, 'Problems: Focus on Problems View', STEP_TIMEOUT_MS);
  const rows = await waitForProblems(
    page,
    SOURCE,
    EXPECTED_PROBLEMS.map(([id]) => id),
    STEP_TIMEOUT_MS,
  );
  log(`Problems panel (${rows.length} rows):\n  ${rows.map((row) => row.label).join('\n  ')}`);
  fs.writeFileSync(
    path.join(out, 'problems.txt'),
    `${rows.map((row) => `${row.label}\n    ${row.text}`).join('\n')}\n`,
  );
  const problems = rows.filter((row) => row.text.includes(`${SOURCE} `));
  if (problems.length !== EXPECTED_PROBLEMS.length) {
    throw new UiCheckFailure(
      `expected ${EXPECTED_PROBLEMS.length} problems in the Problems panel, found ${problems.length}: ${problems.map((row) => row.text).join(' | ')}`,
    );
  }
  for (const [id, severity] of EXPECTED_PROBLEMS) {
    const row = problems.find((r) => r.text.includes(`${SOURCE} ${id} `))!;
    if (!row.label.startsWith(`${severity}:`))
      throw new UiCheckFailure(`${id} should be listed as ${severity}; its row reads: ${row.label}`);
  }
  await page.screenshot({ path: path.join(out, 'problems.png') });
  log('saved problems.png: the broken post and the Problems panel with its diagnostics');
  await checkImagePromptWithoutClipboard(page, out, PROMPT_TIMEOUT_MS);

  if (!contributesCommand(PREVIEW.command)) {
    log(`this build has no ${PREVIEW.command} command: no preview.png`);
    return;
  }
  await runCommand(page, PREVIEW.title, STEP_TIMEOUT_MS);
  await waitForPreview(page, 'the preview');
  await page.screenshot({ path: path.join(out, 'preview.png') });
  log('saved preview.png: the broken post beside its preview');

  // After a window reload VS Code hands the panel back to the extension's serializer, which shows
  // the same post again.
  const reloaded = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: STEP_TIMEOUT_MS,
  });
  await runCommand(page, 'Developer: Reload Window', STEP_TIMEOUT_MS);
  await reloaded.catch(() => {
    throw new UiCheckFailure('the window did not reload after "Developer: Reload Window"');
  });
  await waitForWorkbench(page, STEP_TIMEOUT_MS);
  await waitForPreview(page, 'the preview restored after the window reload');
  await page.screenshot({ path: path.join(out, 'preview-restored.png') });
  log('saved preview-restored.png: the preview, back on its post after a window reload');
}

/** Waits for a preview page that shows the broken post. */
async function waitForPreview(page: Window['page'], what: string): Promise<void> {
  const frame = await waitForWebviewFrame(page, '#sp-content', STEP_TIMEOUT_MS);
  await frame
    .waitForFunction((text) => (document.querySelector('#sp-content')?.innerText ?? '').includes(text), PREVIEW.text, {
      timeout: STEP_TIMEOUT_MS,
    })
    .catch(async () => {
      const shown = await frame
        .$eval('#sp-content', (content) => (content as unknown as PageText).innerText.slice(0, 300))
        .catch(() => '(unreadable)');
      throw new UiCheckFailure(`${what} did not show "${PREVIEW.text}"; it shows: ${shown}`);
    });
}

/** Whether the extension's manifest contributes `command`. */
function contributesCommand(command: string): boolean {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes?: { commands?: Array<{ command: string }> };
  };
  return (manifest.contributes?.commands ?? []).some((c) => c.command === command);
}

main().then(
  (code) => {
    // A plain closing line that CI logs can read: the UI check counts as one test.
    if (code === ExitCode.Passed || code === ExitCode.TestsFailed)
      console.log(`ui: ${code === ExitCode.Passed ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
    process.exit(code);
  },
  (error: unknown) => {
    console.error('[ui] unexpected error:', error);
    process.exit(ExitCode.LauncherError);
  },
);
