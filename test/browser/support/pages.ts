/**
 * Opening a preview page in the test browser and waiting until it has settled: its script said
 * `ready`, the network is idle, fonts and images are loaded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/paths';
import { posted, watchPage, type Recorder } from './webview';

/** Where screenshots go (gitignored). */
export const RESULTS = path.join(REPO_ROOT, 'test-results');

export async function openPreview(context: BrowserContext, recorder: Recorder, url: string): Promise<Page> {
  const page = await context.newPage();
  watchPage(page, recorder);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() =>
    (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'),
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
  return page;
}

/** The last message of `type` the page posted, once it has posted one. */
export async function lastPosted(page: Page, type: string): Promise<Record<string, unknown>> {
  await page.waitForFunction(
    (t) => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === t),
    type,
  );
  const messages = (await posted(page)).filter((m) => m.type === type);
  return messages[messages.length - 1]!;
}

/** Saves a full-page screenshot as `test-results/<name>.png`; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
