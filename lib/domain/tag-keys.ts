// Contract 1: the tags that are the optimizer's interface and its memory. Keys other features share live here.

export const TAG_PREFIX = 'nat-optimizer:';

/** Set by users on NAT gateways. */
export const USER_TAGS = {
  schedule: 'nat-optimizer:schedule',
  timezone: 'nat-optimizer:timezone',
  offHours: 'nat-optimizer:off-hours',
  failover: 'nat-optimizer:failover',
} as const;

/** Written by the nightly analysis onto each gateway: its latest figures. */
export const ANALYSIS_TAGS = {
  analyzedAt: 'nat-optimizer:analyzed-at',
  monthlyCost: 'nat-optimizer:monthly-cost',
  monthlySavings: 'nat-optimizer:monthly-savings',
  findings: 'nat-optimizer:findings',
} as const;

/**
 * Route-table tags read by both the scheduler and failover, so neither moves a table the other holds.
 * - parkedGateway: the table's default route pointed at this gateway before it was parked.
 * - failoverFrom / failoverTo / failoverAt: the table was failed over from → to at that instant.
 * - failoverVia: on a second move (the target failed too), the gateway the route was on before it; written with
 *   failoverTo before the route moves, so a crash or a refused move in between still leaves a known target.
 */
export const ROUTE_TABLE_TAGS = {
  parkedGateway: 'nat-optimizer:parked-gateway',
  failoverFrom: 'nat-optimizer:failover-from',
  failoverTo: 'nat-optimizer:failover-to',
  failoverAt: 'nat-optimizer:failover-at',
  failoverVia: 'nat-optimizer:failover-via',
} as const;

/** Marks what the optimizer created (gateways, endpoints, alarms). */
export const MANAGED_TAG = { key: 'nat-optimizer:managed', value: 'true' } as const;

const VALUE_ALLOWED = /^[A-Za-z0-9 +\-=._:/@]*$/;
export const MAX_TAG_VALUE_LENGTH = 256;

export class TagValueError extends Error {
  override name = 'TagValueError';
}

/** Tag values use only letters, digits, spaces and + - = . _ : / @ (Contract 1). */
export function assertTagValue(key: string, value: string): string {
  if (!VALUE_ALLOWED.test(value))
    throw new TagValueError(`tag ${key}: value "${value}" has a character tags cannot hold`);
  if (value.length > MAX_TAG_VALUE_LENGTH)
    throw new TagValueError(`tag ${key}: value longer than ${MAX_TAG_VALUE_LENGTH}`);
  return value;
}

/** A number as a tag value: fixed decimals, no thousands separators. */
export function encodeAmount(amount: number, decimals = 2): string {
  return amount.toFixed(decimals);
}

/** An instant as a tag value: ISO-8601 to the second, UTC. */
export function encodeInstant(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
