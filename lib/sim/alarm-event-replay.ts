// What AWS did before it delivered an alarm state change event: the alarm is in the event's state, and the clock
// is at least at the event. A simulated account replays it before the failover handler sees the event (the CLI's
// `failover --event` on a snapshot, and `serverless invoke local -f failover`).
import {
  type AlarmStateChangeEvent,
  alarmStateChangeSchema,
  gatewayOfAlarmEvent,
} from '../domain/failover/failover-event';
import { FAILOVER_ALARM_PREFIX } from '../domain/failover/failover-opt-in';
import { applyAlarmStateChange } from './alarms';
import type { SimAccount } from './sim-account';

export function replayAlarmEvent(sim: SimAccount, event: AlarmStateChangeEvent): void {
  const eventTime = new Date(event.time);
  if (eventTime > sim.now()) sim.setClock(eventTime);
  const gateway = gatewayOfAlarmEvent(event);
  if (!event.detail.alarmName.startsWith(FAILOVER_ALARM_PREFIX) || 'reason' in gateway) return;
  applyAlarmStateChange(sim, {
    alarmName: event.detail.alarmName,
    natGatewayId: gateway.natGatewayId,
    state: event.detail.state.value,
    at: new Date(event.detail.state.timestamp),
    ...(event.detail.state.reason ? { reason: event.detail.state.reason } : {}),
  });
}

/** Any event a handler is about to get: alarm state changes are replayed, everything else changes nothing. */
export function replayDeliveredEvent(sim: SimAccount, event: unknown): void {
  const parsed = alarmStateChangeSchema.safeParse(event);
  if (parsed.success) replayAlarmEvent(sim, parsed.data);
}
