// What each NAT gateway cost on one calendar day, on each day of its recent history, and over its month.
// The formulas are the cost model's (billed hours × hourly price + processed GiB × per-GB price); this file
// only cuts the metric window into days.

import type { GatewayCost } from '../analysis/analysis-result';
import { billedZones } from '../analysis/regional-costs';
import type { GatewayMetrics, MetricSeries, MetricWindow } from '../metric-series';
import type { NatGateway } from '../model';
import { UP_STATES } from '../model';
import { billedHours, gatewayCost, roundMoney } from '../pricing/cost-model';
import type { Prices } from '../pricing/prices';
import { type AlertCalendar, type CalendarDay, remainingHoursInMonth } from './alert-calendar';

export interface DayFigures {
  date: string;
  billedHours: number;
  /** BytesInFromSource: what the VPC's instances sent out through the gateway. */
  bytesFromSource: number;
  /** BytesInFromDestination: what came back in from the internet (responses, downloads). */
  bytesFromDestination: number;
  cost: GatewayCost;
}

export interface GatewayDailyCost {
  natGatewayId: string;
  day: DayFigures;
  /** History days the gateway existed for in full and CloudWatch had data for, oldest first. */
  history: DayFigures[];
  monthToDate: number;
  /** Month to date + the rest of the month at the day's cost per billed hour (nothing more for a gateway going away). */
  projectedMonthEnd: number;
}

export interface RegionCostTotals {
  dayCost: number;
  monthToDate: number;
  projectedMonthEnd: number;
}

/** States in which a gateway keeps being billed after the day. */

function sumBuckets(series: MetricSeries | undefined, window: MetricWindow, from: Date, to: Date): number {
  if (!series) return 0;
  const periodMs = window.periodSeconds * 1000;
  const first = Math.max(0, Math.round((from.getTime() - window.start.getTime()) / periodMs));
  const last = Math.min(series.values.length, Math.round((to.getTime() - window.start.getTime()) / periodMs));
  let total = 0;
  for (let i = first; i < last; i += 1) total += series.values[i] ?? 0;
  return total;
}

/**
 * First instant with CloudWatch data. GetMetricData says how many buckets had a datapoint, not which: the
 * missing ones are taken to be at the end as far as the series ends in zeros (a day not reported yet), and
 * the rest at the start (the gateway or its metrics did not exist yet).
 */
function coverageStart(metrics: GatewayMetrics[string] | undefined, window: MetricWindow): Date {
  const buckets = Math.ceil((window.end.getTime() - window.start.getTime()) / (window.periodSeconds * 1000));
  const source = metrics?.BytesInFromSource;
  const destination = metrics?.BytesInFromDestination;
  const present = Math.max(source?.present ?? 0, destination?.present ?? 0);
  let trailingZeros = 0;
  while (
    trailingZeros < buckets &&
    (source?.values[buckets - 1 - trailingZeros] ?? 0) +
      (destination?.values[buckets - 1 - trailingZeros] ?? 0) ===
      0
  ) {
    trailingZeros += 1;
  }
  const leadingMissing = Math.max(0, buckets - present - trailingZeros);
  return new Date(window.start.getTime() + leadingMissing * window.periodSeconds * 1000);
}

function figures(
  gateway: NatGateway,
  metrics: GatewayMetrics[string] | undefined,
  window: MetricWindow,
  span: { date: string; start: Date; end: Date },
  prices: Prices,
): DayFigures {
  const hours = billedHours(gateway, {
    start: span.start,
    end: span.end,
    periodSeconds: window.periodSeconds,
  });
  const bytesFromSource = sumBuckets(metrics?.BytesInFromSource, window, span.start, span.end);
  const bytesFromDestination = sumBuckets(metrics?.BytesInFromDestination, window, span.start, span.end);
  return {
    date: span.date,
    billedHours: hours,
    bytesFromSource,
    bytesFromDestination,
    // A regional gateway is billed each hour once per AZ it is configured in.
    cost: gatewayCost(hours * billedZones(gateway), bytesFromSource + bytesFromDestination, prices),
  };
}

function usableHistoryDay(day: CalendarDay, figures: DayFigures, covered: Date): boolean {
  return figures.billedHours >= day.hours && day.start.getTime() >= covered.getTime();
}

export function gatewayDailyCost(
  gateway: NatGateway,
  metrics: GatewayMetrics,
  calendar: AlertCalendar,
  prices: Prices,
): GatewayDailyCost {
  const own = metrics[gateway.natGatewayId];
  const { window } = calendar;
  const covered = coverageStart(own, window);
  const day = figures(gateway, own, window, calendar.day, prices);
  const history = calendar.history.flatMap((historyDay) => {
    const past = figures(gateway, own, window, historyDay, prices);
    return usableHistoryDay(historyDay, past, covered) ? [past] : [];
  });
  const monthSpan = { date: calendar.month.label, start: calendar.month.start, end: calendar.day.end };
  const monthToDate = figures(gateway, own, window, monthSpan, prices).cost.total;
  const continuing = UP_STATES.has(gateway.state) && !gateway.deleteTime;
  const hourlyRunRate = continuing && day.billedHours > 0 ? day.cost.total / day.billedHours : 0;
  return {
    natGatewayId: gateway.natGatewayId,
    day,
    history,
    monthToDate,
    projectedMonthEnd: roundMoney(monthToDate + hourlyRunRate * remainingHoursInMonth(calendar)),
  };
}

/** Gateways billed for at least one hour of the month or of the history up to the end of the day. */
export function billedGateways(gateways: readonly NatGateway[], calendar: AlertCalendar): NatGateway[] {
  return gateways.filter((g) => billedHours(g, calendar.window) > 0);
}

export function dailyCosts(
  gateways: readonly NatGateway[],
  metrics: GatewayMetrics,
  calendar: AlertCalendar,
  prices: Prices,
): GatewayDailyCost[] {
  return billedGateways(gateways, calendar).map((g) => gatewayDailyCost(g, metrics, calendar, prices));
}

export function regionTotals(costs: readonly GatewayDailyCost[]): RegionCostTotals {
  const sum = (pick: (c: GatewayDailyCost) => number) => roundMoney(costs.reduce((t, c) => t + pick(c), 0));
  return {
    dayCost: sum((c) => c.day.cost.total),
    monthToDate: sum((c) => c.monthToDate),
    projectedMonthEnd: sum((c) => c.projectedMonthEnd),
  };
}

/** Middle value (mean of the two middle ones for an even count); undefined for no values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
