// Which gateways a report shows in full: largest saving first, cut by --min-saving and --top; the rest summed up.

import type { AnalysisResult, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { gatewaySavings, gatewaysByCost, gatewaysBySavings } from './analysis-summary';
import { formatCount, formatUsd, plural } from './format-numbers';

export interface AnalysisFocus {
  /** Show at most this many gateways in full. */
  top?: number;
  /** Show only gateways whose findings save at least this many USD a month. */
  minSaving?: number;
}

export interface FocusedGateways {
  /** In full, largest saving first (then the most severe, then the most expensive). */
  shown: GatewayAnalysis[];
  /** Everything else, summarised. */
  rest: GatewayAnalysis[];
}

export interface RestSummary {
  count: number;
  projectedMonthlyCost: number;
  savings: number;
  findings: number;
}

/** Every gateway, largest saving first: those with findings, then the others by cost. */
export function gatewaysBySavingThenCost(result: AnalysisResult): GatewayAnalysis[] {
  const withFindings = gatewaysBySavings(result);
  const listed = new Set(withFindings);
  return [...withFindings, ...gatewaysByCost(result).filter((g) => !listed.has(g))];
}

export function focusGateways(result: AnalysisResult, focus: AnalysisFocus = {}): FocusedGateways {
  const ranked = gatewaysBySavingThenCost(result);
  const minSaving = focus.minSaving ?? 0;
  const eligible = minSaving > 0 ? ranked.filter((g) => gatewaySavings(g) >= minSaving) : ranked;
  const shown = eligible.slice(0, focus.top ?? eligible.length);
  const kept = new Set(shown);
  return { shown, rest: ranked.filter((g) => !kept.has(g)) };
}

export function restSummary(rest: readonly GatewayAnalysis[]): RestSummary {
  return {
    count: rest.length,
    projectedMonthlyCost: rest.reduce((sum, g) => sum + g.projectedMonthlyCost, 0),
    savings: rest.reduce((sum, g) => sum + gatewaySavings(g), 0),
    findings: rest.reduce((sum, g) => sum + g.findings.length, 0),
  };
}

/** "1,993 more gateways: $12,345.00/month projected, $1,234.00/month of savings in 2,345 findings." */
export function restSentence(rest: readonly GatewayAnalysis[]): string {
  const summary = restSummary(rest);
  const savings =
    summary.findings > 0
      ? `, ${formatUsd(summary.savings)}/month of savings in ${plural(summary.findings, 'finding')}`
      : ', no findings';
  return `${formatCount(summary.count)} more ${summary.count === 1 ? 'gateway' : 'gateways'}: ${formatUsd(summary.projectedMonthlyCost)}/month projected${savings}.`;
}
