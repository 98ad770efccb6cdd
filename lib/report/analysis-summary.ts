// Views of an AnalysisResult that every renderer shares: orderings, per-gateway savings, labels.

import type {
  AnalysisResult,
  Finding,
  FindingCode,
  GatewayAnalysis,
  Severity,
} from '../domain/analysis/analysis-result';
import type { PriceSource, Prices } from '../domain/pricing/prices';
import { singleLine } from './text-table';

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

const PRICE_SOURCE_LABELS: Record<PriceSource, string> = {
  'built-in': 'built-in price table',
  override: 'price override from configuration',
  'price-list-api': 'AWS Price List API',
};

export interface RankedFinding {
  gateway: GatewayAnalysis;
  finding: Finding;
}

/** Where the prices came from; each price named when an override set only one of them. */
export function priceSourceLabel(prices: Pick<Prices, 'sources'>): string {
  const { natGatewayHourly, natGatewayPerGb } = prices.sources;
  if (natGatewayHourly === natGatewayPerGb) return PRICE_SOURCE_LABELS[natGatewayHourly];
  return `hourly: ${PRICE_SOURCE_LABELS[natGatewayHourly]}; per GB: ${PRICE_SOURCE_LABELS[natGatewayPerGb]}`;
}

/** The Name tag on one line, or '' when the gateway has none (the domain then repeats the id). */
export function displayName(gateway: GatewayAnalysis): string {
  const name = singleLine(gateway.name);
  return name === gateway.natGatewayId ? '' : name;
}

/** Name when there is one, otherwise the id. */
export function gatewayLabel(gateway: GatewayAnalysis): string {
  return displayName(gateway) || gateway.natGatewayId;
}

export function savingOf(finding: Finding): number {
  const saving = finding.estimatedMonthlySavings;
  return saving !== null && Number.isFinite(saving) && saving > 0 ? saving : 0;
}

/** Sum of the gateway's finding estimates; overlapping findings (IDLE and UNROUTED…) may count twice. */
export function gatewaySavings(gateway: GatewayAnalysis): number {
  return gateway.findings.reduce((sum, finding) => sum + savingOf(finding), 0);
}

function compareFindings(a: Finding, b: Finding): number {
  return savingOf(b) - savingOf(a) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

/** Largest saving first, then the most severe. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

function highestSeverityRank(gateway: GatewayAnalysis): number {
  return Math.min(SEVERITY_RANK.info + 1, ...gateway.findings.map((f) => SEVERITY_RANK[f.severity]));
}

/** Most expensive first (projected monthly cost), ties by id so output is stable. */
export function gatewaysByCost(result: AnalysisResult): GatewayAnalysis[] {
  return [...result.natGateways].sort(
    (a, b) => b.projectedMonthlyCost - a.projectedMonthlyCost || a.natGatewayId.localeCompare(b.natGatewayId),
  );
}

/** Gateways with findings: largest saving first, then the most severe, then the most expensive. */
export function gatewaysBySavings(result: AnalysisResult): GatewayAnalysis[] {
  return gatewaysByCost(result)
    .filter((g) => g.findings.length > 0)
    .sort((a, b) => gatewaySavings(b) - gatewaySavings(a) || highestSeverityRank(a) - highestSeverityRank(b));
}

/** Every finding of the run, largest saving first. */
export function findingsBySaving(result: AnalysisResult): RankedFinding[] {
  return gatewaysByCost(result)
    .flatMap((gateway) => gateway.findings.map((finding) => ({ gateway, finding })))
    .sort((a, b) => compareFindings(a.finding, b.finding));
}

export function findingCount(result: AnalysisResult): number {
  return result.natGateways.reduce((sum, g) => sum + g.findings.length, 0);
}

export function severityCounts(result: AnalysisResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  for (const gateway of result.natGateways) {
    for (const finding of gateway.findings) counts[finding.severity] += 1;
  }
  return counts;
}

export function totalProcessedBytes(result: AnalysisResult): number {
  return result.natGateways.reduce((sum, g) => sum + g.processedBytes, 0);
}

/** Codes of a gateway's findings, most valuable first, each once. */
export function findingCodes(gateway: GatewayAnalysis): FindingCode[] {
  return [...new Set(sortFindings(gateway.findings).map((f) => f.code))];
}
