/**
 * The preview's content from a `RenderResult`: the post (a header like the blog's post page, then
 * the body with a problem badge on each section that has problems) and the Quarter Summary table.
 * The same HTML fills the first page and every later update (the script swaps it in place, so the
 * scroll position and the chosen view survive typing).
 *
 * `result.html` is the server's sanitized body; everything else from the result is escaped here.
 */
import type { ProblemSeverity, RenderResult, SectionSummary } from '../../../server/src/protocol';
import { isOpenableLink } from './messages';
import { problems, text, type Locale } from './strings';

/** Characters that matter in HTML text and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The inner HTML of the page's `#sp-content`. */
export function previewContent(result: RenderResult, locale: Locale): string {
  return [postView(result, locale), summaryView(result.sections, locale)].join('\n');
}

/** The content of a page with no post to show: one sentence saying why (escaped here). */
export function noticeContent(message: string): string {
  return `<p class="sp-notice" role="status">${escapeHtml(message)}</p>`;
}

/**
 * The post as its page shows it. The header holds no `image_url` thumbnail: the theme shows that
 * image only in the home page's list, never on the post's page.
 */
function postView(result: RenderResult, locale: Locale): string {
  const date = result.date
    ? `<p class="post-meta"><time${result.dateTime ? ` datetime="${escapeHtml(result.dateTime)}"` : ''}>${escapeHtml(result.date)}</time></p>`
    : '';
  return [
    '<article class="post" data-view-panel="post">',
    `<header class="post-header"><h1 class="post-title">${escapeHtml(result.title ?? text('untitled', locale))}</h1>${date}${headerBadge(result, locale)}</header>`,
    `<div class="post-content">${withBadges(result.html, result.sections, locale)}</div>`,
    '</article>',
  ].join('\n');
}

/**
 * Puts a badge before the `</h1>` of each section with problems. The server writes each block's
 * `data-line` as its first attribute and the body never holds a raw `<` in text, so
 * `<h1 data-line="N"` finds exactly the section's heading.
 */
function withBadges(html: string, sections: readonly SectionSummary[], locale: Locale): string {
  let out = html;
  for (const section of sections) {
    if (section.problemCount <= 0) continue;
    const open = out.indexOf(`<h1 data-line="${section.line}"`);
    const close = open < 0 ? -1 : out.indexOf('</h1>', open);
    if (close < 0) continue;
    out = out.slice(0, close) + badge(section, locale) + out.slice(close);
  }
  return out;
}

/** The badge of the problems before the first paper (front matter, file name), under the title. */
function headerBadge(result: RenderResult, locale: Locale): string {
  const found = result.headerProblems;
  return found
    ? `<p class="sp-header-problems">${badgeAt(found.first, found.count, found.severity, text('goToHeaderProblem', locale), locale).trim()}</p>`
    : '';
}

function badge(section: SectionSummary, locale: Locale): string {
  return badgeAt(
    section.firstProblem ?? { line: section.line, character: 0 },
    section.problemCount,
    section.problemSeverity,
    text('goToProblem', locale),
    locale,
  );
}

/**
 * A badge saying `count` problems, coloured by the worst of them (`sp-badge-error`, `-warning`,
 * `-info`, as the Problems panel's icons); a click puts the cursor at `at`, the first of them.
 */
function badgeAt(
  at: { line: number; character: number },
  count: number,
  severity: ProblemSeverity | undefined,
  tooltip: string,
  locale: Locale,
): string {
  const kind = severity === 'warning' || severity === 'info' ? severity : 'error';
  return (
    ` <button type="button" class="sp-badge sp-badge-${kind}" data-problem-line="${at.line}" data-problem-character="${at.character}"` +
    ` title="${escapeHtml(tooltip)}">${escapeHtml(problems(count, locale))}</button>`
  );
}

/** The Quarter Summary's columns, in order. */
const COLUMNS = ['number', 'paper', 'venue', 'presenter', 'paperLink', 'slides', 'images'] as const;

function summaryView(sections: readonly SectionSummary[], locale: Locale): string {
  const heading = `<h2 class="sp-summary-title">${escapeHtml(text('viewSummary', locale))}</h2>`;
  if (sections.length === 0) {
    return `<section class="sp-summary" data-view-panel="summary">${heading}<p class="sp-empty">${escapeHtml(text('noSections', locale))}</p></section>`;
  }
  const head = COLUMNS.map((c) => `<th scope="col" class="sp-col-${c}">${escapeHtml(text(c, locale))}</th>`).join('');
  const rows = sections.map((s) => summaryRow(s, locale)).join('\n');
  return [
    '<section class="sp-summary" data-view-panel="summary">',
    heading,
    `<table class="sp-summary-table"><thead><tr>${head}</tr></thead><tbody>`,
    rows,
    '</tbody></table>',
    '</section>',
  ].join('\n');
}

function summaryRow(section: SectionSummary, locale: Locale): string {
  const title =
    `<a href="#" class="sp-section-link" data-reveal-line="${section.line}" title="${escapeHtml(text('goToSection', locale))}">` +
    `${escapeHtml(section.title || text('untitled', locale))}</a>${section.problemCount > 0 ? badge(section, locale) : ''}`;
  const cells = [
    String(section.index + 1),
    title,
    escapeHtml(section.venue ?? ''),
    escapeHtml(section.presenter ?? ''),
    linkCell(section, 'paper', locale),
    linkCell(section, 'slides', locale),
    String(section.imageCount),
  ];
  // Each cell names its column, which a narrow pane shows beside it instead of the table's head.
  return `<tr data-section="${section.index}">${cells.map((c, i) => `<td class="sp-col-${COLUMNS[i]}" data-label="${escapeHtml(text(COLUMNS[i]!, locale))}">${c}</td>`).join('')}</tr>`;
}

function linkCell(section: SectionSummary, kind: 'paper' | 'slides', locale: Locale): string {
  const link = section.links.find((l) => l.kind === kind);
  if (!link) return `<span class="sp-muted">${escapeHtml(text('missing', locale))}</span>`;
  // Only links the extension will open become links; `???` and the like stay visible as text.
  if (link.url === undefined || !isOpenableLink(link.url)) {
    const title = escapeHtml(text('notALink', locale, { url: link.url ?? '' }));
    return `<span class="sp-muted sp-bad-link" title="${title}">${escapeHtml(link.url ?? link.label)}</span>`;
  }
  return `<a href="${escapeHtml(link.url.trim())}" title="${escapeHtml(link.url.trim())}">${escapeHtml(hostOf(link.url))}</a>`;
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'mailto:' ? parsed.pathname : parsed.hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
