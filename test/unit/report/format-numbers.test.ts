import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatGib,
  formatPrice,
  formatUsd,
  formatUsdWhole,
} from '../../../lib/report/format-numbers';

describe('formatUsd', () => {
  it('should show dollars with thousands separators and cents', () => {
    // Prepare
    const amount = 1234.555;

    // Act
    const text = formatUsd(amount);

    // Assess
    expect(text).toBe('$1,234.56');
  });

  it('should put the sign before the dollar sign for a negative amount', () => {
    expect(formatUsd(-12.5)).toBe('-$12.50');
  });

  it('should round to whole dollars for headlines', () => {
    expect(formatUsdWhole(1234.56)).toBe('$1,235');
  });

  it('should keep up to four decimals of a unit price', () => {
    expect([formatPrice(0.045), formatPrice(0.0025), formatPrice(1)]).toEqual(['$0.045', '$0.0025', '$1.00']);
  });
});

describe('formatBytes', () => {
  it('should use binary units with two decimals', () => {
    // Prepare
    const bytes = 1.23 * 1024 ** 4;

    // Act
    const text = formatBytes(bytes);

    // Assess
    expect(text).toBe('1.23 TiB');
  });

  it('should show whole bytes below one KiB', () => {
    expect([formatBytes(0), formatBytes(512), formatBytes(1024)]).toEqual(['0 B', '512 B', '1.00 KiB']);
  });

  it('should stop at the largest unit instead of running out of units', () => {
    expect(formatBytes(2 * 1024 ** 7)).toBe('2048.00 EiB');
  });
});

describe('formatGib', () => {
  it('should show GiB with separators and two decimals', () => {
    expect(formatGib(6048 * 2 ** 30)).toBe('6,048.00');
  });
});
