/**
 * The integration suite's entry point (`extensionTestsPath`): VS Code loads the bundle of this
 * module in the extension host, next to the extension under development, and calls {@link run}.
 *
 * Every `*.test.js` bundled beside it (from `*.test.ts` anywhere under `test/integration/`) is
 * added, so a new test file needs nothing else. Both launchers run it: `npm run test:integration`
 * (code-server, offline) and `npm run test:electron` (desktop VS Code, downloaded).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { GREP_VARIABLE } from '../launch/suiteArguments';

/** Runs the suite; rejects when a test fails or when no test ran at all. */
export function run(): Promise<void> {
  // Stack traces of failures then name the .ts line (the bundles carry inline source maps).
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const grep = process.env[GREP_VARIABLE];
  if (grep) mocha.grep(new RegExp(grep));
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, tests = 0 } = runner.stats ?? {};
      // A plain closing line that CI logs can read, beside Mocha's own summary.
      console.log(`integration: ${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} of ${tests} integration tests failed`));
      else if (tests === 0)
        reject(new Error(grep ? `no integration test matches --grep ${grep}` : 'no integration test ran'));
      else resolve();
    });
  });
}

/** The bundled test files below `dir`, sorted, so the order is the same on every machine. */
function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(full);
      return entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}
