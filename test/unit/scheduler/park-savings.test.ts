import { describe, expect, it } from 'vitest';
import { lineageSavings } from '../../../lib/domain/scheduler/park-savings';

const PERIOD = { from: new Date('2026-11-16T00:00:00Z'), to: new Date('2026-11-17T00:00:00Z') };
const PRICES = { natGatewayHourly: 0.045, publicIpv4Hourly: 0.005 };

function instance(natGatewayId: string, start: string, end: string) {
  return { natGatewayId, lineage: 'nat-1', start: new Date(start), end: new Date(end), publicIpv4Count: 1 };
}

describe('lineageSavings', () => {
  it('should count the hours a gateway of the lineage existed against the whole period', () => {
    // Act
    const savings = lineageSavings(
      'nat-1',
      [
        instance('nat-1', '2026-11-16T00:00:00Z', '2026-11-16T00:01:00Z'),
        instance('nat-2', '2026-11-16T06:00:00Z', '2026-11-16T18:01:00Z'),
      ],
      PERIOD,
      PRICES,
    );

    // Assess
    expect(savings.hoursAllUp).toBe(24);
    expect(savings.hoursUp).toBeCloseTo(12 + 2 / 60, 10);
    expect([savings.billedHoursAllUp, savings.billedHoursUp, savings.billedHoursSaved]).toEqual([24, 14, 10]);
    expect(savings.dollarsSaved).toBeCloseTo(0.45, 10);
  });

  it('should say what the kept Elastic IP still costs while parked', () => {
    // Act
    const savings = lineageSavings(
      'nat-1',
      [instance('nat-1', '2026-11-16T00:00:00Z', '2026-11-16T12:00:00Z')],
      PERIOD,
      PRICES,
    );

    // Assess
    expect(savings.publicIpv4WhileParked).toBeCloseTo(12 * 0.005, 10);
  });

  it('should clip lifetimes to the period', () => {
    // Act
    const savings = lineageSavings(
      'nat-1',
      [instance('nat-1', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')],
      PERIOD,
      PRICES,
    );

    // Assess
    expect([savings.hoursUp, savings.hoursSaved, savings.dollarsSaved]).toEqual([24, 0, 0]);
  });
});
