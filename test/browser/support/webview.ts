/**
 * A stand-in for the VS Code webview host, so that the preview page loads in Chromium as it will in
 * the editor: the page is served from an https origin (its `cspSource`) with its CSP in a meta
 * tag, the extension's media are served from the repository, and `acquireVsCodeApi` records what
 * the page posts. Everything the page does that matters to security is recorded too: calls to the
 * `__xss` sentinel that the hostile fixture's vectors try to reach, dialogs, CSP violations and
 * console errors, and requests to anything but the served origin and the image hosts.
 *
 * Remote images (`user-images.githubusercontent.com` in the real posts) cannot be fetched here (no
 * internet): they are answered with a local placeholder picture, in the tests only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/paths';

/** The origin the page is served from; its `cspSource`, as a webview's is `https://*.vscode-cdn.net`. */
export const ORIGIN = 'https://webview.test';
export const DOCUMENT_URL = `${ORIGIN}/index.html`;
const IMAGE_HOSTS = ['https://user-images.githubusercontent.com/', 'https://images.example.org/'];

export const MEDIA = {
  script: `${ORIGIN}/media/preview/preview.js`,
  css: `${ORIGIN}/media/preview/preview.css`,
  katexCss: `${ORIGIN}/media/katex/katex.min.css`,
};

/** What a loaded page did. */
export interface Recorder {
  /** Names the hostile vectors passed to `__xss` (any one means a script of the post ran). */
  xss: string[];
  dialogs: string[];
  consoleErrors: string[];
  /** Requests to anything but the page's origin and the image hosts. */
  strayRequests: string[];
}

const PLACEHOLDER = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270" viewBox="0 0 800 450">
<rect width="800" height="450" fill="#8a8f98"/><path d="M0 0L800 450M800 0L0 450" stroke="#b9bec6" stroke-width="3"/>
<rect x="220" y="190" width="360" height="70" rx="8" fill="#2b2f36"/>
<text x="400" y="235" font-family="sans-serif" font-size="26" fill="#ffffff" text-anchor="middle">remote image (offline)</text></svg>`;

// A string, not a function: tsx (esbuild's keepNames) wraps a function's inner named functions in
// a \`__name\` helper that a page lacks. The same helper is defined here, as a no-op, for the
// functions the tests pass to \`page.evaluate\`.
const HOST_SCRIPT = `
window.__name = (target) => target;
(() => {
  const posted = [];
  const violations = [];
  let state;
  window.__posted = posted;
  window.__violations = violations;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => { posted.push(message); },
    getState: () => state,
    setState: (next) => { state = next; },
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(event.effectiveDirective + ' ' + event.blockedURI);
  });
})();
`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2' };

/**
 * Serves `documents` (path -> HTML) and the media folder at ORIGIN, placeholders for remote images,
 * and aborts every other request. Installs the recorder; returns it.
 */
export async function installWebviewHost(context: BrowserContext, documents: Map<string, string>): Promise<Recorder> {
  const recorder: Recorder = { xss: [], dialogs: [], consoleErrors: [], strayRequests: [] };
  await context.exposeBinding('__xss', (_source, name: unknown) => {
    recorder.xss.push(String(name));
  });
  await context.addInitScript({ content: HOST_SCRIPT });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (IMAGE_HOSTS.some((host) => url.startsWith(host))) {
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER });
    }
    if (!url.startsWith(`${ORIGIN}/`)) {
      recorder.strayRequests.push(url);
      return route.abort();
    }
    const pathname = new URL(url).pathname;
    const document = documents.get(pathname);
    if (document !== undefined)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: document });
    if (pathname.startsWith('/media/')) {
      const file = path.join(REPO_ROOT, ...pathname.split('/').filter(Boolean));
      if (file.startsWith(path.join(REPO_ROOT, 'media')) && fs.existsSync(file)) {
        return route.fulfill({
          status: 200,
          contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
          body: fs.readFileSync(file),
        });
      }
    }
    return route.fulfill({ status: 404, body: '' });
  });
  return recorder;
}

/** Records the page's dialogs (dismissed), uncaught errors and console errors. */
export function watchPage(page: Page, recorder: Recorder): void {
  page.on('dialog', (dialog) => {
    recorder.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => recorder.consoleErrors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') recorder.consoleErrors.push(message.text());
  });
}

/** The messages the page posted to the "extension", in order. */
export async function posted(page: Page): Promise<{ type: string; [key: string]: unknown }[]> {
  return page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted.slice());
}

/** The CSP violations the page reported (`directive blockedURI`). */
export async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.slice());
}
