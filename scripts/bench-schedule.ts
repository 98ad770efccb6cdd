// Times scheduler runs on the example account with many scheduled public gateways: the park run, the unpark run
// (all gateways recreated and waited for together), and a quiet run; plus a replayed week of the example.
// Run: npx tsx scripts/bench-schedule.ts [gateways…]
import { fileURLToPath } from 'node:url';
import { buildFullConfig } from '../lib/config';
import { simRuntime } from '../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../lib/sim/simulated-account';
import { loadSnapshotFile } from '../lib/sim/snapshot-load';
import type { Snapshot } from '../lib/sim/snapshot-schema';
import { runSchedule } from '../lib/use-cases/scheduler/schedule';
import { replaySchedule } from '../lib/use-cases/scheduler/schedule-replay';

const EXAMPLE = fileURLToPath(new URL('../examples/example-account.json', import.meta.url));
const DEV_VPC = 'vpc-44112025f96743120';
/** The simulated account allows 5 NAT gateways per AZ: spread the copies over enough AZs. */
const PER_AZ = 4;
/** Bench subnets are 10.1.150.0/24 upwards inside the dev VPC's 10.1.0.0/16, so at most 100 of them. */
const FIRST_FREE_OCTET = 150;
const MAX_COPIES = 100;

function hex(prefix: string, i: number): string {
  return `${prefix}-${(0xc0000000000000000n + BigInt(i)).toString(16)}`;
}

/** The example plus `count` scheduled public gateways in the dev VPC, each with its subnet, EIP and route table. */
function scaled(example: Snapshot, count: number): Snapshot {
  if (count > MAX_COPIES) throw new RangeError(`at most ${MAX_COPIES} scheduled copies, got ${count}`);
  const snapshot = structuredClone(example);
  for (let i = 0; i < count; i += 1) {
    const subnetId = hex('subnet', i);
    const natGatewayId = hex('nat', i);
    const allocationId = hex('eipalloc', i);
    snapshot.subnets.push({
      subnetId,
      vpcId: DEV_VPC,
      availabilityZone: `us-east-1-bench-${Math.floor(i / PER_AZ)}`,
      cidrBlock: `10.1.${FIRST_FREE_OCTET + i}.0/24`,
      tags: {},
    });
    snapshot.elasticIps.push({
      allocationId,
      publicIp: `198.51.${Math.floor(i / 250)}.${i % 250}`,
      tags: {},
    });
    snapshot.natGateways.push({
      natGatewayId,
      vpcId: DEV_VPC,
      subnetId,
      state: 'available',
      connectivityType: 'public',
      allocationId,
      privateIp: `10.1.${FIRST_FREE_OCTET + i}.10`,
      createTime: '2025-03-01T09:00:00Z',
      tags: {
        Name: `bench-${i}`,
        'nat-optimizer:schedule': 'Mon-Fri@07:00-19:00',
        'nat-optimizer:timezone': 'Europe/Berlin',
      },
    });
    snapshot.routeTables.push({
      routeTableId: hex('rtb', i),
      vpcId: DEV_VPC,
      main: false,
      subnetIds: [],
      tags: {},
      routes: [{ destinationCidrBlock: '0.0.0.0/0', natGatewayId }],
    });
  }
  return snapshot;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function benchRuns(example: Snapshot, count: number): Promise<void> {
  const snapshot = scaled(example, count);
  const account = createSimulatedAccount(snapshot);
  const runtime = simRuntime(account);
  const config = buildFullConfig({ AWS_REGION: snapshot.region });
  const at = (iso: string) => account.sim.setClock(new Date(iso));
  const row = async (label: string, iso: string) => {
    at(iso);
    account.sim.resetCallCounts();
    const { ms, value } = await timed(() => runSchedule(runtime, config));
    const done = value.actions.filter((a) => a.result === 'done' && a.action !== 'none').length;
    console.log(
      `${String(count + 1).padStart(5)} gateways  ${label.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms  ${String(account.sim.callCount()).padStart(6)} API calls  ${done} done`,
    );
  };
  await row('park', '2026-11-16T18:30:00Z');
  await row('unpark', '2026-11-17T06:00:00Z');
  await row('quiet', '2026-11-17T06:05:00Z');
}

async function benchWeek(example: Snapshot): Promise<void> {
  const account = createSimulatedAccount(example);
  const config = buildFullConfig({ AWS_REGION: example.region });
  const clock = { set: (d: Date) => account.sim.setClock(d) };
  const options = {
    from: new Date('2026-11-16T00:00:00Z'),
    to: new Date('2026-11-23T00:00:00Z'),
    stepMinutes: 15,
  };
  const { ms, value } = await timed(() => replaySchedule(simRuntime(account), config, clock, options));
  console.log(
    `week replay, 15-minute steps: ${value.runs} runs in ${ms.toFixed(0)} ms (${(ms / value.runs).toFixed(1)} ms/run); ` +
      `${value.totals.hoursSaved.toFixed(1)} h saved, $${value.totals.dollarsSaved.toFixed(2)}`,
  );
}

const example = await loadSnapshotFile(EXAMPLE);
const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 0);
for (const count of counts.length > 0 ? counts : [0, 24, 99]) await benchRuns(example, count);
await benchWeek(example);
