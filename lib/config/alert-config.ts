// Settings of the daily cost alert. A bad value stops the handler at cold start: nothing is sent on bad config.
import {
  type AlertSettings,
  DEFAULT_ALERT_SETTINGS,
  MIN_BASELINE_DAYS,
} from '../domain/alerts/alert-settings';
import {
  booleanField,
  defaultTimezone,
  type Env,
  numberField,
  optionalString,
  timezoneField,
} from './env-fields';

/** A month plus the history stays within the 63 days CloudWatch keeps sub-hourly periods (half-hour zones). */
const MAX_HISTORY_DAYS = 30;
const MIN_AMOUNT_USD = 0.01;
const MAX_MULTIPLIER = 100;

export interface AlertConfig {
  settings: AlertSettings;
}

function optionalAmount(env: Env, name: string): number | undefined {
  if (optionalString(env, name) === undefined) return undefined;
  return numberField(env, name, 0, { min: MIN_AMOUNT_USD });
}

export function alertConfig(env: Env): AlertConfig {
  const d = DEFAULT_ALERT_SETTINGS;
  const dailyLimitUsd = optionalAmount(env, 'NAT_OPTIMIZER_DAILY_LIMIT_USD');
  const monthlyBudgetUsd = optionalAmount(env, 'NAT_OPTIMIZER_MONTHLY_BUDGET_USD');
  return {
    settings: {
      timezone: timezoneField(env, 'NAT_OPTIMIZER_ALERT_TIMEZONE', defaultTimezone(env)),
      ...(dailyLimitUsd !== undefined ? { dailyLimitUsd } : {}),
      ...(monthlyBudgetUsd !== undefined ? { monthlyBudgetUsd } : {}),
      anomalyMultiplier: numberField(env, 'NAT_OPTIMIZER_ANOMALY_MULTIPLIER', d.anomalyMultiplier, {
        min: 1,
        max: MAX_MULTIPLIER,
      }),
      anomalyMinUsd: numberField(env, 'NAT_OPTIMIZER_ANOMALY_MIN_USD', d.anomalyMinUsd),
      historyDays: numberField(env, 'NAT_OPTIMIZER_ANOMALY_HISTORY_DAYS', d.historyDays, {
        min: MIN_BASELINE_DAYS,
        max: MAX_HISTORY_DAYS,
        integer: true,
      }),
      allClearDigest: booleanField(env, 'NAT_OPTIMIZER_ALL_CLEAR_DIGEST', d.allClearDigest),
    },
  };
}
