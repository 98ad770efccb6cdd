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
  s3EndpointRoute,
  trafficMetrics,
} from './analysis-builders';

const metrics = { 'nat-1': trafficMetrics(hourly(() => 10 * GIB)) };
const attribution = { 'nat-1': { S3: 1000 * GIB, DYNAMODB: 0, OTHER: 2360 * GIB } };

function accountWith(tables: ReturnType<typeof routeTable>[], vpcEndpoints = inventory({}).vpcEndpoints) {
  return inventory({
    natGateways: [natGateway('nat-1', { tags: { Name: 'prod-a' } })],
    routeTables: tables,
    vpcEndpoints,
  });
}

describe('GATEWAY_ENDPOINT_S3 and GATEWAY_ENDPOINT_DYNAMODB', () => {
  it('should value the attributed S3 bytes at the per-GB price over a month', () => {
    // Prepare
    const account = accountWith([routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])]);

    // Act
    const result = run({ inventory: account, metrics, trafficByService: attribution });

    // Assess
    const finding = findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_S3');
    expect(finding?.severity).toBe('medium');
    expect(finding?.estimatedMonthlySavings).toBeCloseTo((1000 / 336) * 730 * 0.045, 6);
    expect(finding?.message).toContain('processed 1,000 GiB of S3 traffic in 336 h');
  });

  it('should warn that aws:SourceIp conditions on the Elastic IP stop matching', () => {
    // Prepare
    const account = accountWith([routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])]);

    // Act
    const result = run({ inventory: account, metrics, trafficByService: attribution });

    // Assess
    const finding = findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_S3');
    expect(finding?.message).toContain('Its Elastic IP is 198.51.100.7: read the aws:SourceIp caveat');
    expect(finding?.caveats?.[0]?.text).toContain(
      "bucket policies that allow a NAT gateway's Elastic IP with aws:SourceIp stop matching",
    );
  });

  it('should say that only same-region traffic counts towards the saving', () => {
    // Prepare
    const account = accountWith([routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])]);

    // Act
    const result = run({ inventory: account, metrics, trafficByService: attribution });

    // Assess
    expect(findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_S3')?.message).toContain(
      'only S3 in us-east-1 is counted: traffic to other regions stays on the NAT gateway',
    );
  });

  it('should not raise a finding when the attribution says the service carried nothing', () => {
    // Prepare
    const account = accountWith([routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])]);

    // Act
    const result = run({ inventory: account, metrics, trafficByService: attribution });

    // Assess
    expect(findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_DYNAMODB')).toBeUndefined();
  });

  it('should not raise a finding for a table routing the S3 prefix list to an endpoint', () => {
    // Prepare
    const account = accountWith([
      routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1'), s3EndpointRoute()]),
    ]);

    // Act
    const result = run({ inventory: account, metrics, trafficByService: attribution });

    // Assess
    expect(findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_S3')).toBeUndefined();
  });

  it('should count a table listed by an S3 gateway endpoint as covered', () => {
    // Prepare
    const endpoint = {
      vpcEndpointId: 'vpce-1',
      vpcId: 'vpc-1',
      serviceName: 'com.amazonaws.us-east-1.s3',
      vpcEndpointType: 'Gateway',
      routeTableIds: ['rtb-a'],
      tags: {},
    };
    const account = accountWith(
      [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])],
      [endpoint],
    );

    // Act
    const result = run({ inventory: account, metrics, trafficByService: attribution });

    // Assess
    expect(findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_S3')).toBeUndefined();
  });

  it('should scale the saving by the share of subnets behind tables lacking the endpoint', () => {
    // Prepare
    const account = accountWith([
      routeTable('rtb-covered', ['subnet-private-a'], [defaultRouteTo('nat-1'), s3EndpointRoute()]),
      routeTable(
        'rtb-open',
        ['subnet-private-b', 'subnet-private-c', 'subnet-public-b'],
        [defaultRouteTo('nat-1')],
      ),
    ]);

    // Act
    const result = run({ inventory: account, metrics, trafficByService: attribution });

    // Assess
    const finding = findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_S3');
    expect(finding?.estimatedMonthlySavings).toBeCloseTo(0.75 * (1000 / 336) * 730 * 0.045, 6);
    expect(finding?.details).toMatchObject({ routeTableIds: ['rtb-open'], trafficShare: 0.75 });
  });

  it('should raise both findings with an unknown saving when there is no attribution', () => {
    // Prepare
    const account = accountWith([routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])]);

    // Act
    const result = run({ inventory: account, metrics });

    // Assess
    const s3 = findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_S3');
    expect(s3).toMatchObject({ severity: 'low', estimatedMonthlySavings: null });
    expect(s3?.message).toContain('The saving is unknown: there is no flow-log attribution for this gateway');
    expect(s3?.caveats?.map((c) => c.id)).toContain('flow-log-attribution');
    expect(s3?.caveats?.find((c) => c.id === 'flow-log-attribution')?.text).toContain('pkt-dst-aws-service');
    expect(findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_DYNAMODB')?.estimatedMonthlySavings).toBeNull();
  });

  it('should list the gateways without attribution in the run warnings', () => {
    // Prepare
    const account = accountWith([routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])]);

    // Act
    const result = run({ inventory: account, metrics });

    // Assess
    expect(result.warnings).toContain(
      'no flow-log attribution for prod-a (nat-1): S3/DynamoDB gateway-endpoint savings unknown',
    );
  });

  it('should ignore tables that route only other destinations through the gateway', () => {
    // Prepare
    const partnerRoute = {
      destination: '192.0.2.0/24',
      destinationCidrBlock: '192.0.2.0/24',
      natGatewayId: 'nat-1',
      state: 'active' as const,
    };
    const account = accountWith([routeTable('rtb-a', ['subnet-private-a'], [partnerRoute])]);

    // Act
    const result = run({ inventory: account, metrics, trafficByService: attribution });

    // Assess
    expect(findingOf(result, 'nat-1', 'GATEWAY_ENDPOINT_S3')).toBeUndefined();
  });
});
