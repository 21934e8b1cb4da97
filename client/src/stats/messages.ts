/**
 * Messages between the statistics page's script (`media/stats/stats.js`) and its panel, typed
 * both ways; the panel checks each message from the page field by field before it acts.
 */
import { CHART_IDS, type ChartId } from '../../../server/src/core/stats/charts';

/** Webview -> extension. */
export type StatisticsPageMessage =
  /** The script has started (again, after the webview was hidden and shown). */
  | { type: 'ready' }
  /** The page shows content: how many charts (drawn) and tables it holds, read from its DOM. */
  | { type: 'rendered'; charts: number; tables: number }
  /** An export button: save this chart as SVG or its table as CSV. */
  | { type: 'export'; chart: ChartId; format: 'svg' | 'csv' };

/** Extension -> webview: new content (`statisticsContent`'s HTML). */
export type StatisticsPanelMessage = { type: 'update'; html: string };

/** A message from the page, checked; undefined when it is not one of ours. */
export function parseStatisticsMessage(data: unknown): StatisticsPageMessage | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      return Number.isInteger(m.charts) && Number.isInteger(m.tables)
        ? { type: 'rendered', charts: m.charts as number, tables: m.tables as number }
        : undefined;
    case 'export':
      return (CHART_IDS as readonly unknown[]).includes(m.chart) && (m.format === 'svg' || m.format === 'csv')
        ? { type: 'export', chart: m.chart as ChartId, format: m.format }
        : undefined;
    default:
      return undefined;
  }
}
