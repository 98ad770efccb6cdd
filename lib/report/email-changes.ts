// "What changed since the last report" as a few plain-text lines for the email's first screen.

import type { GatewayChange, ReportChanges } from '../domain/analysis/analysis-result';
import { formatCount, formatUsd } from './format-numbers';
import { formatUtc } from './format-time';
import { singleLine, truncate, wrapText } from './text-table';

/** Gateways named per line before "and N more". */
const NAMED = 3;
const NAME_CHARS = 30;

function label(change: GatewayChange): string {
  const name = singleLine(change.name);
  return truncate(name === '' ? change.natGatewayId : name, NAME_CHARS);
}

/** "$1,200.00 -> $1,350.00 (+$150.00)" in ASCII. */
export function asciiMovement(before: number, after: number): string {
  const delta = after - before;
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '+/-';
  return `${formatUsd(before)} -> ${formatUsd(after)} (${sign}${formatUsd(Math.abs(delta))})`;
}

function named(title: string, items: string[], width: number): string[] {
  if (items.length === 0) return [];
  const rest = items.length > NAMED ? `, and ${formatCount(items.length - NAMED)} more` : '';
  return wrapText(`${title}: ${items.slice(0, NAMED).join('; ')}${rest}.`, width - 2).map(
    (l, i) => `${i === 0 ? '- ' : '  '}${l}`,
  );
}

export function emailChanges(changes: ReportChanges | undefined, width: number): string[] {
  if (!changes || changes.previousAt === null)
    return ['SINCE THE LAST REPORT', '- First report for these gateways: the next one says what changed.'];
  const { totals, gateways } = changes;
  const lines = [
    `SINCE THE LAST REPORT (${formatUtc(changes.previousAt)})`,
    `- Projected cost ${asciiMovement(totals.monthlyCost.before, totals.monthlyCost.after)}/month`,
    `- Savings ${asciiMovement(totals.monthlySavings.before, totals.monthlySavings.after)}/month`,
    ...named('New gateways', gateways.filter((g) => g.isNew).map(label), width),
    ...named(
      'New findings',
      gateways.filter((g) => g.newFindings.length > 0).map((g) => `${label(g)} ${g.newFindings.join(', ')}`),
      width,
    ),
    ...named(
      'Resolved',
      gateways
        .filter((g) => g.resolvedFindings.length > 0)
        .map((g) => `${label(g)} ${g.resolvedFindings.join(', ')}`),
      width,
    ),
  ];
  return gateways.length === 0
    ? [...lines, '- No new gateway or finding, no cost moved by 10% and $5/month.']
    : lines;
}
