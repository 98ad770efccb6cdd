import { describe, expect, it } from 'vitest';
import { alertCalendar } from '../../../lib/domain/alerts/alert-calendar';
import { gatewayDailyCost, median, regionTotals } from '../../../lib/domain/alerts/daily-cost';
import {
  ALERT_DATE,
  costsOf,
  dailyTraffic,
  expectedCost,
  natGateway,
  steadyThenDay,
  US_EAST_1_PRICES,
  utcCalendar,
} from './alert-builders';

describe('gatewayDailyCost', () => {
  it('should cost the day as billed hours at the hourly price plus its GiB at the per-GB price', () => {
    // Prepare
    const calendar = utcCalendar();
    const metrics = { 'nat-1': dailyTraffic(calendar, steadyThenDay(500)) };

    // Act
    const [cost] = costsOf([natGateway('nat-1')], metrics, calendar);

    // Assess
    expect(cost?.day.billedHours).toBe(24);
    expect(cost?.day.cost.total).toBeCloseTo(expectedCost(500), 6);
  });

  it('should keep outbound and inbound bytes of the day apart', () => {
    // Prepare
    const calendar = utcCalendar();
    const metrics = { 'nat-1': dailyTraffic(calendar, steadyThenDay(100), 0.25) };

    // Act
    const [cost] = costsOf([natGateway('nat-1')], metrics, calendar);

    // Assess
    expect(cost?.day.bytesFromSource).toBeCloseTo(25 * 2 ** 30, 0);
    expect(cost?.day.bytesFromDestination).toBeCloseTo(75 * 2 ** 30, 0);
  });

  it('should leave out history days before the gateway existed for the whole day', () => {
    // Prepare
    const calendar = utcCalendar();
    const gateway = natGateway('nat-1', { createTime: new Date('2026-11-10T12:00:00Z') });
    const metrics = { 'nat-1': dailyTraffic(calendar, steadyThenDay(100)) };

    // Act
    const cost = gatewayDailyCost(gateway, metrics, calendar, US_EAST_1_PRICES);

    // Assess
    expect(cost.history.map((d) => d.date)).toEqual(['2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14']);
  });

  it('should leave out history days before CloudWatch had data for the gateway', () => {
    // Prepare
    const calendar = utcCalendar();
    const traffic = dailyTraffic(calendar, steadyThenDay(100));
    for (const series of [traffic.BytesInFromSource, traffic.BytesInFromDestination]) {
      if (!series) continue;
      series.values.fill(0, 0, 48);
      series.present -= 48;
    }

    // Act
    const cost = gatewayDailyCost(natGateway('nat-1'), { 'nat-1': traffic }, calendar, US_EAST_1_PRICES);

    // Assess
    expect(cost.history).toHaveLength(12);
    expect(cost.history[0]?.date).toBe('2026-11-03');
  });

  it('should project the month end as month to date plus the remaining hours at the day hourly rate', () => {
    // Prepare
    const calendar = utcCalendar();
    const metrics = { 'nat-1': dailyTraffic(calendar, steadyThenDay(200)) };

    // Act
    const [cost] = costsOf([natGateway('nat-1')], metrics, calendar);

    // Assess
    const monthToDate = 14 * expectedCost(100) + expectedCost(200);
    expect(cost?.monthToDate).toBeCloseTo(monthToDate, 5);
    expect(cost?.projectedMonthEnd).toBeCloseTo(monthToDate + 15 * 24 * (expectedCost(200) / 24), 5);
  });

  it('should project nothing more for a gateway that is being deleted', () => {
    // Prepare
    const calendar = utcCalendar();
    const gateway = natGateway('nat-1', { state: 'deleting' });
    const metrics = { 'nat-1': dailyTraffic(calendar, steadyThenDay(100)) };

    // Act
    const cost = gatewayDailyCost(gateway, metrics, calendar, US_EAST_1_PRICES);

    // Assess
    expect(cost.projectedMonthEnd).toBe(cost.monthToDate);
  });

  it('should bill 25 hours on the day the clocks go back', () => {
    // Prepare
    const calendar = alertCalendar('2026-10-25', 'Europe/Berlin', 14);

    // Act
    const cost = gatewayDailyCost(natGateway('nat-1'), {}, calendar, US_EAST_1_PRICES);

    // Assess
    expect(cost.day.billedHours).toBe(25);
    expect(cost.day.cost.total).toBeCloseTo(25 * US_EAST_1_PRICES.natGatewayHourly, 6);
  });
});

describe('regionTotals', () => {
  it('should add the day, month-to-date and projections of every gateway', () => {
    // Prepare
    const calendar = utcCalendar();
    const metrics = {
      'nat-1': dailyTraffic(calendar, steadyThenDay(100)),
      'nat-2': dailyTraffic(calendar, steadyThenDay(300)),
    };
    const costs = costsOf([natGateway('nat-1'), natGateway('nat-2')], metrics, calendar);

    // Act
    const totals = regionTotals(costs);

    // Assess
    expect(totals.dayCost).toBeCloseTo(expectedCost(100) + expectedCost(300), 5);
    expect(costs.map((c) => c.day.date)).toEqual([ALERT_DATE, ALERT_DATE]);
  });
});

describe('median', () => {
  it('should take the mean of the two middle values of an even count', () => {
    // Act
    const value = median([4, 1, 3, 2]);

    // Assess
    expect(value).toBe(2.5);
  });
});

describe('gatewayDailyCost: days without data at the end', () => {
  it('should keep the oldest history days when the alerted day has no data yet', () => {
    // Prepare
    const calendar = utcCalendar();
    const traffic = dailyTraffic(calendar, steadyThenDay(100));
    const dayBuckets = 24;
    for (const series of [traffic.BytesInFromSource, traffic.BytesInFromDestination]) {
      if (!series) continue;
      series.values.fill(0, series.values.length - dayBuckets);
      series.present -= dayBuckets;
    }

    // Act
    const cost = gatewayDailyCost(natGateway('nat-1'), { 'nat-1': traffic }, calendar, US_EAST_1_PRICES);

    // Assess
    expect(cost.history).toHaveLength(14);
    expect(cost.day.cost.total).toBeCloseTo(24 * US_EAST_1_PRICES.natGatewayHourly, 6);
  });
});
