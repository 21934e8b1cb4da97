/**
 * Linting many posts on every core: worker threads running this same bundle read and parse the
 * posts (handed out a few at a time, so a busy core takes fewer), send back each post's papers,
 * then lint the posts they hold against the papers of every post of the site, in two rounds as
 * the single-threaded path does (`main.ts`: every post is parsed before any is linted, because
 * `duplicate-paper` compares the posts of one site). The results are the same, in the same order;
 * only plain lint runs here (`--fix` writes files, one thread does it).
 *
 * Why: parsing (micromark) is most of the CLI's time, and one post's parse needs nothing of
 * another's.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { callWorker } from '../node/workerCall';
import type { FileResult } from './formatters';
import { createCliService, FatalError, lintInput, readInput, type Input, type RunSettings } from './input';
import { PostIndex, type KeyedPaper } from './postIndex';

/** Fewer posts than this are linted in one thread: starting workers would cost more than it saves. */
export const WORKER_THRESHOLD = 40;
/** Posts handed to a worker at a time. */
const BATCH = 8;
/** What marks a worker of this bundle, in its `workerData`. */
const ROLE = 'seminar-posts-lint';

/** What a worker needs to know besides the files. */
export interface WorkerSettings extends RunSettings {
  /** For the paths in error messages. */
  cwd: string;
  quiet: boolean;
}

type ToWorker =
  | { type: 'parse'; files: { index: number; file: string }[] }
  | { type: 'lint'; papers: [root: string, papers: KeyedPaper[]][] };

type FromWorker =
  | {
      type: 'parsed';
      posts: { index: number; root: string | undefined; papers: KeyedPaper[] }[];
      errors: { index: number; message: string }[];
    }
  | { type: 'linted'; results: { index: number; result: FileResult }[] }
  | { type: 'failed'; message: string };

/**
 * How many workers to lint `files` posts with: 0 (this thread) under {@link WORKER_THRESHOLD},
 * else one per core, at most one per 20 posts. `SEMINAR_POSTS_WORKERS` sets the number (tests).
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv): number {
  const forced = env.SEMINAR_POSTS_WORKERS;
  if (forced !== undefined && forced !== '') {
    const n = Number(forced);
    return Number.isInteger(n) && n > 0 ? Math.min(n, files) : 0;
  }
  if (files < WORKER_THRESHOLD) return 0;
  return Math.max(0, Math.min(os.availableParallelism(), Math.ceil(files / 20), 8));
}

/** True in a lint worker of this bundle. */
export function isLintWorker(): boolean {
  return parentPort !== null && (workerData as { role?: string } | null)?.role === ROLE;
}

/** Lints `files` (no fixes) with `count` workers; the results in the order of `files`. */
export async function lintInWorkers(
  files: readonly string[],
  count: number,
  settings: WorkerSettings,
): Promise<{ results: FileResult[]; diff: string }> {
  const workers = Array.from(
    { length: count },
    () => new Worker(__filename, { workerData: { ...settings, role: ROLE } }),
  );
  try {
    const parsed = new Map<number, { root: string | undefined; papers: KeyedPaper[] }>();
    const errors: { index: number; message: string }[] = [];
    let next = 0;
    await Promise.all(
      workers.map(async (worker) => {
        while (next < files.length) {
          const batch = files.slice(next, next + BATCH).map((file, i) => ({ index: next + i, file }));
          next += batch.length;
          const reply = await ask(worker, { type: 'parse', files: batch });
          if (reply.type !== 'parsed') throw new Error('a lint worker answered out of turn');
          for (const post of reply.posts) parsed.set(post.index, post);
          errors.push(...reply.errors);
        }
      }),
    );
    // As in one thread: the first file that cannot be read (or is badly configured) stops the run.
    const first = errors.sort((a, b) => a.index - b.index)[0];
    if (first) throw new FatalError(first.message);

    const byRoot = new Map<string, KeyedPaper[]>();
    for (let i = 0; i < files.length; i++) {
      const post = parsed.get(i);
      if (post?.root === undefined) continue;
      const papers = byRoot.get(post.root) ?? [];
      papers.push(...post.papers);
      byRoot.set(post.root, papers);
    }
    const results = new Array<FileResult>(files.length);
    await Promise.all(
      workers.map(async (worker) => {
        const reply = await ask(worker, { type: 'lint', papers: [...byRoot] });
        if (reply.type !== 'linted') throw new Error('a lint worker answered out of turn');
        for (const { index, result } of reply.results) results[index] = result;
      }),
    );
    return { results, diff: '' };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Sends one message to a worker and waits for its one answer. */
async function ask(worker: Worker, message: ToWorker): Promise<FromWorker> {
  const reply = await callWorker<FromWorker>(worker, message, 'a lint worker');
  if (reply.type === 'failed') throw new Error(reply.message);
  return reply;
}

/** The worker's side: holds the posts it parsed until it is asked to lint them. */
export function runLintWorker(): void {
  const settings = workerData as WorkerSettings;
  const indexes = new Map<string, PostIndex>();
  const service = createCliService(settings, indexes);
  const shown = (file: string) => path.relative(settings.cwd, file) || file;
  const held = new Map<number, Input>();
  const port = parentPort!;
  port.on('message', (message: ToWorker) => {
    try {
      port.postMessage(message.type === 'parse' ? parse(message.files) : lint(message.papers));
    } catch (error) {
      port.postMessage({
        type: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies FromWorker);
    }
  });

  function parse(files: { index: number; file: string }[]): FromWorker {
    const posts: { index: number; root: string | undefined; papers: KeyedPaper[] }[] = [];
    const errors: { index: number; message: string }[] = [];
    for (const { index, file } of files) {
      try {
        const input = readInput(file, service, shown);
        held.set(index, input);
        const root = input.setup.site?.root;
        posts.push({
          index,
          root,
          papers: root === undefined ? [] : PostIndex.papersOf(input.post, input.setup.config),
        });
      } catch (error) {
        if (!(error instanceof FatalError)) throw error;
        errors.push({ index, message: error.message });
      }
    }
    return { type: 'parsed', posts, errors };
  }

  function lint(papers: [string, KeyedPaper[]][]): FromWorker {
    indexes.clear();
    for (const [root, list] of papers) {
      const index = new PostIndex();
      index.addPapers(list);
      indexes.set(root, index);
    }
    const results = [...held].map(([index, input]) => ({
      index,
      result: { filePath: input.file, diagnostics: lintInput(input, service, settings.quiet) },
    }));
    return { type: 'linted', results };
  }
}
