// The analysis as an SNS email: an ASCII subject line and a plain-text body bounded in size.

import type { AnalysisResult, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { formatTags, TAG_GUIDE, tagSuggestions } from './analysis-actions';
import {
  findingCodes,
  findingCount,
  findingsBySaving,
  gatewayLabel,
  gatewaySavings,
  gatewaysByCost,
  priceSourceLabel,
  type RankedFinding,
  savingOf,
} from './analysis-summary';
import { formatCount, formatGib, formatPrice, formatUsd, formatUsdWhole, plural } from './format-numbers';
import { formatWindow } from './format-time';
import { snsSubject } from './sns-subject';
import { EMAIL_LINE_WIDTH, singleLine, truncate, wrapText } from './text-table';
import { zoneLabel, zoneSplitLines } from './zone-split';

export interface AnalysisEmail {
  subject: string;
  body: string;
}

/** SNS message limit (256 KB); the body is built to stay far below it whatever the number of gateways. */
export const SNS_MESSAGE_MAX_BYTES = 256 * 1024;
export const EMAIL_TOP_FINDINGS = 10;
export const EMAIL_TOP_GATEWAYS = 50;
export const EMAIL_TOP_SUGGESTIONS = 20;
export const EMAIL_TOP_WARNINGS = 20;
const NAME_CHARS = 40;
const MESSAGE_CHARS = 600;
const WARNING_CHARS = 300;

function name(gateway: GatewayAnalysis): string {
  const label = truncate(gatewayLabel(gateway), NAME_CHARS);
  return label === gateway.natGatewayId ? label : `${label} (${gateway.natGatewayId})`;
}

function indented(text: string, indent: string): string[] {
  return wrapText(text, EMAIL_LINE_WIDTH - indent.length).map((line) => `${indent}${line}`);
}

/** "  - text" with continuation lines under the text. */
function bullet(text: string): string[] {
  return indented(text, '    ').map((line, i) => (i === 0 ? `  - ${line.trimStart()}` : line));
}

function more(count: number, what: string): string[] {
  return count > 0
    ? [`  ... and ${formatCount(count)} more ${what}; run "nat-optimizer analyze" for all.`]
    : [];
}

function summary(result: AnalysisResult): string[] {
  const { prices, totals } = result;
  return [
    `NAT gateway report for ${singleLine(result.region)}`,
    `Window: ${formatWindow(result.window)}`,
    '',
    `  Could be saved:      ${formatUsd(totals.estimatedMonthlySavings)}/month (${plural(findingCount(result), 'finding')})`,
    `  Projected cost:      ${formatUsd(totals.projectedMonthlyCost)}/month for ${plural(result.natGateways.length, 'NAT gateway')}`,
    `  Cost in the window:  ${formatUsd(totals.cost)}`,
    `  Prices:              ${formatPrice(prices.natGatewayHourly)}/h and ${formatPrice(prices.natGatewayPerGb)}/GB processed (${priceSourceLabel(prices)})`,
  ];
}

function topFindings(ranked: RankedFinding[]): string[] {
  const withSaving = ranked.filter((r) => savingOf(r.finding) > 0);
  if (withSaving.length === 0) return [];
  const lines = withSaving
    .slice(0, EMAIL_TOP_FINDINGS)
    .flatMap(({ gateway, finding }, i) => [
      `${i + 1}. ${formatUsd(savingOf(finding))}/month  ${finding.code} [${finding.severity}]  ${name(gateway)}`,
      ...indented(truncate(singleLine(finding.message), MESSAGE_CHARS), '   '),
    ]);
  return [
    'TOP FINDINGS BY SAVING',
    '',
    ...lines,
    ...more(withSaving.length - EMAIL_TOP_FINDINGS, 'findings with a saving'),
  ];
}

function gatewayLines(result: AnalysisResult): string[] {
  const gateways = gatewaysByCost(result);
  const lines = gateways.slice(0, EMAIL_TOP_GATEWAYS).flatMap((g) => {
    const savings = gatewaySavings(g);
    const codes = findingCodes(g);
    const figures = `${formatUsd(g.projectedMonthlyCost)}/month projected, ${formatGib(g.processedBytes)} GiB processed`;
    const findings = `${codes.join(', ')}${savings > 0 ? ` (save up to ${formatUsd(savings)}/month)` : ''}`;
    return [
      `- ${name(g)}, ${singleLine(zoneLabel(g))}, ${singleLine(g.state)}`,
      ...indented(figures, '    '),
      ...(codes.length > 0 ? indented(findings, '    ') : []),
    ];
  });
  const title =
    gateways.length > EMAIL_TOP_GATEWAYS ? `GATEWAYS (the ${EMAIL_TOP_GATEWAYS} most expensive)` : 'GATEWAYS';
  return [title, '', ...lines, ...more(gateways.length - EMAIL_TOP_GATEWAYS, 'gateways')];
}

function howToAct(result: AnalysisResult): string[] {
  const suggestions = tagSuggestions(result);
  const proposed = suggestions
    .slice(0, EMAIL_TOP_SUGGESTIONS)
    .flatMap((s) => [
      ...bullet(`${name(s.gateway)}, save ${formatUsd(s.estimatedMonthlySavings)}/month:`),
      ...s.tags.map((tag) => `    ${formatTags([tag])}`),
      ...(s.command === null ? [] : [`    ${s.command}`]),
    ]);
  const guide = TAG_GUIDE.flatMap((t) => [`  ${t.key}=${t.example}`, ...indented(t.meaning, '      ')]);
  return [
    'HOW TO ACT',
    '',
    ...(proposed.length > 0
      ? [
          ...indented('Proposed schedules: set the tags and the scheduler parks the gateway off-hours.', ''),
          ...proposed,
        ]
      : []),
    ...more(suggestions.length - EMAIL_TOP_SUGGESTIONS, 'proposed schedules'),
    ...(proposed.length > 0 ? [''] : []),
    'The optimizer acts only on gateways tagged with:',
    ...guide,
    '',
    ...indented(
      'Gateway endpoints, idle and unrouted gateways need a change to the network itself: see each finding.',
      '',
    ),
  ];
}

function warnings(result: AnalysisResult): string[] {
  if (result.warnings.length === 0) return [];
  const lines = result.warnings
    .slice(0, EMAIL_TOP_WARNINGS)
    .flatMap((w) => bullet(truncate(singleLine(w), WARNING_CHARS)));
  return ['WARNINGS', '', ...lines, ...more(result.warnings.length - EMAIL_TOP_WARNINGS, 'warnings')];
}

/** Subject like "NAT report us-east-1: $1,234/mo, save ~$456/mo (7 findings)" and a plain-text body. */
export function renderAnalysisEmail(result: AnalysisResult): AnalysisEmail {
  const findings = findingCount(result);
  const subject = snsSubject(
    `NAT report ${result.region}: ${formatUsdWhole(result.totals.projectedMonthlyCost)}/mo, ` +
      `save ~${formatUsdWhole(result.totals.estimatedMonthlySavings)}/mo (${plural(findings, 'finding')})`,
  );
  const sections = [summary(result)];
  if (result.natGateways.length > 0) {
    sections.push(
      topFindings(findingsBySaving(result)),
      gatewayLines(result),
      zoneSplitLines(result),
      howToAct(result),
    );
  } else {
    sections.push([`No NAT gateways in ${singleLine(result.region)} during the window.`]);
  }
  sections.push(warnings(result));
  const body = sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  return { subject, body: `${body}\n` };
}
