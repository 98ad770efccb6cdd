// What a failover run reports (Contract 3: `{ alarmName, natGatewayId, state, actions:[{ routeTableId, from, to, result }] }`).
import type { ActionResult } from '../action-result';
import type { AlarmStateValue } from './failover-event';
import type { PlanKind } from './failover-plan';
import type { Rejection } from './failover-target';

export interface FailoverAction {
  routeTableId: string;
  from: string | null;
  to: string | null;
  result: ActionResult;
  reason?: string;
  /** AWS's error code when result is "failed". */
  error?: string;
}

export interface EmergencyOutcome {
  natGatewayId: string | null;
  subnetId: string;
  availabilityZone: string;
  allocationId: string | null;
  /** configured / reused / allocated (a new Elastic IP) / existing (an earlier run's gateway was reused). */
  source: 'configured' | 'reused' | 'allocated' | 'existing' | 'planned';
  result: ActionResult;
  error?: string;
}

export interface GatewayOutcome {
  natGatewayId: string;
  vpcId: string | null;
  kind: PlanKind;
  alarmState: AlarmStateValue | 'none';
  reason: string;
  target: string | null;
  actions: FailoverAction[];
  rejectedTargets: Rejection[];
  noTarget: boolean;
  emergency?: EmergencyOutcome;
  removedEmergencyGateways: string[];
  /** When the last route was replaced (ISO), for RecoverySeconds. */
  lastMovedAt: string | null;
}

export type RunOutcome = 'failover' | 'failback' | 'none' | 'ignored' | 'no-target';

export interface Notified {
  sns: boolean;
  event: boolean;
  error?: string;
}

export interface FailoverRunResult {
  alarmName: string;
  natGatewayId: string | null;
  /** The state the event announced. */
  state: AlarmStateValue;
  /** The alarm's state in CloudWatch when handled: what was acted on (events may repeat or arrive out of order). */
  alarmState: AlarmStateValue | 'none' | null;
  outcome: RunOutcome;
  reason: string;
  target: string | null;
  actions: FailoverAction[];
  routesMoved: number;
  /** Alarm state timestamp → last route replaced. */
  recoverySeconds: number | null;
  rejectedTargets: Rejection[];
  emergency?: EmergencyOutcome;
  removedEmergencyGateways: string[];
  notified: Notified;
}

export function routesMoved(actions: FailoverAction[]): number {
  return actions.filter((a) => a.result === 'done').length;
}

export function runOutcome(gateway: GatewayOutcome): RunOutcome {
  if (gateway.noTarget) return 'no-target';
  return gateway.kind;
}
