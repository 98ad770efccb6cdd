// The example account prepared for the gateway-endpoint and flow-log scenarios.

import { buildFullConfig, type Config } from '../../../lib/config';
import type { TrafficAttribution } from '../../../lib/domain/analysis/traffic-attribution';
import { FLOW_LOG_FORMAT } from '../../../lib/domain/endpoints/flow-log-query';
import type { Runtime } from '../../../lib/runtime';
import { derivedId } from '../../../lib/sim/ec2/ids';
import { simRuntime, snapshotAttribution } from '../../../lib/sim/sim-runtime';
import { createSimulatedAccount, type SimulatedAccount } from '../../../lib/sim/simulated-account';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';

export { exampleSnapshot } from '../../fixtures/analysis-account';

export const EX = {
  prodVpc: 'vpc-a9afb1aa2ffccdfd9',
  stagingVpc: 'vpc-e1f675741c814e536',
  prodNatA: 'nat-c96c07fb2aecb9170',
  prodNatB: 'nat-aff0cc138b95e1039',
  prodNatC: 'nat-3091f24355ccdb5ba',
  stagingNat: 'nat-6fbc4fb8fb071f5ef',
  prodPrivateTables: ['rtb-b1b27c28bc73a921a', 'rtb-18dd0b2cd61e20914', 'rtb-90550c5481ecea062'],
  prodPublicTable: 'rtb-eb1b896152f30f7df',
  prodMainTable: 'rtb-60eeaf854308da5ec',
  stagingPrivateTables: ['rtb-ed795355f499402a4', 'rtb-033cd364f9266757c'],
  stagingS3Endpoint: 'vpce-a350174756ee33a1b',
  s3PrefixList: 'pl-fe922169',
  dynamodbPrefixList: 'pl-5c816a3f',
  prodNatAS3Bytes: 7_549_649_183_403,
  windowHours: 336,
} as const;

export const LOG_GROUP = '/nat-optimizer/test/nat-flow-logs';
export const ROLE_ARN = 'arn:aws:iam::111122223333:role/nat-optimizer-flow-logs';
/** Well before the example's metric window (2026-11-02 … 2026-11-16). */
export const LOGGING_SINCE = '2026-10-01T00:00:00.000Z';

export interface EndpointsAccount extends SimulatedAccount {
  runtime: Runtime;
  config: Config;
  attribution: TrafficAttribution;
}

export function endpointsAccount(snapshot: Snapshot, env: Record<string, string> = {}): EndpointsAccount {
  const account = createSimulatedAccount(snapshot);
  return {
    ...account,
    runtime: simRuntime(account),
    config: buildFullConfig({ AWS_REGION: snapshot.region, NAT_OPTIMIZER_FLOW_LOG_GROUP: LOG_GROUP, ...env }),
    attribution: snapshotAttribution(account.sim),
  };
}

/** The snapshot with the log group and, for each gateway named, a flow log in the attribution format since `since`. */
export function withFlowLogs(
  snapshot: Snapshot,
  natGatewayIds: readonly string[],
  options: { since?: string; logFormat?: string } = {},
): Snapshot {
  const creationTime = options.since ?? LOGGING_SINCE;
  return {
    ...structuredClone(snapshot),
    logGroups: [{ logGroupName: LOG_GROUP, creationTime, retentionInDays: 30, tags: {} }],
    flowLogs: natGatewayIds.map((natGatewayId, i) => ({
      flowLogId: `fl-0000000000000000${i}`,
      resourceId: derivedId('eni', natGatewayId),
      resourceType: 'NetworkInterface',
      trafficType: 'ALL',
      logGroupName: LOG_GROUP,
      deliverLogsPermissionArn: ROLE_ARN,
      logFormat: options.logFormat ?? FLOW_LOG_FORMAT,
      maxAggregationInterval: 600,
      creationTime,
      tags: {},
    })),
  };
}

export function routesOf(snapshot: Snapshot, routeTableId: string) {
  return snapshot.routeTables.find((t) => t.routeTableId === routeTableId)?.routes ?? [];
}
