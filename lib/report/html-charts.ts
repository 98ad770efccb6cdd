// Bar charts as inline SVG: cost per gateway (window and projected month) and savings per gateway by finding code.

import type { AnalysisResult, FindingCode, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { displayName, gatewaySavings, gatewaysByCost, gatewaysBySavings, savingOf } from './analysis-summary';
import { coord, formatUsdTick, niceAxis } from './chart-scale';
import { formatCount, formatUsd } from './format-numbers';
import { formatWindowLength } from './format-time';
import { escapeHtml } from './html-escape';
import { truncate } from './text-table';

/** Gateways beyond this are summed up in a note under the chart. */
export const MAX_BAR_ROWS = 15;
const WIDTH = 960;
const LABEL_W = 210;
const VALUE_W = 90;
const TOP = 8;
const AXIS_H = 22;
const PLOT_W = WIDTH - LABEL_W - VALUE_W;
const X_INTERVALS = 4;
const NAME_CHARS = 28;
const COST_ROW_H = 40;
const COST_BAR_H = 12;
const SAVINGS_ROW_H = 34;
const SAVINGS_BAR_H = 18;

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

function gatewayLabelSvg(gateway: GatewayAnalysis, y: number): string {
  const name = displayName(gateway);
  const id = escapeHtml(gateway.natGatewayId);
  if (name === '') return `<text class="bar-label" x="${LABEL_W - 10}" y="${coord(y + 4)}">${id}</text>`;
  return `<text class="bar-label" x="${LABEL_W - 10}" y="${coord(y - 2)}">${escapeHtml(truncate(name, NAME_CHARS))}</text><text class="bar-sublabel" x="${LABEL_W - 10}" y="${coord(y + 11)}">${id}</text>`;
}

function xAxis(max: number, height: number): { scale: (v: number) => number; svg: string } {
  const axis = niceAxis(max, X_INTERVALS);
  const scale = (v: number): number => (Math.max(0, v) / axis.max) * PLOT_W;
  const svg = axis.ticks
    .map((t) => {
      const x = coord(LABEL_W + scale(t));
      return `<line class="grid" x1="${x}" x2="${x}" y1="${TOP}" y2="${height - AXIS_H}"/><text class="x-label" x="${x}" y="${height - 6}">${formatUsdTick(t)}</text>`;
    })
    .join('');
  return { scale, svg };
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

/** Cost in the window and projected monthly cost per gateway: horizontal bar pairs, most expensive first. */
export function renderCostChart(result: AnalysisResult): string {
  const gateways = gatewaysByCost(result);
  const shown = gateways.slice(0, MAX_BAR_ROWS);
  const height = TOP + shown.length * COST_ROW_H + AXIS_H;
  const max = Math.max(0, ...shown.flatMap((g) => [g.cost.total, g.projectedMonthlyCost]));
  const axis = xAxis(max, height);
  const windowLabel = `Cost in the window (${formatWindowLength(result.window.hours)})`;
  const rows = shown.map((g, i) => {
    const mid = TOP + i * COST_ROW_H + COST_ROW_H / 2;
    const bars = [
      { cls: 'bar-window', value: g.cost.total, y: mid - COST_BAR_H - 1, label: windowLabel },
      { cls: 'bar-month', value: g.projectedMonthlyCost, y: mid + 1, label: 'Projected per month' },
    ];
    return (
      gatewayLabelSvg(g, mid) +
      bars
        .map((b) => {
          const w = axis.scale(b.value);
          const text = escapeHtml(formatUsd(b.value));
          return `<rect class="${b.cls}" x="${LABEL_W}" y="${coord(b.y)}" width="${coord(w)}" height="${COST_BAR_H}"><title>${escapeHtml(b.label)}: ${text}</title></rect><text class="bar-value" x="${coord(LABEL_W + w + 6)}" y="${coord(b.y + COST_BAR_H - 2)}">${text}</text>`;
        })
        .join('')
    );
  });
  const hidden = gateways.slice(MAX_BAR_ROWS);
  const hiddenMonthly = hidden.reduce((a, g) => a + g.projectedMonthlyCost, 0);
  return `${legend([
    { label: windowLabel, color: 'var(--window)' },
    { label: 'Projected per month (730 h)', color: 'var(--month)' },
  ])}
<svg class="chart bars" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Cost per NAT gateway">
${axis.svg}${rows.join('\n')}
</svg>${restNote(hidden, ' per month projected', hiddenMonthly)}`;
}

/** Estimated monthly savings per gateway, one stacked segment per finding code, largest first. */
export function renderSavingsChart(result: AnalysisResult): string {
  const gateways = gatewaysBySavings(result).filter((g) => gatewaySavings(g) > 0);
  if (gateways.length === 0) return '<p class="note">No finding comes with a saving estimate.</p>';
  const shown = gateways.slice(0, MAX_BAR_ROWS);
  const height = TOP + shown.length * SAVINGS_ROW_H + AXIS_H;
  const axis = xAxis(Math.max(...shown.map(gatewaySavings)), height);
  const codes = new Set<FindingCode>();
  const rows = shown.map((g, i) => {
    const mid = TOP + i * SAVINGS_ROW_H + SAVINGS_ROW_H / 2;
    const byCode = new Map<FindingCode, number>();
    for (const f of g.findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + savingOf(f));
    let x = LABEL_W;
    const segments = [...byCode]
      .filter(([, amount]) => amount > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([code, amount]) => {
        codes.add(code);
        const w = axis.scale(amount);
        const rect = `<rect class="segment" x="${coord(x)}" y="${coord(mid - SAVINGS_BAR_H / 2)}" width="${coord(w)}" height="${SAVINGS_BAR_H}" fill="${FINDING_COLORS[code]}"><title>${code}: ${escapeHtml(formatUsd(amount))}/month</title></rect>`;
        x += w;
        return rect;
      });
    const total = `<text class="bar-value" x="${coord(x + 6)}" y="${coord(mid + 4)}">${escapeHtml(formatUsd(gatewaySavings(g)))}</text>`;
    return gatewayLabelSvg(g, mid) + segments.join('') + total;
  });
  const hidden = gateways.slice(MAX_BAR_ROWS);
  const hiddenSavings = hidden.reduce((a, g) => a + gatewaySavings(g), 0);
  return `${legend([...codes].map((code) => ({ label: code, color: FINDING_COLORS[code] })))}
<svg class="chart bars" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Estimated monthly savings per NAT gateway by finding">
${axis.svg}${rows.join('\n')}
</svg>${restNote(hidden, ' per month of savings', hiddenSavings)}`;
}
