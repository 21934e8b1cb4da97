/**
 * "Fill from paper link" on the server: the code lenses, the `seminarPosts/fillSection` request
 * (the only place that asks the network, on the user's request, cancellable), and the kept papers
 * that completion may read. The lookup's disk cache lives in the folder the client names in its
 * initialization options (VS Code's global storage), or in memory only without one.
 */
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatMessage, type Locale } from '../core/engine/messages';
import { fillEdits, fillTargetOf, sectionAtLine } from '../core/features/paperFill';
import { getFillCodeLenses } from '../core/features/paperFillActions';
import { PaperLookupError, type PaperLookup } from '../core/paper/paperLookup';
import type { PaperMetadata } from '../core/paper/paperMetadata';
import { createPaperLookup } from '../node/paperLookups';
import { FillSectionRequest, onRequest, type FillSectionParams, type FillSectionResult } from '../protocol';
import type { Validator } from './validation';

const TEXT = {
  noLink: {
    en: 'This section has no paper link to fill from: add [paper link](https://arxiv.org/abs/...) to its presenter line.',
    ko: '이 섹션에는 채울 논문 링크가 없습니다. 발표자 줄에 [paper link](https://arxiv.org/abs/...)를 넣으세요.',
  },
  notPost: { en: 'This file is not a post the checks read.', ko: '이 파일은 검사하는 포스트가 아닙니다.' },
  complete: {
    en: 'The title and authors of this section are written already.',
    ko: '이 섹션의 제목과 저자는 이미 쓰여 있습니다.',
  },
} as const;

/** The paper lookup of the session, made on first use. */
export class PaperFillService {
  private lookupInstance: PaperLookup | undefined;
  private endpoints: { arxiv?: string; doi?: string } | undefined;

  constructor(
    private readonly cacheFolder: () => string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** The lookup, with the endpoints the client sent last. */
  get lookup(): PaperLookup {
    this.lookupInstance ??= createPaperLookup({
      cacheFolder: this.cacheFolder(),
      env: process.env,
      settings: () => this.endpoints,
      onProblem: (message) => this.log(message),
    });
    return this.lookupInstance;
  }

  /** The kept metadata of a paper link (memory or disk); never a request. */
  cached(url: string): Promise<PaperMetadata | undefined> {
    return this.lookup.cached(url);
  }

  setEndpoints(endpoints: FillSectionParams['endpoints']): void {
    if (endpoints) this.endpoints = { arxiv: endpoints.arxiv || undefined, doi: endpoints.doi || undefined };
  }
}

/** Registers the code lenses and the fill request. */
export function registerPaperFill(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  validator: Validator,
  locale: () => Locale,
  service: PaperFillService,
): void {
  connection.onCodeLens(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { analysis } = await validator.current(document);
    return analysis.kind === 'post' ? getFillCodeLenses(analysis.post, analysis.setup.config, locale()) : [];
  });

  onRequest(connection, FillSectionRequest, async (params, token: CancellationToken): Promise<FillSectionResult> => {
    const say = (text: { en: string; ko: string }) => formatMessage(text, locale());
    const document = typeof params?.textDocument?.uri === 'string' ? documents.get(params.textDocument.uri) : undefined;
    if (!params || !document || !Number.isInteger(params.line)) return { kind: 'notPost', message: say(TEXT.notPost) };
    const { analysis } = await validator.current(document);
    if (analysis.kind !== 'post') return { kind: 'notPost', message: say(TEXT.notPost) };
    const section = sectionAtLine(analysis.post, params.line);
    const target = section && fillTargetOf(section, analysis.setup.config);
    if (!target) return { kind: 'noLink', message: say(TEXT.noLink) };
    if (!target.fillTitle && !target.fillAuthors && !params.replace)
      return { kind: 'complete', url: target.url, message: say(TEXT.complete) };
    service.setEndpoints(params.endpoints);
    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    try {
      const meta = await service.lookup.lookup(target.url, abort.signal);
      void service.lookup.flush();
      return {
        kind: 'filled',
        version: analysis.post.version ?? document.version,
        url: target.url,
        edits: fillEdits(target, meta, params.replace === true),
      };
    } catch (error) {
      if (error instanceof PaperLookupError) return { kind: 'failed', message: error.describe(locale()) };
      throw error;
    } finally {
      cancelled.dispose();
    }
  });
}
