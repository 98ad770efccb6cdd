// The events the failover function receives: a CloudWatch alarm state change, or its own 5-minute recheck.
import * as z from 'zod/mini';
import { scheduledEventSchema } from '../../events/scheduled-event';

export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
export type AlarmStateValue = (typeof ALARM_STATES)[number];

export const ALARM_DETAIL_TYPE = 'CloudWatch Alarm State Change';
export const NAT_GATEWAY_DIMENSION = 'NatGatewayId';

// CloudWatch writes offsets without a colon ("…551+0000"): any instant Date can read is accepted.
const instant = z
  .string()
  .check(z.refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO-8601 instant'));

const alarmState = z.looseObject({
  value: z.enum(ALARM_STATES),
  reason: z.optional(z.string()),
  reasonData: z.optional(z.string()),
  timestamp: instant,
});

const alarmMetric = z.looseObject({
  id: z.string(),
  expression: z.optional(z.string()),
  label: z.optional(z.string()),
  returnData: z.optional(z.boolean()),
  metricStat: z.optional(
    z.looseObject({
      metric: z.looseObject({
        namespace: z.optional(z.string()),
        name: z.string(),
        dimensions: z.optional(z.record(z.string(), z.string())),
      }),
      period: z.optional(z.number()),
      stat: z.optional(z.string()),
    }),
  ),
});

export const alarmStateChangeSchema = z.looseObject({
  'detail-type': z.literal(ALARM_DETAIL_TYPE),
  source: z.literal('aws.cloudwatch'),
  account: z.optional(z.string()),
  region: z.optional(z.string()),
  time: instant,
  resources: z.optional(z.array(z.string())),
  detail: z.looseObject({
    alarmName: z.string().check(z.minLength(1)),
    state: alarmState,
    previousState: z.optional(alarmState),
    configuration: z.optional(
      z.looseObject({ description: z.optional(z.string()), metrics: z.optional(z.array(alarmMetric)) }),
    ),
  }),
});

export type AlarmStateChangeEvent = z.infer<typeof alarmStateChangeSchema>;

export const failoverTriggerSchema = z.union([alarmStateChangeSchema, scheduledEventSchema]);
export type FailoverTrigger = z.infer<typeof failoverTriggerSchema>;

export function isAlarmEvent(trigger: FailoverTrigger): trigger is AlarmStateChangeEvent {
  return trigger['detail-type'] === ALARM_DETAIL_TYPE;
}

export type GatewayOfAlarm = { natGatewayId: string } | { reason: string };

/** The gateway an alarm watches, read from its metrics' NatGatewayId dimension (never from the alarm's name). */
export function gatewayOfAlarmMetrics(
  metrics: ReadonlyArray<{ dimensions: Readonly<Record<string, string>> }>,
): GatewayOfAlarm {
  const ids = new Set(metrics.flatMap((m) => m.dimensions[NAT_GATEWAY_DIMENSION] ?? []));
  const [first, ...others] = [...ids];
  if (first === undefined)
    return { reason: `none of the alarm's metrics has a ${NAT_GATEWAY_DIMENSION} dimension` };
  if (others.length > 0) return { reason: `the alarm watches several NAT gateways (${[...ids].join(', ')})` };
  return { natGatewayId: first };
}

export function gatewayOfAlarmEvent(event: AlarmStateChangeEvent): GatewayOfAlarm {
  const metrics = event.detail.configuration?.metrics ?? [];
  return gatewayOfAlarmMetrics(metrics.map((m) => ({ dimensions: m.metricStat?.metric.dimensions ?? {} })));
}
