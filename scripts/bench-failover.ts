// Failover of 100 route tables on one gateway with 50 ms of injected latency per API call: wall time against
// the 100 × 50 ms a one-call-per-table serial loop would take. Prints a Markdown section (progress on stderr).
// Run: npx tsx scripts/bench-failover.ts [concurrency…]

import { fileURLToPath } from 'node:url';
import { buildFullConfig } from '../lib/config';
import type { AlarmStateChangeEvent, AlarmStateValue } from '../lib/domain/failover/failover-event';
import { alarmNameFor } from '../lib/domain/failover/failover-opt-in';
import { DEFAULT_ROUTE } from '../lib/domain/model';
import { MINUTE_MS } from '../lib/domain/time-units';
import { applyAlarmStateChange } from '../lib/sim/alarms';
import { simRuntime } from '../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../lib/sim/simulated-account';
import { loadSnapshotFile } from '../lib/sim/snapshot-load';
import type { Snapshot } from '../lib/sim/snapshot-schema';
import { syncFailoverAlarms } from '../lib/use-cases/failover/alarm-sync';
import { handleAlarmEvent } from '../lib/use-cases/failover/failover';
import { machineLine, todayUtc } from './machine-info';

const EXAMPLE = fileURLToPath(new URL('../examples/example-account.json', import.meta.url));
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:nat-optimizer';
const TABLES = 100;
const LATENCY_MS = 50;
const DEFAULT_CONCURRENCIES = [1, 10, 25];
const HOLD_PASSED_MS = 30 * MINUTE_MS;

/** prod-nat-a with TABLES private route tables in all (prod-private-a and TABLES − 1 more, one subnet each). */
function withTables(example: Snapshot): Snapshot {
  const snapshot = structuredClone(example);
  const gateway = snapshot.natGateways.find((g) => g.tags.Name === 'prod-nat-a');
  if (!gateway) throw new Error('the example account has no prod-nat-a');
  for (let i = 1; i < TABLES; i += 1) {
    const suffix = i.toString(16).padStart(4, '0');
    const subnetId = `subnet-0be${suffix}0000000000`;
    snapshot.subnets.push({
      subnetId,
      vpcId: gateway.vpcId,
      availabilityZone: 'us-east-1a',
      cidrBlock: `10.0.${110 + i}.0/24`,
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
  return snapshot;
}

function event(natGatewayId: string, state: AlarmStateValue, at: Date): AlarmStateChangeEvent {
  return {
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    time: at.toISOString(),
    detail: {
      alarmName: alarmNameFor(natGatewayId),
      state: { value: state, timestamp: at.toISOString() },
      configuration: {
        metrics: [
          {
            id: 'drops',
            metricStat: {
              metric: {
                namespace: 'AWS/NATGateway',
                name: 'PacketsDropCount',
                dimensions: { NatGatewayId: natGatewayId },
              },
            },
          },
        ],
      },
    },
  };
}

interface Measured {
  concurrency: number;
  failoverMs: number;
  failbackMs: number;
  moved: number;
  movedBack: number;
  calls: number;
}

async function measure(example: Snapshot, concurrency: number): Promise<Measured> {
  const snapshot = withTables(example);
  const gateway = snapshot.natGateways.find((g) => g.tags.Name === 'prod-nat-a');
  if (!gateway) throw new Error('no prod-nat-a');
  const account = createSimulatedAccount(snapshot);
  const runtime = simRuntime(account);
  const config = buildFullConfig({
    AWS_REGION: snapshot.region,
    NAT_OPTIMIZER_TOPIC_ARN: TOPIC,
    NAT_OPTIMIZER_FAILOVER_CONCURRENCY: String(concurrency),
  });
  await syncFailoverAlarms(runtime, config);
  const alarm = event(gateway.natGatewayId, 'ALARM', account.sim.now());
  applyAlarmStateChange(account.sim, {
    alarmName: alarm.detail.alarmName,
    natGatewayId: gateway.natGatewayId,
    state: 'ALARM',
    at: account.sim.now(),
  });
  account.sim.resetCallCounts();
  account.sim.injectFaults({ latencyMs: LATENCY_MS });

  let started = performance.now();
  const failover = await handleAlarmEvent(runtime, config, alarm);
  const failoverMs = performance.now() - started;
  const calls = account.sim.callCount();

  account.sim.advance(HOLD_PASSED_MS / 1000);
  const ok = event(gateway.natGatewayId, 'OK', account.sim.now());
  applyAlarmStateChange(account.sim, {
    alarmName: ok.detail.alarmName,
    natGatewayId: gateway.natGatewayId,
    state: 'OK',
    at: account.sim.now(),
  });
  started = performance.now();
  const failback = await handleAlarmEvent(runtime, config, ok);
  const failbackMs = performance.now() - started;
  return {
    concurrency,
    failoverMs,
    failbackMs,
    moved: failover.routesMoved,
    movedBack: failback.routesMoved,
    calls,
  };
}

const example = await loadSnapshotFile(EXAMPLE);
const requested = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const results: Measured[] = [];
for (const concurrency of requested.length > 0 ? requested : DEFAULT_CONCURRENCIES) {
  process.stderr.write(`bench-failover: concurrency ${concurrency}\n`);
  results.push(await measure(example, concurrency));
}
const serialMs = TABLES * LATENCY_MS;
const lines = [
  '## Failover',
  '',
  `\`npx tsx scripts/bench-failover.ts\` — ${todayUtc()}, ${machineLine()}.`,
  '',
  `${TABLES} route tables on prod-nat-a, ${LATENCY_MS} ms of latency injected on every simulated API call. Each table ` +
    'takes two calls (CreateTags with the failover record, then ReplaceRoute); the run also reads the network ' +
    '(7 describes in parallel) and the alarms, and publishes one SNS message and one EventBridge event. Reference: ' +
    `${TABLES} × ${LATENCY_MS} ms = ${serialMs} ms for one call per table in sequence.`,
  '',
  '| concurrency | failover wall time | vs 100 × 50 ms | routes moved | API calls | failback wall time | routes moved back |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.concurrency} | ${r.failoverMs.toFixed(0)} ms | ${((r.failoverMs / serialMs) * 100).toFixed(0)} % | ${r.moved} | ${r.calls} | ` +
      `${r.failbackMs.toFixed(0)} ms | ${r.movedBack} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
