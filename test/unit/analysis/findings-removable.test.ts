import { describe, expect, it } from 'vitest';
import {
  codesOf,
  defaultRouteTo,
  findingOf,
  GIB,
  hourly,
  inventory,
  natGateway,
  routeTable,
  run,
  trafficMetrics,
} from './analysis-builders';

const MONTHLY_HOURLY_CHARGE = 730 * 0.045;

describe('UNROUTED', () => {
  it('should flag an available gateway no route targets, with its monthly cost as the saving', () => {
    // Prepare
    const account = inventory({ natGateways: [natGateway('nat-lost', { tags: { Name: 'lost' } })] });

    // Act
    const result = run({ inventory: account, metrics: { 'nat-lost': trafficMetrics(hourly(() => 0)) } });

    // Assess
    const finding = findingOf(result, 'nat-lost', 'UNROUTED');
    expect(finding).toMatchObject({ severity: 'high', estimatedMonthlySavings: MONTHLY_HOURLY_CHARGE });
    expect(finding?.message).toContain('lost (nat-lost) is available but no route table sends traffic to it');
    expect(finding?.message).toContain('$32.85/month');
  });

  it('should raise UNROUTED alone, not IDLE as well', () => {
    // Prepare
    const account = inventory({ natGateways: [natGateway('nat-lost')] });

    // Act
    const result = run({ inventory: account, metrics: { 'nat-lost': trafficMetrics(hourly(() => 0)) } });

    // Assess
    expect(codesOf(result, 'nat-lost')).toEqual(['UNROUTED']);
  });
});

describe('IDLE', () => {
  it('should flag a routed gateway that processed less than the threshold, saving its projected cost', () => {
    // Prepare
    const account = inventory({
      natGateways: [natGateway('nat-quiet')],
      routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-quiet')])],
    });
    const halfGib = GIB / 2;

    // Act
    const result = run({
      inventory: account,
      metrics: { 'nat-quiet': trafficMetrics(hourly((_, i) => (i === 0 ? halfGib : 0))) },
    });

    // Assess
    const expected = MONTHLY_HOURLY_CHARGE + (0.5 / 336) * 730 * 0.045;
    const finding = findingOf(result, 'nat-quiet', 'IDLE');
    expect(finding?.severity).toBe('medium');
    expect(finding?.estimatedMonthlySavings).toBeCloseTo(expected, 6);
    expect(finding?.message).toContain('processed 0.5 GiB in 336 h (idle below 1 GiB)');
    expect(finding?.message).toContain('remove the routes and delete the gateway');
  });

  it('should not flag a gateway at or above the threshold', () => {
    // Prepare
    const account = inventory({
      natGateways: [natGateway('nat-used')],
      routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-used')])],
    });

    // Act
    const result = run({
      inventory: account,
      metrics: { 'nat-used': trafficMetrics(hourly((_, i) => (i === 0 ? GIB : 0))) },
    });

    // Assess
    expect(findingOf(result, 'nat-used', 'IDLE')).toBeUndefined();
  });

  it('should not judge a gateway created less than a day before the end of the window', () => {
    // Prepare
    const account = inventory({
      natGateways: [natGateway('nat-new', { createTime: new Date('2026-11-15T20:00:00Z') })],
      routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-new')])],
    });

    // Act
    const result = run({ inventory: account, metrics: { 'nat-new': trafficMetrics(hourly(() => 0)) } });

    // Assess
    expect(findingOf(result, 'nat-new', 'IDLE')).toBeUndefined();
  });

  it('should leave out the other cost findings of a gateway that can be deleted', () => {
    // Prepare: no S3 endpoint and no attribution would otherwise raise endpoint findings
    const account = inventory({
      natGateways: [natGateway('nat-quiet')],
      routeTables: [
        routeTable('rtb-a', ['subnet-private-a', 'subnet-private-b'], [defaultRouteTo('nat-quiet')]),
      ],
    });

    // Act
    const result = run({ inventory: account, metrics: { 'nat-quiet': trafficMetrics(hourly(() => 0)) } });

    // Assess
    expect(codesOf(result, 'nat-quiet')).toEqual(['IDLE']);
  });
});
