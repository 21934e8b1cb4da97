/**
 * A paper's title, authors, venue and year, as the three sources give them, and the two lines the
 * blog writes from them: `# Title` and `## First Author et al., Venue Year` (every author when
 * there are three or fewer: `A and B, Venue Year`, `A, B and C, Venue Year`).
 */

export interface PaperMetadata {
  title: string;
  /** Names as people write them (`Kaiming He`), in the paper's order. */
  authors: string[];
  /** A short venue (`CVPR`, `NeurIPS`, `Nature`) when the source names one. */
  venue: string | undefined;
  year: number | undefined;
  /** Where it came from. */
  source: 'arxiv' | 'page' | 'doi';
}

/** True for a value of this shape (what a cache may give back). */
export function isPaperMetadata(value: unknown): value is PaperMetadata {
  const v = value as Partial<PaperMetadata> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.title === 'string' &&
    v.title.trim() !== '' &&
    Array.isArray(v.authors) &&
    v.authors.every((a) => typeof a === 'string') &&
    (v.venue === undefined || typeof v.venue === 'string') &&
    (v.year === undefined || (typeof v.year === 'number' && Number.isInteger(v.year))) &&
    (v.source === 'arxiv' || v.source === 'page' || v.source === 'doi')
  );
}

/** Whitespace (line breaks of XML and HTML included) collapsed, ends trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `He, Kaiming` -> `Kaiming He`; other names as written. */
export function personName(name: string): string {
  const clean = cleanText(name);
  const m = /^([^,]+),\s*([^,]+)$/.exec(clean);
  return m ? `${m[2]} ${m[1]}` : clean;
}

/** The first four-digit year (1900-2099) in a date text. */
export function yearOf(text: string | undefined): number | undefined {
  const m = text ? /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(text) : null;
  return m ? Number(m[1]) : undefined;
}

/** The `# ` line's text: the title, with what Markdown would read as marks escaped. */
export function titleLine(meta: PaperMetadata): string {
  return `# ${markdownSafe(meta.title)}`;
}

/** The `## ` line: the authors as the blog writes them, then the venue and the year. */
export function authorsLine(meta: PaperMetadata): string {
  const names = meta.authors.map(markdownSafe).filter(Boolean);
  let who: string;
  if (names.length === 0) who = '';
  else if (names.length === 1) who = names[0]!;
  else if (names.length <= 3) who = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  else who = `${names[0]} et al.`;
  const where = venueAndYear(meta);
  return `## ${[who, where].filter(Boolean).join(', ')}`.trimEnd();
}

/** `CVPR 2016`, `arXiv 2015`, `2020`, or '' when neither is known. */
export function venueAndYear(meta: PaperMetadata): string {
  const venue = meta.venue ? markdownSafe(meta.venue) : '';
  if (!venue) return meta.year ? String(meta.year) : '';
  if (meta.year === undefined || venue.includes(String(meta.year))) return venue;
  return `${venue} ${meta.year}`;
}

/** Characters that would start Markdown or HTML inside a heading, escaped; line breaks removed. */
function markdownSafe(text: string): string {
  return cleanText(text)
    .replace(/([\\`*_<>[\]])/g, '\\$1')
    .replace(/^#+\s*/, '');
}
