// Bar charts: cost per gateway (window and projected month) and savings per gateway by finding code.
// Each row is HTML (name, value: real text at any width) around an inline SVG bar that stretches with its box.

import type { AnalysisResult, FindingCode, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { displayName, gatewaySavings, gatewaysByCost, gatewaysBySavings, savingOf } from './analysis-summary';
import { coord, formatUsdTick, niceAxis } from './chart-scale';
import { formatCount, formatUsd } from './format-numbers';
import { formatWindowLength } from './format-time';
import { escapeHtml } from './html-escape';
import { truncate } from './text-table';

/** Gateways beyond this are summed up in a note under the chart. */
export const MAX_BAR_ROWS = 15;
/** The bar's own coordinate system: the axis maximum is this wide; the SVG stretches it to its box. */
const SPAN = 1000;
const X_INTERVALS = 4;
const NAME_CHARS = 40;
const SINGLE_H = 18;
const PAIR_BAR_H = 13;
const PAIR_GAP = 4;

/** Okabe–Ito based: distinguishable with the common colour-vision deficiencies, readable when printed. */
export const FINDING_COLORS: Record<FindingCode, string> = {
  IDLE: '#D55E00',
  UNROUTED: '#CC79A7',
  OFF_HOURS_CANDIDATE: '#0072B2',
  GATEWAY_ENDPOINT_S3: '#009E73',
  GATEWAY_ENDPOINT_DYNAMODB: '#56B4E9',
  CROSS_AZ: '#E69F00',
  PORT_ALLOCATION_ERRORS: '#7F3C8D',
  PACKET_DROPS: '#994F00',
  SINGLE_AZ: '#6B7280',
  MALFORMED_TAG: '#A6761D',
  REGIONAL_IDLE_AZ: '#1B9E77',
  REGIONAL_UNCOVERED_AZ: '#E7298A',
  REGIONAL_CANDIDATE: '#4B6FA5',
  ZONAL_CANDIDATE: '#8C6D31',
};

interface Axis {
  /** Axis value → bar units (0…SPAN). */
  scale: (v: number) => number;
  ticks: number[];
  max: number;
}

function axisFor(max: number): Axis {
  const axis = niceAxis(max, X_INTERVALS);
  return { scale: (v) => (Math.max(0, v) / axis.max) * SPAN, ticks: axis.ticks, max: axis.max };
}

function gridLines(axis: Axis, height: number): string {
  return axis.ticks
    .map((t) => {
      const x = coord(axis.scale(t));
      return `<line class="grid" x1="${x}" x2="${x}" y1="0" y2="${height}"/>`;
    })
    .join('');
}

function nameCell(gateway: GatewayAnalysis): string {
  const name = displayName(gateway);
  const id = escapeHtml(gateway.natGatewayId);
  if (name === '') return `<div class="bar-name"><code>${id}</code></div>`;
  return `<div class="bar-name">${escapeHtml(truncate(name, NAME_CHARS))}<small>${id}</small></div>`;
}

function axisRow(axis: Axis): string {
  const ticks = axis.ticks
    .map((t) => `<span style="left:${coord((t / axis.max) * 100)}%">${escapeHtml(formatUsdTick(t))}</span>`)
    .join('');
  return `<div class="bar-axis" aria-hidden="true"><div class="spacer"></div><div class="ticks">${ticks}</div><div class="spacer"></div></div>`;
}

function barSvg(kind: 'single' | 'pair', height: number, label: string, body: string): string {
  return `<svg class="chart bars ${kind}" viewBox="0 0 ${SPAN} ${height}" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">${body}</svg>`;
}

function legend(items: Array<{ label: string; color: string }>): string {
  const entries = items.map(
    (item) =>
      `<span class="legend-item"><span class="swatch" style="background:${item.color}"></span>${escapeHtml(item.label)}</span>`,
  );
  return `<div class="legend">${entries.join('')}</div>`;
}

function restNote(hidden: GatewayAnalysis[], what: string, amount: number): string {
  if (hidden.length === 0) return '';
  return `<p class="note">${formatCount(hidden.length)} more gateways not drawn, together ${escapeHtml(formatUsd(amount))}${what}.</p>`;
}

/** Cost in the window and projected monthly cost per gateway: bar pairs, most expensive first. */
export function renderCostChart(result: AnalysisResult): string {
  const gateways = gatewaysByCost(result);
  const shown = gateways.slice(0, MAX_BAR_ROWS);
  const axis = axisFor(Math.max(0, ...shown.flatMap((g) => [g.cost.total, g.projectedMonthlyCost])));
  const windowLabel = `Cost in the window (${formatWindowLength(result.window.hours)})`;
  const height = PAIR_BAR_H * 2 + PAIR_GAP;
  const rows = shown.map((g) => {
    const bars = [
      { cls: 'bar-window', value: g.cost.total, y: 0, label: windowLabel },
      {
        cls: 'bar-month',
        value: g.projectedMonthlyCost,
        y: PAIR_BAR_H + PAIR_GAP,
        label: 'Projected per month',
      },
    ];
    const rects = bars
      .map(
        (b) =>
          `<rect class="${b.cls}" x="0" y="${b.y}" width="${coord(axis.scale(b.value))}" height="${PAIR_BAR_H}"><title>${escapeHtml(`${b.label}: ${formatUsd(b.value)}`)}</title></rect>`,
      )
      .join('');
    const label = `${displayName(g) || g.natGatewayId}: ${formatUsd(g.cost.total)} in the window, ${formatUsd(g.projectedMonthlyCost)} per month`;
    const values = bars.map((b) => `<div>${escapeHtml(formatUsd(b.value))}</div>`).join('');
    return `<div class="bar-row">${nameCell(g)}${barSvg('pair', height, label, gridLines(axis, height) + rects)}<div class="bar-value">${values}</div></div>`;
  });
  const hidden = gateways.slice(MAX_BAR_ROWS);
  const hiddenMonthly = hidden.reduce((a, g) => a + g.projectedMonthlyCost, 0);
  return `${legend([
    { label: windowLabel, color: 'var(--window)' },
    { label: 'Projected per month (730 h)', color: 'var(--month)' },
  ])}
<div class="bar-chart cost" role="group" aria-label="Cost per NAT gateway">${rows.join('\n')}${axisRow(axis)}</div>${restNote(hidden, ' per month projected', hiddenMonthly)}`;
}

/** Estimated monthly savings per gateway, one stacked segment per finding code, largest first. */
export function renderSavingsChart(result: AnalysisResult): string {
  const gateways = gatewaysBySavings(result).filter((g) => gatewaySavings(g) > 0);
  if (gateways.length === 0) return '<p class="note">No finding comes with a saving estimate.</p>';
  const shown = gateways.slice(0, MAX_BAR_ROWS);
  const axis = axisFor(Math.max(...shown.map(gatewaySavings)));
  const codes = new Set<FindingCode>();
  const rows = shown.map((g) => {
    const byCode = new Map<FindingCode, number>();
    for (const f of g.findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + savingOf(f));
    let x = 0;
    const segments = [...byCode]
      .filter(([, amount]) => amount > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([code, amount]) => {
        codes.add(code);
        const w = axis.scale(amount);
        const rect = `<rect class="segment" x="${coord(x)}" y="0" width="${coord(w)}" height="${SINGLE_H}" fill="${FINDING_COLORS[code]}"><title>${code}: ${escapeHtml(formatUsd(amount))}/month</title></rect>`;
        x += w;
        return rect;
      });
    const total = formatUsd(gatewaySavings(g));
    const label = `${displayName(g) || g.natGatewayId}: ${total} per month`;
    return `<div class="bar-row">${nameCell(g)}${barSvg('single', SINGLE_H, label, gridLines(axis, SINGLE_H) + segments.join(''))}<div class="bar-value">${escapeHtml(total)}</div></div>`;
  });
  const hidden = gateways.slice(MAX_BAR_ROWS);
  const hiddenSavings = hidden.reduce((a, g) => a + gatewaySavings(g), 0);
  return `${legend([...codes].map((code) => ({ label: code, color: FINDING_COLORS[code] })))}
<div class="bar-chart savings" role="group" aria-label="Estimated monthly savings per NAT gateway by finding">${rows.join('\n')}${axisRow(axis)}</div>${restNote(hidden, ' per month of savings', hiddenSavings)}`;
}
