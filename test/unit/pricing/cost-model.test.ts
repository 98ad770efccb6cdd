import { describe, expect, it } from 'vitest';
import {
  billedHours,
  GIB,
  gatewayCost,
  HOURS_PER_MONTH,
  projectedMonthlyCost,
  projectMonthly,
} from '../../../lib/domain/pricing/cost-model';
import { natGateway, US_EAST_1_PRICES, windowOf } from '../analysis/analysis-builders';

const WINDOW = windowOf(336);
const at = (iso: string) => new Date(iso);

describe('billedHours', () => {
  it('should bill every hour of the window for a gateway that existed throughout', () => {
    // Act
    const hours = billedHours(natGateway('nat-1'), WINDOW);

    // Assess
    expect(hours).toBe(336);
  });

  it('should bill a partial first hour as a full hour', () => {
    // Prepare
    const gateway = natGateway('nat-1', { createTime: at('2026-11-15T21:59:00Z') });

    // Act
    const hours = billedHours(gateway, WINDOW);

    // Assess: 21:59-22:00, 22-23, 23-24
    expect(hours).toBe(3);
  });

  it('should bill a deleted gateway up to the hour of its deletion', () => {
    // Prepare
    const gateway = natGateway('nat-1', { state: 'deleted', deleteTime: at('2026-11-02T10:30:00Z') });

    // Act
    const hours = billedHours(gateway, WINDOW);

    // Assess
    expect(hours).toBe(11);
  });

  it('should bill nothing for a gateway deleted before the window', () => {
    // Prepare
    const gateway = natGateway('nat-1', { state: 'deleted', deleteTime: at('2026-10-30T00:00:00Z') });

    // Act
    const hours = billedHours(gateway, WINDOW);

    // Assess
    expect(hours).toBe(0);
  });

  it('should bill nothing for a failed gateway', () => {
    // Act
    const hours = billedHours(natGateway('nat-1', { state: 'failed' }), WINDOW);

    // Assess
    expect(hours).toBe(0);
  });

  it('should bill nothing for a deleted gateway whose deletion time is unknown', () => {
    // Act
    const hours = billedHours(natGateway('nat-1', { state: 'deleted' }), WINDOW);

    // Assess
    expect(hours).toBe(0);
  });
});

describe('gatewayCost', () => {
  it('should add the hourly charge and the data processing charge', () => {
    // Act
    const cost = gatewayCost(336, 100 * GIB, US_EAST_1_PRICES);

    // Assess
    expect(cost).toEqual({ hourly: 15.12, dataProcessing: 4.5, total: 19.62 });
  });

  it('should keep sub-cent precision rounded to a millionth of a dollar', () => {
    // Act
    const cost = gatewayCost(1, 1_000_000_000, US_EAST_1_PRICES);

    // Assess: 1e9 / 2^30 × 0.045 = 0.04190952…
    expect(cost.dataProcessing).toBe(0.04191);
    expect(cost.total).toBe(0.08691);
  });
});

describe('projectMonthly', () => {
  it('should scale an amount from the window to 730 hours', () => {
    // Act
    const monthly = projectMonthly(10, 365);

    // Assess
    expect(monthly).toBe(20);
  });
});

describe('projectedMonthlyCost', () => {
  it('should charge 730 hours plus the data rate of the window scaled to a month', () => {
    // Act
    const monthly = projectedMonthlyCost(natGateway('nat-1'), 336 * GIB, 336, US_EAST_1_PRICES);

    // Assess
    expect(monthly).toBeCloseTo(HOURS_PER_MONTH * 0.045 + HOURS_PER_MONTH * 0.045, 6);
  });

  it('should be zero for a deleted gateway', () => {
    // Act
    const monthly = projectedMonthlyCost(
      natGateway('nat-1', { state: 'deleted' }),
      GIB,
      336,
      US_EAST_1_PRICES,
    );

    // Assess
    expect(monthly).toBe(0);
  });
});
