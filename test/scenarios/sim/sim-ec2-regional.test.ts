// Regional NAT gateways on the simulated EC2 API (Contract 2): the snapshot checks, DescribeNatGateways' per-AZ
// addresses, CreateNatGateway with AvailabilityMode regional in manual and automatic mode, DeleteNatGateway.
import { readFileSync } from 'node:fs';
import {
  CreateNatGatewayCommand,
  DeleteNatGatewayCommand,
  DescribeAddressesCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  waitUntilNatGatewayAvailable,
  waitUntilNatGatewayDeleted,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { createSimulatedAccount } from '../../../lib/sim/simulated-account';
import { parseSnapshot, SnapshotError } from '../../../lib/sim/snapshot-load';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { DEV_NAT, PROD_REGIONAL, REGIONAL_ACCOUNT } from '../../fixtures/regional-account';
import { FAST_WAITER } from './sim-ec2-fixture';

const TEXT = readFileSync(REGIONAL_ACCOUNT, 'utf8');
const PROD_VPC = 'vpc-0a10000000000000a';
const SHARED_VPC = 'vpc-0a12000000000000c';
const PROD_A_EIP = 'eipalloc-0a100000000000a1';

function fixture(): Snapshot {
  return parseSnapshot(TEXT);
}

function rejection(edit: (snapshot: Snapshot) => void): string {
  const snapshot = fixture();
  edit(snapshot);
  try {
    parseSnapshot(JSON.stringify(snapshot), 'edited.json');
  } catch (error) {
    if (error instanceof SnapshotError) return error.message;
    throw error;
  }
  throw new Error('the snapshot was accepted');
}

function regionalEntry(snapshot: Snapshot) {
  const gateway = snapshot.natGateways.find((g) => g.natGatewayId === PROD_REGIONAL);
  if (!gateway) throw new Error('prod-regional missing');
  return gateway;
}

describe('regional gateways in a snapshot', () => {
  it('should accept the regional fixture and keep zonal snapshots as they are', () => {
    const snapshot = fixture();

    expect(regionalEntry(snapshot)).toMatchObject({
      availabilityMode: 'regional',
      autoProvisionZones: 'disabled',
    });
    expect(snapshot.natGateways.find((g) => g.natGatewayId === DEV_NAT)?.availabilityMode).toBeUndefined();
  });

  it('should refuse a subnet or a primary allocation on a regional gateway, naming the field', () => {
    expect(
      rejection((s) => Object.assign(regionalEntry(s), { subnetId: 'subnet-0a1000000000000a1' })),
    ).toContain('natGateways[0].subnetId: a regional NAT gateway has no subnet');
    expect(rejection((s) => Object.assign(regionalEntry(s), { allocationId: PROD_A_EIP }))).toContain(
      'natGateways[0].allocationId: a regional NAT gateway keeps its addresses in availabilityZoneAddresses',
    );
  });

  it('should refuse a regional gateway without AZs, with an unknown AZ or an unknown Elastic IP', () => {
    expect(rejection((s) => delete regionalEntry(s).availabilityZoneAddresses)).toContain(
      'natGateways[0].availabilityZoneAddresses: a regional NAT gateway needs at least one AZ',
    );
    expect(
      rejection((s) => {
        const [first] = regionalEntry(s).availabilityZoneAddresses ?? [];
        if (first) first.availabilityZone = 'us-east-1z';
      }),
    ).toContain(
      'natGateways[0].availabilityZoneAddresses[0].availabilityZone: unknown availability zone us-east-1z',
    );
    expect(
      rejection((s) => {
        const [first] = regionalEntry(s).availabilityZoneAddresses ?? [];
        if (first) first.allocationIds = ['eipalloc-0000000000000dead'];
      }),
    ).toContain('unknown Elastic IP eipalloc-0000000000000dead');
  });

  it('should refuse metrics of a regional gateway published without the AZ dimension', () => {
    expect(
      rejection((s) => {
        const entry = s.metrics.natGateways[PROD_REGIONAL];
        if (entry) entry.BytesInFromSource = [1, 2, 3];
      }),
    ).toContain(
      `metrics.natGateways.${PROD_REGIONAL}.BytesInFromSource: a regional gateway publishes per AZ only`,
    );
    expect(
      rejection((s) => {
        const entry = s.metrics.natGateways[DEV_NAT];
        if (entry) entry.byAvailabilityZone = { 'us-east-1a': { BytesInFromSource: [1] } };
      }),
    ).toContain(
      `metrics.natGateways.${DEV_NAT}.byAvailabilityZone: only a regional gateway has metrics per AZ`,
    );
  });
});

describe('DescribeNatGateways on a regional gateway', () => {
  it('should show the mode, the route table, and each address with its AZ', async () => {
    const { clients } = createSimulatedAccount(fixture());

    const { NatGateways } = await clients.ec2.send(
      new DescribeNatGatewaysCommand({ NatGatewayIds: [PROD_REGIONAL] }),
    );
    const gateway = NatGateways?.[0];

    expect(gateway).toMatchObject({
      VpcId: PROD_VPC,
      AvailabilityMode: 'regional',
      AutoProvisionZones: 'disabled',
      AutoScalingIps: 'disabled',
      RouteTableId: 'rtb-0a10000000000000e',
      State: 'available',
    });
    expect(gateway?.SubnetId).toBeUndefined();
    expect(
      gateway?.NatGatewayAddresses?.map((a) => [a.AvailabilityZone, a.AllocationId, a.IsPrimary]),
    ).toEqual([
      ['us-east-1a', PROD_A_EIP, true],
      ['us-east-1b', 'eipalloc-0a100000000000b1', true],
      ['us-east-1b', 'eipalloc-0a100000000000b2', false],
      ['us-east-1c', 'eipalloc-0a100000000000c1', true],
    ]);
    expect(new Set(gateway?.NatGatewayAddresses?.map((a) => a.NetworkInterfaceId)).size).toBe(3);
  });

  it('should show its Elastic IPs as associated with its interface in their AZ', async () => {
    const { clients } = createSimulatedAccount(fixture());

    const [{ Addresses }, { NatGateways }] = await Promise.all([
      clients.ec2.send(new DescribeAddressesCommand({ AllocationIds: ['eipalloc-0a100000000000b2'] })),
      clients.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [PROD_REGIONAL] })),
    ]);
    const inB = NatGateways?.[0]?.NatGatewayAddresses?.find(
      (a) => a.AllocationId === 'eipalloc-0a100000000000b2',
    );

    expect(Addresses?.[0]?.AssociationId).toBeDefined();
    expect(Addresses?.[0]?.NetworkInterfaceId).toBe(inB?.NetworkInterfaceId);
  });
});

describe('CreateNatGateway with AvailabilityMode regional', () => {
  async function deletedProdRegional() {
    const account = createSimulatedAccount(fixture());
    await account.clients.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: PROD_REGIONAL }));
    await waitUntilNatGatewayDeleted(
      { client: account.clients.ec2, ...FAST_WAITER },
      { NatGatewayIds: [PROD_REGIONAL] },
    );
    return account;
  }

  it('should create a manual-mode gateway with the addresses asked for, and its own route table', async () => {
    const { clients } = await deletedProdRegional();

    const created = await clients.ec2.send(
      new CreateNatGatewayCommand({
        AvailabilityMode: 'regional',
        VpcId: PROD_VPC,
        AvailabilityZoneAddresses: [
          { AvailabilityZone: 'us-east-1a', AllocationIds: [PROD_A_EIP] },
          { AvailabilityZoneId: 'use1-az2', AllocationIds: ['eipalloc-0a100000000000b1'] },
        ],
        ClientToken: 'regional-1',
      }),
    );
    const id = created.NatGateway?.NatGatewayId ?? '';
    await waitUntilNatGatewayAvailable({ client: clients.ec2, ...FAST_WAITER }, { NatGatewayIds: [id] });
    const { NatGateways } = await clients.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }));
    const tableId = NatGateways?.[0]?.RouteTableId ?? '';
    const { RouteTables } = await clients.ec2.send(
      new DescribeRouteTablesCommand({ RouteTableIds: [tableId] }),
    );

    expect(NatGateways?.[0]).toMatchObject({
      State: 'available',
      AutoProvisionZones: 'disabled',
      VpcId: PROD_VPC,
    });
    expect(NatGateways?.[0]?.NatGatewayAddresses?.map((a) => [a.AvailabilityZone, a.AllocationId])).toEqual([
      ['us-east-1a', PROD_A_EIP],
      ['us-east-1b', 'eipalloc-0a100000000000b1'],
    ]);
    expect(RouteTables?.[0]?.Routes?.map((r) => [r.DestinationCidrBlock, r.GatewayId])).toEqual([
      ['10.10.0.0/16', 'local'],
      ['0.0.0.0/0', 'igw-0a10000000000000a'],
    ]);
  });

  it('should create an automatic-mode gateway over every AZ of the VPC that has a subnet', async () => {
    const account = createSimulatedAccount(fixture());

    const created = await account.clients.ec2.send(
      new CreateNatGatewayCommand({ AvailabilityMode: 'regional', VpcId: SHARED_VPC }),
    );

    expect(created.NatGateway).toMatchObject({
      AvailabilityMode: 'regional',
      AutoProvisionZones: 'enabled',
      State: 'pending',
    });
    expect(created.NatGateway?.NatGatewayAddresses?.map((a) => a.AvailabilityZone)).toEqual([
      'us-east-1a',
      'us-east-1b',
    ]);
  });

  it('should end failed (Resource.AlreadyAssociated) when an address is still held, like a zonal create', async () => {
    const { clients } = createSimulatedAccount(fixture());

    const created = await clients.ec2.send(
      new CreateNatGatewayCommand({
        AvailabilityMode: 'regional',
        VpcId: PROD_VPC,
        AvailabilityZoneAddresses: [{ AvailabilityZone: 'us-east-1a', AllocationIds: [PROD_A_EIP] }],
      }),
    );
    const id = created.NatGateway?.NatGatewayId ?? '';
    await waitUntilNatGatewayAvailable(
      { client: clients.ec2, ...FAST_WAITER },
      { NatGatewayIds: [id] },
    ).catch(() => undefined);
    const { NatGateways } = await clients.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }));

    expect(NatGateways?.[0]).toMatchObject({ State: 'failed', FailureCode: 'Resource.AlreadyAssociated' });
  });

  it('should refuse zonal parameters, private connectivity, unknown VPCs and unknown AZs with AWS error codes', async () => {
    const { clients } = createSimulatedAccount(fixture());
    const create = (input: object) =>
      clients.ec2.send(
        new CreateNatGatewayCommand({ AvailabilityMode: 'regional', VpcId: PROD_VPC, ...input }),
      );

    await expect(create({ SubnetId: 'subnet-0a1000000000000a1' })).rejects.toMatchObject({
      name: 'InvalidParameterCombination',
    });
    await expect(create({ ConnectivityType: 'private' })).rejects.toMatchObject({
      name: 'InvalidParameterCombination',
    });
    await expect(create({ VpcId: 'vpc-0000000000000dead' })).rejects.toMatchObject({
      name: 'InvalidVpcID.NotFound',
    });
    await expect(
      create({
        AvailabilityZoneAddresses: [{ AvailabilityZone: 'us-east-1z', AllocationIds: [PROD_A_EIP] }],
      }),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(
      clients.ec2.send(
        new CreateNatGatewayCommand({ VpcId: PROD_VPC, SubnetId: 'subnet-0a1100000000000a0' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterCombination' });
  });
});

describe('DeleteNatGateway on a regional gateway', () => {
  it('should blackhole every route to it, free its addresses and remove its route table once deleted', async () => {
    const account = createSimulatedAccount(fixture());
    const { ec2 } = account.clients;

    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: PROD_REGIONAL }));
    await waitUntilNatGatewayDeleted({ client: ec2, ...FAST_WAITER }, { NatGatewayIds: [PROD_REGIONAL] });
    const { RouteTables } = await ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'route.nat-gateway-id', Values: [PROD_REGIONAL] }],
      }),
    );
    const { Addresses } = await ec2.send(new DescribeAddressesCommand({ AllocationIds: [PROD_A_EIP] }));

    expect(
      RouteTables?.flatMap((t) =>
        t.Routes?.filter((r) => r.NatGatewayId === PROD_REGIONAL).map((r) => r.State),
      ),
    ).toEqual(['blackhole', 'blackhole', 'blackhole']);
    expect(Addresses?.[0]?.AssociationId).toBeUndefined();
    expect(account.sim.state.routeTables.some((t) => t.routeTableId === 'rtb-0a10000000000000e')).toBe(false);
    expect(account.sim.state.elasticIps.some((e) => e.allocationId === PROD_A_EIP)).toBe(true);
  });
});
