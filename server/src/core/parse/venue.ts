/**
 * Finds where a paper was published, as the blog writes it: on the authors line after the names
 * (`Peter W. Battaglia et al., arxiv.1806`, `Lucas Beyer *CVPR2019*`, `Kaidi Cao et al. NIPS (2019)`,
 * `..., Tie-Yan Liu, 2020`), or at the end of the title (`... on ICLR2021 (under review)`).
 *
 * A venue is an emphasized part (`*Nature*`), or starts at the first word that is a year, an
 * `arxiv` reference, a known venue name, or a name fused with a year (`MLSP2016`). Scans are
 * linear: one pass over the words of a heading.
 */

/** Offsets of a venue inside the scanned text. */
export interface VenueOffsets {
  start: number;
  end: number;
}

/** Conferences, journals and archives of the field, lower case. */
export const KNOWN_VENUES: ReadonlySet<string> = new Set([
  'aaai',
  'acl',
  'aistats',
  'arxiv',
  'bmvc',
  'coling',
  'colt',
  'corl',
  'cvpr',
  'eccv',
  'emnlp',
  'iccv',
  'icassp',
  'iclr',
  'icml',
  'icra',
  'ijcai',
  'ijcv',
  'interspeech',
  'iros',
  'jmlr',
  'kdd',
  'miccai',
  'mlsp',
  'naacl',
  'nature',
  'neurips',
  'nips',
  'openreview',
  'pami',
  'recsys',
  'rss',
  'science',
  'siggraph',
  'sigir',
  'tacl',
  'tmlr',
  'tnnls',
  'tpami',
  'uai',
  'wacv',
  'www',
]);

const WORD = /[^\s,;()[\]]+/g;
const YEAR = /^(?:19|20)\d{2}$/;
/** A name fused with a year or its last two digits: `MLSP2016`, `CVPR2019`, `NeurIPS'19`. */
const NAME_WITH_YEAR = /^([A-Za-z]+)['.-]?((?:19|20)\d{2}|\d{2})$/;

function isVenueWord(word: string): boolean {
  const bare = word.replace(/^[*_"'`]+|[*_"'`.:!?]+$/g, '');
  if (!bare) return false;
  if (YEAR.test(bare)) return true;
  const lower = bare.toLowerCase();
  if (lower.startsWith('arxiv')) return true;
  if (KNOWN_VENUES.has(lower)) return true;
  const fused = NAME_WITH_YEAR.exec(bare);
  return fused !== null && (fused[2]!.length === 4 || KNOWN_VENUES.has(fused[1]!.toLowerCase()));
}

/** The first emphasized part (`*X*`, `**X**`, `_X_`) of `text`, without its marks. */
function emphasized(text: string): VenueOffsets | undefined {
  for (let i = 0; i < text.length; i++) {
    const mark = text[i];
    if (mark !== '*' && mark !== '_') continue;
    // `_` inside a word (`snake_case`) is not emphasis.
    if (mark === '_' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    let open = i;
    while (text[open] === mark) open++;
    const close = text.indexOf(mark, open);
    if (close < 0) return undefined;
    const inner = text.slice(open, close);
    if (inner.trim()) return trimmed(text, open, close);
    i = close;
  }
  return undefined;
}

function trimmed(text: string, start: number, end: number): VenueOffsets | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:.*_]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:*_]/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : undefined;
}

/** The venue written in an authors line's content (the text after `## `), or undefined. */
export function findAuthorsVenue(content: string): VenueOffsets | undefined {
  const emphasis = emphasized(content);
  if (emphasis) return emphasis;
  for (const match of content.matchAll(WORD)) {
    if (isVenueWord(match[0])) return trimmed(content, match.index, content.length);
  }
  return undefined;
}

/** The venue at the end of a title (`... on CVPR2020`, `... on ICLR2021 (under review)`), or undefined. */
export function findTitleVenue(content: string): VenueOffsets | undefined {
  const on = content.toLowerCase().lastIndexOf(' on ');
  if (on < 0) return undefined;
  const rest = content.slice(on + 4);
  for (const match of rest.matchAll(WORD)) {
    if (isVenueWord(match[0])) return trimmed(content, on + 4, content.length);
  }
  return undefined;
}
