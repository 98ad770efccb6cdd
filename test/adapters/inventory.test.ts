import {
  DescribeAddressesCommand,
  DescribeNatGatewaysCommand,
  DescribePrefixListsCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  type RouteTable,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadInventory } from '../../lib/aws/inventory';

const ec2Mock = mockClient(EC2Client);
const ec2 = new EC2Client({ region: 'us-east-1' });

const VPC = 'vpc-0a1';
const OTHER_VPC = 'vpc-0b2';

function subnet(id: string, vpcId = VPC, zone = 'us-east-1a') {
  return { SubnetId: id, VpcId: vpcId, AvailabilityZone: zone, CidrBlock: '10.0.0.0/24', Tags: [] };
}

function table(id: string, fields: Partial<RouteTable> = {}): RouteTable {
  return { RouteTableId: id, VpcId: VPC, Associations: [], Routes: [], Tags: [], ...fields };
}

/** Every describe answers an empty page unless a test says otherwise. */
function answerEmpty(): void {
  ec2Mock.on(DescribeVpcsCommand).resolves({ Vpcs: [] });
  ec2Mock.on(DescribeSubnetsCommand).resolves({ Subnets: [] });
  ec2Mock.on(DescribeRouteTablesCommand).resolves({ RouteTables: [] });
  ec2Mock.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [] });
  ec2Mock.on(DescribeAddressesCommand).resolves({ Addresses: [] });
  ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [] });
  ec2Mock.on(DescribePrefixListsCommand).resolves({ PrefixLists: [] });
}

describe('loadInventory', () => {
  beforeEach(() => {
    ec2Mock.reset();
    answerEmpty();
  });

  afterEach(() => {
    ec2Mock.reset();
  });

  it('should follow NextToken on every paginated describe and keep the items of both pages', async () => {
    // Prepare
    ec2Mock
      .on(DescribeVpcsCommand)
      .resolvesOnce({ Vpcs: [{ VpcId: 'vpc-1' }], NextToken: 'vpcs-2' })
      .resolvesOnce({ Vpcs: [{ VpcId: 'vpc-2' }] });
    ec2Mock
      .on(DescribeSubnetsCommand)
      .resolvesOnce({ Subnets: [subnet('subnet-1')], NextToken: 'subnets-2' })
      .resolvesOnce({ Subnets: [subnet('subnet-2')] });
    ec2Mock
      .on(DescribeRouteTablesCommand)
      .resolvesOnce({ RouteTables: [table('rtb-1')], NextToken: 'tables-2' })
      .resolvesOnce({ RouteTables: [table('rtb-2')] });
    ec2Mock
      .on(DescribeNatGatewaysCommand)
      .resolvesOnce({ NatGateways: [{ NatGatewayId: 'nat-1', State: 'available' }], NextToken: 'nats-2' })
      .resolvesOnce({ NatGateways: [{ NatGatewayId: 'nat-2', State: 'available' }] });
    ec2Mock
      .on(DescribeVpcEndpointsCommand)
      .resolvesOnce({ VpcEndpoints: [{ VpcEndpointId: 'vpce-1' }], NextToken: 'endpoints-2' })
      .resolvesOnce({ VpcEndpoints: [{ VpcEndpointId: 'vpce-2' }] });
    ec2Mock
      .on(DescribePrefixListsCommand)
      .resolvesOnce({ PrefixLists: [{ PrefixListId: 'pl-1' }], NextToken: 'lists-2' })
      .resolvesOnce({ PrefixLists: [{ PrefixListId: 'pl-2' }] });

    // Act
    const inventory = await loadInventory(ec2, 'us-east-1');

    // Assess
    expect(inventory.vpcs.map((v) => v.vpcId)).toEqual(['vpc-1', 'vpc-2']);
    expect(inventory.subnets.map((s) => s.subnetId)).toEqual(['subnet-1', 'subnet-2']);
    expect(inventory.routeTables.map((t) => t.routeTableId)).toEqual(['rtb-1', 'rtb-2']);
    expect(inventory.natGateways.map((g) => g.natGatewayId)).toEqual(['nat-1', 'nat-2']);
    expect(inventory.vpcEndpoints.map((e) => e.vpcEndpointId)).toEqual(['vpce-1', 'vpce-2']);
    expect(inventory.prefixLists.map((p) => p.prefixListId)).toEqual(['pl-1', 'pl-2']);
  });

  it('should send the NextToken of the first page with the second request', async () => {
    // Prepare
    ec2Mock
      .on(DescribeNatGatewaysCommand)
      .resolvesOnce({ NatGateways: [{ NatGatewayId: 'nat-1' }], NextToken: 'nats-2' })
      .resolvesOnce({ NatGateways: [{ NatGatewayId: 'nat-2' }] });

    // Act
    await loadInventory(ec2, 'us-east-1');

    // Assess
    expect(ec2Mock).toHaveReceivedCommandTimes(DescribeNatGatewaysCommand, 2);
    expect(ec2Mock).toHaveReceivedNthCommandWith(DescribeNatGatewaysCommand, 2, { NextToken: 'nats-2' });
  });

  it('should call each describe once when every answer fits one page', async () => {
    // Act
    await loadInventory(ec2, 'us-east-1');

    // Assess
    for (const command of [
      DescribeVpcsCommand,
      DescribeSubnetsCommand,
      DescribeRouteTablesCommand,
      DescribeNatGatewaysCommand,
      DescribeAddressesCommand,
      DescribeVpcEndpointsCommand,
      DescribePrefixListsCommand,
    ]) {
      expect(ec2Mock).toHaveReceivedCommandTimes(command, 1);
    }
  });

  it('should ask DescribeNatGateways with Filter (singular) when scoped to VPCs', async () => {
    // Act
    await loadInventory(ec2, 'us-east-1', { vpcIds: [VPC] });

    // Assess
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeNatGatewaysCommand, {
      Filter: [{ Name: 'vpc-id', Values: [VPC] }],
    });
    const input = ec2Mock.commandCalls(DescribeNatGatewaysCommand)[0]?.args[0].input ?? {};
    expect(input).not.toHaveProperty('Filters');
  });

  it('should scope route tables and subnets with Filters when scoped to VPCs', async () => {
    // Act
    await loadInventory(ec2, 'us-east-1', { vpcIds: [VPC] });

    // Assess
    const scoped = { Filters: [{ Name: 'vpc-id', Values: [VPC] }] };
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeRouteTablesCommand, scoped);
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeSubnetsCommand, scoped);
  });

  it('should put a subnet with no explicit association into its VPC main table', async () => {
    // Prepare
    ec2Mock.on(DescribeSubnetsCommand).resolves({
      Subnets: [subnet('subnet-explicit'), subnet('subnet-implicit'), subnet('subnet-other', OTHER_VPC)],
    });
    ec2Mock.on(DescribeRouteTablesCommand).resolves({
      RouteTables: [
        table('rtb-main', { Associations: [{ Main: true, RouteTableAssociationId: 'rtbassoc-main' }] }),
        table('rtb-private', { Associations: [{ Main: false, SubnetId: 'subnet-explicit' }] }),
      ],
    });

    // Act
    const inventory = await loadInventory(ec2, 'us-east-1');

    // Assess
    const main = inventory.routeTables.find((t) => t.routeTableId === 'rtb-main');
    const privateTable = inventory.routeTables.find((t) => t.routeTableId === 'rtb-private');
    expect(main).toMatchObject({ main: true, explicitSubnetIds: [], subnetIds: ['subnet-implicit'] });
    expect(privateTable).toMatchObject({ main: false, subnetIds: ['subnet-explicit'] });
  });

  it('should turn a route to a vpce- gateway into a vpcEndpointId target', async () => {
    // Prepare
    ec2Mock.on(DescribeRouteTablesCommand).resolves({
      RouteTables: [
        table('rtb-1', {
          Routes: [{ DestinationPrefixListId: 'pl-63a5400a', GatewayId: 'vpce-0123', State: 'active' }],
        }),
      ],
    });

    // Act
    const inventory = await loadInventory(ec2, 'us-east-1');

    // Assess
    expect(inventory.routeTables[0]?.routes).toEqual([
      {
        destination: 'pl-63a5400a',
        destinationPrefixListId: 'pl-63a5400a',
        vpcEndpointId: 'vpce-0123',
        state: 'active',
      },
    ]);
  });

  it('should keep the blackhole state of a route to a deleted gateway', async () => {
    // Prepare
    ec2Mock.on(DescribeRouteTablesCommand).resolves({
      RouteTables: [
        table('rtb-1', {
          Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-gone', State: 'blackhole' }],
        }),
      ],
    });

    // Act
    const inventory = await loadInventory(ec2, 'us-east-1');

    // Assess
    expect(inventory.routeTables[0]?.routes[0]).toMatchObject({
      destination: '0.0.0.0/0',
      natGatewayId: 'nat-gone',
      state: 'blackhole',
    });
  });

  it('should place each gateway in the availability zone of its subnet with its primary address', async () => {
    // Prepare
    ec2Mock.on(DescribeSubnetsCommand).resolves({ Subnets: [subnet('subnet-b', VPC, 'us-east-1b')] });
    ec2Mock.on(DescribeNatGatewaysCommand).resolves({
      NatGateways: [
        {
          NatGatewayId: 'nat-1',
          VpcId: VPC,
          SubnetId: 'subnet-b',
          State: 'available',
          ConnectivityType: 'public',
          NatGatewayAddresses: [
            { AllocationId: 'eipalloc-2', PublicIp: '198.51.100.2', IsPrimary: false },
            { AllocationId: 'eipalloc-1', PublicIp: '198.51.100.1', PrivateIp: '10.0.0.5', IsPrimary: true },
          ],
          Tags: [{ Key: 'Name', Value: 'nat-b' }],
        },
      ],
    });

    // Act
    const inventory = await loadInventory(ec2, 'us-east-1');

    // Assess
    expect(inventory.natGateways[0]).toMatchObject({
      availabilityZone: 'us-east-1b',
      allocationId: 'eipalloc-1',
      publicIp: '198.51.100.1',
      secondaryAllocationIds: ['eipalloc-2'],
      tags: { Name: 'nat-b' },
    });
  });

  it("should record each gateway's network interface, the one its flow logs attach to", async () => {
    // Prepare
    ec2Mock.on(DescribeNatGatewaysCommand).resolves({
      NatGateways: [
        { NatGatewayId: 'nat-a', NatGatewayAddresses: [{ NetworkInterfaceId: 'eni-a', IsPrimary: true }] },
        { NatGatewayId: 'nat-gone', NatGatewayAddresses: [] },
      ],
    });

    // Act
    const inventory = await loadInventory(ec2, 'us-east-1');

    // Assess
    expect(inventory.natGateways.map((g) => [g.natGatewayId, g.networkInterfaceId])).toEqual([
      ['nat-a', 'eni-a'],
      ['nat-gone', undefined],
    ]);
  });
});
