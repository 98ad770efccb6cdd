// Settings of fast detection (docs/failover.md "Fast detection"): which VPCs and gateways, and the high-resolution
// alarm's periods.
import {
  DEFAULT_FAST_DETECTION,
  type FastDetectionSettings,
  HIGH_RESOLUTION_PERIODS,
  type HighResolutionPeriod,
  MIN_FAST_DATAPOINTS,
} from '../domain/failover/fast-detection-settings';
import { ConfigError, type Env, listField, numberField } from './env-fields';

const MAX_EVALUATION_PERIODS = 30;
const OPT_IN_ID = /^(vpc|nat)-[0-9a-f]+$/;

function periodField(env: Env): HighResolutionPeriod {
  const name = 'NAT_OPTIMIZER_FAST_DETECTION_PERIOD_SECONDS';
  const value = numberField(env, name, DEFAULT_FAST_DETECTION.periodSeconds, { integer: true });
  const period = HIGH_RESOLUTION_PERIODS.find((p) => p === value);
  if (period === undefined)
    throw new ConfigError(
      `${name} must be ${HIGH_RESOLUTION_PERIODS.join(', ')} (a high-resolution alarm), got "${value}"`,
    );
  return period;
}

export function fastDetectionConfig(env: Env): FastDetectionSettings {
  const d = DEFAULT_FAST_DETECTION;
  const idsName = 'NAT_OPTIMIZER_FAST_DETECTION';
  const ids = listField(env, idsName);
  const wrong = ids.find((id) => !OPT_IN_ID.test(id));
  if (wrong !== undefined)
    throw new ConfigError(`${idsName} must list VPC ids (vpc-…) and NAT gateway ids (nat-…), got "${wrong}"`);
  const evaluationPeriods = numberField(
    env,
    'NAT_OPTIMIZER_FAST_DETECTION_EVALUATION_PERIODS',
    d.evaluationPeriods,
    {
      min: MIN_FAST_DATAPOINTS,
      max: MAX_EVALUATION_PERIODS,
      integer: true,
    },
  );
  return {
    ids,
    periodSeconds: periodField(env),
    evaluationPeriods,
    // One failing period is never enough: one lost probe check must not move routes.
    datapointsToAlarm: numberField(
      env,
      'NAT_OPTIMIZER_FAST_DETECTION_DATAPOINTS_TO_ALARM',
      Math.min(d.datapointsToAlarm, evaluationPeriods),
      { min: MIN_FAST_DATAPOINTS, max: evaluationPeriods, integer: true },
    ),
    probeSuccessThreshold: d.probeSuccessThreshold,
  };
}
