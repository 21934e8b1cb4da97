/**
 * Debian's Chromium driven by playwright-core (no browser download): one persistent context with a
 * fresh profile per test file, closed and removed after it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumOrThrow } from '../../launch/chromiumPath';

const ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--lang=en-US',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless Chromium (no sandbox: CI runs as root) with a new profile directory. */
export async function launchChromium(): Promise<Chromium> {
  // `CHROMIUM`, else the system's (`npm test` installs it first: scripts/setup.ts).
  const executablePath = chromiumOrThrow();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    chromiumSandbox: false,
    args: ARGS,
    viewport: { width: 900, height: 700 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
