// Failover from the moment egress breaks to the last route table moved, on the simulated clock (real-time mode:
// every call really takes 50 ms and EC2's token buckets refill as time passes), for 1 to 200 route tables, with
// fast detection (egress probe, 10-second alarm) and with the metric alarm alone; then the same moves done
// alterNAT's way (one ReplaceRoute after the other). Prints a Markdown section (progress on stderr).
// Run: npx tsx scripts/bench-failover.ts [tables…]
import { fileURLToPath } from 'node:url';
import type { AlarmStateChangeEvent } from '../lib/domain/failover/failover-event';
import { type DrillDelays, runOutageDrill } from '../lib/sim/egress-outage-drill';
import { loadSnapshotFile } from '../lib/sim/snapshot-load';
import type { Snapshot } from '../lib/sim/snapshot-schema';
import { handleAlarmEvent } from '../lib/use-cases/failover/failover';
import {
  type BenchAccount,
  benchAccount,
  failBackAll,
  LATENCY_MS,
  type MoveFigures,
  moveTheAlterNatWay,
} from './failover-bench-account';
import { machineLine, todayUtc } from './machine-info';

const EXAMPLE = fileURLToPath(new URL('../examples/example-account.json', import.meta.url));
const DEFAULT_TABLES = [1, 10, 50, 100, 200];
const PROBE = { url: 'https://aws.amazon.com/', timeoutMs: 3000, intervalSeconds: 5 };
/** Assumptions (docs/failover.md "Timing"): a probe line counts 5 s after it is written, a minute of NAT gateway
 * metrics a minute after it ends, the failover function runs 1 s after the alarm changes state. */
const DELAYS: DrillDelays = { emfMs: 5000, natMetricsMs: 60_000, invokeMs: 1000 };
/** Egress breaks 3 min 7 s after the snapshot's time: mid-minute, 7 s into a 10-second period. */
const FAIL_AFTER_MS = 187_000;
const PACKETS_PER_MINUTE = 60_000;
const BUCKET = 50;
const REFILL_PER_SECOND = 5;
const SECOND_MS = 1000;

interface Run extends MoveFigures {
  tables: number;
  mode: 'probe' | 'metric alarm';
  alarmAfterS: number;
  lastMovedAfterS: number;
  account: BenchAccount;
}

function bucketMinimumMs(tables: number): number {
  return (Math.max(0, tables - BUCKET) / REFILL_PER_SECOND) * SECOND_MS;
}

async function failover(
  example: Snapshot,
  tables: number,
  fast: boolean,
  failAfterMs = FAIL_AFTER_MS,
): Promise<Run> {
  const account: BenchAccount = await benchAccount(example, tables, fast);
  const failAt = new Date(account.sim.now().getTime() + failAfterMs);
  let figures: MoveFigures = { wallMs: 0, calls: 0, refused: 0, failed: 0, moved: 0 };
  const onAlarm = async (event: AlarmStateChangeEvent) => {
    account.sim.resetCallCounts();
    const started = performance.now();
    const result = await handleAlarmEvent(account.runtime, account.config, event);
    figures = {
      wallMs: performance.now() - started,
      calls: account.sim.callCount(),
      refused: account.sim.ec2Throttle.refused,
      failed: result.actions.filter((a) => a.result === 'failed').length,
      moved: result.routesMoved,
    };
    return result;
  };
  const outcome = await runOutageDrill(account.sim, {
    natGatewayId: account.natGatewayId,
    failAt,
    until: new Date(failAt.getTime() + 10 * 60 * SECOND_MS),
    probe: fast ? PROBE : null,
    packetsPerMinute: PACKETS_PER_MINUTE,
    delays: DELAYS,
    onAlarm,
  });
  const moved = outcome.failovers.find((f) => f.result.routesMoved > 0);
  const alarm = outcome.transitions.find((t) => t.alarmName === moved?.alarmName && t.to === 'ALARM');
  if (!moved || !alarm)
    throw new Error(`no failover of ${tables} tables (${fast ? 'probe' : 'metric alarm'})`);
  const lastMoved = alarm.at.getTime() + (moved.result.recoverySeconds ?? Number.NaN) * SECOND_MS;
  return {
    ...figures,
    account,
    tables,
    mode: fast ? 'probe' : 'metric alarm',
    alarmAfterS: (alarm.at.getTime() - failAt.getTime()) / SECOND_MS,
    lastMovedAfterS: (lastMoved - failAt.getTime()) / SECOND_MS,
  };
}

async function alterNat(example: Snapshot, tables: number): Promise<MoveFigures> {
  const account = await benchAccount(example, tables, false);
  const target = account.sim.state.natGateways.find((g) => g.tags.Name === 'prod-nat-b')?.natGatewayId ?? '';
  return moveTheAlterNatWay(account, target);
}

const seconds = (ms: number) => `${(ms / SECOND_MS).toFixed(2)} s`;
const perTable = (calls: number, tables: number) => (calls / tables).toFixed(2);

const example = await loadSnapshotFile(EXAMPLE);
const requested = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const sizes = requested.length > 0 ? requested : DEFAULT_TABLES;
const runs: Run[] = [];
const alterNatRuns = new Map<number, MoveFigures>();
for (const tables of sizes) {
  for (const fast of [true, false]) {
    process.stderr.write(`bench-failover: ${tables} tables, ${fast ? 'probe' : 'metric alarm'}\n`);
    runs.push(await failover(example, tables, fast));
  }
  process.stderr.write(`bench-failover: ${tables} tables, alterNAT's way\n`);
  alterNatRuns.set(tables, await alterNat(example, tables));
}
const failbacks: Array<{ tables: number } & MoveFigures> = [];
for (const run of runs.filter((r) => r.mode === 'probe' && r.tables >= 100)) {
  process.stderr.write(`bench-failover: ${run.tables} tables, failback\n`);
  failbacks.push({ tables: run.tables, ...(await failBackAll(run.account)) });
}
process.stderr.write(
  'bench-failover: 50 tables, probe, egress breaking at ten instants of a 10-second period\n',
);
const phases: Run[] = [];
for (let s = 0; s < 10; s += 1) phases.push(await failover(example, 50, true, 180_000 + s * SECOND_MS + 500));

const probeRuns = runs.filter((r) => r.mode === 'probe');
const hundred = probeRuns.find((r) => r.tables === 100);
const worst = Math.max(...phases.map((r) => r.lastMovedAfterS));
const lines = [
  '## Failover',
  '',
  `\`npx tsx scripts/bench-failover.ts\` (also \`npm run bench\`) — ${todayUtc()}, ${machineLine()}.`,
  '',
  `Simulated account in real-time mode: every API call takes ${LATENCY_MS} ms, EC2's token buckets are on ` +
    '(ReplaceRoute 50, refilled 5/s; CreateTags 100, 10/s; describes 100, 20/s), the clock runs with the process, ' +
    'the SDK retries throttling with its standard back-off. Egress through prod-nat-a breaks 3 min 7 s in; the ' +
    'drill (lib/sim/egress-outage-drill.ts) plays the probe (a check every 5 s, 3 s timeout, one EMF line each), ' +
    "the gateway's per-minute metrics (drops from the failure on), CloudWatch's alarm evaluation and EventBridge. " +
    `Assumed delays: a probe line counts ${DELAYS.emfMs / SECOND_MS} s after it is written, a minute of NAT metrics ` +
    `${DELAYS.natMetricsMs / SECOND_MS} s after it ends, the function starts ${DELAYS.invokeMs / SECOND_MS} s after ` +
    'the state change.',
  '',
  '### Failure → last route moved',
  '',
  '| tables | detection | ALARM after failure | failover run (wall) | failure → last route moved | API calls | calls per table | throttled | failed moves |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ...runs.map(
    (r) =>
      `| ${r.tables} | ${r.mode} | ${r.alarmAfterS.toFixed(0)} s | ${seconds(r.wallMs)} | **${r.lastMovedAfterS.toFixed(1)} s** | ` +
      `${r.calls} | ${perTable(r.calls, r.tables)} | ${r.refused} | ${r.failed} |`,
  ),
  '',
  `50 tables with the probe, egress breaking at 10 instants across a 10-second period: failure → last route moved ` +
    `${Math.min(...phases.map((r) => r.lastMovedAfterS)).toFixed(1)}–${worst.toFixed(1)} s (target ≤ 60 s).`,
  '',
  "### The moves: nat-optimizer against alterNAT's way",
  '',
  "nat-optimizer: one CreateTags for all tables, ReplaceRoute 50 at a time paced to the bucket. alterNAT's way: " +
    'DescribeRouteTables, then one ReplaceRoute after the other, unpaced, SDK standard retries (5 attempts). ' +
    'Bucket-limited minimum: 50 at once, then 5 per second.',
  '',
  "| tables | bucket-limited minimum | nat-optimizer wall | API calls | throttled | failed | alterNAT's way wall | API calls | throttled | failed |",
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...probeRuns.map((r) => {
    const a = alterNatRuns.get(r.tables);
    return (
      `| ${r.tables} | ${seconds(bucketMinimumMs(r.tables))} | ${seconds(r.wallMs)} | ${r.calls} | ${r.refused} | ${r.failed} | ` +
      `${a ? seconds(a.wallMs) : '–'} | ${a?.calls ?? '–'} | ${a?.refused ?? '–'} | ${a?.failed ?? '–'} |`
    );
  }),
  '',
  ...(failbacks.length > 0
    ? [
        'Failback (both alarms OK after the hold): ' +
          failbacks
            .map(
              (f) =>
                `${f.tables} tables moved back in ${seconds(f.wallMs)}, ${f.calls} API calls (one DeleteTags), ` +
                `${f.refused} throttled, ${f.failed} failed`,
            )
            .join('; ') +
          '.',
        '',
      ]
    : []),
  ...(hundred
    ? [
        `100 tables: ${hundred.calls} API calls (≤ tables + 10: ${hundred.calls <= 110 ? 'yes' : 'NO'}), ` +
          `${hundred.failed} failed moves, ${hundred.refused} throttled calls, wall time ${seconds(hundred.wallMs)} = ` +
          `${((hundred.wallMs / bucketMinimumMs(100)) * 100).toFixed(0)} % of the bucket-limited minimum ` +
          `(within 20 %: ${hundred.wallMs <= 1.2 * bucketMinimumMs(100) ? 'yes' : 'NO'}).`,
      ]
    : []),
];
process.stdout.write(`${lines.join('\n')}\n`);
