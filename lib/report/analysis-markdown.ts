// The analysis as GitHub-flavoured Markdown: summary, gateway table, findings, tags to set, warnings.

import type { AnalysisResult, Finding, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { formatTags } from './analysis-actions';
import { caveatReference, type ReportCaveats, reportCaveats } from './analysis-caveats';
import { type AnalysisFocus, focusGateways, restSentence } from './analysis-focus';
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
import { findingAction, runActions } from './finding-actions';
import { formatCount, formatGib, formatPrice, formatUsd, plural } from './format-numbers';
import { formatUtc, formatWindow, formatWindowLength } from './format-time';
import { singleLine } from './text-table';
import { zoneLabel, zoneSplitMarkdown } from './zone-split';

const MARKDOWN_SPECIAL = /[\\`*_[\]|#~]/g;

/** User text inside Markdown (and table cells): one line, Markdown syntax and HTML neutralised. */
export function escapeMarkdown(text: string): string {
  return singleLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** A code span that survives inside a table cell. */
function code(text: string): string {
  return `\`${singleLine(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function renderSummary(result: AnalysisResult): string[] {
  const counts = severityCounts(result);
  const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const total = findingCount(result);
  const savings = result.totals.estimatedMonthlySavings;
  const headline = savings > 0 ? `**${formatUsd(savings)}/month could be saved**` : '**No saving found**';
  const { prices } = result;
  return [
    `# NAT gateway analysis: ${escapeMarkdown(result.region)}`,
    '',
    total > 0 ? `${headline} (${plural(total, 'finding')}: ${bySeverity.join(', ')}).` : `${headline}.`,
    '',
    `- **Projected cost:** ${formatUsd(result.totals.projectedMonthlyCost)}/month for ${plural(result.natGateways.length, 'NAT gateway')}`,
    `- **Cost in the window:** ${formatUsd(result.totals.cost)} (${formatGib(totalProcessedBytes(result))} GiB processed)`,
    `- **Window:** ${formatWindow(result.window)}`,
    `- **Prices:** ${formatPrice(prices.natGatewayHourly)}/h per gateway, ${formatPrice(prices.natGatewayPerGb)}/GB processed (${priceSourceLabel(prices)})`,
    `- **Generated:** ${formatUtc(result.generatedAt)}`,
  ];
}

function renderGatewayTable(result: AnalysisResult, gateways: GatewayAnalysis[]): string[] {
  const header = row([
    'Gateway',
    'ID',
    'AZ',
    'State',
    'Processed GiB',
    `Cost (${formatWindowLength(result.window.hours)})`,
    'Projected / month',
    'Savings / month',
    'Findings',
  ]);
  const rows = gateways.map((g) => {
    const savings = gatewaySavings(g);
    return row([
      escapeMarkdown(displayName(g)) || '—',
      code(g.natGatewayId),
      escapeMarkdown(zoneLabel(g)),
      escapeMarkdown(g.state),
      formatGib(g.processedBytes),
      formatUsd(g.cost.total),
      formatUsd(g.projectedMonthlyCost),
      savings > 0 ? formatUsd(savings) : '',
      findingCodes(g).map(code).join(' '),
    ]);
  });
  const totals = row([
    `**Total (${formatCount(result.natGateways.length)})**`,
    '',
    '',
    '',
    `**${formatGib(totalProcessedBytes(result))}**`,
    `**${formatUsd(result.totals.cost)}**`,
    `**${formatUsd(result.totals.projectedMonthlyCost)}**`,
    `**${formatUsd(result.totals.estimatedMonthlySavings)}**`,
    `**${plural(findingCount(result), 'finding')}**`,
  ]);
  return ['## Gateways', '', header, '|---|---|---|---|---:|---:|---:|---:|---|', ...rows, totals];
}

function renderFinding(
  region: string,
  gateway: GatewayAnalysis,
  finding: Finding,
  caveats: ReportCaveats,
): string[] {
  const saving = finding.estimatedMonthlySavings;
  const savingText = saving !== null && saving > 0 ? `, save **${formatUsd(saving)}/month**` : '';
  const reference = caveatReference(caveats.numbers(finding.caveats));
  const lines = [
    `- **${finding.severity.toUpperCase()}** ${code(finding.code)}${savingText}: ${escapeMarkdown(finding.message)}${reference === '' ? '' : ` (${reference})`}`,
  ];
  const action = findingAction(region, gateway, finding);
  if (action && action.tags.length > 0) lines.push(`  Tag it: ${code(formatTags(action.tags))}`);
  for (const command of action?.commands ?? []) lines.push(`  Run: ${code(command)}`);
  return lines;
}

function renderGatewayFindings(region: string, gateway: GatewayAnalysis, caveats: ReportCaveats): string[] {
  const name = escapeMarkdown(displayName(gateway));
  const where = `${code(gateway.natGatewayId)}, ${escapeMarkdown(zoneLabel(gateway))}`;
  const title = name === '' ? where : `${name} (${where})`;
  const savings = gatewaySavings(gateway);
  return [
    `### ${title}${savings > 0 ? `: up to ${formatUsd(savings)}/month` : ''}`,
    '',
    ...sortFindings(gateway.findings).flatMap((f) => renderFinding(region, gateway, f, caveats)),
  ];
}

function renderActions(result: AnalysisResult, listed: ReadonlySet<GatewayAnalysis>): string[] {
  const actions = runActions(result).filter((a) => a.gateways.some((g) => listed.has(g)));
  if (actions.length === 0) return [];
  return [
    '## How to act',
    '',
    'Largest saving first; each command applies the findings above.',
    '',
    '```sh',
    ...actions.flatMap((a) => [
      `# ${singleLine(a.text)}${a.estimatedMonthlySavings > 0 ? `: save ${formatUsd(a.estimatedMonthlySavings)}/month` : ''}`,
      ...a.commands,
    ]),
    '```',
  ];
}

function renderCaveats(caveats: ReportCaveats): string[] {
  if (caveats.list.length === 0) return [];
  return ['## Notes', '', ...caveats.list.map((c) => `${c.number}. ${escapeMarkdown(c.text)}`)];
}

export interface AnalysisMarkdownOptions {
  /** Only these gateways in the table and the findings (--top, --min-saving); the totals cover all. */
  focus?: AnalysisFocus;
}

/** GitHub-flavoured Markdown of the analysis; every value from tags is escaped. */
export function renderAnalysisMarkdown(
  result: AnalysisResult,
  options: AnalysisMarkdownOptions = {},
): string {
  const sections = [renderSummary(result)];
  const { shown, rest } = focusGateways(result, options.focus);
  const listed = new Set(shown);
  if (result.natGateways.length > 0) {
    const table = renderGatewayTable(
      result,
      gatewaysByCost(result).filter((g) => listed.has(g)),
    );
    sections.push(
      rest.length > 0 ? [...table, '', `Not listed: ${escapeMarkdown(restSentence(rest))}`] : table,
    );
  }
  const withFindings = gatewaysBySavings(result).filter((g) => listed.has(g));
  const caveats = reportCaveats(withFindings);
  if (withFindings.length > 0) {
    sections.push([
      '## Findings',
      '',
      ...withFindings.flatMap((g) => [...renderGatewayFindings(result.region, g, caveats), '']),
    ]);
  }
  sections.push(
    zoneSplitMarkdown(result, escapeMarkdown),
    renderCaveats(caveats),
    renderActions(result, listed),
  );
  if (result.warnings.length > 0) {
    sections.push(['## Warnings', '', ...result.warnings.map((w) => `- ${escapeMarkdown(w)}`)]);
  }
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n').trimEnd())
    .join('\n\n')}\n`;
}
