// Hourly processed traffic per gateway as inline SVG small multiples, one panel per gateway, UTC time axis.

import type { AnalysisResult, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { HOUR_MS, HOURS_PER_DAY } from '../domain/time-units';
import { displayName } from './analysis-summary';
import { coord, formatTick, niceAxis } from './chart-scale';
import { bytesToGib, formatBytes, formatCount } from './format-numbers';
import { formatDayLabel, formatHourLabel } from './format-time';
import { escapeHtml } from './html-escape';
import { zoneLabel } from './zone-split';

/** Panels beyond this are summarised in a note: a page with thousands of charts helps nobody. */
export const MAX_TRAFFIC_PANELS = 12;
const MAX_POINTS = 720;
const WIDTH = 480;
const HEIGHT = 170;
const LEFT = 50;
const RIGHT = 14;
const TOP = 30;
const BOTTOM = 28;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const Y_INTERVALS = 3;
// Room for a day label at the phone size of the axis text (see html-styles).
const MIN_LABEL_GAP_PX = 90;
const TICK_HOURS = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720] as const;
const DAY_GRID_MAX_DAYS = 62;
const SATURDAY = 6;
const SUNDAY = 0;

interface TimeAxis {
  startMs: number;
  hours: number;
  x: (hourOffset: number) => number;
}

/** Mean of consecutive buckets so a long window still draws at most MAX_POINTS points. */
function downsample(values: number[]): Array<{ hour: number; value: number }> {
  const group = Math.max(1, Math.ceil(values.length / MAX_POINTS));
  const points: Array<{ hour: number; value: number }> = [];
  for (let i = 0; i < values.length; i += group) {
    const slice = values.slice(i, i + group);
    points.push({ hour: i + slice.length / 2, value: slice.reduce((a, b) => a + b, 0) / slice.length });
  }
  return points;
}

function timeGrid(axis: TimeAxis): string {
  if (Number.isNaN(axis.startMs)) return '';
  const parts: string[] = [];
  const firstMidnight = Math.ceil(axis.startMs / (HOURS_PER_DAY * HOUR_MS)) * HOURS_PER_DAY * HOUR_MS;
  const endMs = axis.startMs + axis.hours * HOUR_MS;
  const dayMs = HOURS_PER_DAY * HOUR_MS;
  for (
    let ms = firstMidnight - dayMs;
    ms < endMs && axis.hours <= DAY_GRID_MAX_DAYS * HOURS_PER_DAY;
    ms += dayMs
  ) {
    const from = Math.max(ms, axis.startMs);
    const to = Math.min(ms + dayMs, endMs);
    const weekday = new Date(ms).getUTCDay();
    const x0 = axis.x((from - axis.startMs) / HOUR_MS);
    const x1 = axis.x((to - axis.startMs) / HOUR_MS);
    if ((weekday === SATURDAY || weekday === SUNDAY) && to > from) {
      parts.push(
        `<rect class="weekend" x="${coord(x0)}" y="${TOP}" width="${coord(x1 - x0)}" height="${PLOT_H}"/>`,
      );
    }
    if (ms >= axis.startMs)
      parts.push(`<line class="day" x1="${coord(x0)}" x2="${coord(x0)}" y1="${TOP}" y2="${TOP + PLOT_H}"/>`);
  }
  return parts.join('');
}

function timeLabels(axis: TimeAxis): string {
  const pxPerHour = PLOT_W / axis.hours;
  const interval = TICK_HOURS.find((h) => h * pxPerHour >= MIN_LABEL_GAP_PX) ?? axis.hours;
  const intervalMs = interval * HOUR_MS;
  const labels: string[] = [];
  const known = !Number.isNaN(axis.startMs);
  // Multi-day steps count from the first midnight of the window, shorter ones from midnights too.
  const alignMs = Math.min(intervalMs, HOURS_PER_DAY * HOUR_MS);
  const first = known ? Math.ceil(axis.startMs / alignMs) * alignMs : 0;
  const endMs = known ? axis.startMs + axis.hours * HOUR_MS : axis.hours * HOUR_MS;
  for (let ms = first; ms <= endMs; ms += intervalMs) {
    const offset = (ms - (known ? axis.startMs : 0)) / HOUR_MS;
    const x = axis.x(offset);
    if (x > WIDTH - RIGHT - MIN_LABEL_GAP_PX / 2) break;
    const date = new Date(ms);
    const text = !known
      ? `+${offset} h`
      : interval >= HOURS_PER_DAY || date.getUTCHours() === 0
        ? formatDayLabel(date)
        : formatHourLabel(date);
    labels.push(
      `<line class="tick" x1="${coord(x)}" x2="${coord(x)}" y1="${TOP + PLOT_H}" y2="${TOP + PLOT_H + 4}"/>`,
    );
    labels.push(`<text class="x-label" x="${coord(x)}" y="${HEIGHT - 6}">${escapeHtml(text)}</text>`);
  }
  return labels.join('');
}

function renderPanel(gateway: GatewayAnalysis, axis: TimeAxis): string {
  const gib = gateway.hourlyProcessedBytes.map(bytesToGib);
  const peak = Math.max(0, ...gib);
  const mean = gib.length > 0 ? gib.reduce((a, b) => a + b, 0) / gib.length : 0;
  const y = niceAxis(peak, Y_INTERVALS);
  const yOf = (v: number): number => TOP + PLOT_H - (v / y.max) * PLOT_H;
  const grid = y.ticks
    .map((t) => {
      const py = coord(yOf(t));
      return `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${py}" y2="${py}"/><text class="y-label" x="${LEFT - 6}" y="${py}">${formatTick(t)}</text>`;
    })
    .join('');
  const points = downsample(gib).map((p) => `${coord(axis.x(p.hour))},${coord(yOf(p.value))}`);
  const base = coord(TOP + PLOT_H);
  const area =
    points.length > 0
      ? `${coord(LEFT)},${base} ${points.join(' ')} ${coord(axis.x(gib.length))},${base}`
      : '';
  const empty =
    peak === 0
      ? `<text class="empty" x="${LEFT + PLOT_W / 2}" y="${TOP + PLOT_H / 2}">No traffic in the window</text>`
      : '';
  const label = displayName(gateway) || gateway.natGatewayId;
  const name = displayName(gateway);
  return `<figure class="panel">
<figcaption>${name === '' ? '' : `<strong>${escapeHtml(name)}</strong> `}<code>${escapeHtml(gateway.natGatewayId)}</code> <span class="muted">${escapeHtml(zoneLabel(gateway))}</span><br><span class="muted">${formatBytes(gateway.processedBytes)} in the window · mean ${formatTick(mean)} GiB/h · peak ${formatTick(peak)} GiB/h</span></figcaption>
<svg class="chart traffic" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(`Hourly processed traffic of ${label}`)}">
<title>${escapeHtml(`Hourly processed traffic of ${label} (GiB per hour, UTC)`)}</title>
${timeGrid(axis)}${grid}<text class="unit" x="4" y="13">GiB/h</text>
<polygon class="traffic-area" points="${area}"/>
<polyline class="traffic-line" data-gateway="${escapeHtml(gateway.natGatewayId)}" points="${points.join(' ')}"/>
${empty}${timeLabels(axis)}
</svg>
</figure>`;
}

/** Small multiples, busiest gateway first; each panel has its own GiB/h scale. */
export function renderTrafficChart(result: AnalysisResult): string {
  const gateways = [...result.natGateways].sort(
    (a, b) => b.processedBytes - a.processedBytes || a.natGatewayId.localeCompare(b.natGatewayId),
  );
  const shown = gateways.slice(0, MAX_TRAFFIC_PANELS);
  const hours = Math.max(1, result.window.hours, ...shown.map((g) => g.hourlyProcessedBytes.length));
  const axis: TimeAxis = {
    startMs: Date.parse(result.window.start),
    hours,
    x: (offset) => LEFT + (offset / hours) * PLOT_W,
  };
  const hidden = gateways.length - shown.length;
  const note =
    hidden > 0
      ? `<p class="note">The ${formatCount(hidden)} gateways with the least traffic are not charted; all are in the table below.</p>`
      : '';
  return `<div class="multiples">${shown.map((g) => renderPanel(g, axis)).join('\n')}</div>${note}`;
}
