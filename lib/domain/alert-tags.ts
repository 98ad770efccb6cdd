// Tags of the daily cost alert: the budget users set on a gateway, and what the optimizer remembers having sent.
import type { Tags } from './model';

export const ALERT_TAGS = {
  /** User: the gateway's own daily limit in USD (`25` or `25.50`); overrides NAT_OPTIMIZER_DAILY_LIMIT_USD. */
  dailyBudget: 'nat-optimizer:daily-budget',
  /** Optimizer: the last day the gateway was alerted on and the kinds sent that day, e.g. `2026-11-15 anomaly threshold`. */
  alerted: 'nat-optimizer:alerted',
  /** Optimizer, on every live gateway of the region: month (YYYY-MM) the monthly-budget alert was sent for. */
  budgetAlerted: 'nat-optimizer:budget-alerted',
  /** Optimizer, on every live gateway of the region: last day (YYYY-MM-DD) an all-clear digest was sent for. */
  allClearSent: 'nat-optimizer:all-clear-sent',
} as const;

export class AlertTagError extends Error {
  override name = 'AlertTagError';
}

const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;

/** The gateway's daily budget, undefined when it has none; a malformed value is an AlertTagError naming it. */
export function dailyBudgetOf(gatewayId: string, tags: Tags): number | undefined {
  const raw = tags[ALERT_TAGS.dailyBudget];
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const amount = Number(text);
  if (!AMOUNT.test(text) || amount <= 0) {
    throw new AlertTagError(
      `${gatewayId}: tag ${ALERT_TAGS.dailyBudget} must be a positive amount in USD such as 25 or 25.50, ` +
        `got "${raw}"; its daily budget is not checked until the tag is fixed`,
    );
  }
  return amount;
}
