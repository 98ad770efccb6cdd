// Keeps one health alarm per gateway tagged nat-optimizer:failover=on: creates, updates and deletes alarms
// under the optimizer's prefix. Runs with the nightly analysis, on the failover recheck, and on demand.

import { alarmTags, deleteAlarms, describeAlarms, putAlarm, type ReadAlarm } from '../../aws/alarms';
import { loadInventory } from '../../aws/inventory';
import type { ConfigOf } from '../../config';
import type { AlarmSyncSummary } from '../../domain/failover/failover-alarm-sync';
import { planAlarmSync } from '../../domain/failover/failover-alarm-sync';
import { FAILOVER_ALARM_PREFIX } from '../../domain/failover/failover-opt-in';
import type { Inventory } from '../../domain/model';
import { MANAGED_TAG } from '../../domain/tag-keys';
import type { Runtime } from '../../runtime';

/** The same sync on an inventory and alarm list already read (the failover recheck has both). */
export async function syncAlarmsWith(
  runtime: Runtime,
  config: ConfigOf<'failover'>,
  inventory: Inventory,
  existing: ReadAlarm[],
): Promise<AlarmSyncSummary> {
  const plan = planAlarmSync(inventory, existing, config.failover.settings);
  const summary: AlarmSyncSummary = {
    created: plan.create.map((s) => s.alarmName),
    updated: plan.update.map((s) => s.alarmName),
    deleted: [],
    unchanged: plan.unchanged,
    skipped: plan.skipped.map((s) => ({ natGatewayId: s.natGatewayId, reason: s.reason })),
    planned: !runtime.apply,
  };
  if (!runtime.apply) {
    summary.deleted = plan.remove.map((r) => ({ alarmName: r.alarmName, reason: r.reason }));
    return summary;
  }
  const { cloudwatch } = runtime.clients;
  // PutMetricAlarm allows 3 requests/s: one at a time, throttling left to the SDK's retry strategy.
  for (const spec of [...plan.create, ...plan.update]) await putAlarm(cloudwatch, spec);
  const removable: string[] = [];
  for (const removal of plan.remove) {
    const arn = existing.find((a) => a.alarmName === removal.alarmName)?.alarmArn ?? '';
    const tags = await alarmTags(cloudwatch, arn);
    if (tags[MANAGED_TAG.key] === MANAGED_TAG.value) {
      removable.push(removal.alarmName);
      summary.deleted.push({ alarmName: removal.alarmName, reason: removal.reason });
    } else {
      summary.skipped.push({
        alarmName: removal.alarmName,
        reason: `${removal.reason}, but the alarm is not tagged ${MANAGED_TAG.key}=${MANAGED_TAG.value}: not deleted`,
      });
    }
  }
  await deleteAlarms(cloudwatch, removable);
  return summary;
}

/** The nightly and on-demand entry point. */
export async function syncFailoverAlarms(
  runtime: Runtime,
  config: ConfigOf<'failover'>,
): Promise<AlarmSyncSummary> {
  const [inventory, existing] = await Promise.all([
    loadInventory(runtime.clients.ec2, runtime.region),
    describeAlarms(runtime.clients.cloudwatch, FAILOVER_ALARM_PREFIX),
  ]);
  return syncAlarmsWith(runtime, config, inventory, existing);
}
