// `endpoints` on the simulated example account: the plan, the endpoints and prefix-list routes it creates, and a
// second run that changes nothing.
import { DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../lib/errors';
import { runAnalysis } from '../../../lib/use-cases/analysis/analyze';
import { type EndpointsOptions, runEndpoints } from '../../../lib/use-cases/endpoints/endpoints';
import { EX, endpointsAccount, exampleSnapshot, routesOf } from './endpoints-fixture';

const PROD: EndpointsOptions = { vpcId: EX.prodVpc, extendExisting: false };

async function applyOn(
  options: EndpointsOptions = PROD,
  snapshot?: Awaited<ReturnType<typeof exampleSnapshot>>,
) {
  const account = endpointsAccount(snapshot ?? (await exampleSnapshot()));
  const result = await runEndpoints(account.runtime, account.config, account.attribution, options);
  return { account, result };
}

describe('endpoints on the simulated account', () => {
  it('should plan without changing anything when not applying', async () => {
    // Prepare
    const account = endpointsAccount(await exampleSnapshot());

    // Act
    const result = await runEndpoints(
      { ...account.runtime, apply: false },
      account.config,
      account.attribution,
      PROD,
    );

    // Assess
    expect(result.steps.map((s) => [s.service, s.action, s.result])).toEqual([
      ['s3', 'create', 'planned'],
      ['dynamodb', 'create', 'planned'],
    ]);
    expect(account.sim.callCount('EC2.CreateVpcEndpoint')).toBe(0);
    expect(account.sim.toSnapshot().vpcEndpoints).toHaveLength(1);
  });

  it('should expect the saving the analysis finds for the same gateways', async () => {
    // Prepare
    const account = endpointsAccount(await exampleSnapshot());
    const analysis = await runAnalysis(account.runtime, account.config, account.attribution);
    const s3Savings = analysis.natGateways
      .filter((g) => g.vpcId === EX.prodVpc)
      .flatMap((g) => g.findings.filter((f) => f.code === 'GATEWAY_ENDPOINT_S3'))
      .reduce((sum, f) => sum + (f.estimatedMonthlySavings ?? 0), 0);

    // Act
    const result = await runEndpoints(
      { ...account.runtime, apply: false },
      account.config,
      account.attribution,
      PROD,
    );

    // Assess
    expect(result.steps[0]?.estimatedMonthlySavings).toBeCloseTo(s3Savings, 2);
    expect(result.estimatedMonthlySavings).toBeCloseTo(721.71, 2);
    expect(result.steps[0]?.unattributedNatGatewayIds).toEqual([EX.prodNatC]);
  });

  it('should route the S3 prefix list to the new endpoint in exactly the NAT-routed tables', async () => {
    // Act
    const { account, result } = await applyOn();

    // Assess
    const endpointId = result.steps[0]?.vpcEndpointId;
    const state = account.sim.toSnapshot();
    for (const table of EX.prodPrivateTables) {
      expect(routesOf(state, table)).toContainEqual({
        destinationPrefixListId: EX.s3PrefixList,
        vpcEndpointId: endpointId,
      });
    }
    for (const table of [EX.prodPublicTable, EX.prodMainTable]) {
      expect(routesOf(state, table).some((r) => r.destinationPrefixListId !== undefined)).toBe(false);
    }
  });

  it('should show the new routes through DescribeRouteTables as a prefix list to a vpce gateway', async () => {
    // Prepare
    const { account, result } = await applyOn();

    // Act
    const answer = await account.clients.ec2.send(
      new DescribeRouteTablesCommand({ RouteTableIds: [EX.prodPrivateTables[0]] }),
    );

    // Assess
    expect(answer.RouteTables?.[0]?.Routes).toContainEqual(
      expect.objectContaining({
        DestinationPrefixListId: EX.s3PrefixList,
        GatewayId: result.steps[0]?.vpcEndpointId,
      }),
    );
  });

  it("should tag the endpoints as the optimizer's and restrict them to the account", async () => {
    // Act
    const { account } = await applyOn();

    // Assess
    const created = account.sim.toSnapshot().vpcEndpoints.filter((e) => e.vpcId === EX.prodVpc);
    expect(created.map((e) => e.serviceName).sort()).toEqual([
      'com.amazonaws.us-east-1.dynamodb',
      'com.amazonaws.us-east-1.s3',
    ]);
    for (const endpoint of created) {
      expect(endpoint.tags).toMatchObject({ 'nat-optimizer:managed': 'true' });
      expect(endpoint.policyDocument).toContain('"aws:ResourceAccount":"111122223333"');
    }
  });

  it('should change nothing on a second run', async () => {
    // Prepare
    const { account } = await applyOn();
    const before = account.sim.toSnapshot();
    account.sim.resetCallCounts();

    // Act
    const again = await runEndpoints(account.runtime, account.config, account.attribution, PROD);

    // Assess
    expect(again.steps.map((s) => s.action)).toEqual(['none', 'none']);
    expect(
      account.sim.callCount('EC2.CreateVpcEndpoint') + account.sim.callCount('EC2.ModifyVpcEndpoint'),
    ).toBe(0);
    expect(account.sim.toSnapshot()).toEqual(before);
  });

  it('should leave the staging VPC S3 endpoint alone: it already covers the NAT-routed tables', async () => {
    // Act
    const { account, result } = await applyOn({ vpcId: EX.stagingVpc, extendExisting: true });

    // Assess
    expect(result.steps[0]).toMatchObject({
      service: 's3',
      action: 'none',
      vpcEndpointId: EX.stagingS3Endpoint,
    });
    expect(account.sim.callCount('EC2.ModifyVpcEndpoint')).toBe(0);
  });

  it('should not add a missing table to an existing endpoint unless asked', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();
    const [first, second] = EX.stagingPrivateTables;
    const endpoint = snapshot.vpcEndpoints.find((e) => e.vpcEndpointId === EX.stagingS3Endpoint);
    if (endpoint) endpoint.routeTableIds = [first];
    const table = snapshot.routeTables.find((t) => t.routeTableId === second);
    if (table) table.routes = table.routes.filter((r) => r.destinationPrefixListId === undefined);

    // Act
    const { account, result } = await applyOn({ vpcId: EX.stagingVpc, extendExisting: false }, snapshot);

    // Assess
    expect(result.steps[0]).toMatchObject({ action: 'skip', result: 'skipped', routeTableIds: [second] });
    expect(account.sim.callCount('EC2.ModifyVpcEndpoint')).toBe(0);
    expect(
      routesOf(account.sim.toSnapshot(), second).some((r) => r.destinationPrefixListId === EX.s3PrefixList),
    ).toBe(false);
  });

  it('should extend an existing endpoint with only the missing table when asked', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();
    const [first, second] = EX.stagingPrivateTables;
    const endpoint = snapshot.vpcEndpoints.find((e) => e.vpcEndpointId === EX.stagingS3Endpoint);
    if (endpoint) endpoint.routeTableIds = [first];
    const table = snapshot.routeTables.find((t) => t.routeTableId === second);
    if (table) table.routes = table.routes.filter((r) => r.destinationPrefixListId === undefined);

    // Act
    const { account, result } = await applyOn({ vpcId: EX.stagingVpc, extendExisting: true }, snapshot);

    // Assess
    expect(result.steps[0]).toMatchObject({ action: 'extend', result: 'done', routeTableIds: [second] });
    const state = account.sim.toSnapshot();
    expect(state.vpcEndpoints.find((e) => e.vpcEndpointId === EX.stagingS3Endpoint)?.routeTableIds).toEqual([
      first,
      second,
    ]);
    expect(routesOf(state, second)).toContainEqual({
      destinationPrefixListId: EX.s3PrefixList,
      vpcEndpointId: EX.stagingS3Endpoint,
    });
  });

  it('should put a policy given by the user on the new endpoints', async () => {
    // Prepare
    const policy =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}';

    // Act
    const { account, result } = await applyOn({ ...PROD, policyDocument: policy });

    // Assess
    expect(result.policySource).toBe('file');
    const created = account.sim.toSnapshot().vpcEndpoints.filter((e) => e.vpcId === EX.prodVpc);
    expect(created.map((e) => e.policyDocument)).toEqual([policy, policy]);
  });

  it('should report an endpoint AWS refuses and still create the next one', async () => {
    // Prepare: a table already sends the S3 prefix list elsewhere, so the endpoint route cannot be added.
    const snapshot = await exampleSnapshot();
    snapshot.vpcEndpoints = [];
    const table = snapshot.routeTables.find((t) => t.routeTableId === EX.stagingPrivateTables[0]);
    if (table)
      table.routes = [
        ...table.routes.filter((r) => !r.destinationPrefixListId),
        { destinationPrefixListId: EX.s3PrefixList, natGatewayId: EX.stagingNat },
      ];

    // Act
    const { result } = await applyOn({ vpcId: EX.stagingVpc, extendExisting: false }, snapshot);

    // Assess
    expect(result.steps.map((s) => [s.service, s.result])).toEqual([
      ['s3', 'failed'],
      ['dynamodb', 'done'],
    ]);
    expect(result.steps[0]?.error).toMatch(/^RouteAlreadyExists: /);
  });

  it('should warn about aws:SourceIp bucket policies on the gateways Elastic IPs', async () => {
    // Act
    const { result } = await applyOn();

    // Assess
    expect(result.warnings[0]).toContain(
      "NAT gateways' Elastic IPs (203.0.113.10, 203.0.113.11, 203.0.113.12)",
    );
    expect(result.warnings[0]).toContain('aws:SourceVpce or aws:SourceVpc (vpc-a9afb1aa2ffccdfd9)');
  });

  it('should refuse a VPC the account does not have', async () => {
    // Act
    const run = applyOn({ vpcId: 'vpc-0000000000000000f', extendExisting: false });

    // Assess
    await expect(run).rejects.toThrow(new BadInputError('VPC vpc-0000000000000000f not found in us-east-1'));
  });
});
