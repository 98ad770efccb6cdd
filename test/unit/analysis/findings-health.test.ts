import { describe, expect, it } from 'vitest';
import {
  defaultRouteTo,
  findingOf,
  GIB,
  hourly,
  inventory,
  natGateway,
  routeTable,
  run,
  series,
  trafficMetrics,
} from './analysis-builders';

function analyzeWith(extra: Parameters<typeof trafficMetrics>[1], settings = {}) {
  const account = inventory({
    natGateways: [natGateway('nat-1', { tags: { Name: 'prod-b' } })],
    routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])],
  });
  const metrics = {
    'nat-1': trafficMetrics(
      hourly(() => 10 * GIB),
      extra,
    ),
  };
  return run({ inventory: account, metrics, settings });
}

const onceAt = (index: number, value: number) => series(hourly((_, i) => (i === index ? value : 0)));

describe('PORT_ALLOCATION_ERRORS', () => {
  it('should flag port allocation errors as high severity and say how to add ports', () => {
    // Act
    const result = analyzeWith({ ErrorPortAllocation: onceAt(100, 446) });

    // Assess
    const finding = findingOf(result, 'nat-1', 'PORT_ALLOCATION_ERRORS');
    expect(finding).toMatchObject({ severity: 'high', estimatedMonthlySavings: null });
    expect(finding?.message).toContain('could not allocate a source port 446 times in 336 h');
    expect(finding?.message).toContain('exhausted the 55,000 simultaneous connections per address');
    expect(finding?.message).toContain('add secondary IP addresses');
  });

  it('should stay silent below the configured threshold', () => {
    // Act
    const result = analyzeWith({ ErrorPortAllocation: onceAt(100, 3) }, { portAllocationErrorThreshold: 10 });

    // Assess
    expect(findingOf(result, 'nat-1', 'PORT_ALLOCATION_ERRORS')).toBeUndefined();
  });
});

describe('PACKET_DROPS', () => {
  it('should flag drops at or above the ratio threshold with the ratio in the details', () => {
    // Prepare: 336 × 1,000 packets in, 100 dropped
    const packets = series(hourly(() => 1000));

    // Act
    const result = analyzeWith({ PacketsInFromSource: packets, PacketsDropCount: onceAt(5, 100) });

    // Assess
    const finding = findingOf(result, 'nat-1', 'PACKET_DROPS');
    expect(finding?.severity).toBe('medium');
    expect(finding?.details?.dropRatio).toBeCloseTo(100 / 336_000, 12);
    expect(finding?.message).toContain('dropped 100 packets in 336 h, 0.030% of the packets it received');
  });

  it('should stay silent below the ratio threshold', () => {
    // Prepare: 1 drop in 336,000 packets is below 0.01%
    const packets = series(hourly(() => 1000));

    // Act
    const result = analyzeWith({ PacketsInFromSource: packets, PacketsDropCount: onceAt(5, 1) });

    // Assess
    expect(findingOf(result, 'nat-1', 'PACKET_DROPS')).toBeUndefined();
  });
});
