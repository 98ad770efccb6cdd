// "New since the last report": what moved between the previous nightly run (its figures in tags) and this one.

import type { GatewayChange, ReportChanges } from '../domain/analysis/analysis-result';
import { formatCount, formatUsd, plural } from './format-numbers';
import { formatUtc } from './format-time';
import { escapeHtml as e } from './html-escape';
import { singleLine } from './text-table';

/** Items per list; the rest are counted. */
export const MAX_CHANGE_ITEMS = 10;

function label(change: GatewayChange): string {
  const name = singleLine(change.name);
  return name === '' || name === change.natGatewayId
    ? change.natGatewayId
    : `${name} (${change.natGatewayId})`;
}

/** "$1,200.00 → $1,350.00 (+$150.00)", marked up or down. */
export function movement(before: number, after: number): string {
  const delta = after - before;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const cls = delta > 0 ? 'up' : delta < 0 ? 'down' : '';
  return `${e(formatUsd(before))} → ${e(formatUsd(after))} <span class="${cls}">(${sign}${e(formatUsd(Math.abs(delta)))})</span>`;
}

function list(title: string, items: string[]): string {
  if (items.length === 0) return '';
  const more =
    items.length > MAX_CHANGE_ITEMS
      ? `<li>… and ${formatCount(items.length - MAX_CHANGE_ITEMS)} more</li>`
      : '';
  return `<p><strong>${e(title)}</strong></p><ul class="plain">${items
    .slice(0, MAX_CHANGE_ITEMS)
    .map((item) => `<li>${item}</li>`)
    .join('')}${more}</ul>`;
}

export function renderChanges(changes: ReportChanges | undefined): string {
  if (!changes || changes.previousAt === null) {
    return '<div class="changes"><p>This is the first report for these gateways: the next nightly report lists what changed since this one.</p></div>';
  }
  const { totals, gateways } = changes;
  const newGateways = gateways.filter((g) => g.isNew).map((g) => e(label(g)));
  const newFindings = gateways
    .filter((g) => g.newFindings.length > 0)
    .map((g) => `${e(label(g))}: ${g.newFindings.map(e).join(', ')}`);
  const resolved = gateways
    .filter((g) => g.resolvedFindings.length > 0)
    .map((g) => `${e(label(g))}: ${g.resolvedFindings.map(e).join(', ')}`);
  const moved = gateways
    .filter((g) => !g.isNew && g.monthlyCost.before !== null && g.monthlyCost.before !== g.monthlyCost.after)
    .sort(
      (a, b) =>
        Math.abs(b.monthlyCost.after - (b.monthlyCost.before ?? 0)) -
        Math.abs(a.monthlyCost.after - (a.monthlyCost.before ?? 0)),
    )
    .map((g) => `${e(label(g))}: ${movement(g.monthlyCost.before ?? 0, g.monthlyCost.after)}/month`);
  const nothing =
    gateways.length === 0
      ? '<p>Nothing changed that matters: no new gateway or finding, no cost moved by 10% and $5/month.</p>'
      : '';
  return `<div class="changes">
<p>Compared with the report of ${e(formatUtc(changes.previousAt))} (${plural(changes.comparedGateways, 'gateway')} in both):</p>
<ul class="plain"><li>Projected cost ${movement(totals.monthlyCost.before, totals.monthlyCost.after)}/month</li><li>Estimated savings ${movement(totals.monthlySavings.before, totals.monthlySavings.after)}/month</li></ul>
${nothing}${list('New gateways', newGateways)}${list('New findings', newFindings)}${list('Resolved findings', resolved)}${list('Cost moved', moved)}
</div>`;
}
