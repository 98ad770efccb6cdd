// Settings of failover and of its health alarms (the egress probe's own settings: probe-config.ts).

import { DEFAULT_FAILOVER_SETTINGS, type FailoverSettings } from '../domain/failover/failover-settings';
import { MINUTES_PER_DAY, SECONDS_PER_MINUTE } from '../domain/time-units';
import { ConfigError, type Env, listField, numberField } from './env-fields';
import { fastDetectionConfig } from './fast-detection-config';

const MAX_HOLD_MINUTES = MINUTES_PER_DAY;
const MAX_CONCURRENCY = 50;
const MAX_EVALUATION_PERIODS = 30;

export interface FailoverConfig {
  settings: FailoverSettings;
}

function periodField(env: Env): number {
  const name = 'NAT_OPTIMIZER_FAILOVER_ALARM_PERIOD_SECONDS';
  const value = numberField(env, name, DEFAULT_FAILOVER_SETTINGS.alarm.periodSeconds, {
    min: 60,
    integer: true,
  });
  if (value % SECONDS_PER_MINUTE !== 0)
    throw new ConfigError(`${name} must be a multiple of 60, got "${value}"`);
  return value;
}

export function failoverConfig(env: Env): FailoverConfig {
  const d = DEFAULT_FAILOVER_SETTINGS;
  const evaluationPeriods = numberField(
    env,
    'NAT_OPTIMIZER_FAILOVER_EVALUATION_PERIODS',
    d.alarm.evaluationPeriods,
    {
      min: 1,
      max: MAX_EVALUATION_PERIODS,
      integer: true,
    },
  );
  return {
    settings: {
      minHoldMinutes: numberField(env, 'NAT_OPTIMIZER_FAILOVER_MIN_HOLD_MINUTES', d.minHoldMinutes, {
        max: MAX_HOLD_MINUTES,
      }),
      concurrency: numberField(env, 'NAT_OPTIMIZER_FAILOVER_CONCURRENCY', d.concurrency, {
        min: 1,
        max: MAX_CONCURRENCY,
        integer: true,
      }),
      emergencyVpcIds: listField(env, 'NAT_OPTIMIZER_EMERGENCY_VPCS'),
      probeVpcIds: listField(env, 'NAT_OPTIMIZER_EGRESS_PROBE_VPCS'),
      alarm: {
        periodSeconds: periodField(env),
        evaluationPeriods,
        datapointsToAlarm: numberField(
          env,
          'NAT_OPTIMIZER_FAILOVER_DATAPOINTS_TO_ALARM',
          Math.min(d.alarm.datapointsToAlarm, evaluationPeriods),
          { min: 1, max: evaluationPeriods, integer: true },
        ),
        dropRatioThreshold: numberField(
          env,
          'NAT_OPTIMIZER_FAILOVER_DROP_RATIO',
          d.alarm.dropRatioThreshold,
          {
            max: 1,
          },
        ),
        minPackets: numberField(env, 'NAT_OPTIMIZER_FAILOVER_MIN_PACKETS', d.alarm.minPackets, {
          integer: true,
        }),
        portErrorThreshold: numberField(
          env,
          'NAT_OPTIMIZER_FAILOVER_PORT_ERRORS',
          d.alarm.portErrorThreshold,
        ),
        probeSuccessThreshold: d.alarm.probeSuccessThreshold,
      },
      fastDetection: fastDetectionConfig(env),
    },
  };
}
