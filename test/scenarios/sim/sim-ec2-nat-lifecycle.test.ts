// Contract: NAT gateways are created, provisioned, failed and deleted like AWS does it, on simulated time.
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
import { EXAMPLE, exampleAccount, FAST_WAITER } from './sim-ec2-fixture';

const HOUR_SECONDS = 3600;

async function parkDevGateway(account: Awaited<ReturnType<typeof exampleAccount>>): Promise<void> {
  await account.clients.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: EXAMPLE.devNat }));
  await waitUntilNatGatewayDeleted(
    { client: account.clients.ec2, ...FAST_WAITER },
    { NatGatewayIds: [EXAMPLE.devNat] },
  );
}

async function stateOf(account: Awaited<ReturnType<typeof exampleAccount>>, natGatewayId: string) {
  const { NatGateways } = await account.clients.ec2.send(
    new DescribeNatGatewaysCommand({ NatGatewayIds: [natGatewayId] }),
  );
  return NatGateways?.[0];
}

describe('simulated EC2: NAT gateway deletion', () => {
  it('should put a deleted gateway in deleting and its routes in blackhole at once', async () => {
    const account = await exampleAccount();
    await account.clients.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: EXAMPLE.devNat }));
    const { RouteTables } = await account.clients.ec2.send(
      new DescribeRouteTablesCommand({ RouteTableIds: [EXAMPLE.devPrivateTable] }),
    );
    expect(account.sim.state.natGateways.find((g) => g.natGatewayId === EXAMPLE.devNat)?.state).toBe(
      'deleting',
    );
    expect(RouteTables?.[0]?.Routes?.find((route) => route.NatGatewayId === EXAMPLE.devNat)?.State).toBe(
      'blackhole',
    );
  });

  it('should disassociate the Elastic IP once the gateway is deleted, never release it', async () => {
    const account = await exampleAccount();
    await parkDevGateway(account);
    const { Addresses } = await account.clients.ec2.send(
      new DescribeAddressesCommand({ AllocationIds: [EXAMPLE.devEip] }),
    );
    expect(Addresses).toEqual([
      expect.objectContaining({ AllocationId: EXAMPLE.devEip, PublicIp: EXAMPLE.devEipPublicIp }),
    ]);
    expect(Addresses?.[0]?.AssociationId).toBeUndefined();
  });

  it('should show a deleted gateway with its delete time, then forget it after the visibility period', async () => {
    const account = await exampleAccount();
    await parkDevGateway(account);
    const deleted = await stateOf(account, EXAMPLE.devNat);
    account.sim.advance(account.sim.timings.deletedVisibleSeconds);
    const answer = account.clients.ec2.send(
      new DescribeNatGatewaysCommand({ NatGatewayIds: [EXAMPLE.devNat] }),
    );
    expect(deleted).toMatchObject({ State: 'deleted', DeleteTime: expect.any(Date) });
    await expect(answer).rejects.toMatchObject({ name: 'NatGatewayNotFound' });
  });

  it.each([
    ['an unknown gateway', 'nat-0123456789abcdef0'],
    ['an already deleted gateway', EXAMPLE.devNat],
  ])('should answer DeleteNatGateway on %s with NatGatewayNotFound', async (_, natGatewayId) => {
    const account = await exampleAccount();
    await parkDevGateway(account);
    const answer = account.clients.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: natGatewayId }));
    await expect(answer).rejects.toMatchObject({ name: 'NatGatewayNotFound' });
  });

  it('should let waitUntilNatGatewayDeleted finish on simulated time', async () => {
    const account = await exampleAccount();
    const before = account.sim.now().getTime();
    await parkDevGateway(account);
    expect((account.sim.now().getTime() - before) / 1000).toBeGreaterThanOrEqual(
      account.sim.timings.natDeletionSeconds,
    );
  });
});

describe('simulated EC2: NAT gateway creation', () => {
  it('should create a pending gateway that becomes available after natProvisionSeconds of simulated time', async () => {
    const account = await exampleAccount();
    await parkDevGateway(account);
    const startedAt = account.sim.now().getTime();
    const realStart = performance.now();
    const { NatGateway } = await account.clients.ec2.send(
      new CreateNatGatewayCommand({ SubnetId: EXAMPLE.devPublicSubnetA, AllocationId: EXAMPLE.devEip }),
    );
    const natGatewayId = NatGateway?.NatGatewayId ?? '';
    await waitUntilNatGatewayAvailable(
      { client: account.clients.ec2, ...FAST_WAITER },
      { NatGatewayIds: [natGatewayId] },
    );
    const simulatedSeconds = (account.sim.now().getTime() - startedAt) / 1000;
    expect(NatGateway?.State).toBe('pending');
    expect((await stateOf(account, natGatewayId))?.State).toBe('available');
    expect(simulatedSeconds).toBeGreaterThanOrEqual(account.sim.timings.natProvisionSeconds);
    expect(performance.now() - realStart).toBeLessThan(2000);
  });

  it('should give new gateways nat- ids of 17 hex digits that repeat from run to run', async () => {
    const first = await exampleAccount();
    const second = await exampleAccount();
    const create = new CreateNatGatewayCommand({
      SubnetId: EXAMPLE.devPublicSubnetB,
      ConnectivityType: 'private',
    });
    const a = await first.clients.ec2.send(create);
    const b = await second.clients.ec2.send(create);
    expect(a.NatGateway?.NatGatewayId).toMatch(/^nat-[0-9a-f]{17}$/);
    expect(a.NatGateway?.NatGatewayId).toBe(b.NatGateway?.NatGatewayId);
  });

  it('should end failed with Resource.AlreadyAssociated when the Elastic IP is still held', async () => {
    const account = await exampleAccount();
    await account.clients.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: EXAMPLE.devNat }));
    const { NatGateway } = await account.clients.ec2.send(
      new CreateNatGatewayCommand({ SubnetId: EXAMPLE.devPublicSubnetB, AllocationId: EXAMPLE.devEip }),
    );
    const natGatewayId = NatGateway?.NatGatewayId ?? '';
    const waiting = waitUntilNatGatewayAvailable(
      { client: account.clients.ec2, ...FAST_WAITER },
      { NatGatewayIds: [natGatewayId] },
    );
    await expect(waiting).rejects.toThrow();
    expect(await stateOf(account, natGatewayId)).toMatchObject({
      State: 'failed',
      FailureCode: 'Resource.AlreadyAssociated',
    });
  });

  it('should forget a failed gateway after an hour', async () => {
    const account = await exampleAccount();
    const { NatGateway } = await account.clients.ec2.send(
      new CreateNatGatewayCommand({ SubnetId: EXAMPLE.devPublicSubnetB, AllocationId: EXAMPLE.devEip }),
    );
    account.sim.advance(account.sim.timings.natProvisionSeconds + HOUR_SECONDS);
    const answer = account.clients.ec2.send(
      new DescribeNatGatewaysCommand({ NatGatewayIds: [NatGateway?.NatGatewayId ?? ''] }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'NatGatewayNotFound' });
  });

  it('should return the same gateway for a repeated ClientToken with the same parameters', async () => {
    const account = await exampleAccount();
    const create = new CreateNatGatewayCommand({
      SubnetId: EXAMPLE.devPublicSubnetB,
      ConnectivityType: 'private',
      ClientToken: 'unpark-dev-nat-a-1',
    });
    const first = await account.clients.ec2.send(create);
    const again = await account.clients.ec2.send(create);
    expect(again.NatGateway?.NatGatewayId).toBe(first.NatGateway?.NatGatewayId);
    expect(account.sim.state.natGateways).toHaveLength(EXAMPLE.natGatewayCount + 1);
  });

  it('should refuse a repeated ClientToken with different parameters with IdempotentParameterMismatch', async () => {
    const account = await exampleAccount();
    const token = 'unpark-dev-nat-a-1';
    await account.clients.ec2.send(
      new CreateNatGatewayCommand({
        SubnetId: EXAMPLE.devPublicSubnetB,
        ConnectivityType: 'private',
        ClientToken: token,
      }),
    );
    const answer = account.clients.ec2.send(
      new CreateNatGatewayCommand({
        SubnetId: EXAMPLE.devPublicSubnetA,
        ConnectivityType: 'private',
        ClientToken: token,
      }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'IdempotentParameterMismatch' });
  });

  it('should refuse a sixth live gateway in one availability zone with NatGatewayLimitExceeded', async () => {
    const account = await exampleAccount();
    const answer = account.clients.ec2.send(
      new CreateNatGatewayCommand({ SubnetId: EXAMPLE.devPublicSubnetA, ConnectivityType: 'private' }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'NatGatewayLimitExceeded' });
  });

  it.each([
    [
      'an unknown subnet',
      'InvalidSubnetID.NotFound',
      { SubnetId: 'subnet-0dead', AllocationId: EXAMPLE.devEip },
    ],
    [
      'an unknown Elastic IP',
      'InvalidAllocationID.NotFound',
      { SubnetId: EXAMPLE.devPublicSubnetB, AllocationId: 'eipalloc-0dead' },
    ],
  ])('should refuse a create in %s with %s', async (_, code, parameters) => {
    const account = await exampleAccount();
    await expect(account.clients.ec2.send(new CreateNatGatewayCommand(parameters))).rejects.toMatchObject({
      name: code,
    });
  });

  it('should tag a new gateway from its TagSpecifications', async () => {
    const account = await exampleAccount();
    const { NatGateway } = await account.clients.ec2.send(
      new CreateNatGatewayCommand({
        SubnetId: EXAMPLE.devPublicSubnetB,
        ConnectivityType: 'private',
        TagSpecifications: [{ ResourceType: 'natgateway', Tags: [{ Key: 'Name', Value: 'dev-nat-b' }] }],
      }),
    );
    expect(NatGateway?.Tags).toEqual([{ Key: 'Name', Value: 'dev-nat-b' }]);
  });

  it('should answer DryRun with DryRunOperation and create nothing', async () => {
    const account = await exampleAccount();
    const answer = account.clients.ec2.send(
      new CreateNatGatewayCommand({
        SubnetId: EXAMPLE.devPublicSubnetB,
        ConnectivityType: 'private',
        DryRun: true,
      }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'DryRunOperation' });
    expect(account.sim.state.natGateways).toHaveLength(EXAMPLE.natGatewayCount);
  });
});
