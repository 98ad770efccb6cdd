// Thresholds of the daily cost alert; lib/config/alert-config.ts builds them from the environment.

export interface AlertSettings {
  /** IANA zone whose calendar days the alert is about. */
  timezone: string;
  /** Daily cost above which any gateway raises a threshold alert (a gateway's daily-budget tag overrides it). */
  dailyLimitUsd?: number;
  /** Month-end projection of the region's gateways above which a threshold alert is raised. */
  monthlyBudgetUsd?: number;
  /** Anomaly: the day cost more than this multiple of the median of the history days… */
  anomalyMultiplier: number;
  /** …and at least this many dollars, so tiny gateways do not page anyone. */
  anomalyMinUsd: number;
  /** Days before the alerted day whose median is the baseline. */
  historyDays: number;
  /** Publish a short "all clear" message on days with nothing to report. */
  allClearDigest: boolean;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = Object.freeze({
  timezone: 'UTC',
  anomalyMultiplier: 2,
  anomalyMinUsd: 5,
  historyDays: 14,
  allClearDigest: false,
});

/** Fewer usable history days than this: no baseline, so no anomaly alert (the threshold still applies). */
export const MIN_BASELINE_DAYS = 3;
