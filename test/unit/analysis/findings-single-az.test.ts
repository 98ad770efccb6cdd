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

const busy = trafficMetrics(hourly(() => 10 * GIB));

describe('SINGLE_AZ', () => {
  it('should flag a gateway that is the only AZ of egress for subnets in several AZs', () => {
    // Prepare
    const account = inventory({
      natGateways: [natGateway('nat-1', { tags: { Name: 'dev' } })],
      routeTables: [routeTable('rtb-a', ['subnet-private-a', 'subnet-private-b'], [defaultRouteTo('nat-1')])],
    });

    // Act
    const result = run({ inventory: account, metrics: { 'nat-1': busy } });

    // Assess
    const finding = findingOf(result, 'nat-1', 'SINGLE_AZ');
    expect(finding).toMatchObject({ severity: 'medium', estimatedMonthlySavings: null });
    expect(finding?.message).toContain('VPC main (vpc-1) sends subnets in 2 AZs (us-east-1a, us-east-1b)');
    expect(finding?.message).toContain('an outage of us-east-1a cuts internet egress');
  });

  it('should not flag a VPC with gateways in two AZs', () => {
    // Prepare
    const account = inventory({
      natGateways: [
        natGateway('nat-1'),
        natGateway('nat-2', { subnetId: 'subnet-public-b', availabilityZone: 'us-east-1b' }),
      ],
      routeTables: [
        routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')]),
        routeTable('rtb-b', ['subnet-private-b'], [defaultRouteTo('nat-2')]),
      ],
    });

    // Act
    const result = run({ inventory: account, metrics: { 'nat-1': busy, 'nat-2': busy } });

    // Assess
    expect(findingOf(result, 'nat-1', 'SINGLE_AZ')).toBeUndefined();
    expect(findingOf(result, 'nat-2', 'SINGLE_AZ')).toBeUndefined();
  });

  it('should not flag a VPC whose NAT-routed subnets are all in one AZ', () => {
    // Prepare
    const account = inventory({
      natGateways: [natGateway('nat-1')],
      routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])],
    });

    // Act
    const result = run({ inventory: account, metrics: { 'nat-1': busy } });

    // Assess
    expect(findingOf(result, 'nat-1', 'SINGLE_AZ')).toBeUndefined();
  });
});
