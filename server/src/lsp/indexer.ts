/**
 * Keeps the workspace index: scans every post of the workspace folders on start (with work-done
 * progress, yielding between files so that requests are answered meanwhile), then follows file
 * changes (`workspace/didChangeWatchedFiles`). Open documents are indexed from the editor's text by
 * the validator; the disk's version is read again when they close.
 */
import { promises as fs } from 'node:fs';
import { FileChangeType, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { formatMessage, type Locale } from '../core/engine/messages';
import { refusalOf } from '../core/features/limits';
import { summarizePost, type WorkspaceIndex } from '../core/index/workspaceIndex';
import { parsePost } from '../core/parse/parsePost';
import { uriToCorePath } from '../node/nodeHost';
import type { Analyzer } from './analysis';
import type { StatusReporter } from './status';

/** Folders never searched for posts: dependencies, build output, version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '_site', '.jekyll-cache', '.sass-cache', 'vendor', '.bundle']);
const MARKDOWN = /\.(md|markdown)$/i;
/** A workspace with more files than this is not scanned further (the rest is said in the log). */
const MAX_FILES = 50_000;

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
      const seen = new Set<string>();
      for (let i = 0; i < found.length; i++) {
        if (generation !== this.generation) return;
        const { uri, folder } = found[i]!;
        if (await this.indexFile(uri, folder)) seen.add(uri);
        if (i % 10 === 9 || i === found.length - 1) {
          progress?.report(Math.round(((i + 1) * 100) / found.length), formatMessage(TEXT.progress, locale, { done: i + 1, total: found.length }));
        }
      }
      for (const uri of this.index.uris()) if (!seen.has(uri) && !this.documents.get(uri)) this.index.remove(uri);
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
      if (/(?:^|\/)(?:\.seminar-posts\.json|_config\.yml)$|(?:^|\/)_layouts\//.test(path)) {
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
    const classified = await this.analyzer.classify(uri, folder);
    if (!classified) return this.index.remove(uri);
    const open = this.documents.get(uri);
    if (open) return false;
    let text: string;
    try {
      const stat = await fs.stat(classified.path);
      if (!stat.isFile() || stat.size > classified.settings.maxFileSizeBytes) return this.index.remove(uri);
      text = await fs.readFile(classified.path, 'utf8');
    } catch {
      return this.index.remove(uri);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (refusalOf(text, classified.settings.maxFileSizeBytes)) return this.index.remove(uri);
    return this.index.update(summarizePost(parsePost(text, uri)));
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
  private folderOf(uri: string): string | undefined {
    const path = uriToCorePath(uri);
    if (!path) return undefined;
    let best: { folder: string; length: number } | undefined;
    for (const folder of this.folders()) {
      const root = uriToCorePath(folder);
      if (!root || !(path.startsWith(root.endsWith('/') ? root : `${root}/`))) continue;
      if (!best || root.length > best.length) best = { folder, length: root.length };
    }
    return best?.folder;
  }
}
