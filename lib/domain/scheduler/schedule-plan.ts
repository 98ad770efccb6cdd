// The shapes of the scheduler's plan: what the planner decides for one gateway, and what it decides from.

import type { ActionResult } from '../action-result';
import type { Inventory } from '../model';
import { UP_STATES } from '../model';
import type { TargetRules } from './park-consolidate';
import type { GuardSettings } from './park-guard';
import type { ScheduleStep } from './park-steps';
import type { ParkUnit } from './park-units';
import type { DesiredState, GatewaySchedule, ScheduleSettings } from './schedule-decision';

export type ScheduleAction = 'park' | 'unpark' | 'consolidate' | 'none';

export interface SchedulePlanSettings extends ScheduleSettings {
  guard: GuardSettings;
}

export interface SchedulePlan {
  natGatewayId: string;
  action: ScheduleAction;
  reason: string;
  routeTableIds: string[];
  steps: ScheduleStep[];
  /** What to report once every step ran (default `done`): a postponement is `skipped`, a cleanup `failed`. */
  resultWhenDone?: ActionResult;
  /** Gateway-hours the park is expected to save (until the gateway is next wanted up). */
  estimatedHoursSaved?: number;
  /** The gateway that replaces this one, when a previous run created it. */
  newNatGatewayId?: string;
  /** The EventBridge event to publish once the steps ran. */
  event?: 'parked' | 'unparked';
}

export interface ScheduleInput {
  inventory: Inventory;
  units: ParkUnit[];
  now: Date;
  settings: SchedulePlanSettings;
  /** Processed bytes of each gateway in the guard's last minutes (gateways that may park). */
  recentBytes: ReadonlyMap<string, number>;
  alarming: ReadonlySet<string>;
}

export interface UnitContext {
  unit: ParkUnit;
  input: ScheduleInput;
  gatewaySchedule: GatewaySchedule;
  desired: DesiredState;
  targets: TargetRules;
  /** Route tables a park planned earlier in this run takes (table id → gateway id). */
  claims: Map<string, string>;
}

export function isLive(unit: ParkUnit): boolean {
  return unit.gateway !== undefined && UP_STATES.has(unit.gateway.state);
}
