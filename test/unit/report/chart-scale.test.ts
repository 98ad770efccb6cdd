import { describe, expect, it } from 'vitest';
import { formatTick, formatUsdTick, niceAxis, niceCeil } from '../../../lib/report/chart-scale';

describe('chart scales', () => {
  it('should round a maximum up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([
      niceCeil(0.7),
      niceCeil(1.2),
      niceCeil(2.2),
      niceCeil(4.1),
      niceCeil(27),
      niceCeil(0.0031),
    ]).toEqual([1, 2, 2.5, 5, 50, 0.005]);
  });

  it('should give an axis of round steps that reaches the maximum', () => {
    // Act
    const axis = niceAxis(27, 3);

    // Assess
    expect(axis).toEqual({ max: 30, ticks: [0, 10, 20, 30] });
  });

  it('should give an axis to a series with no traffic at all', () => {
    expect(niceAxis(0, 3).max).toBeGreaterThan(0);
  });

  it('should keep tick labels short', () => {
    expect([
      formatTick(1200),
      formatTick(12.5),
      formatTick(0.25),
      formatUsdTick(1500),
      formatUsdTick(7.5),
    ]).toEqual(['1,200', '12.5', '0.25', '$1.5k', '$7.50']);
  });
});
