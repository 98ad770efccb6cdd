// The shapes of a failover plan, shared by the failover and failback planners and the executor.

import type { Inventory } from '../model';
import type { EmergencyPlan } from './failover-emergency';
import type { AlarmStateValue } from './failover-event';
import type { FailoverSettings } from './failover-settings';
import type { AlarmStates, Rejection } from './failover-target';

export type PlanKind = 'failover' | 'failback' | 'none';

export interface TableMove {
  routeTableId: string;
  /** The default route's target now. */
  from: string | undefined;
  /** Where it goes; absent while an emergency gateway has yet to be created. */
  to?: string;
  /** Failover: the gateway the table originally used (kept when a failed-over table moves again). */
  origin: string;
}

export interface TableSkip {
  routeTableId: string;
  from: string | undefined;
  to?: string;
  reason: string;
}

export type FailoverTarget =
  | { kind: 'gateway'; natGatewayId: string }
  | { kind: 'emergency'; plan: EmergencyPlan };

export interface FailoverPlan {
  kind: PlanKind;
  natGatewayId: string;
  vpcId?: string;
  alarmState: AlarmStateValue | 'none';
  reason: string;
  target?: FailoverTarget;
  moves: TableMove[];
  skipped: TableSkip[];
  rejectedTargets: Rejection[];
  /** A failover was needed and nothing can take the routes: alert loudly. */
  noTarget: boolean;
}

export interface PlanContext {
  inventory: Inventory;
  alarms: AlarmStates;
  now: Date;
  /** When the alarm entered its state (names the emergency gateway's idempotency token). */
  alarmAt: Date;
  settings: FailoverSettings;
}

export function basePlan(
  natGatewayId: string,
  alarmState: AlarmStateValue | 'none',
  vpcId?: string,
): FailoverPlan {
  return {
    kind: 'none',
    natGatewayId,
    alarmState,
    reason: '',
    moves: [],
    skipped: [],
    rejectedTargets: [],
    noTarget: false,
    ...(vpcId ? { vpcId } : {}),
  };
}
