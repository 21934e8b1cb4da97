/**
 * Throw-away profiles: every run of code-server and Chromium gets fresh user-data, extensions,
 * HOME and TMPDIR folders, so nothing of the user's own VS Code or browser leaks in, and nothing
 * of a run is left behind but its logs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The folders of one run. */
export interface Profile {
  /** The run's root folder (under the system temp folder: unix socket paths must stay short). */
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly home: string;
  readonly tmp: string;
  readonly chromiumProfile: string;
  /** code-server's log, the browser console, screenshots. */
  readonly logs: string;
}

/**
 * User settings that keep an offline VS Code quiet: no telemetry, update checks, experiments,
 * AI features, welcome page or workspace-trust prompt.
 */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  // Newer VS Code opens an empty chat side bar on the right; screenshots are clearer without it.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Makes a fresh profile under the system temp folder, with {@link QUIET_SETTINGS} as user settings. */
export function createProfile(prefix: string): Profile {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const profile: Profile = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    home: path.join(root, 'home'),
    tmp: path.join(root, 'tmp'),
    chromiumProfile: path.join(root, 'chromium'),
    logs: path.join(root, 'logs'),
  };
  for (const dir of [
    path.join(profile.userDataDir, 'User'),
    profile.extensionsDir,
    profile.home,
    profile.tmp,
    profile.chromiumProfile,
    profile.logs,
  ]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(
    path.join(profile.userDataDir, 'User', 'settings.json'),
    `${JSON.stringify(QUIET_SETTINGS, null, 2)}\n`,
  );
  return profile;
}

/** The environment of a process run inside the profile: its own HOME, XDG folders and TMPDIR. */
export function profileEnvironment(profile: Profile, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    HOME: profile.home,
    XDG_CONFIG_HOME: path.join(profile.home, '.config'),
    XDG_DATA_HOME: path.join(profile.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(profile.home, '.cache'),
    TMPDIR: profile.tmp,
  };
  // code-server would ask for a password it read from these.
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  return env;
}

/**
 * Deletes the profile; with `keepLogs`, everything but its `logs/` folder, into which VS Code's own
 * logs of the run (the extension host's, each extension's output channel, the language server's
 * among them) are copied first, as `logs/code-server-logs/`.
 */
export function removeProfile(profile: Profile, keepLogs: boolean): void {
  if (!keepLogs) {
    fs.rmSync(profile.root, { recursive: true, force: true });
    return;
  }
  const vscodeLogs = path.join(profile.userDataDir, 'logs');
  if (fs.existsSync(vscodeLogs))
    fs.cpSync(vscodeLogs, path.join(profile.logs, 'code-server-logs'), { recursive: true });
  for (const dir of [profile.userDataDir, profile.extensionsDir, profile.home, profile.tmp, profile.chromiumProfile]) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
