// How AWS bills a NAT gateway: every hour it exists, plus every byte it processes.

import type { GatewayCost } from '../analysis/analysis-result';
import type { MetricWindow } from '../metric-series';
import { gatewayZones, isRegional, type NatGateway, type NatGatewayState } from '../model';
import { HOUR_MS } from '../time-units';
import type { Prices } from './prices';

export const GIB = 2 ** 30;
export const HOURS_PER_MONTH = 730;
/** Money figures keep full precision but are rounded to a millionth of a dollar to hide float noise. */
const MONEY_PRECISION = 1e6;

/** States that will not be billed next month. */
const ENDING_STATES: ReadonlySet<NatGatewayState> = new Set(['failed', 'deleting', 'deleted']);

export function roundMoney(amount: number): number {
  return Math.round(amount * MONEY_PRECISION) / MONEY_PRECISION;
}

/**
 * Hour buckets of the window (from its start, one hour each, the last one cut at its end) during
 * which the gateway existed; a partial hour is billed as a full one. A failed gateway is not billed,
 * nor is a deleted one whose deletion time is unknown.
 */
export function billedHours(gateway: NatGateway, window: MetricWindow): number {
  if (gateway.state === 'failed') return 0;
  if (gateway.state === 'deleted' && !gateway.deleteTime) return 0;
  const from = Math.max(window.start.getTime(), gateway.createTime?.getTime() ?? Number.NEGATIVE_INFINITY);
  const until = Math.min(window.end.getTime(), gateway.deleteTime?.getTime() ?? Number.POSITIVE_INFINITY);
  if (until <= from) return 0;
  const firstBucket = Math.floor((from - window.start.getTime()) / HOUR_MS);
  const lastBucket = Math.ceil((until - window.start.getTime()) / HOUR_MS);
  return lastBucket - firstBucket;
}

/**
 * AZ-hours billed per gateway hour: 1 for a zonal gateway, the AZs a regional one is configured in (at least 1:
 * a gateway that exists is billed).
 */
export function billedZones(gateway: NatGateway): number {
  return isRegional(gateway) ? Math.max(gatewayZones(gateway).length, 1) : 1;
}

export function gatewayCost(hours: number, processedBytes: number, prices: Prices): GatewayCost {
  const hourly = hours * prices.natGatewayHourly;
  const dataProcessing = (processedBytes / GIB) * prices.natGatewayPerGb;
  return {
    hourly: roundMoney(hourly),
    dataProcessing: roundMoney(dataProcessing),
    total: roundMoney(hourly + dataProcessing),
  };
}

/** Scales an amount observed over `windowHoursObserved` hours to a 730-hour month. */
export function projectMonthly(amountInWindow: number, windowHoursObserved: number): number {
  if (windowHoursObserved <= 0) return 0;
  return (amountInWindow * HOURS_PER_MONTH) / windowHoursObserved;
}

/**
 * What the gateway will cost over a month if it keeps running with the same traffic:
 * 730 hours (per AZ billed: a regional gateway's configured AZs) plus its data rate over `observedHours` scaled
 * to 730 hours. Zero for a gateway that is going away.
 */
export function projectedMonthlyCost(
  gateway: NatGateway,
  processedBytes: number,
  observedHours: number,
  prices: Prices,
  billedZones = 1,
): number {
  if (ENDING_STATES.has(gateway.state)) return 0;
  const hourly = HOURS_PER_MONTH * prices.natGatewayHourly * billedZones;
  const data = projectMonthly(processedBytes / GIB, observedHours) * prices.natGatewayPerGb;
  return roundMoney(hourly + data);
}

/** Monthly data-processing cost of `bytes` seen over `observedHours`. */
export function monthlyDataCost(bytes: number, observedHours: number, perGb: number): number {
  return roundMoney(projectMonthly(bytes / GIB, observedHours) * perGb);
}
