/**
 * Reading the links of a presenter line (and of a bare link paragraph): their targets, which label
 * they carry, placeholders, and the text that says the slides are unavailable.
 */
import type { ResolvedConfig } from '../../config/config';
import type { LinkListItem, MarkdownLink, PresenterLine, Span, TextItem } from '../../model';
import { memoizeText } from '../../text/memo';
import { isLabel, normalizeLabel } from './labels';

/** The links of a presenter line's list, in order. */
export function linksOf(line: PresenterLine): MarkdownLink[] {
  return (line.linkList?.items ?? []).filter((item): item is MarkdownLink => item.kind === 'link');
}

/** The text items of a presenter line's list (whatever is not a link). */
export function textItemsOf(line: PresenterLine): TextItem[] {
  return (line.linkList?.items ?? []).filter((item): item is TextItem => item.kind === 'text');
}

export function isPaperLink(link: MarkdownLink, config: ResolvedConfig): boolean {
  return isLabel(link.label.text, config.linkLabels.paper);
}

export function isSlidesLink(link: MarkdownLink, config: ResolvedConfig): boolean {
  return isLabel(link.label.text, config.linkLabels.slides);
}

const UNAVAILABLE = /unavailable|not available|n\/a|없음|미제공|비공개/i;

/**
 * True when a text item says the slides are unavailable: `presentation material unavailable`
 * (any configured slides label), or the word alone.
 */
export function saysUnavailable(item: LinkListItem, config: ResolvedConfig): boolean {
  if (item.kind !== 'text' || !UNAVAILABLE.test(item.text)) return false;
  const text = normalizeLabel(item.text);
  const mentions = (labels: readonly string[]) => labels.some((label) => text.includes(normalizeLabel(label)));
  return mentions(config.linkLabels.slides) || !mentions(config.linkLabels.paper);
}

/**
 * The link's target as a browser reads it: without `<...>` around it and without a title (`"..."`
 * or `'...'` after whitespace) after it. Its range covers just the URL. Undefined when the
 * link has no `(url)` part.
 */
export function linkTarget(link: MarkdownLink): Span | undefined {
  // Several rules ask for every link's target on every keystroke; links are shared, unchanged, between parses.
  if (!targets.has(link)) targets.set(link, findTarget(link));
  return targets.get(link);
}

const targets = new WeakMap<MarkdownLink, Span | undefined>();

/**
 * A title is the last thing in the parentheses, after whitespace, in quotes (kramdown reads `"..."`
 * and `'...'` only, not CommonMark's `(...)`): found even when the address before it has spaces
 * (which CommonMark does not allow, and the authors write), so that only the address is taken for
 * the target.
 */
const TITLED = /^(.*?\S)\s+("[^"]*"|'[^']*')$/s;

function findTarget(link: MarkdownLink): Span | undefined {
  const url = link.url;
  if (!url) return undefined;
  if (url.range.start.line !== url.range.end.line) return url;
  let start = 0;
  let end = url.text.length;
  while (start < end && /\s/.test(url.text[start]!)) start++;
  while (end > start && /\s/.test(url.text[end - 1]!)) end--;
  const titled = TITLED.exec(url.text.slice(start, end));
  if (titled) end = start + titled[1]!.length;
  if (url.text[start] === '<' && url.text[end - 1] === '>' && end - start >= 2) {
    start++;
    end--;
  }
  return {
    text: url.text.slice(start, end),
    range: {
      start: { line: url.range.start.line, character: url.range.start.character + start },
      end: { line: url.range.start.line, character: url.range.start.character + end },
    },
  };
}

const PLACEHOLDER_WORDS = new Set([
  'todo',
  'tbd',
  'tba',
  'url',
  'link',
  'links',
  'none',
  'null',
  'n/a',
  'na',
  'xxx',
  'http://',
  'https://',
  'http',
  'https',
  'paper',
  'slides',
  'pdf',
  '링크',
  '주소',
  '추가 예정',
  '예정',
]);

/** True when a link target is empty or stands in for one (`???`, `#`, `TODO`, `url`, `link`, ...). */
export const isPlaceholderTarget: (target: string) => boolean = memoizeText((target) => {
  const value = target.trim().toLowerCase();
  if (/^[?#.…\-_*x]*$/.test(value)) return true;
  return PLACEHOLDER_WORDS.has(value) || /^<[^>]*>$/.test(value);
});
