/**
 * Bar charts as plain SVG text: a column chart (one value per column, for a time axis) and a
 * horizontal bar chart (one row per label, stacked series). Pure and deterministic: the same data
 * give the same bytes, so the charts are snapshot-tested, and no library or script draws them.
 *
 * Colours are CSS classes (`sp-bar`, `sp-series-N`, `sp-axis`, `sp-grid`, `sp-label`); the
 * statistics page maps them to VS Code's theme variables. A standalone chart (the SVG export)
 * carries a `<style>` with the same classes and fixed colours, readable on white. Every text that
 * comes from the posts is XML-escaped; nothing in a chart is a script, a link or a style attribute.
 */

/** One row or column: its label and its values (one per series, stacked). */
export interface ChartDatum {
  label: string;
  values: number[];
  /** Shown on hover (`<title>`); defaults to the label and the total. */
  tooltip?: string;
}

/** What a chart shows. */
export interface ChartSpec {
  /** Unique on the page: prefixes the ids inside the SVG. */
  id: string;
  title: string;
  /** One name per series (the legend); one series draws no legend. */
  series: string[];
  data: ChartDatum[];
  /** Draw the whole SVG standalone: with its own `<style>` and a background. */
  standalone?: boolean;
}

/** Colours of a standalone chart (the export), for a white background. */
const STANDALONE_STYLE = [
  'svg{font-family:"Segoe UI","Helvetica Neue",Arial,"Apple SD Gothic Neo","Malgun Gothic","NanumGothic",sans-serif;font-size:12px}',
  '.sp-background{fill:#ffffff}',
  '.sp-label,.sp-title,.sp-value{fill:#1f1f1f}',
  '.sp-title{font-size:14px;font-weight:600}',
  '.sp-axis{stroke:#6e6e6e;stroke-width:1}',
  '.sp-grid{stroke:#e0e0e0;stroke-width:1}',
  '.sp-series-0{fill:#1a85ff}',
  '.sp-series-1{fill:#e9a700}',
  '.sp-series-2{fill:#388a34}',
  '.sp-series-3{fill:#d18616}',
  '.sp-series-4{fill:#652d90}',
  '.sp-series-5{fill:#e51400}',
  '.sp-series-6{fill:#0e7c86}',
  '.sp-series-7{fill:#8a8a8a}',
].join('');

/** Series colours there are (`sp-series-0` ... `sp-series-7`); more series reuse them. */
export const SERIES_COLOURS = 8;

const FONT_PX = 12;

/** `text` escaped for XML text and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** About how wide `text` is at the chart's font size: wide (Hangul, CJK) characters count double. */
export function textWidth(text: string): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (
      (code >= 0x1100 && code <= 0x11ff) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xff60)
    )
      em += 1;
    else if (/[A-Z@%MW]/.test(char)) em += 0.68;
    else if (/[il.,:;'|!]/.test(char)) em += 0.3;
    else em += 0.56;
  }
  return Math.ceil(em * FONT_PX);
}

/** `text` cut to about `maxPx` wide, with an ellipsis when cut. */
export function fitText(text: string, maxPx: number): string {
  if (textWidth(text) <= maxPx) return text;
  let out = '';
  for (const char of text) {
    if (textWidth(out + char + '…') > maxPx) break;
    out += char;
  }
  return out.trimEnd() + '…';
}

/** Round numbers for an axis from 0 to at least `max`: about five steps of 1, 2 or 5 times a power of ten. */
export function axisTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}

const num = (n: number) => String(Math.round(n * 10) / 10);
const total = (d: ChartDatum) => d.values.reduce((a, b) => a + b, 0);

function open(spec: ChartSpec, width: number, height: number): string {
  const titleId = `${spec.id}-title`;
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="sp-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${escapeXml(titleId)}">`;
  const style = spec.standalone
    ? `<style>${STANDALONE_STYLE}</style><rect class="sp-background" width="${width}" height="${height}"/>`
    : '';
  return `${head}${style}<title id="${escapeXml(titleId)}">${escapeXml(spec.title)}</title>`;
}

function legend(spec: ChartSpec, x: number, y: number): string {
  if (spec.series.length < 2) return '';
  let out = `<g class="sp-legend">`;
  let at = x;
  spec.series.forEach((name, i) => {
    out += `<rect class="sp-series-${i % SERIES_COLOURS}" x="${at}" y="${y - 9}" width="10" height="10"/>`;
    out += `<text class="sp-label" x="${at + 14}" y="${y}">${escapeXml(name)}</text>`;
    at += 14 + textWidth(name) + 14;
  });
  return out + '</g>';
}

/**
 * The title (drawn in a standalone chart only: on the page the section's heading says it) and the
 * legend; {@link headHeight} is their height.
 */
function head(spec: ChartSpec): string {
  const title = spec.standalone ? `<text class="sp-title" x="0" y="16">${escapeXml(spec.title)}</text>` : '';
  return title + legend(spec, 0, (spec.standalone ? 32 : 0) + 12);
}

function headHeight(spec: ChartSpec): number {
  return (spec.standalone ? 32 : 8) + (spec.series.length > 1 ? 22 : 0);
}

/** Width of the legend line. */
function legendWidth(spec: ChartSpec): number {
  return spec.series.length < 2 ? 0 : spec.series.reduce((w, name) => w + 28 + textWidth(name), 0);
}

/**
 * A column chart: one column per datum, left to right, values stacked; the labels under the
 * columns, turned when they are many (and, past 40 columns, only every few).
 */
export function columnChartSvg(spec: ChartSpec): string {
  const columns = spec.data.length;
  const step = columns > 80 ? 8 : columns > 40 ? 14 : 28;
  const barWidth = Math.max(4, Math.round(step * 0.7));
  const max = Math.max(0, ...spec.data.map(total));
  const ticks = axisTicks(max);
  const top = max > 0 ? ticks[ticks.length - 1]! : 1;
  const left = 16 + textWidth(String(top));
  const labelEvery = Math.max(1, Math.ceil(18 / step));
  const labelRoom = Math.min(120, Math.max(...spec.data.map((d) => textWidth(d.label)), 0) * 0.72 + 12);
  const plotHeight = 180;
  const plotTop = headHeight(spec);
  const width = Math.max(320, left + columns * step + 24, legendWidth(spec) + 16);
  const height = Math.round(plotTop + plotHeight + labelRoom + 8);
  const y = (value: number) => plotTop + plotHeight - (value / top) * plotHeight;

  let out = open(spec, width, height);
  out += head(spec);
  for (const tick of ticks) {
    out += `<line class="sp-grid" x1="${left}" x2="${width - 8}" y1="${num(y(tick))}" y2="${num(y(tick))}"/>`;
    out += `<text class="sp-label" x="${left - 6}" y="${num(y(tick) + 4)}" text-anchor="end">${tick}</text>`;
  }
  spec.data.forEach((datum, i) => {
    const x = left + i * step + (step - barWidth) / 2;
    let base = 0;
    datum.values.forEach((value, s) => {
      if (value <= 0) return;
      out += `<rect class="sp-bar sp-series-${s % SERIES_COLOURS}" x="${num(x)}" y="${num(y(base + value))}" width="${barWidth}" height="${num(y(base) - y(base + value))}">`;
      out += `<title>${escapeXml(datum.tooltip ?? `${datum.label}: ${total(datum)}`)}</title></rect>`;
      base += value;
    });
    if (i % labelEvery === 0) {
      const cx = x + barWidth / 2;
      const ly = plotTop + plotHeight + 12;
      out += `<text class="sp-label" x="${num(cx)}" y="${ly}" text-anchor="end" transform="rotate(-45 ${num(cx)} ${ly})">${escapeXml(fitText(datum.label, 160))}</text>`;
    }
  });
  out += `<line class="sp-axis" x1="${left}" x2="${width - 8}" y1="${num(y(0))}" y2="${num(y(0))}"/>`;
  return out + '</svg>';
}

/** A horizontal bar chart: one row per datum, top to bottom, values stacked, the total after the bar. */
export function barChartSvg(spec: ChartSpec): string {
  const rowHeight = 22;
  const labelWidth = Math.min(240, Math.max(40, ...spec.data.map((d) => textWidth(d.label))));
  const max = Math.max(0, ...spec.data.map(total));
  const ticks = axisTicks(max);
  const top = max > 0 ? ticks[ticks.length - 1]! : 1;
  const left = labelWidth + 12;
  const plotWidth = 320;
  const plotTop = headHeight(spec);
  const width = Math.max(left + plotWidth + 48, legendWidth(spec) + 16);
  const height = plotTop + spec.data.length * rowHeight + 24;
  const x = (value: number) => left + (value / top) * plotWidth;

  let out = open(spec, width, height);
  out += head(spec);
  const bottom = plotTop + spec.data.length * rowHeight;
  for (const tick of ticks) {
    out += `<line class="sp-grid" x1="${num(x(tick))}" x2="${num(x(tick))}" y1="${plotTop}" y2="${bottom}"/>`;
    out += `<text class="sp-label" x="${num(x(tick))}" y="${bottom + 16}" text-anchor="middle">${tick}</text>`;
  }
  spec.data.forEach((datum, i) => {
    const rowY = plotTop + i * rowHeight;
    out += `<text class="sp-label" x="${labelWidth}" y="${rowY + 15}" text-anchor="end">${escapeXml(fitText(datum.label, labelWidth))}<title>${escapeXml(datum.label)}</title></text>`;
    let base = 0;
    datum.values.forEach((value, s) => {
      if (value <= 0) return;
      out += `<rect class="sp-bar sp-series-${s % SERIES_COLOURS}" x="${num(x(base))}" y="${rowY + 4}" width="${num(x(base + value) - x(base))}" height="${rowHeight - 8}">`;
      out += `<title>${escapeXml(datum.tooltip ?? `${datum.label}: ${total(datum)}`)}</title></rect>`;
      base += value;
    });
    out += `<text class="sp-value" x="${num(x(base) + 4)}" y="${rowY + 15}">${total(datum)}</text>`;
  });
  out += `<line class="sp-axis" x1="${left}" x2="${left}" y1="${plotTop}" y2="${bottom}"/>`;
  return out + '</svg>';
}
