// An organisation run in one process (the CLI, the benchmark's baseline): every target through the same job with
// bounded concurrency, each failure recorded against its target, then the one organisation report.
// On AWS the hub runs the same steps as a Step Functions state machine (serverless.hub.yml, handlers/org-*.ts).

import pLimit from 'p-limit';
import type { TrafficAttribution } from '../../domain/analysis/traffic-attribution';
import {
  buildOrgReport,
  failedTarget,
  type OrgReport,
  type TargetResult,
} from '../../domain/organization/org-result';
import type { OrgTarget } from '../../domain/organization/org-targets';
import { describeError } from '../../errors';
import type { Runtime } from '../../runtime';
import { runTargetJob, type TargetConfig, type TargetJobOptions } from './target-job';

/** What a target's job runs with: clients in that account and region (an assumed role, or a simulated account). */
export interface TargetWorld {
  runtime: Runtime;
  attribution?: TrafficAttribution;
}

export interface OrgEntry {
  target: OrgTarget;
  /** `--snapshot-dir`: the file this target comes from. */
  source?: string;
  open(): Promise<TargetWorld>;
}

export interface OrgRunOptions extends Omit<TargetJobOptions, 'attribution'> {
  /** Targets worked on at once. */
  concurrency: number;
  /** The configuration of a target's region. */
  configFor(region: string): TargetConfig;
  now: Date;
  skippedAccounts?: OrgReport['skippedAccounts'];
}

/** What stopped a target, as a person reads it (an AWS error keeps its code; our own classes' names are left out). */
export function errorReason(error: unknown): string {
  return describeError(error);
}

/**
 * One target, never throwing: whatever stops it (no role, a broken snapshot, an AWS refusal after the SDK's retries)
 * is that target's failure and the run goes on, as the state machine's per-target Catch does.
 */
export async function runOneTarget(entry: OrgEntry, options: OrgRunOptions): Promise<TargetResult> {
  try {
    const world = await entry.open();
    const result = await runTargetJob(entry.target, world.runtime, options.configFor(entry.target.region), {
      ...options,
      ...(world.attribution ? { attribution: world.attribution } : {}),
    });
    return entry.source ? { ...result, source: entry.source } : result;
  } catch (error) {
    return failedTarget(entry.target, errorReason(error), entry.source);
  }
}

export async function runOrganization(
  entries: readonly OrgEntry[],
  options: OrgRunOptions,
): Promise<OrgReport> {
  const limit = pLimit(options.concurrency);
  const results = await Promise.all(entries.map((entry) => limit(() => runOneTarget(entry, options))));
  return buildOrgReport({
    job: options.job,
    now: options.now,
    results,
    ...(options.skippedAccounts ? { skippedAccounts: options.skippedAccounts } : {}),
  });
}
