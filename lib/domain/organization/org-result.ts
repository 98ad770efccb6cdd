// What an organisation run reports (Contract 3, `org …`): one entry per account/region, the organisation's totals,
// roll-ups per account and per region, and how many targets failed.
import { roundMoney } from '../pricing/cost-model';
import { compareTargets, type OrgJob, type OrgTarget, targetKey } from './org-targets';

export interface OrgTotals {
  cost: number;
  projectedMonthlyCost: number;
  estimatedMonthlySavings: number;
}

export const ZERO_TOTALS: OrgTotals = { cost: 0, projectedMonthlyCost: 0, estimatedMonthlySavings: 0 };

/** One gateway of a target: the analysis figures (analyze), the action (schedule) or the day (alert). */
export interface OrgGateway {
  natGatewayId: string;
  name: string;
  state: string;
  cost: number;
  projectedMonthlyCost: number;
  estimatedMonthlySavings: number;
  /** analyze: finding codes. */
  findings?: string[];
  /** schedule: what the scheduler did and why. */
  action?: string;
  result?: string;
  reason?: string;
}

/** One alert of an `org alert` run, already worded by the target's own alert job. */
export interface OrgAlert {
  natGatewayId: string | null;
  kind: string;
  severity: string;
  cost: number;
  excess: number;
  subject: string;
  message: string;
}

/** Tags the alert job writes once the organisation's message is out, so no alert is sent twice. */
export interface OrgTagWrite {
  resourceIds: string[];
  tags: Record<string, string>;
}

export interface DoneTarget extends OrgTarget {
  status: 'done';
  natGateways: OrgGateway[];
  totals: OrgTotals;
  /** Job figures that are not money (parked, unparked, alerts…). */
  summary: Record<string, number>;
  warnings: string[];
  alerts?: OrgAlert[];
  remember?: OrgTagWrite[];
  /** `--snapshot-dir`: the file the target came from. */
  source?: string;
}

export interface FailedTarget extends OrgTarget {
  status: 'failed';
  error: string;
  natGateways: [];
  totals: OrgTotals;
  source?: string;
}

export type TargetResult = DoneTarget | FailedTarget;

export interface OrgRollup {
  key: string;
  targets: number;
  failed: number;
  natGateways: number;
  totals: OrgTotals;
}

export interface OrgReport {
  job: OrgJob;
  generatedAt: string;
  targets: TargetResult[];
  totals: OrgTotals;
  failed: number;
  byAccount: OrgRollup[];
  byRegion: OrgRollup[];
  /** Accounts the target listing left out, and why (suspended, tag filter…). */
  skippedAccounts: Array<{ accountId: string; reason: string }>;
}

export function failedTarget(target: OrgTarget, error: string, source?: string): FailedTarget {
  return {
    accountId: target.accountId,
    region: target.region,
    status: 'failed',
    error,
    natGateways: [],
    totals: { ...ZERO_TOTALS },
    ...(source ? { source } : {}),
  };
}

export function sumTotals(totals: readonly OrgTotals[]): OrgTotals {
  return {
    cost: roundMoney(totals.reduce((sum, t) => sum + t.cost, 0)),
    projectedMonthlyCost: roundMoney(totals.reduce((sum, t) => sum + t.projectedMonthlyCost, 0)),
    estimatedMonthlySavings: roundMoney(totals.reduce((sum, t) => sum + t.estimatedMonthlySavings, 0)),
  };
}

function rollup(results: readonly TargetResult[], keyOf: (r: TargetResult) => string): OrgRollup[] {
  const groups = new Map<string, TargetResult[]>();
  for (const result of results) groups.set(keyOf(result), [...(groups.get(keyOf(result)) ?? []), result]);
  return [...groups.entries()]
    .map(([key, group]) => ({
      key,
      targets: group.length,
      failed: group.filter((r) => r.status === 'failed').length,
      natGateways: group.reduce((n, r) => n + r.natGateways.length, 0),
      totals: sumTotals(group.map((r) => r.totals)),
    }))
    .sort(
      (a, b) => b.totals.projectedMonthlyCost - a.totals.projectedMonthlyCost || a.key.localeCompare(b.key),
    );
}

export class DuplicateTargetError extends Error {
  override name = 'DuplicateTargetError';
}

/** The organisation report: totals are the sums of the targets' own totals (failed targets count zero). */
export function buildOrgReport(input: {
  job: OrgJob;
  now: Date;
  results: readonly TargetResult[];
  skippedAccounts?: OrgReport['skippedAccounts'];
}): OrgReport {
  const seen = new Set<string>();
  for (const result of input.results) {
    // Two unreadable snapshot files can both be "unknown": they differ by their source.
    const key = `${targetKey(result)} ${result.source ?? ''}`;
    if (seen.has(key)) throw new DuplicateTargetError(`target ${key} appears twice in the run`);
    seen.add(key);
  }
  const targets = [...input.results].sort(compareTargets);
  return {
    job: input.job,
    generatedAt: input.now.toISOString(),
    targets,
    totals: sumTotals(targets.map((t) => t.totals)),
    failed: targets.filter((t) => t.status === 'failed').length,
    byAccount: rollup(targets, (t) => t.accountId),
    byRegion: rollup(targets, (t) => t.region),
    skippedAccounts: input.skippedAccounts ?? [],
  };
}

/** Exit rule of `org …`: the run failed only when it had targets and every one of them failed. */
export function everyTargetFailed(report: Pick<OrgReport, 'targets' | 'failed'>): boolean {
  return report.targets.length > 0 && report.failed === report.targets.length;
}

const MAX_REASON_CHARS = 500;

/**
 * The reason a target failed, from a Step Functions error (a Catch's `{ Error, Cause }`). A Lambda function's
 * error arrives with `Cause` as the JSON Lambda returns (`errorType`, `errorMessage`); other causes are text.
 */
export function taskFailureReason(failure: { Error?: unknown; Cause?: unknown }): string {
  const error = typeof failure.Error === 'string' ? failure.Error : 'States.TaskFailed';
  const cause = typeof failure.Cause === 'string' ? failure.Cause : '';
  let reason = cause === '' ? error : `${error}: ${cause}`;
  try {
    const parsed: unknown = JSON.parse(cause);
    if (typeof parsed === 'object' && parsed !== null && 'errorMessage' in parsed) {
      const type = 'errorType' in parsed && typeof parsed.errorType === 'string' ? parsed.errorType : error;
      // Our own error classes (`…Error`) mean nothing to a reader; AWS codes and States.* names say what to look up.
      reason = type.endsWith('Error')
        ? String(parsed.errorMessage)
        : `${type}: ${String(parsed.errorMessage)}`;
    }
  } catch {
    // Not JSON: the cause is already text.
  }
  return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 3)}...` : reason;
}
