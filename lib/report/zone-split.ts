// Regional NAT gateways in the reports: the AZ column's label, and each gateway's cost split per AZ (every AZ it is
// configured in is billed each hour; its bytes are the sum of its AZ series).

import type { AnalysisResult, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { gatewayLabel } from './analysis-summary';
import { formatGib, formatUsd, plural } from './format-numbers';
import { escapeHtml } from './html-escape';
import { renderTextTable, singleLine } from './text-table';

/** What the AZ column shows: a zonal gateway's AZ, or `regional (3 AZs)`. */
export function zoneLabel(gateway: GatewayAnalysis): string {
  if (gateway.availabilityMode !== 'regional') return gateway.availabilityZone;
  return `regional (${plural(gateway.availabilityZones?.length ?? 0, 'AZ')})`;
}

function regionalGateways(result: AnalysisResult): GatewayAnalysis[] {
  return result.natGateways.filter((g) => g.availabilityMode === 'regional');
}

function summaryLine(gateway: GatewayAnalysis): string {
  const zones = gateway.availabilityZones?.length ?? 0;
  const mode = gateway.regionalMode === 'automatic' ? 'automatic mode' : 'manual mode';
  const hours = `${gateway.billedHours} h × ${plural(zones, 'AZ')} = ${gateway.billedZoneHours ?? 0} AZ-hours`;
  const unknown = gateway.metricsUnreadable ? `; traffic unknown: ${gateway.metricsUnreadable}` : '';
  return `${singleLine(gatewayLabel(gateway))} (${gateway.natGatewayId}), ${mode}: ${hours}${unknown}`;
}

function rows(gateway: GatewayAnalysis): string[][] {
  return (gateway.perAvailabilityZone ?? []).map((zone) => [
    zone.availabilityZone,
    formatGib(zone.processedBytes),
    formatUsd(zone.cost.hourly),
    formatUsd(zone.cost.dataProcessing),
    formatUsd(zone.cost.total),
  ]);
}

const HEADERS = ['AZ', 'Processed GiB', 'Hourly', 'Data', 'Total'];

/** Terminal: one small table per regional gateway; empty when the run has none. */
export function zoneSplitText(result: AnalysisResult): string[] {
  const gateways = regionalGateways(result);
  if (gateways.length === 0) return [];
  const blocks = gateways.map((g) =>
    [
      summaryLine(g),
      renderTextTable(HEADERS, rows(g), { align: ['left', 'right', 'right', 'right', 'right'] }),
    ].join('\n'),
  );
  return ['Regional gateways: cost per AZ', '', blocks.join('\n\n')];
}

/** Markdown: a heading and one table per regional gateway. */
export function zoneSplitMarkdown(result: AnalysisResult, escapeText: (text: string) => string): string[] {
  const gateways = regionalGateways(result);
  if (gateways.length === 0) return [];
  return [
    '## Regional gateways: cost per AZ',
    '',
    ...gateways.flatMap((g) => [
      escapeText(summaryLine(g)),
      '',
      `| ${HEADERS.join(' | ')} |`,
      '|---|---:|---:|---:|---:|',
      ...rows(g).map((cells) => `| ${cells.map(escapeText).join(' | ')} |`),
      '',
    ]),
  ];
}

/** HTML: a table per regional gateway (the caller wraps it in a section). */
export function zoneSplitHtml(result: AnalysisResult): string {
  return regionalGateways(result)
    .map(
      (g) =>
        `<p>${escapeHtml(summaryLine(g))}</p><table><thead><tr>${HEADERS.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows(
          g,
        )
          .map(
            ([zone, ...numbers]) =>
              `<tr><td>${escapeHtml(zone ?? '')}</td>${numbers.map((n) => `<td class="num">${escapeHtml(n)}</td>`).join('')}</tr>`,
          )
          .join('')}</tbody></table>`,
    )
    .join('\n');
}

/** Email: one line per AZ. */
export function zoneSplitLines(result: AnalysisResult): string[] {
  const gateways = regionalGateways(result);
  if (gateways.length === 0) return [];
  return [
    'Regional gateways, cost per AZ:',
    ...gateways.flatMap((g) => [
      `- ${summaryLine(g)}`,
      ...rows(g).map(
        ([zone, gib, hourly, data, total]) =>
          `  ${zone}: ${gib} GiB, ${hourly} hourly + ${data} data = ${total}`,
      ),
    ]),
  ];
}
