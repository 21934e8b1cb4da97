/**
 * Reading the posts of a workspace scan in a worker thread (this same bundle, started with a role
 * in its `workerData`), one batch at a time, in order. Parsing a thousand posts allocates a few
 * hundred megabytes of short-lived objects; in the server's own heap they left it at 200 MB and
 * more after indexing, in the worker's heap they go when the scan ends and the worker with them.
 * The server keeps only the summaries (copied by the message, so they hold no post text), and
 * answers requests meanwhile.
 */
import * as fs from 'node:fs';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { refusalOf } from '../core/features/limits';
import { summarizePost, type PostSummary } from '../core/index/workspaceIndex';
import { parsePost } from '../core/parse/parsePost';
import { callWorker } from '../node/workerCall';

/** What marks an index worker of this bundle, in its `workerData`. */
const ROLE = 'seminar-posts-index';

/** A file to read: a post of the workspace, not open in the editor. */
export interface IndexRequest {
  uri: string;
  /** Its path on disk. */
  path: string;
  /** Larger files are not read (`seminarPosts.maxFileSize`). */
  maxBytes: number;
}

/** A file's summary, or undefined when it is not to be indexed (unreadable, too large, binary). */
export interface IndexAnswer {
  uri: string;
  summary: PostSummary | undefined;
}

/**
 * The summary of a post whose text was read from disk, or undefined when its text is refused
 * (the same reading in the worker and in the server's thread).
 */
export function summaryOfFileText(uri: string, text: string, maxBytes: number): PostSummary | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (refusalOf(text, maxBytes)) return undefined;
  // Read once: parsed without filling the cache kept for documents being edited.
  return summarizePost(parsePost(text, uri));
}

/** True in an index worker of this bundle. */
export function isIndexWorker(): boolean {
  return parentPort !== null && (workerData as { role?: string } | null)?.role === ROLE;
}

/** The worker's side: answers each batch of requests with their summaries, in order. */
export function runIndexWorker(): void {
  const port = parentPort!;
  port.on('message', (requests: IndexRequest[]) => {
    port.postMessage(requests.map((request): IndexAnswer => ({ uri: request.uri, summary: read(request) })));
  });
}

function read({ uri, path, maxBytes }: IndexRequest): PostSummary | undefined {
  let text: string;
  try {
    const stat = fs.statSync(path);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    text = fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return summaryOfFileText(uri, text, maxBytes);
}

/** The server's side: a worker that reads batches of posts, one batch at a time. */
export class IndexWorker {
  private readonly worker = new Worker(__filename, { workerData: { role: ROLE } });

  /** The summaries of `requests`, in their order. Rejects when the worker fails. */
  read(requests: IndexRequest[]): Promise<IndexAnswer[]> {
    return callWorker<IndexAnswer[]>(this.worker, requests, 'the index worker');
  }

  /** Stops the worker; its memory goes with it. */
  async dispose(): Promise<void> {
    await this.worker.terminate();
  }
}
