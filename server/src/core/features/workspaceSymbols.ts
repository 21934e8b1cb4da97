/**
 * Workspace symbols: every paper of every post, found by its title or its presenter.
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { IndexedPaperEntry } from '../index/workspaceIndex';

/** At most this many symbols are returned; the client narrows the list as the user types. */
export const MAX_WORKSPACE_SYMBOLS = 500;

/**
 * The papers whose title or presenter contains `query`, or has a word starting with each word of
 * `query` (letter case and width do not count); every paper for an empty query.
 */
export function getWorkspaceSymbols(
  papers: Iterable<IndexedPaperEntry>,
  query: string,
  limit = MAX_WORKSPACE_SYMBOLS,
): SymbolInformation[] {
  const wanted = normalize(query);
  const words = wanted.split(' ').filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const paper of papers) {
    const haystack = normalize(`${paper.title} ${paper.presenter ?? ''}`);
    const starts = haystack.split(/[^\p{L}\p{N}]+/u);
    if (!haystack.includes(wanted) && !words.every((word) => starts.some((start) => start.startsWith(word)))) continue;
    const container = [paper.presenter, paper.postTitle ?? paper.fileName].filter(Boolean).join(' · ');
    out.push({
      name: paper.title,
      kind: SymbolKind.String,
      location: { uri: paper.uri, range: paper.range },
      containerName: container,
    });
    if (out.length >= limit) break;
  }
  return out;
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
