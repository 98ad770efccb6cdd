// What is new since the last report: each gateway's figures now against those the last nightly run left in its
// tags (nat-optimizer:analyzed-at, monthly-cost, monthly-savings, findings), read before they are overwritten.

import type { Tags } from '../model';
import { ANALYSIS_TAGS } from '../tag-keys';
import type { AnalysisResult, GatewayAnalysis, GatewayChange, ReportChanges } from './analysis-result';

/** A cost or saving moves the report only when it changes by at least this share… */
export const SIGNIFICANT_CHANGE_SHARE = 0.1;
/** …and by at least this many USD a month. */
export const SIGNIFICANT_CHANGE_USD = 5;

export interface PreviousFigures {
  analyzedAt: string;
  monthlyCost: number;
  monthlySavings: number;
  findings: string[];
}

const AMOUNT = /^-?\d+(\.\d+)?$/;

/** The figures an earlier run left on a gateway, or undefined when they are missing or malformed. */
export function readPreviousFigures(tags: Tags): PreviousFigures | undefined {
  const analyzedAt = tags[ANALYSIS_TAGS.analyzedAt];
  const cost = tags[ANALYSIS_TAGS.monthlyCost];
  const savings = tags[ANALYSIS_TAGS.monthlySavings];
  const findings = tags[ANALYSIS_TAGS.findings];
  if (analyzedAt === undefined || Number.isNaN(Date.parse(analyzedAt))) return undefined;
  if (cost === undefined || savings === undefined || !AMOUNT.test(cost) || !AMOUNT.test(savings))
    return undefined;
  const codes = (findings ?? '').split(' ').filter((code) => code !== '' && code !== 'none');
  return { analyzedAt, monthlyCost: Number(cost), monthlySavings: Number(savings), findings: codes };
}

/** The saving the nightly run writes as nat-optimizer:monthly-savings: every finding's estimate, summed. */
export function taggedSavings(gateway: GatewayAnalysis): number {
  return gateway.findings.reduce((total, f) => total + (f.estimatedMonthlySavings ?? 0), 0);
}

function significant(before: number, after: number): boolean {
  const delta = Math.abs(after - before);
  return delta >= SIGNIFICANT_CHANGE_USD && delta >= SIGNIFICANT_CHANGE_SHARE * Math.max(before, after);
}

function changeOf(gateway: GatewayAnalysis, previous: PreviousFigures | undefined): GatewayChange {
  const codes = [...new Set(gateway.findings.map((f) => f.code))];
  const before = new Set(previous?.findings ?? []);
  const after = new Set<string>(codes);
  return {
    natGatewayId: gateway.natGatewayId,
    name: gateway.name,
    isNew: previous === undefined,
    newFindings: previous === undefined ? [] : codes.filter((c) => !before.has(c)),
    resolvedFindings: [...before].filter((c) => !after.has(c)),
    monthlyCost: { before: previous?.monthlyCost ?? null, after: gateway.projectedMonthlyCost },
    monthlySavings: { before: previous?.monthlySavings ?? null, after: taggedSavings(gateway) },
  };
}

function matters(change: GatewayChange): boolean {
  const { monthlyCost: cost, monthlySavings: savings } = change;
  return (
    change.isNew ||
    change.newFindings.length > 0 ||
    change.resolvedFindings.length > 0 ||
    (cost.before !== null && significant(cost.before, cost.after)) ||
    (savings.before !== null && significant(savings.before, savings.after))
  );
}

/** Compares the run with the figures of the previous one; `previous` is keyed by gateway id. */
export function changesSinceLastReport(
  result: AnalysisResult,
  previous: ReadonlyMap<string, PreviousFigures>,
): ReportChanges {
  const compared = result.natGateways.filter((g) => previous.has(g.natGatewayId));
  const latest = Math.max(...[...previous.values()].map((p) => Date.parse(p.analyzedAt)));
  const changes = result.natGateways.map((g) => changeOf(g, previous.get(g.natGatewayId)));
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  const comparedChanges = changes.filter((c) => !c.isNew);
  return {
    previousAt: previous.size === 0 ? null : new Date(latest).toISOString(),
    comparedGateways: compared.length,
    gateways: previous.size === 0 ? [] : changes.filter(matters),
    totals: {
      monthlyCost: {
        before: sum(comparedChanges.map((c) => c.monthlyCost.before ?? 0)),
        after: sum(comparedChanges.map((c) => c.monthlyCost.after)),
      },
      monthlySavings: {
        before: sum(comparedChanges.map((c) => c.monthlySavings.before ?? 0)),
        after: sum(comparedChanges.map((c) => c.monthlySavings.after)),
      },
    },
  };
}
