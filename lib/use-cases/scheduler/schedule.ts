// One scheduler run: read the account, decide per opted-in gateway, act on the difference, announce the changes.

import { loadInventory } from '../../aws/inventory';
import { putEvents } from '../../aws/notify';
import type { ConfigOf } from '../../config';
import type { ActionResult } from '../../domain/action-result';
import type { Inventory } from '../../domain/model';
import { describeStep } from '../../domain/scheduler/park-steps';
import { buildUnits } from '../../domain/scheduler/park-units';
import type { SchedulePlan } from '../../domain/scheduler/schedule-plan';
import { measurementsNeeded, planSchedule } from '../../domain/scheduler/schedule-planner';
import type { ScheduleActionReport, ScheduleResult } from '../../domain/scheduler/schedule-result';
import { encodeInstant } from '../../domain/tag-values';

import type { Runtime } from '../../runtime';
import { type ExecutedPlan, executePlans } from './schedule-executor';
import { alarmingGateways, recentTraffic } from './schedule-inputs';

export interface ScheduleRunOptions {
  /** Seconds left before the invocation must end (Lambda); waits stop in time. Unbounded when absent. */
  secondsLeft?: () => number;
  /** Sees the account as the run read it (a replay follows gateways' lifetimes with it). */
  onInventory?: (inventory: Inventory) => void;
}

export const EVENT_DETAIL_TYPES = { parked: 'NAT Gateway Parked', unparked: 'NAT Gateway Unparked' } as const;

function report(
  plan: SchedulePlan,
  result: ActionResult,
  steps: string[],
  executed?: ExecutedPlan,
): ScheduleActionReport {
  const newId = executed?.newNatGatewayId ?? plan.newNatGatewayId;
  return {
    natGatewayId: plan.natGatewayId,
    action: plan.action,
    reason: executed?.stopped ? `${plan.reason}; stopped: ${executed.stopped}` : plan.reason,
    routeTableIds: plan.routeTableIds,
    result,
    ...(newId ? { newNatGatewayId: newId } : {}),
    steps,
    ...(plan.estimatedHoursSaved !== undefined ? { estimatedHoursSaved: plan.estimatedHoursSaved } : {}),
  };
}

function summarize(actions: ScheduleActionReport[]): ScheduleResult['summary'] {
  const done = actions.filter((a) => a.result === 'done');
  return {
    parked: done.filter((a) => a.action === 'park' || a.action === 'consolidate').length,
    unparked: done.filter((a) => a.action === 'unpark').length,
    postponed: actions.filter((a) => a.result === 'skipped' && a.reason.includes('park postponed')).length,
    failed: actions.filter((a) => a.result === 'failed').length,
    estimatedHoursSaved: done.reduce((sum, a) => sum + (a.estimatedHoursSaved ?? 0), 0),
  };
}

export async function runSchedule(
  runtime: Runtime,
  config: ConfigOf<'core' | 'schedule'>,
  options: ScheduleRunOptions = {},
): Promise<ScheduleResult> {
  const now = runtime.now();
  const settings = config.schedule.settings;
  const inventory = await loadInventory(runtime.clients.ec2, runtime.region, { routingOnly: true });
  options.onInventory?.(inventory);
  const units = buildUnits(inventory);
  const measure = measurementsNeeded(units, now, settings);
  const [recentBytes, alarming] = await Promise.all([
    recentTraffic(runtime, measure.traffic, now, settings, inventory.natGateways),
    measure.alarms ? alarmingGateways(runtime) : new Set<string>(),
  ]);
  const plans = planSchedule({ inventory, units, now, settings, recentBytes, alarming });
  if (!runtime.apply) {
    const actions = plans.map((p) =>
      report(
        p,
        p.steps.length > 0 ? 'planned' : (p.resultWhenDone ?? 'planned'),
        p.steps.map((step) => describeStep(step)),
      ),
    );
    return { at: encodeInstant(now), region: runtime.region, actions, summary: summarize(actions) };
  }
  const margin = config.schedule.safetyMarginSeconds;
  const budget = () => (options.secondsLeft ? options.secondsLeft() - margin : Number.POSITIVE_INFINITY);
  const executed = await executePlans(runtime, plans, budget);
  const actions = executed.map((e) => report(e.plan, e.result, e.done, e));
  await announce(runtime, config, executed, actions, now);
  return { at: encodeInstant(now), region: runtime.region, actions, summary: summarize(actions) };
}

async function announce(
  runtime: Runtime,
  config: ConfigOf<'core' | 'schedule'>,
  executed: ExecutedPlan[],
  actions: ScheduleActionReport[],
  at: Date,
): Promise<void> {
  const events = executed.flatMap((e, i) => {
    const action = actions[i];
    if (!e.plan.event || e.result !== 'done' || !action) return [];
    return [
      {
        detailType: EVENT_DETAIL_TYPES[e.plan.event],
        detail: { ...action, at: encodeInstant(at), region: runtime.region },
      },
    ];
  });
  if (events.length > 0) await putEvents(runtime.clients.eventbridge, events, config.core.eventBusName);
}
