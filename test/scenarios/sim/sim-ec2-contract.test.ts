// Contract: the simulated EC2 describes answer like AWS (shapes, ids, filters, paging, errors, faults).
import {
  DeleteNatGatewayCommand,
  DescribeAddressesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeNatGatewaysCommand,
  DescribePrefixListsCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  paginateDescribeNatGateways,
  paginateDescribeRouteTables,
  waitUntilNatGatewayDeleted,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../lib/sim/snapshot-load';
import { EXAMPLE, exampleAccount, FAST_WAITER } from './sim-ec2-fixture';

describe('simulated EC2: describes', () => {
  it('should return every NAT gateway across pages of MaxResults 5', async () => {
    const { clients } = await exampleAccount();
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of paginateDescribeNatGateways({ client: clients.ec2, pageSize: 5 }, {})) {
      pages.push(page.NatGateways?.length ?? 0);
      ids.push(...(page.NatGateways ?? []).map((gateway) => gateway.NatGatewayId ?? ''));
    }
    expect(pages).toEqual([5, 2]);
    expect(new Set(ids).size).toBe(EXAMPLE.natGatewayCount);
  });

  it('should return every route table across pages of MaxResults 5', async () => {
    const { clients } = await exampleAccount();
    const ids: string[] = [];
    for await (const page of paginateDescribeRouteTables({ client: clients.ec2, pageSize: 5 }, {})) {
      ids.push(...(page.RouteTables ?? []).map((table) => table.RouteTableId ?? ''));
    }
    expect(new Set(ids).size).toBe(EXAMPLE.routeTableCount);
  });

  it.each([
    ['DescribeNatGateways', 4, new DescribeNatGatewaysCommand({ MaxResults: 4 })],
    ['DescribeNatGateways', 1001, new DescribeNatGatewaysCommand({ MaxResults: 1001 })],
    ['DescribeRouteTables', 101, new DescribeRouteTablesCommand({ MaxResults: 101 })],
    ['DescribeSubnets', 2, new DescribeSubnetsCommand({ MaxResults: 2 })],
  ])(
    'should refuse %s with MaxResults %i, out of the documented range, with InvalidParameterValue',
    async (_, _max, command) => {
      const { clients } = await exampleAccount();
      await expect(clients.ec2.send(command)).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    },
  );

  it('should refuse a NextToken it did not issue with InvalidPaginationToken', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new DescribeRouteTablesCommand({ MaxResults: 5, NextToken: 'not-a-token' }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'InvalidPaginationToken' });
  });

  it.each([
    [
      'DescribeNatGateways',
      'NatGatewayNotFound',
      new DescribeNatGatewaysCommand({ NatGatewayIds: ['nat-0dead'] }),
    ],
    [
      'DescribeSubnets',
      'InvalidSubnetID.NotFound',
      new DescribeSubnetsCommand({ SubnetIds: ['subnet-0dead'] }),
    ],
    [
      'DescribeRouteTables',
      'InvalidRouteTableID.NotFound',
      new DescribeRouteTablesCommand({ RouteTableIds: ['rtb-0dead'] }),
    ],
    ['DescribeVpcs', 'InvalidVpcID.NotFound', new DescribeVpcsCommand({ VpcIds: ['vpc-0dead'] })],
    [
      'DescribeAddresses',
      'InvalidAllocationID.NotFound',
      new DescribeAddressesCommand({ AllocationIds: ['eipalloc-0dead'] }),
    ],
  ])('should answer an unknown id given to %s with %s', async (_, code, command) => {
    const { clients } = await exampleAccount();
    await expect(clients.ec2.send(command)).rejects.toMatchObject({ name: code });
  });

  it('should filter NAT gateways with the singular Filter parameter on vpc-id and a tag', async () => {
    const { clients } = await exampleAccount();
    const { NatGateways } = await clients.ec2.send(
      new DescribeNatGatewaysCommand({
        Filter: [
          { Name: 'vpc-id', Values: [EXAMPLE.prodVpc] },
          { Name: 'tag:nat-optimizer:failover', Values: ['on'] },
        ],
      }),
    );
    expect(
      NatGateways?.map((gateway) => gateway.Tags?.find((tag) => tag.Key === 'Name')?.Value).sort(),
    ).toEqual(['prod-nat-a', 'prod-nat-b', 'prod-nat-c']);
  });

  it('should find the route tables that route through a NAT gateway with route.nat-gateway-id', async () => {
    const { clients } = await exampleAccount();
    const { RouteTables } = await clients.ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'route.nat-gateway-id', Values: [EXAMPLE.devNat] }],
      }),
    );
    expect(RouteTables?.map((table) => table.RouteTableId)).toEqual([EXAMPLE.devPrivateTable]);
  });

  it('should refuse a filter name the command does not know with InvalidParameterValue', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: 'nat-gateway-id', Values: ['x'] }] }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('should not list implicit main-table associations', async () => {
    const { sim, clients } = await exampleAccount();
    const table = sim.state.routeTables.find(
      (candidate) => candidate.routeTableId === EXAMPLE.prodPrivateTableC,
    );
    if (table) table.subnetIds = [];
    const bySubnet = await clients.ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'association.subnet-id', Values: [EXAMPLE.prodPrivateSubnetC] }],
      }),
    );
    const main = await clients.ec2.send(
      new DescribeRouteTablesCommand({ RouteTableIds: [EXAMPLE.prodMainTable] }),
    );
    expect(bySubnet.RouteTables).toEqual([]);
    expect(main.RouteTables?.[0]?.Associations).toEqual([
      expect.objectContaining({ Main: true, RouteTableId: EXAMPLE.prodMainTable }),
    ]);
    expect(main.RouteTables?.[0]?.Associations?.[0]?.SubnetId).toBeUndefined();
  });

  it('should show routes with their destination, target, state and origin', async () => {
    const { clients } = await exampleAccount();
    const { RouteTables } = await clients.ec2.send(
      new DescribeRouteTablesCommand({ RouteTableIds: [EXAMPLE.stagingPrivateTable] }),
    );
    expect(RouteTables?.[0]?.Routes).toEqual([
      {
        DestinationCidrBlock: '10.2.0.0/16',
        GatewayId: 'local',
        Origin: 'CreateRouteTable',
        State: 'active',
      },
      {
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: 'nat-6fbc4fb8fb071f5ef',
        Origin: 'CreateRoute',
        State: 'active',
      },
      {
        DestinationPrefixListId: EXAMPLE.s3PrefixList,
        GatewayId: EXAMPLE.s3Endpoint,
        Origin: 'CreateRoute',
        State: 'active',
      },
    ]);
  });

  it('should describe a NAT gateway with its Elastic IP address, type and creation time', async () => {
    const { clients } = await exampleAccount();
    const { NatGateways } = await clients.ec2.send(
      new DescribeNatGatewaysCommand({ NatGatewayIds: [EXAMPLE.devNat] }),
    );
    expect(NatGateways?.[0]).toMatchObject({
      State: 'available',
      ConnectivityType: 'public',
      SubnetId: EXAMPLE.devPublicSubnetA,
      CreateTime: new Date('2025-03-01T09:00:00Z'),
      NatGatewayAddresses: [
        {
          AllocationId: EXAMPLE.devEip,
          PublicIp: EXAMPLE.devEipPublicIp,
          PrivateIp: '10.1.0.13',
          IsPrimary: true,
          Status: 'succeeded',
        },
      ],
    });
  });

  it('should show an Elastic IP held by a NAT gateway as associated', async () => {
    const { clients } = await exampleAccount();
    const { Addresses } = await clients.ec2.send(
      new DescribeAddressesCommand({ AllocationIds: [EXAMPLE.devEip] }),
    );
    expect(Addresses?.[0]).toMatchObject({
      PublicIp: EXAMPLE.devEipPublicIp,
      AssociationId: expect.stringMatching(/^eipassoc-[0-9a-f]{17}$/),
      NetworkInterfaceId: expect.stringMatching(/^eni-[0-9a-f]{17}$/),
      PrivateIpAddress: '10.1.0.13',
    });
  });

  it('should derive the availability zones from the subnets', async () => {
    const { clients } = await exampleAccount();
    const { AvailabilityZones } = await clients.ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones?.map((zone) => [zone.ZoneName, zone.ZoneId])).toEqual([
      ['us-east-1a', 'use1-az1'],
      ['us-east-1b', 'use1-az2'],
      ['us-east-1c', 'use1-az3'],
    ]);
  });

  it('should list gateway endpoints by VPC and the managed prefix lists by name', async () => {
    const { clients } = await exampleAccount();
    const endpoints = await clients.ec2.send(
      new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-endpoint-type', Values: ['Gateway'] }] }),
    );
    const lists = await clients.ec2.send(
      new DescribePrefixListsCommand({ Filters: [{ Name: 'prefix-list-name', Values: ['*.dynamodb'] }] }),
    );
    expect(
      endpoints.VpcEndpoints?.map((endpoint) => [endpoint.VpcEndpointId, endpoint.RouteTableIds?.length]),
    ).toEqual([[EXAMPLE.s3Endpoint, 2]]);
    expect(lists.PrefixLists?.map((list) => list.PrefixListId)).toEqual(['pl-5c816a3f']);
  });
});

describe('simulated EC2: accounting, faults and snapshots', () => {
  it('should complete a paginated describe under 30% injected throttling thanks to SDK retries', async () => {
    const { sim, clients } = await exampleAccount();
    sim.injectFaults({ throttleRate: 0.3 }, 7);
    const ids: string[] = [];
    for await (const page of paginateDescribeRouteTables({ client: clients.ec2, pageSize: 5 }, {})) {
      ids.push(...(page.RouteTables ?? []).map((table) => table.RouteTableId ?? ''));
    }
    expect(new Set(ids).size).toBe(EXAMPLE.routeTableCount);
    expect(sim.throttledCalls).toBeGreaterThan(0);
  });

  it('should count every call per command, throttled attempts included', async () => {
    const { sim, clients } = await exampleAccount();
    for await (const _page of paginateDescribeNatGateways({ client: clients.ec2, pageSize: 5 }, {})) {
      // Each page is one call.
    }
    await clients.ec2.send(new DescribeVpcsCommand({}));
    expect(sim.calls.get('EC2.DescribeNatGateways')).toBe(2);
    expect(sim.callCount('EC2')).toBe(3);
  });

  it('should write a deleted gateway, its blackhole route and its retained Elastic IP back to a valid snapshot', async () => {
    const { sim, clients } = await exampleAccount();
    await clients.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: EXAMPLE.devNat }));
    await waitUntilNatGatewayDeleted(
      { client: clients.ec2, ...FAST_WAITER },
      { NatGatewayIds: [EXAMPLE.devNat] },
    );
    const written = parseSnapshot(JSON.stringify(sim.toSnapshot()));
    expect(written.natGateways.find((gateway) => gateway.natGatewayId === EXAMPLE.devNat)).toMatchObject({
      state: 'deleted',
      deleteTime: expect.any(String),
    });
    const table = written.routeTables.find((candidate) => candidate.routeTableId === EXAMPLE.devPrivateTable);
    expect(table?.routes.find((route) => route.natGatewayId === EXAMPLE.devNat)?.state).toBe('blackhole');
    expect(written.elasticIps.map((eip) => eip.allocationId)).toContain(EXAMPLE.devEip);
    expect(Date.parse(written.capturedAt)).toBeGreaterThan(Date.parse('2026-11-16T00:00:00Z'));
  });
});
