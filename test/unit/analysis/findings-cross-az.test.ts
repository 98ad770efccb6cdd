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
  trafficMetrics,
} from './analysis-builders';

const ADDED_GATEWAY_MONTHLY = 730 * (0.045 + 0.005);

function analyzeWith(gibPerHour: number, subnetIds: string[]) {
  const account = inventory({
    natGateways: [natGateway('nat-1', { tags: { Name: 'dev' } })],
    routeTables: [routeTable('rtb-a', subnetIds, [defaultRouteTo('nat-1')])],
  });
  return run({ inventory: account, metrics: { 'nat-1': trafficMetrics(hourly(() => gibPerHour * GIB)) } });
}

describe('CROSS_AZ', () => {
  it('should say honestly that cross-AZ transfer is cheaper than another gateway for light traffic', () => {
    // Act: 1 GiB/h, half of it from us-east-1b → 365 GiB/month × $0.02 = $7.30
    const result = analyzeWith(1, ['subnet-private-a', 'subnet-private-b']);

    // Assess
    const finding = findingOf(result, 'nat-1', 'CROSS_AZ');
    expect(finding).toMatchObject({ severity: 'info', estimatedMonthlySavings: 0 });
    expect(finding?.message).toContain('cross-AZ transfer of about $7.30/month');
    expect(finding?.message).toContain('cheaper than the $36.50/month of a NAT gateway in us-east-1b');
  });

  it('should save the transfer minus the cost of the added gateway when that gateway is cheaper', () => {
    // Act: 10 GiB/h, half cross-AZ → 3,650 GiB/month × $0.02 = $73.00
    const result = analyzeWith(10, ['subnet-private-a', 'subnet-private-b']);

    // Assess
    const finding = findingOf(result, 'nat-1', 'CROSS_AZ');
    expect(finding?.severity).toBe('medium');
    expect(finding?.estimatedMonthlySavings).toBeCloseTo(73 - ADDED_GATEWAY_MONTHLY, 6);
    expect(finding?.details).toMatchObject({ crossAzShare: 0.5, monthlyTransferCost: 73 });
  });

  it('should count one added gateway per other AZ', () => {
    // Act
    const result = analyzeWith(10, ['subnet-private-a', 'subnet-private-b', 'subnet-private-c']);

    // Assess
    const finding = findingOf(result, 'nat-1', 'CROSS_AZ');
    expect(finding?.details).toMatchObject({
      availabilityZones: ['us-east-1b', 'us-east-1c'],
      monthlyCostOfAddedGateways: 2 * ADDED_GATEWAY_MONTHLY,
    });
  });

  it('should not fire when every routed subnet is in the gateway AZ', () => {
    // Act
    const result = analyzeWith(10, ['subnet-private-a']);

    // Assess
    expect(findingOf(result, 'nat-1', 'CROSS_AZ')).toBeUndefined();
  });
});
