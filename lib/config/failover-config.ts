// Settings of failover, its health alarms and the optional egress probe.
import { DEFAULT_FAILOVER_SETTINGS, type FailoverSettings } from '../domain/failover-settings';
import { ConfigError, type Env, listField, numberField, optionalString } from './env-fields';

const SECONDS_PER_MINUTE = 60;
const MAX_HOLD_MINUTES = 24 * 60;
const MAX_CONCURRENCY = 50;
const MAX_EVALUATION_PERIODS = 30;
const MAX_PROBE_TIMEOUT_MS = 20_000;
const MIN_PROBE_TIMEOUT_MS = 100;

export interface EgressProbeConfig {
  /** Asked with HTTPS HEAD; any answer (even 4xx/5xx) proves egress works. */
  url: string;
  timeoutMs: number;
  /** The gateway the probe's subnets route through; absent: the probe has nothing to measure. */
  natGatewayId?: string;
}

export interface FailoverConfig {
  settings: FailoverSettings;
  probe: EgressProbeConfig;
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

function probeUrl(env: Env): string {
  const name = 'NAT_OPTIMIZER_EGRESS_PROBE_URL';
  const text = optionalString(env, name) ?? 'https://aws.amazon.com/';
  if (!URL.canParse(text) || new URL(text).protocol !== 'https:') {
    throw new ConfigError(`${name} must be an https:// URL, got "${text}"`);
  }
  return text;
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
  const probeGateway = optionalString(env, 'NAT_OPTIMIZER_EGRESS_PROBE_NAT_GATEWAY_ID');
  if (probeGateway !== undefined && !/^nat-[0-9a-f]+$/.test(probeGateway)) {
    throw new ConfigError(
      `NAT_OPTIMIZER_EGRESS_PROBE_NAT_GATEWAY_ID must be a NAT gateway id, got "${probeGateway}"`,
    );
  }
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
    },
    probe: {
      url: probeUrl(env),
      timeoutMs: numberField(env, 'NAT_OPTIMIZER_EGRESS_PROBE_TIMEOUT_MS', 3000, {
        min: MIN_PROBE_TIMEOUT_MS,
        max: MAX_PROBE_TIMEOUT_MS,
        integer: true,
      }),
      ...(probeGateway ? { natGatewayId: probeGateway } : {}),
    },
  };
}
