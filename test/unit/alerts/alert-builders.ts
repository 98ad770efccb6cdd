// Test helper: synthetic daily traffic for the cost-alert domain, on the calendar of 2026-11-15 (UTC, 14 days of history).

import { type AlertCalendar, alertCalendar } from '../../../lib/domain/alerts/alert-calendar';
import { type AlertInput, decideAlerts } from '../../../lib/domain/alerts/alert-decisions';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS } from '../../../lib/domain/alerts/alert-settings';
import { dailyCosts, type GatewayDailyCost, regionTotals } from '../../../lib/domain/alerts/daily-cost';
import type { GatewayMetrics } from '../../../lib/domain/metric-series';
import type { NatGateway } from '../../../lib/domain/model';
import { HOUR_MS } from '../../../lib/domain/time-units';
import { GIB, natGateway, US_EAST_1_PRICES } from '../analysis/analysis-builders';

export { GIB, natGateway, US_EAST_1_PRICES };
export const ALERT_DATE = '2026-11-15';

export function utcCalendar(historyDays = 14): AlertCalendar {
  return alertCalendar(ALERT_DATE, 'UTC', historyDays);
}

/**
 * Metrics for one gateway over the calendar's window: `gibPerDay(date)` GiB a day, spread evenly over the
 * hours, split `outboundShare` to BytesInFromSource and the rest to BytesInFromDestination.
 */
export function dailyTraffic(
  calendar: AlertCalendar,
  gibPerDay: (date: string) => number,
  outboundShare = 0.3,
): GatewayMetrics[string] {
  const hours = (calendar.window.end.getTime() - calendar.window.start.getTime()) / HOUR_MS;
  const source: number[] = [];
  const destination: number[] = [];
  for (let i = 0; i < hours; i += 1) {
    const date = new Date(calendar.window.start.getTime() + i * HOUR_MS).toISOString().slice(0, 10);
    const bytes = (gibPerDay(date) * GIB) / 24;
    source.push(bytes * outboundShare);
    destination.push(bytes * (1 - outboundShare));
  }
  const series = (values: number[]) => ({
    start: calendar.window.start,
    periodSeconds: 3600,
    values,
    present: values.length,
  });
  return { BytesInFromSource: series(source), BytesInFromDestination: series(destination) };
}

/** 100 GiB every history day, `dayGib` on the alerted day. */
export function steadyThenDay(dayGib: number, usualGib = 100) {
  return (date: string) => (date === ALERT_DATE ? dayGib : usualGib);
}

export function costsOf(
  gateways: NatGateway[],
  metrics: GatewayMetrics,
  calendar: AlertCalendar = utcCalendar(),
): GatewayDailyCost[] {
  return dailyCosts(gateways, metrics, calendar, US_EAST_1_PRICES);
}

export function decide(
  gateways: NatGateway[],
  metrics: GatewayMetrics,
  settings: Partial<AlertSettings> = {},
  calendar: AlertCalendar = utcCalendar(),
) {
  const costs = costsOf(gateways, metrics, calendar);
  const input: AlertInput = {
    gateways,
    costs,
    totals: regionTotals(costs),
    calendar,
    settings: { ...DEFAULT_ALERT_SETTINGS, ...settings },
  };
  return decideAlerts(input);
}

/** The day's cost by the cost model's formula, from GiB processed and billed hours. */
export function expectedCost(gib: number, hours = 24): number {
  return hours * US_EAST_1_PRICES.natGatewayHourly + gib * US_EAST_1_PRICES.natGatewayPerGb;
}
