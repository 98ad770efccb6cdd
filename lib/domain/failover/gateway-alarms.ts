// A gateway may have two alarms (its metric alarm and, with fast detection, its probe alarm): it is failing while
// either is in ALARM, and recovered only when both are OK, so the fast alarm's OK cannot move routes back while
// the metric alarm still sees drops (or the other way round).
import type { AlarmStateValue } from './failover-event';

export interface GatewayAlarm {
  alarmName: string;
  natGatewayId?: string;
  state: AlarmStateValue;
  stateUpdatedAt?: Date;
}

const SEVERITY: Readonly<Record<AlarmStateValue, number>> = { OK: 0, INSUFFICIENT_DATA: 1, ALARM: 2 };

/** Per gateway, the worst state of its alarms: ALARM, then INSUFFICIENT_DATA, then OK. */
export function gatewayAlarmStates(alarms: readonly GatewayAlarm[]): Map<string, AlarmStateValue> {
  const states = new Map<string, AlarmStateValue>();
  for (const alarm of alarms) {
    if (!alarm.natGatewayId) continue;
    const seen = states.get(alarm.natGatewayId);
    if (seen === undefined || SEVERITY[alarm.state] > SEVERITY[seen])
      states.set(alarm.natGatewayId, alarm.state);
  }
  return states;
}

/**
 * The alarm that puts the gateway in its state: of its alarms in that state, the one that entered it last (its
 * time dates the failover; its name goes into the notification).
 */
export function decidingAlarm<T extends GatewayAlarm>(
  alarms: readonly T[],
  natGatewayId: string,
): T | undefined {
  const own = alarms.filter((a) => a.natGatewayId === natGatewayId);
  const state = gatewayAlarmStates(own).get(natGatewayId);
  const inState = own.filter((a) => a.state === state);
  return inState.reduce<T | undefined>(
    (latest, a) =>
      !latest || (a.stateUpdatedAt?.getTime() ?? 0) > (latest.stateUpdatedAt?.getTime() ?? 0) ? a : latest,
    undefined,
  );
}
