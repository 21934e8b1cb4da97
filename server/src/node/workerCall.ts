/**
 * One message to a worker thread and its one answer: the exchange of the CLI's lint workers
 * (`cli/workers.ts`) and of the server's index worker (`lsp/indexWorker.ts`), each of which
 * answers every message once, in order.
 */
import type { Worker } from 'node:worker_threads';

/** Posts `message` to `worker`; resolves with its next message, rejects when it fails or stops. */
export function callWorker<T>(worker: Worker, message: unknown, what = 'a worker'): Promise<T> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (answer: T) => {
      cleanup();
      resolve(answer);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`${what} stopped (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}
