// Flow logs on regional NAT gateways (resource type RegionalNatGateway): set up on the gateway itself, and its
// records, one interface per AZ, attributed to the gateway like a zonal gateway's.
import { DescribeFlowLogsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../../lib/aws/inventory';
import { FLOW_LOG_FORMAT } from '../../../lib/domain/endpoints/flow-log-query';
import { analysisWindow } from '../../../lib/domain/metric-series';
import { derivedId } from '../../../lib/sim/ec2/ids';
import { flowLogAttribution } from '../../../lib/use-cases/endpoints/flow-log-attribution';
import { runFlowLogSetup } from '../../../lib/use-cases/endpoints/flow-log-setup';
import { DEV_NAT, PROD_REGIONAL, regionalSnapshot, SHARED_REGIONAL } from '../../fixtures/regional-account';
import { endpointsAccount, LOG_GROUP, LOGGING_SINCE, ROLE_ARN } from './endpoints-fixture';

describe('flow logs on a regional NAT gateway', () => {
  it('should set up a RegionalNatGateway flow log on each regional gateway and an interface one on the zonal', async () => {
    const account = endpointsAccount(await regionalSnapshot());

    const result = await runFlowLogSetup(account.runtime, {
      logGroupName: LOG_GROUP,
      deliveryRoleArn: ROLE_ARN,
      retentionDays: 30,
    });
    const { FlowLogs } = await account.clients.ec2.send(
      new DescribeFlowLogsCommand({ Filter: [{ Name: 'log-group-name', Values: [LOG_GROUP] }] }),
    );

    expect(
      result.gateways.map((g) => [g.natGatewayId, g.resourceType ?? 'NetworkInterface', g.result]).sort(),
    ).toEqual(
      [
        [DEV_NAT, 'NetworkInterface', 'done'],
        [PROD_REGIONAL, 'RegionalNatGateway', 'done'],
        [SHARED_REGIONAL, 'RegionalNatGateway', 'done'],
      ].sort(),
    );
    expect(FlowLogs?.map((f) => f.ResourceId).sort()).toEqual(
      [derivedId('eni', DEV_NAT), PROD_REGIONAL, SHARED_REGIONAL].sort(),
    );
  });

  it('should attribute the records of every AZ interface to the gateway', async () => {
    const snapshot = await regionalSnapshot();
    snapshot.logGroups = [
      { logGroupName: LOG_GROUP, creationTime: LOGGING_SINCE, retentionInDays: 30, tags: {} },
    ];
    snapshot.flowLogs = [
      {
        flowLogId: 'fl-00000000000000001',
        resourceId: PROD_REGIONAL,
        resourceType: 'RegionalNatGateway',
        trafficType: 'ALL',
        logGroupName: LOG_GROUP,
        deliverLogsPermissionArn: ROLE_ARN,
        logFormat: FLOW_LOG_FORMAT,
        maxAggregationInterval: 600,
        creationTime: LOGGING_SINCE,
        tags: {},
      },
    ];
    const expected = snapshot.trafficByService?.[PROD_REGIONAL];
    const account = endpointsAccount(snapshot);
    const attribution = flowLogAttribution(account.runtime, {
      logGroupName: LOG_GROUP,
      queryTimeoutSeconds: 60,
    });
    const inventory = await loadInventory(account.clients.ec2, account.runtime.region);

    const { traffic } = await attribution.attribute(inventory, analysisWindow(account.runtime.now(), 14));

    expect(expected?.S3).toBeGreaterThan(0);
    expect(Math.abs((traffic?.[PROD_REGIONAL]?.S3 ?? 0) - (expected?.S3 ?? 0))).toBeLessThanOrEqual(3);
    expect(traffic?.[PROD_REGIONAL]?.DYNAMODB).toBe(0);
    expect(traffic?.[DEV_NAT]).toBeUndefined();
  });
});
