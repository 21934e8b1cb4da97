/**
 * Installs code-server (VS Code's own workbench and Node extension host, from the npm registry)
 * into the gitignored `.vscode-test/` cache on first use, and finds it there afterwards.
 *
 * code-server is installed as a local dependency of a folder of its own, never into the project's
 * dependencies and never with `-g` (its postinstall runs a nested `npm install` that would then
 * reinstall code-server over itself). Its postinstall compiles native modules (kerberos,
 * node-pty, ...) with node-gyp, and `@vscode/ripgrep` would download `rg` from GitHub: the cache
 * that download looks in first is seeded with Debian's `rg`, so no step leaves the npm registry.
 * Which release, and on which Node, is the {@link VSCodeHost}'s business (`hosts.ts`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExitCode, LaunchError } from './exitCodes';
import { HOSTS, type VSCodeHost } from './hosts';
import { CACHE_DIR } from './layout';
import { ensureNodeRuntime, type NodeRuntime } from './nodeRuntime';
import { nestedNpmEnvironment, npmInstall } from './npm';
import { log, seconds, step } from './progress';

export { tail } from './progress';

/** An installed code-server. */
export interface CodeServerInstall {
  readonly version: string;
  /** The folder holding `node_modules/code-server`. */
  readonly dir: string;
  /** `code-server/out/node/entry.js`, run with {@link node}. */
  readonly entry: string;
  /** The Node binary that runs it (the one it was installed with). */
  readonly node: string;
  /** The host it is the code-server of. */
  readonly host: VSCodeHost;
}

/** What `installed.json` in the install folder records; its presence marks a finished install. */
interface InstallMarker {
  version: string;
  /** The Node binary it was installed with (before hosts: that Node's version, `v20...`). */
  node: string;
  installedAt: string;
  installSeconds: number;
}

/** The Debian packages the install needs, for the error that names what is missing. */
const APT_PACKAGES = 'libkrb5-dev ripgrep python3 make g++';

/**
 * Returns the cached code-server of `host` (default: the oldest VS Code, on this Node), installing
 * it and its Node first when they are not there yet (1-2 minutes on 2 cores for the oldest, about
 * 2 for the newest; a second call only reads the marker files).
 */
export async function ensureCodeServer(host: VSCodeHost = HOSTS.oldest): Promise<CodeServerInstall> {
  const version = host.codeServerVersion;
  const dir = path.join(CACHE_DIR, `code-server-${version}`);
  const marker = readMarker(dir);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  // The system's Node is whichever runs the launcher; another Node is the one the install recorded.
  const node = host.node === 'system' ? process.execPath : marker?.node;
  if (marker && marker.version === version && fs.existsSync(entry) && node && fs.existsSync(node)) {
    log(
      `code-server ${version} (VS Code ${host.vscodeVersion}): cached in ${path.relative(process.cwd(), dir) || dir} (installed ${marker.installedAt} in ${marker.installSeconds} s)`,
    );
    return { version, dir, entry, node, host };
  }
  if (host.node === 'system') checkNodeVersion(host);
  checkBuildTools();
  const t0 = Date.now();
  const runtime = await ensureNodeRuntime(host);
  const install: CodeServerInstall = { version, dir, entry, node: runtime.node, host };
  log(
    `code-server ${version} is not in ${dir} yet: installing it once (it builds native modules; 1-2 minutes on 2 cores)`,
  );
  await step(`Installing code-server ${version}`, () => installInto(dir, host, runtime));
  verify(install);
  const record: InstallMarker = {
    version,
    node: runtime.node,
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

/** Fails early where the host runs on the system's Node and that is not the Node its install script insists on. */
function checkNodeVersion(host: VSCodeHost): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== host.nodeMajor) {
    throw new LaunchError(
      `code-server ${host.codeServerVersion} installs and runs only on Node ${host.nodeMajor} (its install script checks); this is Node ${process.versions.node}.`,
      ExitCode.SetupFailed,
    );
  }
}

/** Fails early, naming what to install, where the install would fail half-way. */
function checkBuildTools(): void {
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

async function installInto(dir: string, host: VSCodeHost, runtime: NodeRuntime): Promise<void> {
  // A folder without the marker is a broken or interrupted install: start over.
  fs.rmSync(dir, { recursive: true, force: true });
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  if (host.ripgrep) seedRipgrepCache(tmp, host.ripgrep);
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'code-server-host', private: true, description: 'code-server for the integration tests; made by test/launch/install.ts', allowScripts: { 'code-server': true } }, null, 2)}\n`,
  );
  await npmInstall(
    dir,
    [`code-server@${host.codeServerVersion}`],
    installEnvironment(tmp, runtime),
    path.join(dir, 'install.log'),
  );
}

/**
 * The environment of the install: the caller's, less the `npm run` variables of this project,
 * plus what code-server's postinstall needs: its Node first on the PATH (the postinstall checks
 * `node`'s version and builds with it), `unsafe_perm` (checked when root), `yes` (node-pty's
 * postinstall runs `npx node-gyp`), that Node's own headers (else node-gyp downloads them), and
 * `TMPDIR` (where the seeded ripgrep cache is).
 */
function installEnvironment(tmp: string, runtime: NodeRuntime): NodeJS.ProcessEnv {
  const env = nestedNpmEnvironment();
  if (!runtime.system) env.PATH = `${path.dirname(runtime.node)}${path.delimiter}${env.PATH ?? ''}`;
  env.npm_config_unsafe_perm = 'true';
  env.npm_config_yes = 'true';
  if (fs.existsSync(path.join(runtime.prefix, 'include', 'node', 'node_api.h')))
    env.npm_config_nodedir = runtime.prefix;
  env.TMPDIR = tmp;
  return env;
}

/**
 * `@vscode/ripgrep`'s postinstall first looks for `$TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<release>-<target>.tar.gz`
 * before it downloads from GitHub: put Debian's `rg` there.
 */
function seedRipgrepCache(tmp: string, ripgrep: NonNullable<VSCodeHost['ripgrep']>): void {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[
    os.arch() as 'x64' | 'arm64'
  ];
  if (!target) {
    log(`no ripgrep seed for ${os.arch()}: @vscode/ripgrep will try to download rg`);
    return;
  }
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  const seed = path.join(tmp, 'rg-seed');
  const cache = path.join(tmp, `vscode-ripgrep-cache-${ripgrep.packageVersion}`);
  fs.mkdirSync(seed, { recursive: true });
  fs.mkdirSync(cache, { recursive: true });
  fs.copyFileSync(rg, path.join(seed, 'rg'));
  fs.chmodSync(path.join(seed, 'rg'), 0o755);
  const tar = spawnSync(
    'tar',
    ['czf', path.join(cache, `ripgrep-${ripgrep.release}-${target}.tar.gz`), '-C', seed, 'rg'],
    { encoding: 'utf8' },
  );
  if (tar.status !== 0) throw new LaunchError(`Could not seed the ripgrep cache: ${tar.stderr}`, ExitCode.SetupFailed);
}

/** Runs `code-server --version` once, so a broken install fails here and not in the first test run. */
function verify(install: CodeServerInstall): void {
  const home = path.join(install.dir, 'tmp', 'home');
  fs.mkdirSync(home, { recursive: true });
  const t0 = Date.now();
  const result = spawnSync(install.node, [install.entry, '--version'], {
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
    },
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
