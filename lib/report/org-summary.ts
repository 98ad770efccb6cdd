// Views of an organisation report that every renderer shares: gateways across targets, failures, labels.
import type { OrgGateway, OrgReport, TargetResult } from '../domain/organization/org-result';
import type { OrgJob } from '../domain/organization/org-targets';

export interface PlacedGateway {
  accountId: string;
  region: string;
  gateway: OrgGateway;
}

export const JOB_TITLES: Record<OrgJob, string> = {
  analyze: 'NAT gateway analysis',
  schedule: 'NAT gateway off-hours run',
  alert: 'NAT gateway cost alerts',
};

/** What each money column means for the job: the analysis window, or the alert's day. */
export const MONEY_LABELS: Record<OrgJob, { cost: string; projected: string; savings: string }> = {
  analyze: { cost: 'Cost (window)', projected: 'Projected /month', savings: 'Savings /month' },
  schedule: { cost: 'Cost', projected: 'Projected /month', savings: 'Savings /month' },
  alert: { cost: 'Day cost', projected: 'Month-end projection', savings: 'Savings /month' },
};

/** Every gateway of the done targets with where it is, largest saving then largest cost first. */
export function placedGateways(report: OrgReport): PlacedGateway[] {
  return report.targets
    .flatMap((t) => t.natGateways.map((gateway) => ({ accountId: t.accountId, region: t.region, gateway })))
    .sort(
      (a, b) =>
        b.gateway.estimatedMonthlySavings - a.gateway.estimatedMonthlySavings ||
        b.gateway.projectedMonthlyCost - a.gateway.projectedMonthlyCost ||
        a.gateway.natGatewayId.localeCompare(b.gateway.natGatewayId),
    );
}

export function failures(report: OrgReport): Array<Extract<TargetResult, { status: 'failed' }>> {
  return report.targets.flatMap((t) => (t.status === 'failed' ? [t] : []));
}

export function accountCount(report: OrgReport): number {
  return new Set(report.targets.map((t) => t.accountId)).size;
}

export function gatewayCount(report: OrgReport): number {
  return report.targets.reduce((n, t) => n + t.natGateways.length, 0);
}

export function where(target: { accountId: string; region: string }): string {
  return `${target.accountId}/${target.region}`;
}
