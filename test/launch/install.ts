/**
 * Installs code-server (VS Code's own workbench and Node extension host, from the npm registry)
 * into the gitignored `.vscode-test/` cache on first use, and finds it there afterwards.
 *
 * code-server is installed as a local dependency of a folder of its own, never into the project's
 * dependencies and never with `-g` (its postinstall runs a nested `npm install` that would then
 * reinstall code-server over itself). Its postinstall compiles native modules (kerberos,
 * node-pty, ...) with node-gyp, and `@vscode/ripgrep` would download `rg` from GitHub: the cache
 * that download looks in first is seeded with Debian's `rg`, so no step leaves the npm registry.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExitCode, LaunchError } from './exitCodes';
import { CACHE_DIR, CODE_SERVER_NODE_MAJOR, CODE_SERVER_VERSION } from './layout';
import { log, seconds, step } from './progress';

/** An installed code-server. */
export interface CodeServerInstall {
  readonly version: string;
  /** The folder holding `node_modules/code-server`. */
  readonly dir: string;
  /** `code-server/out/node/entry.js`, run with {@link node}. */
  readonly entry: string;
  /** The Node binary that runs it (the one it was installed with). */
  readonly node: string;
}

/** What `installed.json` in the install folder records; its presence marks a finished install. */
interface InstallMarker {
  version: string;
  node: string;
  installedAt: string;
  installSeconds: number;
}

/** The Debian packages the install needs, for the error that names what is missing. */
const APT_PACKAGES = 'libkrb5-dev ripgrep python3 make g++';

/** `@vscode/ripgrep` as code-server 4.100.3 pins it: its version and the `rg` build it downloads. */
const RIPGREP = { packageVersion: '1.15.11', release: 'v13.0.0-10' };

/**
 * Returns the cached code-server {@link CODE_SERVER_VERSION}, installing it first when it is not
 * there yet (about a minute on 2 cores; a second call only reads the marker file).
 */
export async function ensureCodeServer(version = CODE_SERVER_VERSION): Promise<CodeServerInstall> {
  const dir = path.join(CACHE_DIR, `code-server-${version}`);
  const install: CodeServerInstall = {
    version,
    dir,
    entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    node: process.execPath,
  };
  const marker = readMarker(dir);
  if (marker && marker.version === version && fs.existsSync(install.entry)) {
    log(`code-server ${version}: cached in ${path.relative(process.cwd(), dir) || dir} (installed ${marker.installedAt} in ${marker.installSeconds} s)`);
    return install;
  }
  checkPrerequisites(version);
  const t0 = Date.now();
  log(`code-server ${version} is not in ${dir} yet: installing it once (it builds native modules; 1-2 minutes on 2 cores)`);
  await step(`Installing code-server ${version}`, () => installInto(dir, version));
  verify(install);
  const record: InstallMarker = {
    version,
    node: process.version,
    installedAt: new Date().toISOString(),
    installSeconds: Math.round((Date.now() - t0) / 1000),
  };
  fs.writeFileSync(path.join(dir, 'installed.json'), `${JSON.stringify(record, null, 2)}\n`);
  return install;
}

function readMarker(dir: string): InstallMarker | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'installed.json'), 'utf8')) as InstallMarker;
  } catch {
    return undefined;
  }
}

/** Whether `command` is on the PATH. */
export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v "$1" >/dev/null`, 'sh', command]).status === 0;
}

/** Fails early, naming what to install, where the install would fail half-way. */
function checkPrerequisites(version: string): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== CODE_SERVER_NODE_MAJOR) {
    throw new LaunchError(
      `code-server ${version} installs and runs only on Node ${CODE_SERVER_NODE_MAJOR} (its install script checks); this is Node ${process.versions.node}.`,
      ExitCode.SetupFailed,
    );
  }
  const missing = ['rg', 'make', 'g++', 'python3'].filter((command) => !onPath(command));
  if (!fs.existsSync('/usr/include/krb5.h') && !onPath('krb5-config')) missing.push('the Kerberos headers (krb5.h)');
  if (missing.length > 0) {
    throw new LaunchError(
      `Installing code-server needs ${missing.join(', ')}, to build its native modules offline.\n` +
        `On Debian or Ubuntu: apt-get install -y ${APT_PACKAGES}`,
      ExitCode.SetupFailed,
    );
  }
}

async function installInto(dir: string, version: string): Promise<void> {
  // A folder without the marker is a broken or interrupted install: start over.
  fs.rmSync(dir, { recursive: true, force: true });
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  seedRipgrepCache(tmp);
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'code-server-host', private: true, description: 'code-server for the integration tests; made by test/launch/install.ts', allowScripts: { 'code-server': true } }, null, 2)}\n`,
  );
  const logFile = path.join(dir, 'install.log');
  const out = fs.openSync(logFile, 'w');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', `code-server@${version}`], {
      cwd: dir,
      env: installEnvironment(tmp),
      stdio: ['ignore', out, out],
    });
    child.on('error', reject);
    child.on('exit', (status) => resolve(status));
  });
  fs.closeSync(out);
  if (code !== 0) {
    throw new LaunchError(
      `npm install code-server@${version} failed (exit ${code}). The end of ${logFile}:\n${tail(logFile, 30)}`,
      ExitCode.SetupFailed,
    );
  }
}

/**
 * The environment of the install: the caller's, less the `npm run` variables of this project (a
 * nested npm must not see this package's prefix or lifecycle), plus what code-server's
 * postinstall needs: `unsafe_perm` (checked when root), `yes` (node-pty's postinstall runs
 * `npx node-gyp`), Node's own headers (else node-gyp downloads them), and `TMPDIR` (where the
 * seeded ripgrep cache is).
 */
function installEnvironment(tmp: string): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_cafile', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !keep.has(key.toLowerCase())) continue;
    if (key === 'INIT_CWD') continue;
    env[key] = value;
  }
  env.npm_config_unsafe_perm = 'true';
  env.npm_config_yes = 'true';
  env.npm_config_update_notifier = 'false';
  const nodePrefix = path.dirname(path.dirname(fs.realpathSync(process.execPath)));
  if (fs.existsSync(path.join(nodePrefix, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = nodePrefix;
  env.TMPDIR = tmp;
  return env;
}

/**
 * `@vscode/ripgrep`'s postinstall first looks for `$TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<release>-<target>.tar.gz`
 * before it downloads from GitHub: put Debian's `rg` there.
 */
function seedRipgrepCache(tmp: string): void {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[os.arch() as 'x64' | 'arm64'];
  if (!target) {
    log(`no ripgrep seed for ${os.arch()}: @vscode/ripgrep will try to download rg`);
    return;
  }
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  const seed = path.join(tmp, 'rg-seed');
  const cache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP.packageVersion}`);
  fs.mkdirSync(seed, { recursive: true });
  fs.mkdirSync(cache, { recursive: true });
  fs.copyFileSync(rg, path.join(seed, 'rg'));
  fs.chmodSync(path.join(seed, 'rg'), 0o755);
  const tar = spawnSync('tar', ['czf', path.join(cache, `ripgrep-${RIPGREP.release}-${target}.tar.gz`), '-C', seed, 'rg'], { encoding: 'utf8' });
  if (tar.status !== 0) throw new LaunchError(`Could not seed the ripgrep cache: ${tar.stderr}`, ExitCode.SetupFailed);
}

/** Runs `code-server --version` once, so a broken install fails here and not in the first test run. */
function verify(install: CodeServerInstall): void {
  const home = path.join(install.dir, 'tmp', 'home');
  fs.mkdirSync(home, { recursive: true });
  const t0 = Date.now();
  const result = spawnSync(install.node, [install.entry, '--version'], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const version = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !version.startsWith(install.version)) {
    throw new LaunchError(
      `code-server ${install.version} installed but does not run (exit ${result.status}):\n${result.stdout}${result.stderr}`,
      ExitCode.SetupFailed,
    );
  }
  log(`code-server runs: ${version} (${seconds(Date.now() - t0)})`);
}

/** The last `lines` lines of a file. */
export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(could not read ${file})`;
  }
}
