// The steps of the hub's state machines (serverless.hub.yml), one per Task state: list the targets, run the job on
// one target, record a target's failure, and build and deliver the organisation report. Each takes its
// dependencies, so the tests run the deployed state machine on the simulated organisation with the same code.
import type { SNSClient } from '@aws-sdk/client-sns';
import {
  buildOrgReport,
  failedTarget,
  type OrgReport,
  type TargetResult,
  taskFailureReason,
} from '../../domain/organization/org-result';
import type { OrgJob, OrgTarget } from '../../domain/organization/org-targets';
import { type ResultStore, resultKey } from '../../domain/organization/result-store';
import { renderOrgHtml } from '../../report/org-html';
import type { TargetListing } from './list-targets';
import { deliverOrgReport, type OrgDelivery } from './org-deliver';
import type { TargetWorld } from './org-run';
import { runTargetJob, type TargetConfig } from './target-job';

export interface HubDeps {
  listTargets(): Promise<TargetListing>;
  /** Another execution of this state machine that is still running, if any. */
  otherRunningExecution(stateMachineArn: string, executionArn: string): Promise<string | undefined>;
  open(target: OrgTarget, job: OrgJob): Promise<TargetWorld>;
  store: ResultStore;
  configFor(region: string): TargetConfig;
  now(): Date;
  sns?: SNSClient;
  topicArn?: string;
  /** The simulated organisation (tests, local runs): nothing real can be sent. */
  simulated: boolean;
}

export class HubStepError extends Error {
  override name = 'HubStepError';
}

export interface RunInput {
  job: OrgJob;
  runId: string;
  /** alert: the day to alert on; null: the last full day. */
  date: string | null;
}

export interface TargetsOutput extends RunInput {
  at: string;
  targets: OrgTarget[];
  skippedAccounts: OrgReport['skippedAccounts'];
}

export interface TargetsInput extends RunInput {
  stateMachineArn: string;
  executionArn: string;
}

/** The scheduler changes gateways: a run that would overlap the previous one works on no target at all. */
export async function targetsStep(input: TargetsInput, deps: HubDeps): Promise<TargetsOutput> {
  const run = { job: input.job, runId: input.runId, date: input.date, at: deps.now().toISOString() };
  if (input.job === 'schedule') {
    const running = await deps.otherRunningExecution(input.stateMachineArn, input.executionArn);
    if (running) {
      const reason = `the previous run ${running} is still running`;
      return { ...run, targets: [], skippedAccounts: [{ accountId: '*', reason }] };
    }
  }
  const listing = await deps.listTargets();
  return { ...run, targets: listing.targets, skippedAccounts: listing.skippedAccounts };
}

export type TargetInput = RunInput & OrgTarget;

/** Throws whatever stops the target: the state machine retries what is transient and records the rest. */
export async function targetStep(
  input: TargetInput,
  deps: HubDeps,
  secondsLeft?: () => number,
): Promise<{ status: 'done'; key: string }> {
  const target = { accountId: input.accountId, region: input.region };
  const world = await deps.open(target, input.job);
  const result = await runTargetJob(target, world.runtime, deps.configFor(target.region), {
    job: input.job,
    ...(world.attribution ? { attribution: world.attribution } : {}),
    ...(input.date ? { date: input.date } : {}),
    ...(secondsLeft ? { secondsLeft } : {}),
  });
  const key = resultKey(input.runId, input.job, target);
  await deps.store.put(key, result);
  return { status: 'done', key };
}

export async function recordFailureStep(
  input: TargetInput & { failure: { Error?: unknown; Cause?: unknown } },
  deps: HubDeps,
): Promise<{ status: 'failed' }> {
  const target = { accountId: input.accountId, region: input.region };
  await deps.store.put(
    resultKey(input.runId, input.job, target),
    failedTarget(target, taskFailureReason(input.failure)),
  );
  return { status: 'failed' };
}

export interface AggregateInput extends TargetsOutput {
  /** One entry per target, in the order of `targets` (the Map keeps it). */
  results: Array<{ status: string }>;
}

export interface AggregateOutput {
  job: OrgJob;
  runId: string;
  targets: number;
  failed: number;
  totals: OrgReport['totals'];
  published: boolean;
  remembered: number;
  warnings: string[];
  reportKey: string;
}

const NOT_RECORDED = 'no result was recorded for this target (its step did not finish)';

async function storedResult(input: AggregateInput, deps: HubDeps, index: number): Promise<TargetResult> {
  const target = input.targets[index];
  const status = input.results[index]?.status;
  if (!target) throw new HubStepError(`no target at index ${index}`);
  if (status !== 'done' && status !== 'failed')
    throw new HubStepError(
      `the Map's result for ${target.accountId}/${target.region} has no status: ${JSON.stringify(input.results[index])}`,
    );
  const stored = await deps.store.get(resultKey(input.runId, input.job, target));
  if (stored && stored.status !== status)
    throw new HubStepError(
      `${target.accountId}/${target.region}: the Map says ${status}, the stored result ${stored.status}`,
    );
  if (!stored && status === 'done')
    throw new HubStepError(`${target.accountId}/${target.region}: done, but nothing stored`);
  return stored ?? failedTarget(target, NOT_RECORDED);
}

export async function aggregateStep(
  input: AggregateInput,
  deps: HubDeps,
): Promise<{ output: AggregateOutput; report: OrgReport; delivery: OrgDelivery }> {
  if (input.results.length !== input.targets.length)
    throw new HubStepError(`${input.results.length} Map results for ${input.targets.length} targets`);
  const results = await Promise.all(input.targets.map((_, i) => storedResult(input, deps, i)));
  const report = buildOrgReport({
    job: input.job,
    now: new Date(input.at),
    results,
    skippedAccounts: input.skippedAccounts,
  });
  const delivery = await deliverOrgReport(report, {
    apply: true,
    simulated: deps.simulated,
    ...(deps.sns && deps.topicArn ? { sns: deps.sns, topicArn: deps.topicArn } : {}),
    open: (target) => deps.open(target, input.job),
  });
  const reportKey = `runs/${input.runId}/${input.job}/report`;
  await deps.store.putText(`${reportKey}.json`, JSON.stringify(report), 'application/json');
  await deps.store.putText(`${reportKey}.html`, renderOrgHtml(report), 'text/html; charset=utf-8');
  return {
    report,
    delivery,
    output: {
      job: input.job,
      runId: input.runId,
      targets: report.targets.length,
      failed: report.failed,
      totals: report.totals,
      published: delivery.published,
      remembered: delivery.remembered,
      warnings: delivery.warnings,
      reportKey,
    },
  };
}
