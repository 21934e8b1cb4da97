/**
 * The Node that installs and runs a code-server: the launcher's own, or one from the npm registry
 * (the `node` package, whose install brings the official Linux build: `bin/node` and the headers
 * node-gyp compiles native modules against), installed under `.vscode-test/` on first use.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExitCode, LaunchError } from './exitCodes';
import type { VSCodeHost } from './hosts';
import { CACHE_DIR } from './layout';
import { nestedNpmEnvironment, npmInstall } from './npm';
import { log, seconds, step } from './progress';

/** A Node installation: `bin/node` and, for node-gyp, `include/node/`. */
export interface NodeRuntime {
  /** The `node` binary. */
  readonly node: string;
  /** The folder holding `bin/` and `include/` (node-gyp's `nodedir`). */
  readonly prefix: string;
  /** Whether it is the Node running the launcher. */
  readonly system: boolean;
}

/** The Node running this launcher. */
export function systemNode(): NodeRuntime {
  const node = fs.realpathSync(process.execPath);
  return { node, prefix: path.dirname(path.dirname(node)), system: true };
}

/** The host's Node: the system's, or its npm package, installed on first use (about 10 s). */
export async function ensureNodeRuntime(host: VSCodeHost): Promise<NodeRuntime> {
  if (host.node === 'system') return systemNode();
  const spec = host.node.npmPackage;
  const dir = path.join(CACHE_DIR, spec.replace(/[^\w.-]+/g, '-'));
  const found = findRuntime(dir);
  if (found && fs.existsSync(path.join(dir, 'installed.json'))) return found;

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'node-runtime', private: true, description: 'Node for code-server; made by test/launch/nodeRuntime.ts' }, null, 2)}\n`,
  );
  const t0 = Date.now();
  await step(`Installing Node ${spec} from the npm registry into ${path.relative(process.cwd(), dir) || dir}`, () =>
    npmInstall(dir, ['--no-save', spec], nestedNpmEnvironment(), path.join(dir, 'install.log')),
  );
  const runtime = findRuntime(dir);
  if (!runtime)
    throw new LaunchError(
      `npm installed ${spec} into ${dir}, but no bin/node with include/node/node_api.h is there.`,
      ExitCode.SetupFailed,
    );
  const major = Number(spawnVersion(runtime.node).replace(/^v/, '').split('.')[0]);
  if (major !== host.nodeMajor)
    throw new LaunchError(
      `${spec} installed Node ${major}, but code-server ${host.codeServerVersion} needs Node ${host.nodeMajor}.`,
      ExitCode.SetupFailed,
    );
  fs.writeFileSync(
    path.join(dir, 'installed.json'),
    `${JSON.stringify({ spec, node: runtime.node, installedAt: new Date().toISOString(), installSeconds: Math.round((Date.now() - t0) / 1000) }, null, 2)}\n`,
  );
  log(`Node ${spawnVersion(runtime.node)} at ${runtime.node} (${seconds(Date.now() - t0)})`);
  return runtime;
}

/** The folder under `dir/node_modules` that has both `bin/node` and `include/node/node_api.h`. */
function findRuntime(dir: string): NodeRuntime | undefined {
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(modules)) return undefined;
  const pending = [modules];
  while (pending.length > 0) {
    const folder = pending.shift()!;
    if (
      fs.existsSync(path.join(folder, 'include', 'node', 'node_api.h')) &&
      fs.existsSync(path.join(folder, 'bin', 'node'))
    ) {
      return { node: path.join(folder, 'bin', 'node'), prefix: folder, system: false };
    }
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && !['include', 'lib', 'share'].includes(entry.name))
        pending.push(path.join(folder, entry.name));
    }
  }
  return undefined;
}

function spawnVersion(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}
