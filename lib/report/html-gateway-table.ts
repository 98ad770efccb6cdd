// Every gateway in one table that scrolls inside its own box (and becomes cards on a phone), with totals.

import type { AnalysisResult } from '../domain/analysis/analysis-result';
import {
  displayName,
  findingCodes,
  findingCount,
  gatewaySavings,
  gatewaysByCost,
  totalProcessedBytes,
} from './analysis-summary';
import { formatCount, formatGib, formatUsd, plural } from './format-numbers';
import { formatWindowLength } from './format-time';
import { escapeHtml as e } from './html-escape';
import { chip } from './html-gateway-cards';
import { zoneLabel } from './zone-split';

export function renderGatewayTable(result: AnalysisResult): string {
  const costLabel = `Cost (${formatWindowLength(result.window.hours)})`;
  const rows = gatewaysByCost(result).map((g) => {
    const savings = gatewaySavings(g);
    return `<tr><td data-label="Name">${e(displayName(g) || '—')}</td><td data-label="ID"><code>${e(g.natGatewayId)}</code></td><td data-label="VPC">${e(g.vpcId)}</td><td data-label="AZ">${e(zoneLabel(g))}</td><td data-label="State">${e(g.state)}</td><td class="num" data-label="Processed GiB">${formatGib(g.processedBytes)}</td><td class="num" data-label="${e(costLabel)}">${e(formatUsd(g.cost.total))}</td><td class="num" data-label="Projected /month">${e(formatUsd(g.projectedMonthlyCost))}</td><td class="num" data-label="Savings /month">${savings > 0 ? e(formatUsd(savings)) : ''}</td><td class="codes" data-label="Findings">${findingCodes(g).map(chip).join('')}</td></tr>`;
  });
  return `<div class="scroll-box"><table class="data cards all">
<thead><tr><th>Name</th><th>ID</th><th>VPC</th><th>AZ</th><th>State</th><th class="num">Processed GiB</th><th class="num">${e(costLabel)}</th><th class="num">Projected /month</th><th class="num">Savings /month</th><th>Findings</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
<tfoot><tr><td colspan="5">Total (${formatCount(result.natGateways.length)} gateways)</td><td class="num" data-label="Processed GiB">${formatGib(totalProcessedBytes(result))}</td><td class="num" data-label="${e(costLabel)}">${e(formatUsd(result.totals.cost))}</td><td class="num" data-label="Projected /month">${e(formatUsd(result.totals.projectedMonthlyCost))}</td><td class="num" data-label="Savings /month">${e(formatUsd(result.totals.estimatedMonthlySavings))}</td><td>${plural(findingCount(result), 'finding')}</td></tr></tfoot>
</table></div>`;
}
