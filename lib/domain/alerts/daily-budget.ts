// The daily budget a user sets on a gateway (tag nat-optimizer:daily-budget), read and checked.
import type { Tags } from '../model';
import { ALERT_TAGS } from '../tag-keys';

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
