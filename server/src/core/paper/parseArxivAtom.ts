/**
 * The arXiv API's answer (an Atom feed, `export.arxiv.org/api/query?id_list=...`) read with an XML
 * parser (`@xmldom/xmldom`, namespace-aware; it resolves no external entity): the entry's title,
 * authors and year, and `arxiv:journal_ref` for the venue when the authors gave one.
 */
import { DOMParser, onErrorStopParsing, type Element } from '@xmldom/xmldom';
import { cleanText, yearOf, type PaperMetadata } from './paperMetadata';
import { shortVenue } from './venueNames';

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';

/** Why an answer gave no metadata. */
export type ParseFailure = { failure: 'malformed' | 'noMetadata'; detail: string };

/** The metadata of the feed's entry for `id`, or why there is none. */
export function parseArxivAtom(xml: string, id: string): PaperMetadata | ParseFailure {
  let doc;
  try {
    doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml');
  } catch (error) {
    return { failure: 'malformed', detail: `not an Atom feed (${firstLine(error)})` };
  }
  const feed = doc.documentElement;
  if (!feed || feed.namespaceURI !== ATOM || feed.localName !== 'feed') {
    return { failure: 'malformed', detail: `not an Atom feed (the root is <${feed?.nodeName ?? 'nothing'}>)` };
  }
  const entries = children(feed, ATOM, 'entry');
  // The API answers an unknown or malformed id with an entry titled "Error" whose id is the API's.
  const entry = entries.find(
    (e) => !/\/api\/errors/.test(text(e, ATOM, 'id') ?? '') && text(e, ATOM, 'title') !== 'Error',
  );
  if (!entry) {
    const error = entries.map((e) => text(e, ATOM, 'summary')).find(Boolean);
    return {
      failure: 'noMetadata',
      detail: error ? `arXiv says: ${cleanText(error)}` : `the feed has no entry for ${id}`,
    };
  }
  const title = cleanText(text(entry, ATOM, 'title') ?? '');
  if (!title) return { failure: 'noMetadata', detail: `the entry for ${id} has no title` };
  const authors = children(entry, ATOM, 'author')
    .map((a) => cleanText(text(a, ATOM, 'name') ?? ''))
    .filter(Boolean);
  const journal = text(entry, ARXIV, 'journal_ref');
  const venue = journal ? shortVenue(journal.replace(/,?\s*(?:pp\.?|pages?)\s*[\d\s–-]+.*$/i, '')) : 'arXiv';
  const year = yearOf(journal ?? undefined) ?? yearOf(text(entry, ATOM, 'published') ?? undefined);
  return { title, authors, venue, year, source: 'arxiv' };
}

function children(parent: Element, ns: string, name: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === name)
      out.push(node as Element);
  }
  return out;
}

function text(parent: Element, ns: string, name: string): string | undefined {
  const found = children(parent, ns, name)[0];
  return found ? (found.textContent ?? '') : undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
