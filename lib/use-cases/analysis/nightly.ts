// The nightly job: the analysis (flow-log attribution when configured), figures tagged, the report published,
// the failover health alarms brought in line with the gateways' tags, and (opt-in) missing gateway endpoints.

import { describeAlarms } from '../../aws/alarms';
import { isAwsServiceError } from '../../aws/aws-errors';
import type { JobConfig } from '../../config';
import type { AlarmSyncSummary } from '../../domain/failover/failover-alarm-sync';
import { FAILOVER_ALARM_PREFIX } from '../../domain/failover/failover-opt-in';
import { describeError } from '../../errors';
import type { Runtime } from '../../runtime';
import { autoApplyEndpoints, type EndpointAutoApply } from '../endpoints/endpoint-auto-apply';
import { configuredAttribution } from '../endpoints/flow-log-attribution';
import { syncAlarmsWith } from '../failover/alarm-sync';
import { type NightlyOutcome, runNightlyAnalysis } from './analyze';

export interface NightlyRun extends NightlyOutcome {
  alarmSync: AlarmSyncSummary | { error: string };
  /** Present when NAT_OPTIMIZER_AUTO_APPLY_ENDPOINTS is on. */
  endpoints?: EndpointAutoApply;
}

export async function runNightly(runtime: Runtime, config: JobConfig<'analyze'>): Promise<NightlyRun> {
  const outcome = await runNightlyAnalysis(runtime, config, configuredAttribution(runtime, config));
  // The report is already out: an AWS refusal here is reported with the run (the failover recheck retries the
  // sync every 5 minutes) rather than failing the invocation and publishing the report again on Lambda's retry.
  const alarmSync = await syncAlarms(runtime, config, outcome);
  if (!config.endpoints.autoApply) return { ...outcome, alarmSync };
  const endpoints = await autoApplyEndpoints(runtime, config, outcome.inventory, outcome.traffic);
  return { ...outcome, alarmSync, endpoints };
}

async function syncAlarms(
  runtime: Runtime,
  config: JobConfig<'analyze'>,
  outcome: NightlyOutcome,
): Promise<NightlyRun['alarmSync']> {
  try {
    const existing = await describeAlarms(runtime.clients.cloudwatch, FAILOVER_ALARM_PREFIX);
    return await syncAlarmsWith(runtime, config, outcome.inventory, existing);
  } catch (error) {
    if (!isAwsServiceError(error)) throw error;
    return { error: describeError(error) };
  }
}

/** The one log line (and Lambda result) of a nightly run. */
export function nightlySummary(run: NightlyRun, trigger: string) {
  const { result, alarmSync, endpoints } = run;
  return {
    trigger,
    gateways: result.natGateways.length,
    findings: result.natGateways.reduce((n, g) => n + g.findings.length, 0),
    projectedMonthlyCost: result.totals.projectedMonthlyCost,
    estimatedMonthlySavings: result.totals.estimatedMonthlySavings,
    taggedGateways: run.taggedGateways,
    published: run.published,
    warnings: result.warnings,
    alarmSync:
      'error' in alarmSync
        ? alarmSync
        : {
            created: alarmSync.created.length,
            updated: alarmSync.updated.length,
            deleted: alarmSync.deleted.length,
          },
    ...(endpoints ? { endpoints: { created: endpoints.created, failed: endpoints.failed } } : {}),
  };
}
