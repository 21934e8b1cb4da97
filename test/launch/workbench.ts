/**
 * Driving code-server's workbench from the outside, as a person does: Quick Open, the Command
 * Palette, the Problems panel and webview frames, through the page's DOM. Every wait is on the
 * page's state (Playwright's selectors and `waitForFunction`), never a fixed delay; a wait that
 * runs out fails with {@link UiCheckFailure} saying what was awaited.
 */
import type { Frame, Page } from 'playwright-core';

/**
 * The little of the page's DOM the functions run in the page use. (This project type-checks for
 * Node, without the DOM library; these functions are serialized and run in Chromium.)
 */
interface PageElement {
  readonly innerText: string;
  getAttribute(name: string): string | null;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
};

/** A step of the UI check did not come true in time; its message says what was awaited and what was there. */
export class UiCheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UiCheckFailure';
  }
}

/** Runs `wait`, turning a timeout into a {@link UiCheckFailure} that says what was awaited (and, when known, what was found). */
async function awaiting<T>(what: string, wait: () => Promise<T>, found?: () => Promise<string>): Promise<T> {
  try {
    return await wait();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
    const seen = found ? await found().catch(() => '(could not read the page)') : '';
    throw new UiCheckFailure(`timed out waiting for ${what}${seen ? `; found: ${seen}` : ''}`);
  }
}

/** Waits until the workbench has rendered and the Explorer lists the workspace folder's files. */
export async function waitForWorkbench(page: Page, timeoutMs: number): Promise<void> {
  await awaiting('the workbench', () => page.waitForSelector('.monaco-workbench', { timeout: timeoutMs }));
  await awaiting('the Explorer to list the workspace folder', () =>
    page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: timeoutMs }),
  );
}

/** Opens a file of the workspace by name through Quick Open (Ctrl+P), and waits until an editor shows `expectedText`. */
export async function quickOpen(page: Page, fileName: string, expectedText: string, timeoutMs: number): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = '.quick-input-widget input';
  await awaiting('Quick Open', () => page.waitForSelector(input, { state: 'visible', timeout: timeoutMs }));
  await page.keyboard.type(fileName);
  const row = `.quick-input-list .monaco-list-row[aria-label*="${fileName}"]`;
  await awaiting(`Quick Open to list ${fileName}`, () => page.waitForSelector(row, { timeout: timeoutMs }));
  await page.keyboard.press('Enter');
  await awaiting(`an editor showing ${JSON.stringify(expectedText)}`, () =>
    page.waitForFunction(
      (text) =>
        [...document.querySelectorAll('.monaco-editor .view-lines')].some((lines) =>
          lines.innerText.replace(/\u00a0/g, ' ').includes(text),
        ),
      expectedText,
      { timeout: timeoutMs },
    ),
  );
}

/** Runs a command by its title in the Command Palette (F1), picking the entry whose label is exactly `title`. */
export async function runCommand(page: Page, title: string, timeoutMs: number): Promise<void> {
  await page.keyboard.press('F1');
  const input = '.quick-input-widget input';
  await awaiting('the Command Palette', () => page.waitForSelector(input, { state: 'visible', timeout: timeoutMs }));
  await page.keyboard.type(title);
  const rows = '.quick-input-widget .quick-input-list .monaco-list-row';
  await awaiting(
    `the Command Palette to offer "${title}"`,
    () =>
      page.waitForFunction(
        ({ rows, title }) => {
          const first = document.querySelector(rows);
          return first?.getAttribute('aria-label')?.startsWith(title) === true;
        },
        { rows, title },
        { timeout: timeoutMs },
      ),
    () =>
      page.$$eval(rows, (found) =>
        (found as unknown as PageElement[]).map((r) => r.getAttribute('aria-label')).join(' | '),
      ),
  );
  await page.keyboard.press('Enter');
}

/** A row of the Problems panel: its aria-label (severity, message, position, source) and its text (which adds the code). */
export interface ProblemRow {
  readonly label: string;
  readonly text: string;
}

/** The Problems panel's rows (its file rows and its problem rows), top to bottom. */
export function problemRows(page: Page): Promise<ProblemRow[]> {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
    (rows as unknown as PageElement[]).map((row) => ({
      label: row.getAttribute('aria-label') ?? '',
      text: row.innerText.replace(/\s+/g, ' ').trim(),
    })),
  );
}

/**
 * Waits until the Problems panel shows a row for each of `ruleIds`, and returns the rows. A row's
 * aria-label says the severity, message, position and source; the code (the rule id, a link to
 * its documentation) is only in the row's text, shown as `seminar-posts(rule-id)` (the
 * parentheses are drawn by CSS, so the text reads `seminar-posts rule-id [Ln 1, Col 1]`).
 */
export async function waitForProblems(
  page: Page,
  source: string,
  ruleIds: readonly string[],
  timeoutMs: number,
): Promise<ProblemRow[]> {
  await awaiting(
    `the Problems panel to list ${ruleIds.join(', ')}`,
    () =>
      page.waitForFunction(
        ({ source, ids }) => {
          const texts = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((row) =>
            row.innerText.replace(/\s+/g, ' '),
          );
          return ids.every((id) => texts.some((text) => text.includes(`${source} ${id} `)));
        },
        { source, ids: ruleIds },
        { timeout: timeoutMs, polling: 100 },
      ),
    async () => (await problemRows(page)).map((row) => row.text).join(' | ') || '(no rows)',
  );
  return problemRows(page);
}

/**
 * Waits for a webview frame (webviews are iframes inside iframes, reachable through
 * `page.frames()`) in which `selector` matches, and returns that frame. It waits on each present
 * frame's selector at once, and looks again when a frame is attached or navigates.
 */
export async function waitForWebviewFrame(page: Page, selector: string, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  const never = new Promise<never>(() => undefined);
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0)
      throw new UiCheckFailure(
        `timed out waiting for a webview frame with ${selector} (frames: ${page.frames().length})`,
      );
    const frames = page.frames().filter((frame) => frame !== page.mainFrame());
    const found = await Promise.race([
      // A frame that goes away, or never shows the selector, just drops out of the race.
      ...frames.map((frame) =>
        frame.waitForSelector(selector, { state: 'attached', timeout: remaining }).then(
          () => frame,
          () => never,
        ),
      ),
      page.waitForEvent('frameattached', { timeout: remaining }).then(
        () => undefined,
        () => undefined,
      ),
      page.waitForEvent('framenavigated', { timeout: remaining }).then(
        () => undefined,
        () => undefined,
      ),
    ]);
    if (found) return found;
  }
}
