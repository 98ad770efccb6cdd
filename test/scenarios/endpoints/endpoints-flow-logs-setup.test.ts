// `flow-logs setup` on the simulated account: one flow log per NAT gateway interface, into a group with retention.
import { DescribeFlowLogsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { FLOW_LOG_FORMAT } from '../../../lib/domain/endpoints/flow-log-query';
import { BadInputError } from '../../../lib/errors';
import { runFlowLogSetup } from '../../../lib/use-cases/endpoints/flow-log-setup';
import { EX, endpointsAccount, exampleSnapshot, LOG_GROUP, ROLE_ARN } from './endpoints-fixture';

const SETUP = { logGroupName: LOG_GROUP, deliveryRoleArn: ROLE_ARN, retentionDays: 30, vpcIds: [EX.prodVpc] };

describe('flow-logs setup on the simulated account', () => {
  it('should log every NAT gateway interface of the VPC into the group in the attribution format', async () => {
    // Prepare
    const account = endpointsAccount(await exampleSnapshot());

    // Act
    const result = await runFlowLogSetup(account.runtime, SETUP);

    // Assess
    expect(result.gateways.map((g) => [g.natGatewayId, g.result])).toEqual([
      [EX.prodNatA, 'done'],
      [EX.prodNatB, 'done'],
      [EX.prodNatC, 'done'],
    ]);
    const described = await account.clients.ec2.send(
      new DescribeFlowLogsCommand({ Filter: [{ Name: 'log-group-name', Values: [LOG_GROUP] }] }),
    );
    expect(described.FlowLogs?.map((f) => f.ResourceId)).toEqual(
      result.gateways.map((g) => g.networkInterfaceId),
    );
    expect(described.FlowLogs?.every((f) => f.LogFormat === FLOW_LOG_FORMAT && f.TrafficType === 'ALL')).toBe(
      true,
    );
  });

  it('should create the log group with its retention and tag it', async () => {
    // Prepare
    const account = endpointsAccount(await exampleSnapshot());

    // Act
    const result = await runFlowLogSetup(account.runtime, SETUP);

    // Assess
    expect(result.logGroup).toEqual({ name: LOG_GROUP, retentionDays: 30, result: 'created' });
    expect(account.sim.toSnapshot().logGroups).toEqual([
      expect.objectContaining({
        logGroupName: LOG_GROUP,
        retentionInDays: 30,
        tags: { 'nat-optimizer:managed': 'true' },
      }),
    ]);
  });

  it('should create nothing on a second run', async () => {
    // Prepare
    const account = endpointsAccount(await exampleSnapshot());
    await runFlowLogSetup(account.runtime, SETUP);
    account.sim.resetCallCounts();

    // Act
    const again = await runFlowLogSetup(account.runtime, SETUP);

    // Assess
    expect(
      again.gateways.every((g) => g.action === 'none' && g.reason.endsWith('already delivers to the group')),
    ).toBe(true);
    expect(
      account.sim.callCount('EC2.CreateFlowLogs') + account.sim.callCount('CloudWatchLogs.CreateLogGroup'),
    ).toBe(0);
  });

  it('should only plan when not applying', async () => {
    // Prepare
    const account = endpointsAccount(await exampleSnapshot());

    // Act
    const result = await runFlowLogSetup(
      { ...account.runtime, apply: false },
      { ...SETUP, vpcIds: undefined },
    );

    // Assess
    expect(result.gateways).toHaveLength(7);
    expect(result.gateways.every((g) => g.result === 'planned')).toBe(true);
    expect(account.sim.callCount('EC2.CreateFlowLogs')).toBe(0);
  });

  it('should refuse to create flow logs without a delivery role', async () => {
    // Prepare
    const account = endpointsAccount(await exampleSnapshot());

    // Act
    const run = runFlowLogSetup(account.runtime, { ...SETUP, deliveryRoleArn: undefined });

    // Assess
    await expect(run).rejects.toThrow(BadInputError);
    expect(account.sim.callCount('EC2.CreateFlowLogs')).toBe(0);
  });
});
