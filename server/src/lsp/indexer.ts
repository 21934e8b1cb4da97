/**
 * Keeps the workspace index: scans every post of the workspace folders on start (with work-done
 * progress; a large workspace is read in a worker thread, a small one here, yielding between
 * files, so that requests are answered meanwhile), then follows file
 * changes (`workspace/didChangeWatchedFiles`). Open documents are indexed from the editor's text by
 * the validator; the disk's version is read again when they close.
 */
import { promises as fs } from 'node:fs';
import { FileChangeType, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { formatMessage, type Locale } from '../core/engine/messages';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { uriToCorePath } from '../node/nodeHost';
import type { Analyzer } from './analysis';
import { errorText } from './errorText';
import { IndexWorker, summaryOfFileText, type IndexAnswer, type IndexRequest } from './indexWorker';
import type { StatusReporter } from './status';

/** Folders never searched for posts: dependencies, build output, version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '_site', '.jekyll-cache', '.sass-cache', 'vendor', '.bundle']);
const MARKDOWN = /\.(md|markdown)$/i;
/** A workspace with more files than this is not scanned further (the rest is said in the log). */
const MAX_FILES = 50_000;
/** From this many files on, a scan reads the posts in a worker thread (`indexWorker.ts`). */
const WORKER_THRESHOLD = 40;
/** Posts read at a time, between which requests are answered. */
const BATCH = 16;

const TEXT = {
  title: { en: 'Indexing seminar posts', ko: '세미나 글 색인 중' },
  progress: { en: '{done} of {total} posts', ko: '글 {total}개 중 {done}개' },
  tooMany: {
    en: 'Seminar Posts indexed only the first {count} files of the workspace; posts beyond them are not in the index.',
    ko: 'Seminar Posts가 작업 영역의 파일 중 처음 {count}개만 색인했습니다. 그 뒤의 글은 색인에 없습니다.',
  },
};

export class WorkspaceIndexer {
  /** Bumped by each scan; a scan that is no longer the latest stops. */
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly index: WorkspaceIndex,
    private readonly status: StatusReporter,
    private readonly locale: () => Locale,
    /** The workspace folders' URIs. */
    private readonly folders: () => readonly string[],
    /** Called when papers of the index changed, so that open posts are checked again. */
    private readonly onChanged: () => void,
  ) {}

  /** Scans every workspace folder again, from scratch. */
  async scan(): Promise<void> {
    const generation = ++this.generation;
    this.status.update('indexing', this.index.size);
    // A client that refuses to show progress still gets its index.
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    const locale = this.locale();
    progress?.begin(formatMessage(TEXT.title, locale), 0, undefined, false);
    try {
      const found: { uri: string; folder: string }[] = [];
      let budget = MAX_FILES;
      for (const folder of this.folders()) {
        const path = URI.parse(folder).scheme === 'file' ? URI.parse(folder).fsPath : undefined;
        if (!path) continue;
        budget = await this.walk(path, budget, (file) => found.push({ uri: URI.file(file).toString(), folder }));
        if (generation !== this.generation) return;
      }
      if (budget <= 0) this.status.problem(formatMessage(TEXT.tooMany, locale, { count: MAX_FILES }));
      // Every file still a post stays indexed, changed or not; only the others are dropped below.
      const posts = new Set<string>();
      // A large workspace is read in a worker: its parsing garbage goes when the worker does.
      let worker = found.length >= WORKER_THRESHOLD ? new IndexWorker() : undefined;
      try {
        let pending: IndexRequest[] = [];
        for (let i = 0; i < found.length; i++) {
          if (generation !== this.generation) return;
          const { uri, folder } = found[i]!;
          const request = await this.requestFor(uri, folder);
          if (request === 'remove') {
            this.index.remove(uri);
          } else {
            posts.add(uri);
            if (request) pending.push(request);
          }
          if (pending.length >= BATCH || (i === found.length - 1 && pending.length > 0)) {
            const batch = pending;
            pending = [];
            let answers: IndexAnswer[];
            try {
              answers = worker ? await worker.read(batch) : await this.readHere(batch);
            } catch (error) {
              this.connection.console.error(
                `the index worker failed, reading in the server instead: ${errorText(error)}`,
              );
              void worker?.dispose();
              worker = undefined;
              answers = await this.readHere(batch);
            }
            if (generation !== this.generation) return;
            for (const answer of answers) this.apply(answer);
          }
          if (i % 10 === 9 || i === found.length - 1) {
            progress?.report(
              Math.round(((i + 1) * 100) / found.length),
              formatMessage(TEXT.progress, locale, { done: i + 1, total: found.length }),
            );
          }
        }
      } finally {
        // Awaited: the worker's memory is returned before the scan says it is done.
        await worker?.dispose();
      }
      for (const uri of this.index.uris()) if (!posts.has(uri) && !this.documents.get(uri)) this.index.remove(uri);
      this.onChanged();
    } finally {
      progress?.done();
      if (generation === this.generation) this.status.update('ready', this.index.size);
    }
  }

  /** Follows changes on disk. Returns true when a configuration changed (the caller re-scans). */
  async filesChanged(changes: readonly FileEvent[]): Promise<boolean> {
    let configuration = false;
    let papersChanged = false;
    for (const change of changes) {
      const path = URI.parse(change.uri).path;
      if (/(?:^|\/)(?:\.seminar-posts\.json|_config\.yml)$|(?:^|\/)_(?:layouts|includes)\//.test(path)) {
        configuration = true;
        continue;
      }
      const folder = this.folderOf(change.uri);
      if (!MARKDOWN.test(path) || !folder || this.documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) papersChanged = this.index.remove(change.uri) || papersChanged;
      else papersChanged = (await this.indexFile(change.uri, folder)) || papersChanged;
    }
    if (papersChanged) {
      this.onChanged();
      this.status.update('ready', this.index.size);
    }
    return configuration;
  }

  /** A document closed: the index goes back to the file on disk. */
  async documentClosed(uri: string): Promise<void> {
    const folder = this.folderOf(uri);
    // A post outside every workspace folder is indexed only while it is open.
    const changed = folder ? await this.indexFile(uri, folder) : this.index.remove(uri);
    if (changed) {
      this.onChanged();
      this.status.update('ready', this.index.size);
    }
  }

  /**
   * Reads a file into the index when it is a post that may be read; removes it otherwise.
   * Returns true when the index changed.
   */
  private async indexFile(uri: string, folder: string): Promise<boolean> {
    const request = await this.requestFor(uri, folder);
    if (request === 'remove') return this.index.remove(uri);
    if (!request) return false;
    const [answer] = await this.readHere([request]);
    return this.apply(answer!);
  }

  /** What to read of `uri`: a request; `remove` when it is not a post; undefined when it is open. */
  private async requestFor(uri: string, folder: string): Promise<IndexRequest | 'remove' | undefined> {
    const classified = await this.analyzer.classify(uri, folder);
    if (!classified) return 'remove';
    if (this.documents.get(uri)) return undefined;
    const { presenterLabels, linkLabels } = classified.setup.config;
    return {
      uri,
      path: classified.path,
      maxBytes: classified.settings.maxFileSizeBytes,
      labels: { presenterLabels, linkLabels },
    };
  }

  /** Reads and summarizes posts in this thread. */
  private async readHere(requests: IndexRequest[]): Promise<IndexAnswer[]> {
    const answers: IndexAnswer[] = [];
    for (const { uri, path, maxBytes, labels } of requests) {
      let text: string | undefined;
      try {
        const stat = await fs.stat(path);
        if (stat.isFile() && stat.size <= maxBytes) text = await fs.readFile(path, 'utf8');
      } catch {
        text = undefined;
      }
      answers.push({ uri, summary: text === undefined ? undefined : summaryOfFileText(uri, text, maxBytes, labels) });
    }
    return answers;
  }

  /** Puts a read post into the index (unless it was opened meanwhile); true when the index changed. */
  private apply({ uri, summary }: IndexAnswer): boolean {
    if (this.documents.get(uri)) return false;
    return summary ? this.index.update(summary) : this.index.remove(uri);
  }

  /** Walks `dir` for Markdown files; returns the budget of files left. */
  private async walk(dir: string, budget: number, found: (file: string) => void): Promise<number> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return budget;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (budget <= 0) return 0;
      budget--;
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) budget = await this.walk(path, budget, found);
      } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
        found(path);
      }
    }
    return budget;
  }

  /** The innermost workspace folder holding `uri` (compared as paths: URIs may be spelled differently). */
  folderOf(uri: string): string | undefined {
    const path = uriToCorePath(uri);
    if (!path) return undefined;
    let best: { folder: string; length: number } | undefined;
    for (const folder of this.folders()) {
      const root = uriToCorePath(folder);
      if (!root || !path.startsWith(root.endsWith('/') ? root : `${root}/`)) continue;
      if (!best || root.length > best.length) best = { folder, length: root.length };
    }
    return best?.folder;
  }
}
