/**
 * Steps of the UI check (`npm run test:ui`) about writing a post, in a VS Code where the
 * extension runs as installed: there the clipboard is the browser's, and headless Chromium grants
 * no permission to read it. (The integration suite cannot show this: with a test run's payload,
 * VS Code reads an in-memory clipboard instead of the browser's.)
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { log } from './progress';
import { runCommand, UiCheckFailure } from './workbench';

interface PageElement {
  readonly innerText: string;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
};

/** What the URL prompt of Insert Image Block says. */
const URL_PROMPT = 'URL of the image';
/** What code-server's workbench says when the browser refuses to read the clipboard. */
const CLIPBOARD_REFUSED = "Unable to read from the browser's clipboard";

/**
 * Insert Image Block asks for the URL while the clipboard read has not answered (bug: it waited
 * until the person closed the workbench's clipboard notification). Saves `image-prompt.png` and
 * cancels the prompt.
 */
export async function checkImagePromptWithoutClipboard(page: Page, out: string, timeoutMs: number): Promise<void> {
  await runCommand(page, 'Seminar Posts: Insert Image Block', timeoutMs);
  try {
    await page.waitForFunction(
      (prompt) => {
        const widget = document.querySelector('.quick-input-widget');
        return widget !== null && widget.innerText.includes(prompt);
      },
      URL_PROMPT,
      { timeout: timeoutMs, polling: 100 },
    );
  } catch {
    const notifications = await page
      .$$eval('.notification-toast', (toasts) => toasts.map((t) => (t as unknown as PageElement).innerText).join(' | '))
      .catch(() => '');
    throw new UiCheckFailure(
      `Insert Image Block did not ask for the URL within ${timeoutMs / 1000} s; notifications: ${notifications || '(none)'}`,
    );
  }
  const refused = await page
    .$$eval(
      '.notification-toast',
      (toasts, text) => toasts.some((t) => (t as unknown as PageElement).innerText.includes(text)),
      CLIPBOARD_REFUSED,
    )
    .catch(() => false);
  log(
    `Insert Image Block asked for the URL at once${refused ? ', while the clipboard notification was still open' : ''}`,
  );
  await page.screenshot({ path: path.join(out, 'image-prompt.png') });
  log('saved image-prompt.png: the URL prompt of Insert Image Block');
  await page.keyboard.press('Escape');
}
