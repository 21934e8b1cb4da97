/**
 * A DOI's metadata as doi.org gives it by content negotiation (`Accept:
 * application/vnd.citationstyles.csl+json`): CSL JSON with `title`, `author` (`given`/`family`,
 * or `literal`), `container-title` (the journal or proceedings; `event` or `event-title` names a
 * conference) and `issued` (`date-parts`).
 */
import { cleanText, type PaperMetadata } from './paperMetadata';
import type { ParseFailure } from './parseArxivAtom';
import { shortVenue } from './venueNames';

/** The metadata of a CSL JSON answer, or why there is none. */
export function parseCslJson(json: string): PaperMetadata | ParseFailure {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { failure: 'malformed', detail: `not JSON (${(error as Error).message.slice(0, 120)})` };
  }
  const item = (Array.isArray(data) ? data[0] : data) as Record<string, unknown> | undefined;
  if (!item || typeof item !== 'object') return { failure: 'malformed', detail: 'not a CSL JSON object' };
  const title = cleanText(firstString(item.title) ?? '');
  if (!title) return { failure: 'noMetadata', detail: 'the CSL JSON has no title' };
  const authors = (Array.isArray(item.author) ? item.author : []).map(authorName).filter((n): n is string => !!n);
  const event =
    typeof item.event === 'object' && item.event !== null
      ? firstString((item.event as Record<string, unknown>).name)
      : firstString(item.event);
  const venue = shortVenue(
    firstString(item['event-title']) ??
      event ??
      firstString(item['container-title']) ??
      firstString(item['short-container-title']),
  );
  const year =
    dateYear(item.issued) ??
    dateYear(item['published-print']) ??
    dateYear(item['published-online']) ??
    dateYear(item.published);
  return { title, authors, venue, year, source: 'doi' };
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return value.map(firstString).find(Boolean);
  return undefined;
}

function authorName(value: unknown): string | undefined {
  const a = value as Record<string, unknown> | null;
  if (!a || typeof a !== 'object') return undefined;
  const literal = firstString(a.literal) ?? firstString(a.name);
  if (literal) return cleanText(literal);
  const name = [firstString(a.given), firstString(a['non-dropping-particle']), firstString(a.family)]
    .filter(Boolean)
    .join(' ');
  return cleanText(name) || undefined;
}

function dateYear(value: unknown): number | undefined {
  const parts = (value as { 'date-parts'?: unknown } | null)?.['date-parts'];
  const year = Array.isArray(parts) && Array.isArray(parts[0]) ? Number(parts[0][0]) : NaN;
  return Number.isInteger(year) && year > 1000 && year < 3000 ? year : undefined;
}
