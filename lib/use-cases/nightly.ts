// The nightly job: the analysis (flow-log attribution when configured), figures tagged, the report published,
// then the failover health alarms brought in line with the gateways' tags.
import { describeAlarms } from '../aws/alarms';
import { isAwsServiceError } from '../aws/aws-errors';
import type { Config } from '../config';
import { FAILOVER_ALARM_PREFIX } from '../domain/failover-tags';
import type { Runtime } from '../runtime';
import { type AlarmSyncSummary, syncAlarmsWith } from './alarm-sync';
import { type NightlyOutcome, runNightlyAnalysis } from './analyze';
import { configuredAttribution } from './flow-log-attribution';

export interface NightlyRun extends NightlyOutcome {
  alarmSync: AlarmSyncSummary | { error: string };
}

export async function runNightly(runtime: Runtime, config: Config): Promise<NightlyRun> {
  const outcome = await runNightlyAnalysis(runtime, config, configuredAttribution(runtime, config));
  // The report is already out: an AWS refusal here is reported with the run (the failover recheck retries the
  // sync every 5 minutes) rather than failing the invocation and publishing the report again on Lambda's retry.
  try {
    const existing = await describeAlarms(runtime.clients.cloudwatch, FAILOVER_ALARM_PREFIX);
    return { ...outcome, alarmSync: await syncAlarmsWith(runtime, config, outcome.inventory, existing) };
  } catch (error) {
    if (!isAwsServiceError(error)) throw error;
    return { ...outcome, alarmSync: { error: `${error.name}: ${error.message}` } };
  }
}
