/**
 * The packaged extension: `npm run package` (vsce, with the production build of
 * `vscode:prepublish`) into a given file, and its installation into a code-server profile with
 * `code-server --install-extension`, as a user installs it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExitCode, LaunchError } from './exitCodes';
import type { CodeServerInstall } from './install';
import { REPO_ROOT } from './layout';
import { profileEnvironment, type Profile } from './profile';

/** The manifest fields that name the installed extension's folder (`publisher.name-version`). */
interface Manifest {
  publisher: string;
  name: string;
  version: string;
}

function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** Runs `npm run package -- --out <file>`; fails with {@link ExitCode.LauncherError} and vsce's output. */
export function packageVsix(file: string): void {
  const result = spawnSync('npm', ['run', 'package', '--', '--out', file], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0 || !fs.existsSync(file)) {
    throw new LaunchError(
      `npm run package failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
      ExitCode.LauncherError,
    );
  }
}

/**
 * Installs `vsix` into the profile's extensions folder with code-server's own
 * `--install-extension`, and returns the folder it unpacked to.
 */
export function installVsix(install: CodeServerInstall, profile: Profile, vsix: string): string {
  const result = spawnSync(
    install.node,
    [
      install.entry,
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
      '--install-extension',
      vsix,
      '--force',
    ],
    { env: profileEnvironment(profile), encoding: 'utf8', timeout: 120_000 },
  );
  const { publisher, name, version } = manifest();
  const folder = path.join(profile.extensionsDir, `${publisher}.${name}-${version}`);
  if (result.status !== 0 || !fs.existsSync(path.join(folder, 'package.json'))) {
    throw new LaunchError(
      `code-server --install-extension ${vsix} failed (exit ${result.status}; ${folder} ${fs.existsSync(folder) ? 'has no package.json' : 'is missing'}):\n${result.stdout}${result.stderr}`,
      ExitCode.SetupFailed,
    );
  }
  return folder;
}
