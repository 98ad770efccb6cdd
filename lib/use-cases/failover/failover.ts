// Alarm-driven failover: an alarm state change (or the 5-minute recheck) → the gateway's alarm state now →
// route tables moved to a healthy gateway, or back → SNS message and EventBridge event.

import { describeAlarms, type ReadAlarm } from '../../aws/alarms';
import { loadInventory } from '../../aws/inventory';
import type { ConfigOf } from '../../config';
import type { AlarmSyncSummary } from '../../domain/failover/failover-alarm-sync';
import {
  type AlarmStateChangeEvent,
  type AlarmStateValue,
  type FailoverTrigger,
  gatewayOfAlarmEvent,
  isAlarmEvent,
} from '../../domain/failover/failover-event';
import { FAILOVER_ALARM_PREFIX, failoverOptIn } from '../../domain/failover/failover-opt-in';
import type { PlanContext } from '../../domain/failover/failover-plan';
import { planForGateway } from '../../domain/failover/failover-plan';
import { planRecheck } from '../../domain/failover/failover-recheck';
import {
  type FailoverRunResult,
  type GatewayOutcome,
  type Notified,
  routesMoved,
  runOutcome,
} from '../../domain/failover/failover-result';
import { decidingAlarm, gatewayAlarmStates } from '../../domain/failover/gateway-alarms';
import type { Inventory } from '../../domain/model';
import { ROUTE_TABLE_TAGS } from '../../domain/tag-keys';
import { MS_PER_SECOND } from '../../domain/time-units';
import type { Runtime } from '../../runtime';
import { syncAlarmsWith } from './alarm-sync';
import { removeEmergencyGateway } from './emergency-gateway';
import { executeGatewayPlan } from './failover-executor';
import { announceOutcome } from './failover-notify';

async function readAccount(runtime: Runtime): Promise<{ inventory: Inventory; alarms: ReadAlarm[] }> {
  const [inventory, alarms] = await Promise.all([
    // Failover needs no endpoints or prefix lists: five describes instead of seven, every run.
    loadInventory(runtime.clients.ec2, runtime.region, { routingOnly: true, withVpcs: true }),
    describeAlarms(runtime.clients.cloudwatch, FAILOVER_ALARM_PREFIX),
  ]);
  return { inventory, alarms };
}

function contextOf(
  runtime: Runtime,
  config: ConfigOf<'core' | 'failover'>,
  inventory: Inventory,
  alarms: ReadAlarm[],
  alarmAt: Date,
): PlanContext {
  // A gateway with two alarms (metric and fast) is as failing as the worse of them.
  const states = gatewayAlarmStates(alarms);
  return { inventory, alarms: states, now: runtime.now(), alarmAt, settings: config.failover.settings };
}

function ignored(
  event: AlarmStateChangeEvent,
  natGatewayId: string | null,
  reason: string,
): FailoverRunResult {
  return {
    alarmName: event.detail.alarmName,
    natGatewayId,
    state: event.detail.state.value,
    alarmState: null,
    outcome: 'ignored',
    reason,
    target: null,
    actions: [],
    routesMoved: 0,
    recoverySeconds: null,
    rejectedTargets: [],
    removedEmergencyGateways: [],
    notified: { sns: false, event: false },
  };
}

function recoverySeconds(outcome: GatewayOutcome, alarmAt: Date): number | null {
  if (outcome.kind !== 'failover' || !outcome.lastMovedAt) return null;
  return (Date.parse(outcome.lastMovedAt) - alarmAt.getTime()) / MS_PER_SECOND;
}

function stateNow(alarm: ReadAlarm | undefined, gatewayState: AlarmStateValue | 'none'): string {
  if (gatewayState === 'none') return 'the alarm no longer exists';
  if (!alarm || alarm.state === gatewayState) return `the alarm is ${gatewayState} now`;
  return `the alarm is ${alarm.state} now but the gateway's other alarm keeps it ${gatewayState}`;
}

/** One CloudWatch alarm state change. The alarm's current state decides, so repeats and reordering are harmless. */
export async function handleAlarmEvent(
  runtime: Runtime,
  config: ConfigOf<'core' | 'failover'>,
  event: AlarmStateChangeEvent,
): Promise<FailoverRunResult> {
  const { alarmName } = event.detail;
  if (!alarmName.startsWith(FAILOVER_ALARM_PREFIX)) {
    return ignored(
      event,
      null,
      `not one of the optimizer's alarms (their names start with ${FAILOVER_ALARM_PREFIX})`,
    );
  }
  const gateway = gatewayOfAlarmEvent(event);
  if ('reason' in gateway) return ignored(event, null, gateway.reason);
  const { natGatewayId } = gateway;
  const { inventory, alarms } = await readAccount(runtime);
  const nat = inventory.natGateways.find((g) => g.natGatewayId === natGatewayId);
  const failedOver = inventory.routeTables.some(
    (t) => t.tags[ROUTE_TABLE_TAGS.failoverFrom] === natGatewayId,
  );
  if (!failedOver && (!nat || failoverOptIn(nat).kind === 'off')) {
    const why = nat ? 'is not tagged nat-optimizer:failover=on' : 'does not exist in this account and region';
    return ignored(
      event,
      natGatewayId,
      `NAT gateway ${natGatewayId} ${why}, and no route table is failed over from it`,
    );
  }
  const alarm = alarms.find((a) => a.alarmName === alarmName);
  const alarmAt = new Date(event.detail.state.timestamp);
  // The gateway's state from all its alarms: the fast alarm's OK does not move routes back while its metric alarm
  // is in ALARM, nor the other way round.
  const alarmState = gatewayAlarmStates(alarms).get(natGatewayId) ?? 'none';
  const plan = planForGateway(
    natGatewayId,
    alarmState,
    contextOf(runtime, config, inventory, alarms, alarmAt),
  );
  const outcome = await executeGatewayPlan(runtime, plan, inventory, config.failover.settings.concurrency);
  return {
    alarmName,
    natGatewayId,
    state: event.detail.state.value,
    alarmState,
    outcome: runOutcome(outcome),
    reason:
      alarmState === event.detail.state.value
        ? outcome.reason
        : `${stateNow(alarm, alarmState)} (the event said ${event.detail.state.value}): ${outcome.reason}`,
    target: outcome.target,
    actions: outcome.actions,
    routesMoved: routesMoved(outcome.actions),
    recoverySeconds: recoverySeconds(outcome, alarmAt),
    rejectedTargets: outcome.rejectedTargets,
    ...(outcome.emergency ? { emergency: outcome.emergency } : {}),
    removedEmergencyGateways: outcome.removedEmergencyGateways,
    notified: await announceOutcome(runtime, config.core, outcome, alarmName),
  };
}

export interface RecheckResult {
  at: string;
  gateways: Array<GatewayOutcome & { recoverySeconds: number | null; notified: Notified }>;
  removedEmergencyGateways: string[];
  alarms: AlarmSyncSummary;
  routesMoved: number;
}

/** The 5-minute recheck: alarms synced, then every gateway in ALARM or with failed-over tables planned again. */
export async function recheckFailovers(
  runtime: Runtime,
  config: ConfigOf<'core' | 'failover'>,
): Promise<RecheckResult> {
  const { inventory, alarms } = await readAccount(runtime);
  const alarmSync = await syncAlarmsWith(runtime, config, inventory, alarms);
  const at = runtime.now();
  const recheck = planRecheck(contextOf(runtime, config, inventory, alarms, at));
  const gateways: RecheckResult['gateways'] = [];
  // The inventory was read before any plan ran: gateways this run moves tables onto must not look idle later.
  const targeted = new Set<string>();
  for (const plan of recheck.plans) {
    const alarm = decidingAlarm(alarms, plan.natGatewayId);
    const alarmAt = alarm?.stateUpdatedAt ?? at;
    const outcome = await executeGatewayPlan(
      runtime,
      plan,
      inventory,
      config.failover.settings.concurrency,
      targeted,
    );
    if (outcome.target && outcome.actions.some((a) => a.result === 'done')) targeted.add(outcome.target);
    const notified = outcome.noTarget
      ? { sns: false, event: false }
      : await announceOutcome(runtime, config.core, outcome, alarm?.alarmName ?? null);
    gateways.push({ ...outcome, recoverySeconds: recoverySeconds(outcome, alarmAt), notified });
  }
  const removed: string[] = [];
  if (runtime.apply) {
    for (const gateway of recheck.idleEmergencyGateways.filter((g) => !targeted.has(g.natGatewayId))) {
      await removeEmergencyGateway(runtime.clients.ec2, gateway.natGatewayId);
      removed.push(gateway.natGatewayId);
    }
  }
  return {
    at: at.toISOString(),
    gateways,
    removedEmergencyGateways: removed,
    alarms: alarmSync,
    routesMoved: gateways.reduce((n, g) => n + routesMoved(g.actions), 0),
  };
}

export async function handleFailoverTrigger(
  runtime: Runtime,
  config: ConfigOf<'core' | 'failover'>,
  trigger: FailoverTrigger,
): Promise<FailoverRunResult | RecheckResult> {
  return isAlarmEvent(trigger)
    ? handleAlarmEvent(runtime, config, trigger)
    : recheckFailovers(runtime, config);
}

/** The figures a run emits as metrics: routes moved, and alarm → last route replaced for each failover. */
export function failoverFigures(result: FailoverRunResult | RecheckResult): {
  routesMoved: number;
  recoverySeconds: number[];
} {
  const recoveries =
    'gateways' in result ? result.gateways.map((g) => g.recoverySeconds) : [result.recoverySeconds];
  return {
    routesMoved: result.routesMoved,
    recoverySeconds: recoveries.filter((s): s is number => s !== null),
  };
}
