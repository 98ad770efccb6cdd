// The scheduler's decision, pure: for each opted-in gateway, the desired state at `now` against what the tags
// and describe calls show, and the steps that close the gap (or none, with the reason).

import type { Tags } from '../model';
import { UP_STATES } from '../model';
import { planAbortPark, planFinishUnpark, planStayParked, planUnpark } from './park-coming-back';
import type { TargetRules } from './park-consolidate';
import { planContinuePark, planGoingOff } from './park-going-off';
import { untouchedReason } from './park-regional';
import { isOptedIn, type ParkUnit } from './park-units';
import {
  type DesiredState,
  desiredState,
  type GatewaySchedule,
  gatewaySchedule,
  keepUpUntil,
} from './schedule-decision';
import {
  isLive,
  type ScheduleInput,
  type SchedulePlan,
  type SchedulePlanSettings,
  type UnitContext,
} from './schedule-plan';
import { ScheduleParseError } from './schedule-window';

interface Evaluated {
  unit: ParkUnit;
  gatewaySchedule?: GatewaySchedule;
  desired?: DesiredState;
  problem?: string;
}

/** Plans for every unit, in a stable order. */
export function planSchedule(input: ScheduleInput): SchedulePlan[] {
  const evaluated = input.units.map((unit) => evaluate(unit, input.now, input.settings));
  const goingOff = new Set(
    evaluated
      .filter((e) => isLive(e.unit) && (e.unit.record !== undefined || e.desired?.up === false))
      .map((e) => e.unit.natGatewayId),
  );
  const targets: TargetRules = { inventory: input.inventory, alarming: input.alarming, goingOff };
  const claims = new Map<string, string>();
  return evaluated.map((e) => planUnit(e, input, targets, claims));
}

/**
 * What to measure before planning: recent traffic of gateways about to go off (for the traffic guard and the
 * consolidate cost), and alarms when a consolidation may pick a target.
 */
export function measurementsNeeded(
  units: ParkUnit[],
  now: Date,
  settings: SchedulePlanSettings,
): { traffic: string[]; alarms: boolean } {
  const evaluated = units.map((unit) => evaluate(unit, now, settings));
  const goingOff = evaluated.filter((e) => isLive(e.unit) && !e.unit.record && e.desired?.up === false);
  const consolidating = evaluated.filter(
    (e) => e.gatewaySchedule?.mode === 'consolidate' && e.desired?.up === false,
  );
  const guardOn = settings.guard.thresholdBytes !== undefined;
  return {
    traffic: goingOff
      .filter((e) => guardOn || e.gatewaySchedule?.mode === 'consolidate')
      .map((e) => e.unit.natGatewayId),
    alarms: consolidating.length > 0,
  };
}

/** The tags that say how a unit is scheduled: the live gateway's own, else those kept in its park record. */
function scheduleTags(unit: ParkUnit): Tags | undefined {
  if (isLive(unit) && unit.gateway) return unit.gateway.tags;
  return unit.record?.tags;
}

function evaluate(unit: ParkUnit, now: Date, settings: SchedulePlanSettings): Evaluated {
  if (unit.problem) return { unit, problem: `damaged park record, left as it is: ${unit.problem}` };
  const untouched = unit.gateway ? untouchedReason(unit.gateway) : undefined;
  if (untouched) return { unit, problem: untouched };
  const tags = scheduleTags(unit);
  if (!tags) return { unit, problem: 'no schedule to evaluate' };
  if (!isOptedIn(tags)) {
    // A park under way on a gateway whose schedule tag was removed: it comes back.
    return { unit, desired: { up: true, reason: 'no longer opted in (nat-optimizer:schedule removed)' } };
  }
  try {
    const parsed = gatewaySchedule(tags, settings.defaultTimezone);
    const override = keepUpUntil([tags, ...unit.holderTags]);
    // A malformed override is bad input like a malformed schedule: reported, and the gateway left as it is.
    if (override.problem) return { unit, problem: `${override.problem}; left as it is` };
    const desired = desiredState(parsed.schedule, now, settings, override);
    return { unit, gatewaySchedule: parsed, desired };
  } catch (error) {
    if (error instanceof ScheduleParseError) return { unit, problem: `${error.message}; left as it is` };
    throw error;
  }
}

function planUnit(
  e: Evaluated,
  input: ScheduleInput,
  targets: TargetRules,
  claims: Map<string, string>,
): SchedulePlan {
  const { unit } = e;
  const none = (reason: string): SchedulePlan => ({
    natGatewayId: unit.natGatewayId,
    action: 'none',
    reason,
    routeTableIds: [],
    steps: [],
    resultWhenDone: 'skipped',
  });
  if (e.problem) return none(e.problem);
  if (!e.desired) return none('nothing to decide');
  const fallback: GatewaySchedule = { schedule: { windows: [], timezone: 'UTC', text: '' }, mode: 'park' };
  const ctx: UnitContext = {
    unit,
    input,
    gatewaySchedule: e.gatewaySchedule ?? fallback,
    desired: e.desired,
    targets,
    claims,
  };
  const live = isLive(unit);
  if (!unit.record) {
    if (!live) return none(`gateway is ${unit.gateway?.state ?? 'gone'} and has no park record`);
    if (unit.gateway?.state === 'pending') return none('gateway is pending: waiting until it is available');
    return e.desired.up ? none(e.desired.reason) : planGoingOff(ctx);
  }
  if (live) {
    if (e.desired.up || !e.gatewaySchedule) return planAbortPark(ctx);
    return planContinuePark(ctx) ?? planAbortPark(ctx);
  }
  const liveReplacement = unit.replacements.find((g) => UP_STATES.has(g.state));
  if (liveReplacement) return planFinishUnpark(ctx, liveReplacement);
  return e.desired.up ? planUnpark(ctx) : planStayParked(ctx);
}
