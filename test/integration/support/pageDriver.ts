/**
 * Asks the launcher's page driver (`test/launch/pageDriver.ts`) to paste or drop on the workbench
 * page, as a person's Ctrl+V or drag would. Only the code-server launcher has one: without it the
 * tests that need it skip.
 */
import * as http from 'node:http';
import { PAGE_DRIVER_VARIABLE, type PageAction, type PageAnswer } from '../../launch/pageActions';

/** The driver's address, or undefined when this run has none. */
export function pageDriverUrl(): string | undefined {
  return process.env[PAGE_DRIVER_VARIABLE] || undefined;
}

/** Performs `action` on the page; resolves with the driver's detail, rejects with its error. */
export function onPage(action: PageAction): Promise<string> {
  const url = pageDriverUrl();
  if (!url) return Promise.reject(new Error(`${PAGE_DRIVER_VARIABLE} is not set: this launcher drives no page`));
  const body = JSON.stringify(action);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PageAnswer;
            if (answer.ok) resolve(answer.detail);
            else reject(new Error(`the page driver could not ${action.action}: ${answer.error}`));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('the page driver did not answer within 30 s')));
    request.on('error', reject);
    request.end(body);
  });
}
