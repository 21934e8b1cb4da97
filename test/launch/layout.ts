/**
 * Where the launchers find and put things: the repository, the gitignored `.vscode-test/` cache,
 * the integration suite and its fixture site, and the VS Code versions they run.
 */
import * as path from 'node:path';

/** The repository root (the extension under development). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The cache of installed hosts: gitignored, kept between runs. */
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');

/**
 * The code-server release the tests run in: 4.100.3 is VS Code 1.100.3, the oldest VS Code the
 * manifest's `engines.vscode` (`^1.100.0`) allows, and it runs on Node 20.
 */
export const CODE_SERVER_VERSION = '4.100.3';

/** The Node major version code-server {@link CODE_SERVER_VERSION}'s install script insists on. */
export const CODE_SERVER_NODE_MAJOR = 20;

/** The desktop VS Code `npm run test:electron` downloads: the same VS Code as {@link CODE_SERVER_VERSION}. */
export const VSCODE_VERSION = '1.100.3';

/** The integration suite's sources (TypeScript, `*.test.ts` beside `index.ts`). */
export const SUITE_SOURCE_DIR = path.join(REPO_ROOT, 'test', 'integration');

/** Where the suite is bundled to; `index.js` there is the `extensionTestsPath`. */
export const SUITE_OUT_DIR = path.join(SUITE_SOURCE_DIR, 'out');

/** The module VS Code loads and calls `run()` on. */
export const SUITE_ENTRY = path.join(SUITE_OUT_DIR, 'index.js');

/** The fixture site the suite opens (copied to a throw-away folder for each run). */
export const FIXTURE_SITE = path.join(REPO_ROOT, 'test', 'fixtures', 'site');

/** The demo site `npm start` opens. */
export const DEMO_SITE = path.join(REPO_ROOT, 'demo');
