// The shapes of the daily cost alert's decisions.

import type { Tags } from '../model';
import type { TrafficCause } from './alert-cause';

export const ALERT_KINDS = ['threshold', 'anomaly'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** daily-limit: NAT_OPTIMIZER_DAILY_LIMIT_USD; daily-budget-tag: the gateway's tag; monthly-budget: the region's projection. */
export type AlertReason = 'daily-limit' | 'daily-budget-tag' | 'monthly-budget' | 'anomaly';
export type AlertSeverity = 'high' | 'medium';

export interface CostAlert {
  kind: AlertKind;
  reason: AlertReason;
  severity: AlertSeverity;
  /** null for the region-wide monthly budget. */
  natGatewayId: string | null;
  /** The day's cost; for the monthly budget, the region's month-end projection. */
  cost: number;
  /** Median cost of the usable history days; null without enough history (and for the monthly budget). */
  baseline: number | null;
  /** What was crossed: the daily limit or budget, the monthly budget, or multiplier × baseline. */
  limit: number;
  /** Dollars above what was expected (the limit, or the baseline for an anomaly): the ranking key. */
  excess: number;
  cause?: TrafficCause;
}

export interface GatewayTagProblem {
  natGatewayId: string;
  message: string;
}

export interface TagWrite {
  resourceIds: string[];
  tags: Tags;
}
