// The failover benchmark's account: the example account with prod-nat-a carrying `tables` private route tables,
// EC2's token buckets on, a real-time simulated clock and 50 ms on every call; and alterNAT's way of moving routes.
import { DescribeRouteTablesCommand, ReplaceRouteCommand } from '@aws-sdk/client-ec2';
import { createClients } from '../lib/aws/clients';
import { buildFullConfig, type Config } from '../lib/config';
import type { AlarmStateChangeEvent } from '../lib/domain/failover/failover-event';
import { DEFAULT_ROUTE } from '../lib/domain/model';
import type { Runtime } from '../lib/runtime';
import { applyAlarmStateChange } from '../lib/sim/alarms';
import { simRuntime } from '../lib/sim/sim-runtime';
import { createSimulatedAccount, type SimulatedAccount } from '../lib/sim/simulated-account';
import type { Snapshot } from '../lib/sim/snapshot-schema';
import { syncFailoverAlarms } from '../lib/use-cases/failover/alarm-sync';
import { handleAlarmEvent } from '../lib/use-cases/failover/failover';

export const LATENCY_MS = 50;
/** The deployed default (stage parameter maxAttempts), and botocore's legacy default for alterNAT's boto3. */
export const MAX_ATTEMPTS = 5;
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:nat-optimizer';

export interface BenchAccount extends SimulatedAccount {
  runtime: Runtime;
  config: Config;
  natGatewayId: string;
  vpcId: string;
}

/** prod-nat-a with `tables` private route tables in all (prod-private-a and `tables` − 1 more, one subnet each). */
function withTables(
  example: Snapshot,
  tables: number,
): { snapshot: Snapshot; natGatewayId: string; vpcId: string } {
  const snapshot = structuredClone(example);
  const gateway = snapshot.natGateways.find((g) => g.tags.Name === 'prod-nat-a');
  if (!gateway) throw new Error('the example account has no prod-nat-a');
  for (let i = 1; i < tables; i += 1) {
    const suffix = i.toString(16).padStart(4, '0');
    const subnetId = `subnet-0be${suffix}0000000000`;
    snapshot.subnets.push({
      subnetId,
      vpcId: gateway.vpcId,
      availabilityZone: 'us-east-1a',
      cidrBlock: `10.0.${(i % 100) + 110}.${Math.floor(i / 100) * 16}/28`,
      tags: {},
    });
    snapshot.routeTables.push({
      routeTableId: `rtb-0be${suffix}0000000000`,
      vpcId: gateway.vpcId,
      main: false,
      subnetIds: [subnetId],
      tags: { Name: `bench-private-${i}` },
      routes: [
        { destinationCidrBlock: '10.0.0.0/16', gatewayId: 'local' },
        { destinationCidrBlock: DEFAULT_ROUTE, natGatewayId: gateway.natGatewayId },
      ],
    });
  }
  return { snapshot, natGatewayId: gateway.natGatewayId, vpcId: gateway.vpcId };
}

/** Alarms synced (fast detection on the VPC when `fast`), then 50 ms on every call. */
export async function benchAccount(example: Snapshot, tables: number, fast: boolean): Promise<BenchAccount> {
  const { snapshot, natGatewayId, vpcId } = withTables(example, tables);
  const account = createSimulatedAccount(snapshot, { clock: 'real-time', maxAttempts: MAX_ATTEMPTS });
  const config = buildFullConfig({
    AWS_REGION: snapshot.region,
    NAT_OPTIMIZER_TOPIC_ARN: TOPIC,
    NAT_OPTIMIZER_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    ...(fast ? { NAT_OPTIMIZER_FAST_DETECTION: vpcId } : {}),
  });
  const runtime = simRuntime(account);
  await syncFailoverAlarms(runtime, config);
  account.sim.injectFaults({ latencyMs: LATENCY_MS });
  return { ...account, runtime, config, natGatewayId, vpcId };
}

export interface MoveFigures {
  wallMs: number;
  calls: number;
  refused: number;
  failed: number;
  moved: number;
}

/**
 * alterNAT's replace_route loop: the tables on the failing gateway, then one ReplaceRoute after the other, with the
 * SDK's retry strategy and no pacing (what a client unaware of EC2's buckets does).
 */
export async function moveTheAlterNatWay(account: BenchAccount, to: string): Promise<MoveFigures> {
  const clients = createClients({
    region: account.sim.state.region,
    maxAttempts: MAX_ATTEMPTS,
    credentials: { accessKeyId: 'SIMULATED', secretAccessKey: 'SIMULATED' },
    ec2Pacing: 'off',
  });
  account.sim.attach(clients, { pace: false });
  account.sim.resetCallCounts();
  const started = performance.now();
  const tables: string[] = [];
  let token: string | undefined;
  do {
    const page = await clients.ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'route.nat-gateway-id', Values: [account.natGatewayId] }],
        MaxResults: 100,
        NextToken: token,
      }),
    );
    tables.push(...(page.RouteTables ?? []).map((t) => t.RouteTableId ?? ''));
    token = page.NextToken;
  } while (token);
  let failed = 0;
  for (const routeTableId of tables) {
    try {
      await clients.ec2.send(
        new ReplaceRouteCommand({
          RouteTableId: routeTableId,
          DestinationCidrBlock: DEFAULT_ROUTE,
          NatGatewayId: to,
        }),
      );
    } catch {
      failed += 1;
    }
  }
  return {
    wallMs: performance.now() - started,
    calls: account.sim.callCount(),
    refused: account.sim.ec2Throttle.refused,
    failed,
    moved: tables.length - failed,
  };
}

/** Both alarms OK half an hour later (past the minimum hold): the tables move back, one DeleteTags for all. */
export async function failBackAll(account: BenchAccount): Promise<MoveFigures> {
  account.sim.advance(30 * 60);
  let event: AlarmStateChangeEvent | undefined;
  for (const alarm of account.sim.state.alarms ?? []) {
    if (alarm.natGatewayId !== account.natGatewayId) continue;
    applyAlarmStateChange(account.sim, { ...alarm, state: 'OK', at: account.sim.now() });
    event = alarmOk(alarm.alarmName, account.natGatewayId, account.sim.now());
  }
  if (!event) throw new Error('no alarm to clear');
  account.sim.resetCallCounts();
  const started = performance.now();
  const result = await handleAlarmEvent(account.runtime, account.config, event);
  return {
    wallMs: performance.now() - started,
    calls: account.sim.callCount(),
    refused: account.sim.ec2Throttle.refused,
    failed: result.actions.filter((a) => a.result === 'failed').length,
    moved: result.routesMoved,
  };
}

function alarmOk(alarmName: string, natGatewayId: string, at: Date): AlarmStateChangeEvent {
  return {
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    time: at.toISOString(),
    detail: {
      alarmName,
      state: { value: 'OK', timestamp: at.toISOString() },
      configuration: {
        metrics: [
          {
            id: 'probe',
            metricStat: {
              metric: { name: 'EgressProbeSuccess', dimensions: { NatGatewayId: natGatewayId } },
            },
          },
        ],
      },
    },
  };
}
