// Flow-log attribution on generated accounts of 10 to 1,000 NAT gateways: wall time of the whole attribution
// (describes, prefix lists, one Logs Insights query answered by the simulated engine), API calls, rows returned,
// and whether it reproduces the snapshot's trafficByService exactly. Prints a Markdown section.
// Run: npx tsx scripts/bench-endpoints.ts [gateways…]

import { performance } from 'node:perf_hooks';
import { loadInventory } from '../lib/aws/inventory';
import { FLOW_LOG_FORMAT } from '../lib/domain/endpoints/flow-log-query';
import { analysisWindow } from '../lib/domain/metric-series';
import { derivedId } from '../lib/sim/ec2/ids';
import { simRuntime } from '../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../lib/sim/simulated-account';
import type { Snapshot } from '../lib/sim/snapshot-schema';

import { flowLogAttribution } from '../lib/use-cases/endpoints/flow-log-attribution';
import { generateAccount } from './generate-account';
import { machineLine, todayUtc } from './machine-info';

const LOG_GROUP = '/nat-optimizer/bench/nat-flow-logs';
const SINCE = '2026-10-01T00:00:00.000Z';
const DEFAULT_SIZES = [10, 100, 1000];
const WINDOW_DAYS = 14;

function withFlowLogs(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    logGroups: [{ logGroupName: LOG_GROUP, creationTime: SINCE, retentionInDays: 30, tags: {} }],
    flowLogs: snapshot.natGateways.map((gateway, i) => ({
      flowLogId: `fl-${i.toString(16).padStart(17, '0')}`,
      resourceId: derivedId('eni', gateway.natGatewayId),
      resourceType: 'NetworkInterface',
      trafficType: 'ALL',
      logGroupName: LOG_GROUP,
      deliverLogsPermissionArn: 'arn:aws:iam::123456789012:role/bench',
      logFormat: FLOW_LOG_FORMAT,
      maxAggregationInterval: 600,
      creationTime: SINCE,
      tags: {},
    })),
  };
}

async function measure(gateways: number): Promise<string> {
  const snapshot = withFlowLogs(generateAccount({ gateways }));
  const account = createSimulatedAccount(snapshot);
  const runtime = simRuntime(account);
  const inventory = await loadInventory(account.clients.ec2, runtime.region);
  account.sim.resetCallCounts();
  const attribution = flowLogAttribution(runtime, { logGroupName: LOG_GROUP, queryTimeoutSeconds: 60 });
  const started = performance.now();
  const { traffic, warning } = await attribution.attribute(
    inventory,
    analysisWindow(runtime.now(), WINDOW_DAYS),
  );
  const ms = performance.now() - started;
  const expected = snapshot.trafficByService ?? {};
  const exact = Object.entries(expected).every(
    ([id, t]) => traffic?.[id]?.S3 === t.S3 && traffic?.[id]?.DYNAMODB === t.DYNAMODB,
  );
  const calls = [...account.sim.calls].map(([key, n]) => `${key.split('.')[1]} ${n}`).join(', ');
  return `| ${gateways} | ${ms.toFixed(0)} ms | ${account.sim.callCount()} (${calls}) | ${exact ? 'yes' : 'NO'} | ${warning ?? '-'} |`;
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const rows: string[] = [];
for (const gateways of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
  process.stderr.write(`attribution of ${gateways} gateways…\n`);
  rows.push(await measure(gateways));
}
process.stdout.write(
  [
    `### Flow-log attribution (${todayUtc()})`,
    '',
    machineLine(),
    '',
    '| gateways | attribution wall time | API calls | S3/DynamoDB bytes = snapshot | warnings |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
