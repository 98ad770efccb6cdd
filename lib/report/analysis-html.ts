// The analysis as one self-contained HTML page: totals up top, inline SVG charts, findings, tags to set, table.

import type {
  AnalysisResult,
  Finding,
  FindingCode,
  GatewayAnalysis,
} from '../domain/analysis/analysis-result';
import { formatTags, proposedTags, TAG_GUIDE, tagSuggestions } from './analysis-actions';
import {
  displayName,
  findingCodes,
  findingCount,
  gatewaySavings,
  gatewaysByCost,
  gatewaysBySavings,
  priceSourceLabel,
  SEVERITIES,
  severityCounts,
  sortFindings,
  totalProcessedBytes,
} from './analysis-summary';
import { formatBytes, formatCount, formatGib, formatPrice, formatUsd, plural } from './format-numbers';
import { formatUtc, formatWindow, formatWindowLength } from './format-time';
import { FINDING_COLORS, renderCostChart, renderSavingsChart } from './html-charts';
import { escapeHtml } from './html-escape';
import { REPORT_CSS } from './html-styles';
import { renderTrafficChart } from './html-traffic-chart';
import { zoneLabel, zoneSplitHtml } from './zone-split';

export interface AnalysisHtmlOptions {
  title?: string;
  /** Sections appended after the report; `html` is inserted as given (the caller's own markup), `title` is escaped. */
  extraSections?: Array<{ title: string; html: string }>;
}

const e = escapeHtml;

function chip(code: FindingCode): string {
  return `<span class="chip" style="border-left-color:${FINDING_COLORS[code]}">${code}</span>`;
}

function kpi(kind: string, label: string, value: string, sub: string): string {
  return `<div class="kpi ${kind}"><div class="label">${label}</div><div class="value">${value}</div><div class="sub">${sub}</div></div>`;
}

function renderKpis(result: AnalysisResult): string {
  const counts = severityCounts(result);
  const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const findings = findingCount(result);
  const savings = result.totals.estimatedMonthlySavings;
  const { prices } = result;
  return `<section class="kpis">
${kpi('save', 'Could be saved', `${e(formatUsd(savings))}<small>/month</small>`, findings > 0 ? `${plural(findings, 'finding')}: ${bySeverity.join(', ')}` : 'no findings')}
${kpi('', 'Projected cost', `${e(formatUsd(result.totals.projectedMonthlyCost))}<small>/month</small>`, `${plural(result.natGateways.length, 'NAT gateway')}, at the window's rate`)}
${kpi('', 'Cost in the window', e(formatUsd(result.totals.cost)), `${e(formatWindowLength(result.window.hours))}, ${e(formatBytes(totalProcessedBytes(result)))} processed`)}
${kpi('', 'Prices', `${e(formatPrice(prices.natGatewayHourly))}<small>/h</small>`, `+ ${e(formatPrice(prices.natGatewayPerGb))}/GB processed (${e(priceSourceLabel(prices))})`)}
</section>`;
}

function renderFinding(finding: Finding): string {
  const saving = finding.estimatedMonthlySavings;
  const savingHtml =
    saving !== null && saving > 0 ? `<span class="saving">save ${e(formatUsd(saving))}/month</span>` : '';
  const tags = proposedTags(finding);
  const tagHtml = tags.length > 0 ? `<p>Tag it: <code>${e(formatTags(tags))}</code></p>` : '';
  return `<li><span class="badge ${finding.severity}">${finding.severity}</span><span class="what">${chip(finding.code)}${savingHtml}</span><p>${e(finding.message)}</p>${tagHtml}</li>`;
}

function renderGatewayFindings(gateway: GatewayAnalysis): string {
  const name = displayName(gateway);
  const savings = gatewaySavings(gateway);
  return `<article class="gateway-findings"><header><h3>${e(name || gateway.natGatewayId)}</h3>${name === '' ? '' : `<code>${e(gateway.natGatewayId)}</code>`}<span class="muted">${e(zoneLabel(gateway))} · ${e(gateway.vpcId)} · ${e(formatUsd(gateway.projectedMonthlyCost))}/month</span>${savings > 0 ? `<span class="saving">up to ${e(formatUsd(savings))}/month</span>` : ''}</header>
<ul>${sortFindings(gateway.findings).map(renderFinding).join('')}</ul></article>`;
}

function renderActions(result: AnalysisResult): string {
  const commands = tagSuggestions(result).flatMap((s) => (s.command === null ? [] : [e(s.command)]));
  const suggested =
    commands.length > 0
      ? `<p class="intro">Gateways with a quiet pattern: set the proposed tags and the scheduler parks them outside these windows (the Elastic IP is kept).</p><pre class="commands">${commands.join('\n')}</pre>`
      : '<p class="intro">No schedule to propose from this window.</p>';
  const guide = TAG_GUIDE.map((t) => `<dt>${e(t.key)}=${e(t.example)}</dt><dd>${e(t.meaning)}</dd>`).join('');
  return `${suggested}<p class="intro">The optimizer acts only on gateways that carry these tags:</p><dl class="tags">${guide}</dl>`;
}

function renderGatewayTable(result: AnalysisResult): string {
  const rows = gatewaysByCost(result).map((g) => {
    const savings = gatewaySavings(g);
    return `<tr><td>${e(displayName(g) || '—')}</td><td><code>${e(g.natGatewayId)}</code></td><td>${e(g.vpcId)}</td><td>${e(zoneLabel(g))}</td><td>${e(g.state)}</td><td class="num">${formatGib(g.processedBytes)}</td><td class="num">${e(formatUsd(g.cost.total))}</td><td class="num">${e(formatUsd(g.projectedMonthlyCost))}</td><td class="num">${savings > 0 ? e(formatUsd(savings)) : ''}</td><td>${findingCodes(g).map(chip).join('')}</td></tr>`;
  });
  return `<div class="table-wrap"><table class="data">
<thead><tr><th>Name</th><th>ID</th><th>VPC</th><th>AZ</th><th>State</th><th class="num">Processed GiB</th><th class="num">Cost (${e(formatWindowLength(result.window.hours))})</th><th class="num">Projected /month</th><th class="num">Savings /month</th><th>Findings</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
<tfoot><tr><td colspan="5">Total (${formatCount(result.natGateways.length)} gateways)</td><td class="num">${formatGib(totalProcessedBytes(result))}</td><td class="num">${e(formatUsd(result.totals.cost))}</td><td class="num">${e(formatUsd(result.totals.projectedMonthlyCost))}</td><td class="num">${e(formatUsd(result.totals.estimatedMonthlySavings))}</td><td>${plural(findingCount(result), 'finding')}</td></tr></tfoot>
</table></div>`;
}

function section(id: string, title: string, intro: string, body: string): string {
  return `<section id="${id}"><h2>${e(title)}</h2>${intro === '' ? '' : `<p class="intro">${intro}</p>`}${body}</section>`;
}

/** One HTML file with everything inline (CSS, SVG); no script, no external URL; all text escaped. */
export function renderAnalysisHtml(result: AnalysisResult, options: AnalysisHtmlOptions = {}): string {
  const title = options.title ?? `NAT gateway report: ${result.region}`;
  const withFindings = gatewaysBySavings(result);
  const sections: string[] = [];
  if (result.warnings.length > 0) {
    sections.push(
      `<div class="warnings"><strong>Warnings</strong><ul>${result.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></div>`,
    );
  }
  if (result.natGateways.length === 0) {
    sections.push(`<p class="intro">No NAT gateways in ${e(result.region)} during the window.</p>`);
  } else {
    const savingsIntro =
      "Sum of each gateway's finding estimates, per month. Estimates on the same gateway can overlap (an idle gateway is also unrouted), so the headline total is the analysis total.";
    sections.push(
      section('savings', 'Savings by gateway', e(savingsIntro), renderSavingsChart(result)),
      section(
        'findings',
        'Findings',
        'Largest saving first.',
        withFindings.map(renderGatewayFindings).join('\n') || '<p>No findings.</p>',
      ),
      section('actions', 'How to act', '', renderActions(result)),
      section(
        'costs',
        'Cost per gateway',
        "Billed hours and data processing; the month is the window's rate over 730 hours.",
        renderCostChart(result),
      ),
      section(
        'traffic',
        'Hourly traffic',
        'Processed bytes (in from sources and from destinations) per hour. Times in UTC, weekends shaded; each panel has its own scale.',
        renderTrafficChart(result),
      ),
      section('gateways', 'All gateways', 'Most expensive first.', renderGatewayTable(result)),
    );
    const split = zoneSplitHtml(result);
    if (split !== '')
      sections.push(
        section('zones', 'Regional gateways: cost per AZ', 'Every configured AZ is billed each hour.', split),
      );
  }
  for (const [index, extra] of (options.extraSections ?? []).entries()) {
    sections.push(section(`extra-${index + 1}`, extra.title, '', extra.html));
  }
  const nav = ['savings', 'findings', 'actions', 'costs', 'traffic', 'gateways'];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${e(title)}</h1>
<p class="meta">${e(formatWindow(result.window))} · generated ${e(formatUtc(result.generatedAt))}</p>
${result.natGateways.length > 0 ? `<nav>${nav.map((id) => `<a href="#${id}">${id === 'actions' ? 'how to act' : id}</a>`).join('')}</nav>` : ''}
</header>
${renderKpis(result)}
${sections.join('\n')}
<footer>nat-optimizer analysis of ${e(result.region)}. Costs in USD; 1 GB = 2<sup>30</sup> bytes; a month is 730 hours.</footer>
</main>
</body>
</html>
`;
}
