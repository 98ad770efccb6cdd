// Which health alarms to create, update or delete so there is exactly one per gateway tagged for failover, plus
// the high-resolution probe alarm of those opted into fast detection.

import { gatewayZones, type Inventory, isRegional, type NatGateway, UP_STATES } from '../model';
import { FAILOVER_TAGS, USER_TAGS } from '../tag-keys';
import {
  type AlarmDefinition,
  type AlarmSpec,
  definitionKey,
  failoverAlarmSpec,
} from './failover-alarm-spec';
import type { AlarmStateValue } from './failover-event';
import { failoverOptIn, isOn } from './failover-opt-in';
import type { FailoverSettings } from './failover-settings';
import {
  FAST_DETECTION_TAG,
  fastAlarmNameFor,
  fastDetection,
  fastDetectionAlarmSpec,
  isFastAlarmName,
} from './fast-detection';

/** An alarm under the optimizer's prefix, as read from CloudWatch. */
export interface ExistingAlarm {
  alarmName: string;
  /** From the alarm's metric dimensions; absent when it has none or several. */
  natGatewayId?: string;
  state: AlarmStateValue;
  stateUpdatedAt?: Date;
  definition: AlarmDefinition;
}

export interface AlarmRemoval {
  alarmName: string;
  natGatewayId?: string;
  reason: string;
}

export interface AlarmSyncPlan {
  create: AlarmSpec[];
  update: AlarmSpec[];
  remove: AlarmRemoval[];
  unchanged: string[];
  /** Gateways left exactly as they are, with why (e.g. a malformed tag). */
  skipped: Array<{ natGatewayId: string; reason: string }>;
}

export function probeEnabled(gateway: NatGateway, inventory: Inventory, settings: FailoverSettings): boolean {
  const vpc = inventory.vpcs.find((v) => v.vpcId === gateway.vpcId);
  return (
    settings.probeVpcIds.includes(gateway.vpcId) ||
    (vpc !== undefined && isOn(vpc.tags, FAILOVER_TAGS.egressProbe))
  );
}

export function planAlarmSync(
  inventory: Inventory,
  existing: ExistingAlarm[],
  settings: FailoverSettings,
): AlarmSyncPlan {
  const plan: AlarmSyncPlan = { create: [], update: [], remove: [], unchanged: [], skipped: [] };
  const byName = new Map(existing.map((alarm) => [alarm.alarmName, alarm]));
  const keep = new Set<string>();
  const compare = (spec: AlarmSpec) => {
    keep.add(spec.alarmName);
    const current = byName.get(spec.alarmName);
    if (!current) plan.create.push(spec);
    else if (definitionKey(current.definition) !== definitionKey(spec)) plan.update.push(spec);
    else plan.unchanged.push(spec.alarmName);
  };
  for (const gateway of inventory.natGateways) {
    const optIn = failoverOptIn(gateway);
    if (optIn.kind === 'malformed') {
      plan.skipped.push({
        natGatewayId: gateway.natGatewayId,
        reason: `tag ${USER_TAGS.failover}="${optIn.value}" is neither "on" nor "off": its alarm is left as it is`,
      });
      for (const alarm of existing)
        if (alarm.natGatewayId === gateway.natGatewayId) keep.add(alarm.alarmName);
      continue;
    }
    if (optIn.kind === 'off' || !UP_STATES.has(gateway.state)) continue;
    if (isRegional(gateway)) {
      // A regional gateway publishes per AZ: one alarm per AZ it serves (reported, never failed over).
      const specs = gatewayZones(gateway).map((zone) =>
        failoverAlarmSpec(gateway, settings.alarm, false, zone),
      );
      for (const spec of specs) compare(spec);
      continue;
    }
    const specs = [failoverAlarmSpec(gateway, settings.alarm, probeEnabled(gateway, inventory, settings))];
    const fast = fastDetection(gateway, inventory, settings.fastDetection);
    if (fast.kind === 'on') specs.push(fastDetectionAlarmSpec(gateway, settings.fastDetection));
    if (fast.kind === 'malformed') {
      plan.skipped.push({
        natGatewayId: gateway.natGatewayId,
        reason: `tag ${FAST_DETECTION_TAG}="${fast.value}" on ${fast.where} is neither "on" nor "off": its fast alarm is left as it is`,
      });
      keep.add(fastAlarmNameFor(gateway.natGatewayId));
    }
    for (const spec of specs) compare(spec);
  }
  for (const alarm of existing) {
    if (keep.has(alarm.alarmName)) continue;
    const gateway = inventory.natGateways.find((g) => g.natGatewayId === alarm.natGatewayId);
    const reason = !gateway
      ? 'its NAT gateway no longer exists'
      : failoverOptIn(gateway).kind === 'off'
        ? `its NAT gateway is no longer tagged ${USER_TAGS.failover}=on`
        : UP_STATES.has(gateway.state) && isFastAlarmName(alarm.alarmName)
          ? 'fast detection is off for its NAT gateway'
          : UP_STATES.has(gateway.state) && isRegional(gateway)
            ? 'its regional NAT gateway no longer serves that AZ'
            : `its NAT gateway is ${gateway.state}`;
    plan.remove.push({
      alarmName: alarm.alarmName,
      reason,
      ...(alarm.natGatewayId ? { natGatewayId: alarm.natGatewayId } : {}),
    });
  }
  return plan;
}

export interface AlarmSyncSummary {
  created: string[];
  updated: string[];
  deleted: Array<{ alarmName: string; reason: string }>;
  unchanged: string[];
  skipped: Array<{ alarmName?: string; natGatewayId?: string; reason: string }>;
  /** True when nothing was changed (runtime.apply is false): the lists say what would change. */
  planned: boolean;
}
