// What acting on the findings saves per month: per gateway, and for the run. Some findings are alternatives to each
// other (fix the same cost two ways): only the larger of them counts.

import type { Finding, FindingCode, GatewayAnalysis } from './analysis-result';

const REMOVAL_CODES: ReadonlySet<FindingCode> = new Set(['IDLE', 'UNROUTED']);
/** On one regional gateway: drop its idle AZs, or replace it by one zonal gateway. */
const GATEWAY_ALTERNATIVES: readonly [FindingCode, FindingCode] = ['REGIONAL_IDLE_AZ', 'ZONAL_CANDIDATE'];
/** In one VPC: a zonal gateway per AZ (CROSS_AZ), or one regional gateway for all. */
const VPC_ALTERNATIVES: readonly [FindingCode, FindingCode] = ['CROSS_AZ', 'REGIONAL_CANDIDATE'];

function savingOf(findings: readonly Finding[], code: FindingCode): number {
  return findings
    .filter((f) => f.code === code)
    .reduce((sum, f) => sum + (f.estimatedMonthlySavings ?? 0), 0);
}

/** The gateway's findings less the smaller of two alternatives. */
export function withoutAlternatives(findings: readonly Finding[]): Finding[] {
  const [a, b] = GATEWAY_ALTERNATIVES;
  const drop = savingOf(findings, a) >= savingOf(findings, b) ? b : a;
  if (!findings.some((f) => f.code === a) || !findings.some((f) => f.code === b)) return [...findings];
  return findings.filter((f) => f.code !== drop);
}

/**
 * What acting on a gateway's findings saves per month. A gateway that can be deleted (IDLE, UNROUTED) saves
 * exactly that; otherwise the known savings of its findings add up (alternatives counted once).
 */
export function gatewaySavings(findings: readonly Finding[]): number {
  const removal = findings.find((f) => REMOVAL_CODES.has(f.code));
  if (removal) return removal.estimatedMonthlySavings ?? 0;
  return withoutAlternatives(findings).reduce((sum, f) => sum + (f.estimatedMonthlySavings ?? 0), 0);
}

/** The run's estimated savings: each gateway's, with a VPC's CROSS_AZ and REGIONAL_CANDIDATE counted as alternatives. */
export function totalSavings(gateways: readonly GatewayAnalysis[]): number {
  const [perZone, regional] = VPC_ALTERNATIVES;
  let total = 0;
  for (const vpcId of new Set(gateways.map((g) => g.vpcId))) {
    const inVpc = gateways.filter((g) => g.vpcId === vpcId);
    const all = inVpc.flatMap((g) => g.findings);
    const drop = savingOf(all, regional) > savingOf(all, perZone) ? perZone : regional;
    const counted = all.some((f) => f.code === regional) ? drop : undefined;
    for (const gateway of inVpc) total += gatewaySavings(gateway.findings.filter((f) => f.code !== counted));
  }
  return Math.round(total * 1e6) / 1e6;
}
