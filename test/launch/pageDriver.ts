/**
 * The page driver: what the integration suite, running inside VS Code's extension host, cannot do
 * through the extension API it asks the launcher to do on the workbench page. A paste or a drop
 * reaches an extension's paste and drop providers only through the editor's own DOM events (the
 * paste command of the web workbench falls back to plain text), so the driver dispatches those
 * events, with the files and text of a real clipboard or drag, on the focused editor.
 *
 * It listens on 127.0.0.1 only; the launcher passes its address to code-server (and so to the
 * extension host) as {@link PAGE_DRIVER_VARIABLE}. A suite run without it (the desktop launcher)
 * skips the tests that need it.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { PageAction, PageAnswer } from './pageActions';

export { PAGE_DRIVER_VARIABLE } from './pageActions';

/** A running page driver. */
export interface PageDriver {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  close(): Promise<void>;
}

/** The DOM the functions run in the page use (this project type-checks without the DOM library). */
declare const document: any;
declare const DataTransfer: any;
declare const File: any;
declare const ClipboardEvent: any;
declare const DragEvent: any;
declare function atob(text: string): string;
declare function encodeURIComponent(text: string): string;

/** Starts the driver; `page()` is the workbench page once there is one. */
export async function startPageDriver(page: () => Page | undefined): Promise<PageDriver> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: PageAnswer) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const current = page();
      if (request.method !== 'POST' || !current)
        return answer(400, { ok: false, error: current ? 'POST a page action' : 'no workbench page yet' });
      let action: PageAction;
      try {
        action = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PageAction;
      } catch (error) {
        return answer(400, { ok: false, error: `not JSON: ${String(error)}` });
      }
      perform(current, action).then(
        (detail) => answer(200, { ok: true, detail }),
        (error: unknown) => answer(500, { ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until the focused editor draws its cursor on `line` (1-based), by the line numbers beside it. */
async function cursorDrawnOn(page: Page, line: number): Promise<void> {
  // The number in the margin level with the drawn cursor, or null.
  const drawnLine = () => {
    const editor = document.querySelector('.monaco-editor.focused');
    const cursor = editor?.querySelector('.cursors-layer .cursor');
    if (!cursor) return null;
    const box = cursor.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
      const numberBox = number.getBoundingClientRect();
      if (numberBox.height > 0 && middle >= numberBox.top && middle < numberBox.bottom)
        return Number(number.textContent.trim());
    }
    return null;
  };
  try {
    await page.waitForFunction(`(${drawnLine.toString()})() === ${line}`, undefined, {
      timeout: 10_000,
      polling: 'raf',
    });
  } catch {
    const seen = await page.evaluate(drawnLine).catch(() => null);
    throw new Error(
      `the focused editor did not draw its cursor on line ${line} within 10 s (it is drawn on line ${seen ?? 'none'})`,
    );
  }
}

/** Carries out one action on the page; returns what it found (for the test's messages). */
async function perform(page: Page, action: PageAction): Promise<string> {
  switch (action.action) {
    case 'paste':
    case 'drop':
      if (action.action === 'drop' && action.line !== undefined) await cursorDrawnOn(page, action.line);
      return page.evaluate((action) => {
        const data = new DataTransfer();
        for (const file of action.files ?? []) {
          const bytes = Uint8Array.from(atob(file.base64), (c: string) => c.charCodeAt(0));
          data.items.add(new File([bytes], file.name, { type: file.type }));
        }
        if (action.text !== undefined) data.setData('text/plain', action.text);
        if (action.uriList !== undefined) data.setData('text/uri-list', action.uriList);
        // The Explorer drags its files as the workbench names them: on code-server, `vscode-remote://HOST/path`.
        const resources = 'resources' in action ? action.resources : undefined;
        if (resources?.length) {
          const host = document.location.host;
          data.setData(
            'application/vnd.code.uri-list',
            resources
              .map((path: string) => `vscode-remote://${host}${path.split('/').map(encodeURIComponent).join('/')}`)
              .join('\r\n'),
          );
        }
        const editor = document.querySelector('.monaco-editor.focused');
        if (!editor) throw new Error('no editor has the focus');
        if (action.action === 'paste') {
          const target = document.activeElement;
          target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
          return `pasted on ${target.tagName.toLowerCase()}.${String(target.className).split(' ')[0]}`;
        }
        // A drop where the cursor is: VS Code finds the text position under the pointer. Shift
        // drops into the editor (without it, a dropped file opens in its own editor).
        const cursor = editor.querySelector('.cursors-layer .cursor');
        if (!cursor) throw new Error('the focused editor shows no cursor');
        const box = cursor.getBoundingClientRect();
        const x = box.left + 1;
        const y = box.top + box.height / 2;
        const target = document.elementFromPoint(x, y);
        if (!target) throw new Error(`nothing at ${x},${y}`);
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(
            new DragEvent(type, {
              dataTransfer: data,
              bubbles: true,
              cancelable: true,
              clientX: x,
              clientY: y,
              shiftKey: true,
            }),
          );
        }
        return `dropped on ${String(target.className).split(' ')[0]} at ${Math.round(x)},${Math.round(y)}`;
      }, action);
    case 'editOptions': {
      // The widget VS Code shows after a paste or drop; clicking it lists the other ways to insert.
      const widget = page.locator('.post-edit-widget .monaco-button').locator('visible=true').first();
      await widget.waitFor({ state: 'visible', timeout: 10_000 }).catch(async (error: unknown) => {
        const found = await page.$$eval('.post-edit-widget', (all: any[]) => all.map((e) => e.outerHTML).join('\n'));
        throw new Error(
          `${error instanceof Error ? error.message.split('\n')[0] : String(error)}; widgets: ${found || '(none)'}`,
        );
      });
      await widget.click();
      const items = page.locator('.action-widget .monaco-list-row .title');
      await items.first().waitFor({ state: 'visible', timeout: 10_000 });
      const labels = (await items.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
      await page.keyboard.press('Escape');
      return JSON.stringify(labels);
    }
  }
}
