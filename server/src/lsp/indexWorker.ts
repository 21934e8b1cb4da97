/**
 * Reading the posts of a workspace scan in a worker thread (this same bundle, started with a role
 * in its `workerData`), one batch at a time, in order. Parsing a thousand posts allocates a few
 * hundred megabytes of short-lived objects; in the server's own heap they left it at 200 MB and
 * more after indexing, in the worker's heap they go when the scan ends and the worker with them.
 * The server keeps only the summaries (copied by the message, so they hold no post text), and
 * answers requests meanwhile.
 *
 * The same worker checks posts for the Problems panel's workspace report (`workspaceCheck.ts`):
 * given the index's papers (for `duplicate-paper`) and a batch of posts with their settings layer,
 * it reads, parses and lints each, and answers their diagnostics.
 */
import * as fs from 'node:fs';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SeminarPostsConfig } from '../core/config/config';
import type { Locale } from '../core/engine/messages';
import { refusalDiagnostic, refusalOf } from '../core/features/limits';
import { summarizePost, type PostSummary } from '../core/index/workspaceIndex';
import { parsePost } from '../core/parse/parsePost';
import type { SummaryConfig } from '../core/render/sectionSummary';
import { RULES } from '../core/rules';
import { createPostService, type PostService } from '../core/service/postService';
import type { IndexedPaper, QuarterPost, WorkspaceView } from '../core/workspace';
import { nodeFileSystem } from '../node/nodeHost';
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
  /** Which links are the paper's and the slides' (the post's configuration); the defaults without. */
  labels?: SummaryConfig;
}

/** A post to check: where it is, and the editor's settings layer for it. */
export interface LintRequest {
  uri: string;
  path: string;
  maxBytes: number;
  /** The settings' configuration layer (defaults < this < the nearest `.seminar-posts.json`). */
  layer: SeminarPostsConfig;
}

/** A checked post's diagnostics; undefined when the file could not be read (gone meanwhile). */
export interface LintAnswer {
  uri: string;
  diagnostics: Diagnostic[] | undefined;
}

/** What every post of a check is checked with. */
export interface LintContext {
  locale: Locale;
  /** The moment of the check (milliseconds since the epoch): its day is "today". */
  now: number;
}

/**
 * The other posts of the workspace index as a check needs them: each paper by title key
 * (`duplicate-paper`), and each post by the quarter Jekyll publishes it in (`duplicate-quarter`).
 */
export interface PaperSnapshot {
  papers: { key: string; paper: IndexedPaper }[];
  quarters: { quarter: string; post: QuarterPost }[];
}

/** The messages the worker answers, each once, in order. */
type WorkerMessage =
  | { kind: 'read'; requests: IndexRequest[] }
  | { kind: 'papers'; papers: PaperSnapshot }
  | { kind: 'lint'; requests: LintRequest[]; context: LintContext };

/** A file's summary, or undefined when it is not to be indexed (unreadable, too large, binary). */
export interface IndexAnswer {
  uri: string;
  summary: PostSummary | undefined;
}

/**
 * The summary of a post whose text was read from disk, or undefined when its text is refused
 * (the same reading in the worker and in the server's thread).
 */
export function summaryOfFileText(
  uri: string,
  text: string,
  maxBytes: number,
  labels?: SummaryConfig,
): PostSummary | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (refusalOf(text, maxBytes)) return undefined;
  // Read once: parsed without filling the cache kept for documents being edited.
  return summarizePost(parsePost(text, uri), labels);
}

/**
 * The diagnostics of a post on disk, as the editor shows them with the file open (the same
 * reading in the worker and in the server's thread, both through a post service): a refused file
 * (too large, binary) gets its one diagnostic, the others are parsed and linted by `service`
 * (whose workspace view holds the other posts). Undefined when the file cannot be read (gone meanwhile).
 */
export function checkPostFile(request: LintRequest, service: PostService): Diagnostic[] | undefined {
  let text: string;
  try {
    const stat = fs.statSync(request.path);
    if (!stat.isFile()) return undefined;
    // Too large: refused without reading it.
    if (stat.size > request.maxBytes)
      return [refusalDiagnostic({ kind: 'too-large', bytes: stat.size, maxBytes: request.maxBytes }, service.locale())];
    text = fs.readFileSync(request.path, 'utf8');
  } catch {
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const refusal = refusalOf(text, request.maxBytes);
  if (refusal) return [refusalDiagnostic(refusal, service.locale())];
  const setup = service.setupFor(request.path, [request.layer]);
  return service.lint({ post: service.parseOnce(text, request.uri), setup });
}

/** True in an index worker of this bundle. */
export function isIndexWorker(): boolean {
  return parentPort !== null && (workerData as { role?: string } | null)?.role === ROLE;
}

/** The worker's side: answers each message (a batch to summarize or to check, or the papers to check against), in order. */
export function runIndexWorker(): void {
  const port = parentPort!;
  let papers = new Map<string, IndexedPaper[]>();
  let quarters = new Map<string, QuarterPost[]>();
  const workspace: WorkspaceView = {
    papersWithTitle: (key, except) => (papers.get(key) ?? []).filter((paper) => paper.uri !== except),
    postsInQuarter: (quarter, except) => (quarters.get(quarter) ?? []).filter((post) => post.uri !== except),
  };
  // The worker's post service: the same core as the server's, with the locale and moment of the current check.
  let context: LintContext = { locale: 'en', now: Date.now() };
  const service = createPostService({
    host: nodeFileSystem,
    rules: RULES,
    locale: () => context.locale,
    clock: () => new Date(context.now),
    workspace: () => workspace,
  });
  port.on('message', (message: WorkerMessage) => {
    switch (message.kind) {
      case 'read':
        port.postMessage(
          message.requests.map((request): IndexAnswer => ({ uri: request.uri, summary: read(request) })),
        );
        break;
      case 'papers':
        papers = groupBy(
          message.papers.papers,
          (p) => p.key,
          (p) => p.paper,
        );
        quarters = groupBy(
          message.papers.quarters,
          (q) => q.quarter,
          (q) => q.post,
        );
        port.postMessage(true);
        break;
      case 'lint':
        context = message.context;
        port.postMessage(
          message.requests.map((request): LintAnswer => ({
            uri: request.uri,
            diagnostics: checkPostFile(request, service),
          })),
        );
        break;
    }
  });
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(value(item));
    else out.set(key(item), [value(item)]);
  }
  return out;
}

function read({ uri, path, maxBytes, labels }: IndexRequest): PostSummary | undefined {
  let text: string;
  try {
    const stat = fs.statSync(path);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    text = fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return summaryOfFileText(uri, text, maxBytes, labels);
}

/** The server's side: a worker that reads batches of posts, one batch at a time. */
export class IndexWorker {
  private readonly worker = new Worker(__filename, { workerData: { role: ROLE } });

  /** The summaries of `requests`, in their order. Rejects when the worker fails. */
  read(requests: IndexRequest[]): Promise<IndexAnswer[]> {
    return callWorker<IndexAnswer[]>(
      this.worker,
      { kind: 'read', requests } satisfies WorkerMessage,
      'the index worker',
    );
  }

  /** Sets the papers the next checks compare titles with. */
  async setPapers(papers: PaperSnapshot): Promise<void> {
    await callWorker<boolean>(this.worker, { kind: 'papers', papers } satisfies WorkerMessage, 'the index worker');
  }

  /** The diagnostics of `requests`, in their order. Rejects when the worker fails. */
  lint(requests: LintRequest[], context: LintContext): Promise<LintAnswer[]> {
    return callWorker<LintAnswer[]>(
      this.worker,
      { kind: 'lint', requests, context } satisfies WorkerMessage,
      'the index worker',
    );
  }

  /** Stops the worker; its memory goes with it. */
  async dispose(): Promise<void> {
    await this.worker.terminate();
  }
}
