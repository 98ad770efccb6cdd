import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  alarmStateChangeSchema,
  failoverTriggerSchema,
  gatewayOfAlarmEvent,
  gatewayOfAlarmMetrics,
  isAlarmEvent,
} from '../../../lib/domain/failover/failover-event';

const sample = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../events/failover-${name}.json`, import.meta.url), 'utf8'));

describe('failover events', () => {
  it('should read the gateway of the sample ALARM event from its metric dimensions', () => {
    // Act
    const event = alarmStateChangeSchema.parse(sample('alarm'));

    // Assess
    expect(gatewayOfAlarmEvent(event)).toEqual({ natGatewayId: 'nat-c96c07fb2aecb9170' });
  });

  it('should accept CloudWatch timestamps whose offset has no colon', () => {
    // Act
    const event = alarmStateChangeSchema.parse(sample('ok'));

    // Assess
    expect(new Date(event.detail.state.timestamp).toISOString()).toBe('2026-11-16T00:21:00.140Z');
  });

  it('should find no gateway in an alarm on another service', () => {
    // Act
    const event = alarmStateChangeSchema.parse(sample('not-ours'));

    // Assess
    expect(gatewayOfAlarmEvent(event)).toEqual({
      reason: "none of the alarm's metrics has a NatGatewayId dimension",
    });
  });

  it('should refuse to pick one of several gateways', () => {
    // Act
    const result = gatewayOfAlarmMetrics([
      { dimensions: { NatGatewayId: 'nat-a' } },
      { dimensions: { NatGatewayId: 'nat-b' } },
    ]);

    // Assess
    expect(result).toEqual({ reason: 'the alarm watches several NAT gateways (nat-a, nat-b)' });
  });

  it('should take the scheduled recheck and an alarm change as triggers, and tell them apart', () => {
    // Prepare
    const scheduled = {
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2026-11-16T00:05:00Z',
      resources: ['arn:aws:events:us-east-1:111122223333:rule/r'],
      detail: {},
    };

    // Act
    const triggers = [
      failoverTriggerSchema.parse(scheduled),
      failoverTriggerSchema.parse(sample('insufficient-data')),
    ];

    // Assess
    expect(triggers.map(isAlarmEvent)).toEqual([false, true]);
  });

  it('should reject an alarm state it does not know', () => {
    // Prepare
    const event = alarmStateChangeSchema.parse(sample('alarm'));
    const firing = {
      ...event,
      detail: { ...event.detail, state: { ...event.detail.state, value: 'FIRING' } },
    };

    // Act
    const parsed = alarmStateChangeSchema.safeParse(firing);

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['detail', 'state', 'value']);
  });
});
