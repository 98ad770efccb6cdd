import { describe, expect, it } from 'vitest';
import { type EndpointPlanInput, planEndpoints } from '../../../lib/domain/endpoints/endpoint-plan';
import type { Route, VpcEndpoint } from '../../../lib/domain/model';
import {
  defaultRouteTo,
  GIB,
  inventory,
  natGateway,
  routeTable,
  s3EndpointRoute,
} from '../analysis/analysis-builders';

const igwRoute: Route = {
  destination: '0.0.0.0/0',
  destinationCidrBlock: '0.0.0.0/0',
  gatewayId: 'igw-1',
  state: 'active',
};

const publicTable = routeTable('rtb-public', ['subnet-public-a', 'subnet-public-b'], [igwRoute]);
const tables = [
  publicTable,
  routeTable('rtb-private-a', ['subnet-private-a'], [defaultRouteTo('nat-a')]),
  routeTable('rtb-private-b', ['subnet-private-b', 'subnet-private-c'], [defaultRouteTo('nat-b')]),
  routeTable('rtb-isolated', [], []),
];

function s3Endpoint(id: string, routeTableIds: string[], overrides: Partial<VpcEndpoint> = {}): VpcEndpoint {
  return {
    vpcEndpointId: id,
    vpcId: 'vpc-1',
    serviceName: 'com.amazonaws.us-east-1.s3',
    vpcEndpointType: 'Gateway',
    routeTableIds,
    tags: {},
    ...overrides,
  };
}

function input(overrides: Partial<EndpointPlanInput> = {}, endpoints: VpcEndpoint[] = []): EndpointPlanInput {
  return {
    inventory: inventory({
      natGateways: [natGateway('nat-a'), natGateway('nat-b')],
      routeTables: tables,
      vpcEndpoints: endpoints,
    }),
    vpcId: 'vpc-1',
    services: ['s3'],
    extendExisting: false,
    traffic: {
      'nat-a': { S3: 336 * GIB, DYNAMODB: 0, OTHER: 0 },
      'nat-b': { S3: 672 * GIB, DYNAMODB: 0, OTHER: 0 },
    },
    observedHours: { 'nat-a': 336, 'nat-b': 336 },
    perGbPrice: 0.045,
    ...overrides,
  };
}

describe('planEndpoints', () => {
  it('should create the endpoint on exactly the tables whose default route targets a NAT gateway', () => {
    // Act
    const plan = planEndpoints(input());

    // Assess
    expect(plan.natRouteTableIds).toEqual(['rtb-private-a', 'rtb-private-b']);
    expect(plan.steps[0]).toMatchObject({
      action: 'create',
      routeTableIds: ['rtb-private-a', 'rtb-private-b'],
    });
  });

  it('should value the step at the attributed bytes of the gateways it takes traffic from', () => {
    // Act
    const plan = planEndpoints(input());

    // Assess
    // 336 GiB and 672 GiB over 336 h → 730 GiB and 1460 GiB a month at $0.045.
    expect(plan.steps[0]?.estimatedMonthlySavings).toBeCloseTo((730 + 1460) * 0.045, 6);
  });

  it('should leave the saving unknown when no gateway involved has attribution', () => {
    // Act
    const plan = planEndpoints(input({ traffic: undefined }));

    // Assess
    expect(plan.steps[0]).toMatchObject({
      estimatedMonthlySavings: null,
      unattributedNatGatewayIds: ['nat-a', 'nat-b'],
    });
  });

  it('should keep the known part of the saving and name the gateways without attribution', () => {
    // Act
    const plan = planEndpoints(input({ traffic: { 'nat-a': { S3: 336 * GIB, DYNAMODB: 0, OTHER: 0 } } }));

    // Assess
    expect(plan.steps[0]).toMatchObject({ unattributedNatGatewayIds: ['nat-b'] });
    expect(plan.steps[0]?.estimatedMonthlySavings).toBeCloseTo(730 * 0.045, 6);
  });

  it('should do nothing when every NAT-routed table routes the S3 prefix list to an endpoint', () => {
    // Prepare
    const covered = tables.map((t) =>
      t.routeTableId.startsWith('rtb-private') ? { ...t, routes: [...t.routes, s3EndpointRoute()] } : t,
    );

    // Act
    const plan = planEndpoints({ ...input(), inventory: { ...input().inventory, routeTables: covered } });

    // Assess
    expect(plan.steps[0]).toMatchObject({ action: 'none', routeTableIds: [], estimatedMonthlySavings: 0 });
  });

  it('should not touch an existing endpoint that lacks a table unless asked to extend it', () => {
    // Act
    const plan = planEndpoints(input({}, [s3Endpoint('vpce-theirs', ['rtb-private-a'])]));

    // Assess
    expect(plan.steps[0]).toMatchObject({
      action: 'skip',
      vpcEndpointId: 'vpce-theirs',
      routeTableIds: ['rtb-private-b'],
    });
    expect(plan.steps[0]?.reason).toContain('pass --extend-existing');
  });

  it('should extend an existing endpoint with only the missing tables when asked', () => {
    // Act
    const plan = planEndpoints(
      input({ extendExisting: true }, [s3Endpoint('vpce-theirs', ['rtb-private-a'])]),
    );

    // Assess
    expect(plan.steps[0]).toMatchObject({
      action: 'extend',
      vpcEndpointId: 'vpce-theirs',
      routeTableIds: ['rtb-private-b'],
    });
    expect(plan.steps[0]?.estimatedMonthlySavings).toBeCloseTo(1460 * 0.045, 6);
  });

  it("should extend the optimizer's own endpoint before another one", () => {
    // Prepare
    const endpoints = [
      s3Endpoint('vpce-aaa', ['rtb-private-a']),
      s3Endpoint('vpce-zzz', [], { tags: { 'nat-optimizer:managed': 'true' } }),
    ];

    // Act
    const plan = planEndpoints(input({ extendExisting: true }, endpoints));

    // Assess
    expect(plan.steps[0]).toMatchObject({
      action: 'extend',
      vpcEndpointId: 'vpce-zzz',
      routeTableIds: ['rtb-private-b'],
    });
  });

  it('should create a new endpoint when the existing one is being deleted', () => {
    // Act
    const plan = planEndpoints(input({}, [s3Endpoint('vpce-old', ['rtb-private-a'], { state: 'Deleting' })]));

    // Assess
    expect(plan.steps[0]).toMatchObject({
      action: 'create',
      routeTableIds: ['rtb-private-a', 'rtb-private-b'],
    });
  });

  it('should count the table of a parked gateway (blackhole default route) as NAT-routed', () => {
    // Prepare
    const parked = routeTable(
      'rtb-parked',
      ['subnet-private-c'],
      [{ ...defaultRouteTo('nat-gone'), state: 'blackhole' }],
    );

    // Act
    const plan = planEndpoints({ ...input(), inventory: { ...input().inventory, routeTables: [parked] } });

    // Assess
    expect(plan.steps[0]).toMatchObject({ action: 'create', routeTableIds: ['rtb-parked'] });
  });

  it('should say that a free endpoint with no measured traffic saves nothing', () => {
    // Act
    const plan = planEndpoints(input({ services: ['dynamodb'] }));

    // Assess
    expect(plan.steps[0]).toMatchObject({ action: 'create', estimatedMonthlySavings: 0 });
    expect(plan.steps[0]?.reason).toContain('no dynamodb traffic measured through NAT');
  });

  it('should have nothing to do in a VPC without NAT-routed tables', () => {
    // Act
    const plan = planEndpoints({
      ...input(),
      inventory: { ...input().inventory, routeTables: [publicTable] },
    });

    // Assess
    expect(plan.steps[0]).toMatchObject({
      action: 'none',
      reason: 'no route table of the VPC sends 0.0.0.0/0 to a NAT gateway',
    });
  });
});
