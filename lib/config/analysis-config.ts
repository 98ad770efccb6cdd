// Settings of the nightly analysis: its window and the thresholds of its findings.

import { type AnalysisSettings, DEFAULT_ANALYSIS_SETTINGS } from '../domain/analysis/analysis-settings';
import { GIB } from '../domain/pricing/cost-model';
import { defaultTimezone, type Env, numberField } from './env-fields';

export interface AnalysisConfig {
  settings: AnalysisSettings;
  /** Days of metrics one analysis looks at, ending at the last full hour. */
  windowDays: number;
}

/** Days of metrics one analysis looks at (the flow-log retention must cover them too). */
export function analysisWindowDays(env: Env): number {
  return numberField(env, 'NAT_OPTIMIZER_ANALYSIS_DAYS', 14, { min: 1, max: 62, integer: true });
}

export function analysisConfig(env: Env): AnalysisConfig {
  const d = DEFAULT_ANALYSIS_SETTINGS;
  return {
    windowDays: analysisWindowDays(env),
    settings: {
      idleBytesThreshold: numberField(env, 'NAT_OPTIMIZER_IDLE_GIB', d.idleBytesThreshold / GIB) * GIB,
      offHoursQuietFraction: numberField(env, 'NAT_OPTIMIZER_QUIET_FRACTION', d.offHoursQuietFraction, {
        max: 1,
      }),
      offHoursMinSavingHours: numberField(env, 'NAT_OPTIMIZER_MIN_PARKED_HOURS', d.offHoursMinSavingHours, {
        max: 168,
      }),
      offHoursTimezone: defaultTimezone(env),
      portAllocationErrorThreshold: numberField(
        env,
        'NAT_OPTIMIZER_PORT_ERRORS_THRESHOLD',
        d.portAllocationErrorThreshold,
      ),
      packetDropRatioThreshold: numberField(
        env,
        'NAT_OPTIMIZER_DROP_RATIO_THRESHOLD',
        d.packetDropRatioThreshold,
        {
          max: 1,
        },
      ),
    },
  };
}
