/**
 * Diagnostics as the user types. A change schedules its document's validation for the next turn
 * of the event loop, and only when no newer change of that document has already arrived (the
 * transport's look ahead): a burst of edits validates the latest version once, with no timer on
 * the typing path. Diagnostics are kept per version, so that code actions and hover reuse them.
 *
 * Diagnostics are pushed (`publishDiagnostics`), or, for a client that pulls them
 * (`textDocument/diagnostic`), answered from the same per-version results; the client is then
 * asked to pull again when settings, configuration or other posts change. Whether a document is
 * a post is told to the client when first known and when it changes (`seminarPosts/postSelection`).
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core/engine/messages';
import { refusalDiagnostic } from '../core/features/limits';
import { summarizePost, type WorkspaceIndex } from '../core/index/workspaceIndex';
import type { PostService } from '../core/service/postService';
import { PostSelectionNotification, sendNotification } from '../protocol';
import type { Analysis, Analyzer } from './analysis';
import { errorText } from './errorText';
import type { IncomingChanges } from './transport';

/** A document's analysis and diagnostics at one version. */
export interface Checked {
  version: number;
  analysis: Analysis;
  diagnostics: Diagnostic[];
}

export class Validator {
  private readonly scheduled = new Set<string>();
  private readonly checked = new Map<string, Checked>();
  /** Documents whose last published diagnostics were not empty. */
  private readonly shown = new Set<string>();
  /** What the client was last told of each open document: a post or not. */
  private readonly told = new Map<string, boolean>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly incoming: IncomingChanges,
    private readonly service: PostService,
    private readonly analyzer: Analyzer,
    private readonly index: WorkspaceIndex,
    private readonly locale: () => Locale,
    /** True when the client pulls diagnostics instead of receiving them. */
    private readonly pulls: () => boolean,
    /** True when the client may be asked to pull again (`workspace/diagnostic/refresh`). */
    private readonly canRefresh: () => boolean,
  ) {}

  /** Validates `uri` soon, unless a newer change of it has already arrived. */
  schedule(uri: string): void {
    const document = this.documents.get(uri);
    if (!document || this.incoming.hasNewer(uri, document.version) || this.scheduled.has(uri)) return;
    this.scheduled.add(uri);
    setImmediate(() => {
      this.scheduled.delete(uri);
      void this.run(uri).catch((error: unknown) =>
        this.connection.console.error(`validation of ${uri} failed: ${errorText(error)}`),
      );
    });
  }

  /** Re-checks every open document (settings, configuration or other posts changed). */
  scheduleAll(except?: string): void {
    for (const document of this.documents.all()) {
      if (document.uri === except) continue;
      this.checked.delete(document.uri);
      this.schedule(document.uri);
    }
    if (this.pulls() && this.canRefresh()) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /** The document's analysis and diagnostics at its current version, computed now if need be. */
  async current(document: TextDocument): Promise<Checked> {
    const known = this.checked.get(document.uri);
    if (known && known.version === document.version) return known;
    const analysis = await this.analyzer.analyze(document);
    const checked: Checked = { version: document.version, analysis, diagnostics: this.diagnosticsOf(analysis) };
    // The document may have changed while the settings were fetched: keep only a current answer.
    if (this.documents.get(document.uri)?.version === document.version) this.checked.set(document.uri, checked);
    if (this.documents.get(document.uri)) this.tell(document.uri, analysis.kind !== 'other');
    return checked;
  }

  /** A document was closed: its diagnostics go. */
  closed(uri: string): void {
    this.checked.delete(uri);
    this.scheduled.delete(uri);
    this.told.delete(uri);
    if (this.shown.delete(uri) && !this.pulls()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async run(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document || this.incoming.hasNewer(uri, document.version)) return;
    const { analysis, diagnostics, version } = await this.current(document);
    if (this.documents.get(uri)?.version !== version) return;
    // A post always gets its (maybe empty) list; another file only loses what it was shown.
    if (!this.pulls() && (analysis.kind !== 'other' || this.shown.has(uri))) {
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
      if (diagnostics.length) this.shown.add(uri);
      else this.shown.delete(uri);
    }
    const papersChanged =
      analysis.kind === 'post'
        ? this.index.update(summarizePost(analysis.post, analysis.setup.config))
        : this.index.remove(uri);
    if (papersChanged) this.scheduleAll(uri);
  }

  /** Tells the client whether `uri` is a post, when it has not been told so already. */
  private tell(uri: string, isPost: boolean): void {
    if (this.told.get(uri) === isPost) return;
    this.told.set(uri, isPost);
    sendNotification(this.connection, PostSelectionNotification, { uri, isPost });
  }

  private diagnosticsOf(analysis: Analysis): Diagnostic[] {
    switch (analysis.kind) {
      case 'other':
        return [];
      case 'refused':
        return [refusalDiagnostic(analysis.refusal, this.locale())];
      case 'post':
        return this.service.lint(analysis);
    }
  }
}
