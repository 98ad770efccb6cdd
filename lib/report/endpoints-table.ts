// Terminal views of the gateway-endpoint plan and of the flow-log setup.

import type { EndpointsResult, FlowLogSetupResult } from '../domain/endpoints/endpoints-result';

import { formatUsd } from './format-numbers';
import { renderTextTable, wrapText } from './text-table';

const REASON_WIDTH = 60;
const WARNING_WIDTH = 100;

export function savingText(amount: number | null, unattributed: readonly string[] = []): string {
  if (amount === null) return 'unknown';
  const known = `${formatUsd(amount)}/month`;
  return unattributed.length > 0 ? `${known} + unknown (${unattributed.join(', ')})` : known;
}

function bullets(lines: readonly string[]): string[] {
  return lines.flatMap((line) =>
    wrapText(line, WARNING_WIDTH).map((part, i) => `${i === 0 ? '- ' : '  '}${part}`),
  );
}

/** Gateways whose traffic the acting steps would move but whose S3/DynamoDB bytes are not attributed. */
export function unattributed(result: EndpointsResult): string[] {
  const acting = result.steps.filter((s) => s.action === 'create' || s.action === 'extend');
  return [...new Set(acting.flatMap((s) => s.unattributedNatGatewayIds))].sort();
}

export function renderEndpointsTable(result: EndpointsResult): string {
  const rows = result.steps.map((s) => [
    s.serviceName,
    s.action,
    s.result,
    s.vpcEndpointId ?? '-',
    s.routeTableIds.join('\n') || '-',
    s.action === 'none' ? '-' : savingText(s.estimatedMonthlySavings, s.unattributedNatGatewayIds),
    wrapText(s.error ? `${s.reason} — ${s.error}` : s.reason, REASON_WIDTH).join('\n'),
  ]);
  const mode = result.apply ? 'applied' : 'plan only (pass --apply to create)';
  return [
    `Gateway endpoints for ${result.vpcId} (${result.region}), ${mode}`,
    `NAT-routed route tables: ${result.natRouteTableIds.join(', ') || 'none'}`,
    '',
    renderTextTable(['Service', 'Action', 'Result', 'Endpoint', 'Route tables', 'Saving', 'Reason'], rows, {
      separateRows: true,
    }),
    '',
    `Expected saving: ${savingText(result.estimatedMonthlySavings, unattributed(result))} of NAT data processing ` +
      `(traffic of ${result.window.start} – ${result.window.end}); endpoint policy: ${result.policySource}.`,
    ...(result.warnings.length > 0 ? ['', 'Before and after:', ...bullets(result.warnings)] : []),
  ].join('\n');
}

export function renderFlowLogSetupTable(result: FlowLogSetupResult): string {
  const rows = result.gateways.map((g) => [
    g.natGatewayId,
    g.networkInterfaceId ?? (g.resourceType === 'RegionalNatGateway' ? 'the gateway (regional)' : '-'),
    g.action,
    g.result,
    wrapText(g.error ? `${g.reason} — ${g.error}` : g.reason, REASON_WIDTH).join('\n'),
  ]);
  const group = result.logGroup;
  return [
    `Flow logs into ${group.name} (retention ${group.retentionDays} days, log group ${group.result})`,
    `Record format: ${result.logFormat}`,
    '',
    rows.length > 0
      ? renderTextTable(['Gateway', 'Interface', 'Action', 'Result', 'Reason'], rows)
      : 'No available NAT gateway in scope.',
  ].join('\n');
}
