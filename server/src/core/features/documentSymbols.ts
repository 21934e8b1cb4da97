/**
 * Document symbols (the outline): the front matter with its keys, then each paper with its
 * presenter.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { formatMessage, type Locale } from '../engine/messages';
import type { Post } from '../model';

const UNTITLED = { en: '(untitled paper)', ko: '(제목 없는 논문)' };
const FRONT_MATTER = { en: 'front matter', ko: '머리말(front matter)' };

/** The outline of `post`. */
export function getDocumentSymbols(post: Post, locale: Locale): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const fm = post.frontMatter;
  if (fm) {
    symbols.push({
      name: formatMessage(FRONT_MATTER, locale),
      kind: SymbolKind.Namespace,
      range: fm.range,
      selectionRange: fm.openRange,
      children: fm.entries.map((entry) => ({
        name: entry.key || '?',
        detail: entry.valueSource.split(/\r\n?|\n/)[0]!.trim(),
        kind: SymbolKind.Property,
        range: entry.range,
        selectionRange: entry.keyRange,
      })),
    });
  }
  for (const section of post.sections) {
    const symbol: DocumentSymbol = {
      name: section.title.text || formatMessage(UNTITLED, locale),
      kind: SymbolKind.String,
      range: section.range,
      selectionRange: section.title.range,
    };
    const presenter = section.presenterLines[0]?.name?.text;
    if (presenter) symbol.detail = presenter;
    symbols.push(symbol);
  }
  return symbols;
}
