// The statistics page's one script (allowed by its nonce). It talks to the extension through
// `acquireVsCodeApi().postMessage`; the messages are typed in `client/src/stats/messages.ts`.
// - `ready` when it starts; `update` from the extension swaps in new content
// - `rendered` after each content: how many charts and tables the page shows
// - the export buttons post `export` (the extension shows the save dialog and writes the file)
// - "Show as table" shows a chart's table (screen readers read it all along)
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const main = document.getElementById('sp-stats');
  const CHARTS = ['quarters', 'presenters', 'venues', 'repeated'];

  function reportRendered() {
    vscode.postMessage({
      type: 'rendered',
      charts: main.querySelectorAll('.sp-figure > svg').length,
      tables: main.querySelectorAll('.sp-table table').length,
    });
  }

  main.addEventListener('click', function (event) {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    const chart = button.dataset.chart;
    if (button.dataset.export && CHARTS.indexOf(chart) >= 0) {
      vscode.postMessage({ type: 'export', chart: chart, format: button.dataset.export === 'svg' ? 'svg' : 'csv' });
      return;
    }
    const table = button.dataset.toggleTable;
    if (table && CHARTS.indexOf(table) >= 0) {
      const wrap = document.getElementById('sp-table-' + table);
      if (!wrap) return;
      const shown = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(shown));
      wrap.classList.toggle('sp-visually-hidden', !shown);
      const label = shown ? button.dataset.hideLabel : button.dataset.showLabel;
      if (label) button.textContent = label;
    }
  });

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    // Which tables the reader opened stay open.
    const open = Array.prototype.map.call(main.querySelectorAll('[data-toggle-table][aria-expanded="true"]'), function (b) { return b.dataset.toggleTable; });
    main.innerHTML = message.html;
    for (const chart of open) {
      const button = main.querySelector('[data-toggle-table="' + chart + '"]');
      if (button) button.click();
    }
    reportRendered();
  });

  vscode.postMessage({ type: 'ready' });
})();
