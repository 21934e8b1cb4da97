/**
 * The statistics page's panel (one per window): built once with a fresh nonce
 * (`statisticsDocument`), then updated with `update` messages after the page said `ready`, each
 * time the Seminar view's posts change while the panel is open. Its export buttons save a chart
 * as SVG or its full table as CSV (asked of the server when pressed: the page's content leaves them
 * out) through VS Code's save dialog (which asks before replacing a file); nothing is written
 * anywhere else.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { toLocale } from '../../../server/src/core/engine/messages';
import type { ChartId } from '../../../server/src/core/stats/charts';
import {
  sendRequest,
  StatisticsExportRequest,
  StatisticsRequest,
  type StatisticsResult,
} from '../../../server/src/protocol';
import { STATISTICS_VIEW_TYPE } from '../identifiers';
import { messageOf, type LanguageServerController } from '../languageServer';
import { parseStatisticsMessage, type StatisticsPageMessage, type StatisticsPanelMessage } from './messages';
import { statisticsContent, statisticsDocument } from './statisticsDocument';
import { text } from './strings';

/** What the page reported it shows. */
export interface StatisticsRendered {
  charts: number;
  tables: number;
}

/** What the extension's API shows of the statistics page (the integration tests wait on it). */
export interface StatisticsApi {
  readonly onDidRender: vscode.Event<StatisticsRendered>;
  /** The open panel, if any. */
  panel(): vscode.WebviewPanel | undefined;
}

export class StatisticsManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private result: StatisticsResult | undefined;
  private fetching = false;
  private fetchAgain = false;
  private readonly locale = toLocale(vscode.env.language);
  private readonly rendered = new vscode.EventEmitter<StatisticsRendered>();
  private panelDisposables: vscode.Disposable[] = [];
  readonly api: StatisticsApi = { onDidRender: this.rendered.event, panel: () => this.panel };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: LanguageServerController,
    private readonly output: vscode.LogOutputChannel,
    /** Fires when the seminar's posts changed. */
    private readonly postsChanged: vscode.Event<void>,
  ) {}

  /** Opens (or shows) the statistics page; returns its panel. */
  open(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const title = text('documentTitle', this.locale);
    const panel = (this.panel = vscode.window.createWebviewPanel(
      STATISTICS_VIEW_TYPE,
      title,
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        enableForms: false,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media', 'stats')],
      },
    ));
    this.ready = false;
    this.result = undefined;
    const webview = panel.webview;
    const media = (name: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'stats', name)).toString();
    const notice = this.server.runningClient ? undefined : vscode.l10n.t('The language server is not running.');
    webview.html = statisticsDocument({
      notice,
      nonce: randomBytes(18).toString('base64'),
      cspSource: webview.cspSource,
      media: { script: media('stats.js'), css: media('stats.css') },
      locale: this.locale,
    });
    this.panelDisposables = [
      webview.onDidReceiveMessage((data: unknown) => {
        const message = parseStatisticsMessage(data);
        if (message)
          void this.onMessage(message).catch((error: unknown) => this.output.error(`statistics: ${messageOf(error)}`));
      }),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        for (const disposable of this.panelDisposables) disposable.dispose();
        this.panelDisposables = [];
        this.panel = undefined;
      }),
      this.postsChanged(() => this.fetch()),
      this.server.onDidChangeState((state) => {
        if (state === 'running') this.fetch();
      }),
    ];
    this.fetch();
    return panel;
  }

  /**
   * Saves a chart as SVG or its table as CSV where the save dialog says (VS Code asks before
   * replacing a file); `target` stands in for the dialog. Returns where it saved, or undefined.
   */
  async exportChart(chart: ChartId, format: 'svg' | 'csv', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const client = this.server.runningClient;
    const made = client ? await sendRequest(client, StatisticsExportRequest, { chart, format }) : undefined;
    const content = made?.content === undefined ? undefined : format === 'csv' ? `\ufeff${made.content}` : made.content;
    if (content === undefined) {
      const title = made?.title ?? this.result?.charts.find((c) => c.id === chart)?.title ?? chart;
      void vscode.window.showWarningMessage(vscode.l10n.t('There is nothing to export in "{0}" yet.', title));
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `seminar-${chart}.${format}`;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: format === 'svg' ? vscode.l10n.t('Export the chart as SVG') : vscode.l10n.t('Export the table as CSV'),
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: format === 'svg' ? { SVG: ['svg'] } : { CSV: ['csv'] },
        saveLabel: vscode.l10n.t('Export'),
      }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(uri)), 5000);
    return uri;
  }

  dispose(): void {
    this.panel?.dispose();
    this.rendered.dispose();
  }

  private async onMessage(message: StatisticsPageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        break;
      case 'rendered':
        this.rendered.fire({ charts: message.charts, tables: message.tables });
        break;
      case 'export':
        await this.exportChart(message.chart, message.format);
        break;
    }
  }

  /** Asks the server for the statistics; one request at a time. */
  private fetch(): void {
    if (!this.panel) return;
    if (this.fetching) {
      this.fetchAgain = true;
      return;
    }
    const client = this.server.runningClient;
    if (!client) return;
    this.fetching = true;
    void sendRequest(client, StatisticsRequest, {})
      .then(
        (result) => {
          this.result = result;
          this.post();
        },
        (error: unknown) => this.output.warn(`statistics: ${messageOf(error)}`),
      )
      .finally(() => {
        this.fetching = false;
        if (this.fetchAgain) {
          this.fetchAgain = false;
          this.fetch();
        }
      });
  }

  private post(): void {
    if (!this.panel || !this.ready || !this.result) return;
    const message: StatisticsPanelMessage = { type: 'update', html: statisticsContent(this.result, this.locale) };
    void this.panel.webview.postMessage(message);
  }
}
