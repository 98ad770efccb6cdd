// The gateways to act on first, in full (findings, caveat references, the command or tag that applies each),
// and the rest summarised in a table that scrolls inside its own box.

import type { Finding, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { formatTags } from './analysis-actions';
import { caveatReference, type ReportCaveats } from './analysis-caveats';
import { displayName, findingCodes, gatewaySavings, sortFindings } from './analysis-summary';
import { findingAction } from './finding-actions';
import { formatUsd } from './format-numbers';
import { FINDING_COLORS } from './html-charts';
import { escapeHtml as e } from './html-escape';
import { zoneLabel } from './zone-split';

export function chip(code: keyof typeof FINDING_COLORS): string {
  return `<span class="chip" style="border-left-color:${FINDING_COLORS[code]}">${code}</span>`;
}

function renderAction(region: string, gateway: GatewayAnalysis, finding: Finding): string {
  const action = findingAction(region, gateway, finding);
  if (!action) return '';
  const tags = action.tags.length > 0 ? ` <code>${e(formatTags(action.tags))}</code>` : '';
  const commands =
    action.commands.length > 0 ? `<pre class="commands">${action.commands.map(e).join('\n')}</pre>` : '';
  return `<div class="action"><strong>${e(action.text)}</strong>${tags}${commands}</div>`;
}

function renderFinding(
  region: string,
  gateway: GatewayAnalysis,
  finding: Finding,
  caveats: ReportCaveats,
): string {
  const saving = finding.estimatedMonthlySavings;
  const savingHtml =
    saving !== null && saving > 0 ? `<span class="saving">save ${e(formatUsd(saving))}/month</span>` : '';
  const reference = caveatReference(caveats.numbers(finding.caveats));
  const refHtml = reference === '' ? '' : ` <a class="ref" href="#notes">(${e(reference)})</a>`;
  return `<li><span class="badge ${finding.severity}">${finding.severity}</span><span class="what">${chip(finding.code)}${savingHtml}</span><p>${e(finding.message)}${refHtml}</p>${renderAction(region, gateway, finding)}</li>`;
}

/** One gateway in full: what it costs, what it could save, each finding with what applies it. */
export function renderGatewayCard(region: string, gateway: GatewayAnalysis, caveats: ReportCaveats): string {
  const name = displayName(gateway);
  const savings = gatewaySavings(gateway);
  return `<article class="gateway-findings"><header><h3>${e(name || gateway.natGatewayId)}</h3>${name === '' ? '' : `<code>${e(gateway.natGatewayId)}</code>`}<span class="muted">${e(zoneLabel(gateway))} · ${e(gateway.vpcId)} · ${e(formatUsd(gateway.projectedMonthlyCost))}/month</span>${savings > 0 ? `<span class="saving">up to ${e(formatUsd(savings))}/month</span>` : ''}</header>
<ul>${sortFindings(gateway.findings)
    .map((f) => renderFinding(region, gateway, f, caveats))
    .join('')}</ul></article>`;
}

/** The gateways not shown in full, one compact row each, largest saving first. */
export function renderRestTable(rest: readonly GatewayAnalysis[]): string {
  const rows = rest.map((g) => {
    const savings = gatewaySavings(g);
    return `<tr><td data-label="Gateway">${e(displayName(g) || '—')} <code>${e(g.natGatewayId)}</code></td><td data-label="AZ">${e(zoneLabel(g))}</td><td class="num" data-label="Saving /month">${savings > 0 ? e(formatUsd(savings)) : '—'}</td><td class="codes" data-label="Findings">${findingCodes(g).map(chip).join('') || '—'}</td></tr>`;
  });
  return `<div class="scroll-box"><table class="data cards rest">
<thead><tr><th>Gateway</th><th>AZ</th><th class="num">Saving /month</th><th>Findings</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}
