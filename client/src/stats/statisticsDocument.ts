/**
 * The statistics page: a strict Content-Security-Policy (no inline script, no inline style, no
 * image or font from the web), the extension's style sheet, the charts as the server drew them
 * (plain SVG, every text of the posts escaped there, no script or style in them), each with its
 * table (for screen readers, and on request for everyone) and its export buttons, and the page's
 * one script, allowed by its nonce. Pure (no `vscode`): the panel passes in the nonce, the
 * webview's `cspSource` and the `asWebviewUri` of each media file.
 */
import type { StatisticsResult } from '../../../server/src/protocol';
import type { PageChart } from '../../../server/src/core/stats/charts';
import { checkCspSource, checkNonce } from '../preview/previewDocument';
import { escapeHtml } from '../preview/previewContent';
import { totalsText } from '../../../server/src/core/stats/charts';
import { text, type Locale } from './strings';

/** Webview URIs of the page's media files. */
export interface StatisticsMedia {
  /** `media/stats/stats.js` */
  script: string;
  /** `media/stats/stats.css` */
  css: string;
}

/** The statistics page's Content-Security-Policy: stricter than the preview's (no web images, no inline style). */
export function statisticsPolicy(nonce: string, cspSource: string): string {
  checkNonce(nonce);
  checkCspSource(cspSource);
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The content of the page (what an `update` message swaps in): the totals, then each chart's section. */
export function statisticsContent(result: StatisticsResult, locale: Locale): string {
  const { totals } = result;
  const notes = [
    result.state === 'indexing' ? `<p class="sp-note" role="status">${escapeHtml(text('indexing', locale))}</p>` : '',
    totals.undatedTalks
      ? `<p class="sp-note">${escapeHtml(text('undatedTalks', locale, { n: totals.undatedTalks }))}</p>`
      : '',
  ].join('');
  return `<p class="sp-totals">${escapeHtml(totalsText(totals, locale))}</p>${notes}\n${result.charts.map((chart) => chartSection(chart, locale)).join('\n')}`;
}

function chartSection(chart: PageChart, locale: Locale): string {
  const id = escapeHtml(chart.id);
  const title = escapeHtml(chart.title);
  const drawnRows = chart.svg
    ? (chart.svg.match(/<text class="sp-label" x="\d+" y="\d+" text-anchor="end">/g) ?? []).length
    : 0;
  const more =
    chart.id !== 'quarters' && chart.svg && drawnRows < chart.table.rows.length
      ? `<p class="sp-note">${escapeHtml(text('more', locale, { shown: drawnRows, total: chart.table.rows.length }))}</p>`
      : '';
  const figure = chart.svg
    ? `<div class="sp-figure">${chart.svg}</div>${more}`
    : `<p class="sp-empty">${escapeHtml(chart.empty ?? '')}</p>`;
  const rows = chart.table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) =>
            i === 0
              ? `<th scope="row">${escapeHtml(String(cell))}</th>`
              : `<td${typeof cell === 'number' ? ' class="sp-number"' : ''}>${escapeHtml(String(cell))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  const table = `<table><caption>${escapeHtml(chart.table.caption)}</caption><thead><tr>${chart.table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  const svgButton = chart.svg
    ? `<button type="button" data-export="svg" data-chart="${id}" aria-label="${escapeHtml(text('exportSvgLabel', locale, { title: chart.title }))}">${escapeHtml(text('exportSvg', locale))}</button>`
    : '';
  const csvButton = chart.table.rows.length
    ? `<button type="button" data-export="csv" data-chart="${id}" aria-label="${escapeHtml(text('exportCsvLabel', locale, { title: chart.title }))}">${escapeHtml(text('exportCsv', locale))}</button>`
    : '';
  const tableButton = chart.table.rows.length
    ? `<button type="button" data-toggle-table="${id}" aria-expanded="false" aria-controls="sp-table-${id}" data-show-label="${escapeHtml(text('showTable', locale))}" data-hide-label="${escapeHtml(text('hideTable', locale))}">${escapeHtml(text('showTable', locale))}</button>`
    : '';
  return `<section class="sp-chart-section" id="sp-section-${id}" aria-labelledby="sp-heading-${id}">
<h2 id="sp-heading-${id}">${title}</h2>
<p class="sp-description">${escapeHtml(chart.description)}</p>
${figure}
<div class="sp-actions">${svgButton}${csvButton}${tableButton}</div>
<div class="sp-table sp-visually-hidden" id="sp-table-${id}">${table}</div>
</section>`;
}

/** What {@link statisticsDocument} needs. */
export interface StatisticsDocumentOptions {
  /** The statistics; without them the page says it is counting until an update. */
  result?: StatisticsResult;
  /** Why there is nothing to show (the server is not running), in the UI language. */
  notice?: string;
  nonce: string;
  cspSource: string;
  media: StatisticsMedia;
  locale: Locale;
}

/** The full HTML page of the statistics. */
export function statisticsDocument({
  result,
  notice,
  nonce,
  cspSource,
  media,
  locale,
}: StatisticsDocumentOptions): string {
  const csp = statisticsPolicy(nonce, cspSource);
  const content = result
    ? statisticsContent(result, locale)
    : `<p class="sp-empty" role="status">${escapeHtml(notice ?? text('loading', locale))}</p>`;
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(media.css)}">
<title>${escapeHtml(text('documentTitle', locale))}</title>
</head>
<body>
<h1>${escapeHtml(text('documentTitle', locale))}</h1>
<main id="sp-stats" aria-live="polite">
${content}
</main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(media.script)}"></script>
</body>
</html>
`;
}
