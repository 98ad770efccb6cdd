// Settings of fast detection (fast-detection.ts); lib/config/failover-config.ts builds them from the environment.

/** Periods CloudWatch accepts for a high-resolution alarm (PutMetricAlarm `Period`: 10, 20, 30). */
export const HIGH_RESOLUTION_PERIODS = [10, 20, 30] as const;
export type HighResolutionPeriod = (typeof HIGH_RESOLUTION_PERIODS)[number];

/** A single failing period must never be enough: one lost check fails at most one period. */
export const MIN_FAST_DATAPOINTS = 2;

export interface FastDetectionSettings {
  /** VPC ids (`vpc-…`) and NAT gateway ids (`nat-…`) opted in by configuration, besides the tag. */
  ids: string[];
  periodSeconds: HighResolutionPeriod;
  evaluationPeriods: number;
  /** Failing periods out of `evaluationPeriods` that raise the alarm (at least MIN_FAST_DATAPOINTS). */
  datapointsToAlarm: number;
  /** Average EgressProbeSuccess per period below which the period is failing. */
  probeSuccessThreshold: number;
}

export const DEFAULT_FAST_DETECTION: FastDetectionSettings = Object.freeze({
  ids: [],
  periodSeconds: 10,
  evaluationPeriods: 3,
  datapointsToAlarm: 2,
  probeSuccessThreshold: 0.5,
});
