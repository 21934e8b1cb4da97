/**
 * The VS Code versions the suite runs in: the oldest the manifest allows, and the newest
 * code-server there is. `VSCODE_HOST=newest npm run test:integration` picks the second.
 */
import { ExitCode, LaunchError } from './exitCodes';
import { CODE_SERVER_NODE_MAJOR, CODE_SERVER_VERSION, VSCODE_VERSION } from './layout';

/** The names `VSCODE_HOST` accepts. */
export type HostName = 'oldest' | 'newest';

/** A code-server release and what it takes to install and drive it. */
export interface VSCodeHost {
  readonly name: HostName;
  readonly codeServerVersion: string;
  /** The VS Code inside it (also what `npm run test:electron` downloads for this host). */
  readonly vscodeVersion: string;
  /** The Node major version code-server's install script insists on. */
  readonly nodeMajor: number;
  /**
   * Where that Node comes from: `system` is the Node running the launcher; otherwise the npm
   * package (`node@X.Y.Z`, a Node binary with its headers) installed under `.vscode-test/`.
   */
  readonly node: 'system' | { readonly npmPackage: string };
  /** Extra code-server arguments a test run needs. */
  readonly testArgs: readonly string[];
  /** `@vscode/ripgrep` as this release pins it, when its postinstall would download `rg` from GitHub. */
  readonly ripgrep?: { readonly packageVersion: string; readonly release: string };
}

/** The environment variable that chooses the host. */
export const HOST_VARIABLE = 'VSCODE_HOST';

/** Every host, by name. */
export const HOSTS: Readonly<Record<HostName, VSCodeHost>> = {
  /** VS Code 1.100.3, the oldest `engines.vscode` (`^1.100.0`) allows; on the system's Node 20. */
  oldest: {
    name: 'oldest',
    codeServerVersion: CODE_SERVER_VERSION,
    vscodeVersion: VSCODE_VERSION,
    nodeMajor: CODE_SERVER_NODE_MAJOR,
    node: 'system',
    testArgs: [],
    ripgrep: { packageVersion: '1.15.11', release: 'v13.0.0-10' },
  },
  /**
   * VS Code 1.139.1 on Node 24 from the npm registry. This VS Code runs the launch payload's
   * `extensionTestsPath` only with the smoke-test driver enabled; without it nothing runs and the
   * run times out.
   */
  newest: {
    name: 'newest',
    codeServerVersion: '4.139.1',
    vscodeVersion: '1.139.1',
    nodeMajor: 24,
    node: { npmPackage: 'node@24.21.0' },
    testArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  },
};

/** The host `VSCODE_HOST` names (default `oldest`); a usage error for any other value. */
export function selectedHost(env: NodeJS.ProcessEnv = process.env): VSCodeHost {
  const asked = env[HOST_VARIABLE];
  if (!asked) return HOSTS.oldest;
  if (asked === 'oldest' || asked === 'newest') return HOSTS[asked];
  throw new LaunchError(
    `${HOST_VARIABLE} must be "oldest" (VS Code ${HOSTS.oldest.vscodeVersion}) or "newest" (VS Code ${HOSTS.newest.vscodeVersion}), not ${JSON.stringify(asked)}.`,
    ExitCode.LauncherError,
  );
}
