// The gateway-endpoint plan as Markdown (for tickets and pull requests).

import type { EndpointsResult } from '../domain/endpoints/endpoints-result';
import { savingText, unattributed } from './endpoints-table';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function renderEndpointsMarkdown(result: EndpointsResult): string {
  const rows = result.steps.map(
    (s) =>
      `| ${[
        s.serviceName,
        s.action,
        s.result,
        s.vpcEndpointId ?? '-',
        s.routeTableIds.join(', ') || '-',
        s.action === 'none' ? '-' : savingText(s.estimatedMonthlySavings, s.unattributedNatGatewayIds),
        s.error ? `${s.reason} — ${s.error}` : s.reason,
      ]
        .map(cell)
        .join(' | ')} |`,
  );
  return [
    `## Gateway endpoints for ${result.vpcId} (${result.region})`,
    '',
    result.apply ? 'Applied.' : 'Plan only: run with `--apply` to create.',
    '',
    '| Service | Action | Result | Endpoint | Route tables | Saving | Reason |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `**Expected saving:** ${savingText(result.estimatedMonthlySavings, unattributed(result))} of NAT data processing. ` +
      `Endpoint policy: ${result.policySource}.`,
    ...(result.warnings.length > 0 ? ['', ...result.warnings.map((w) => `- ${cell(w)}`)] : []),
    '',
  ].join('\n');
}
