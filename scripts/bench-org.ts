// Benchmark of an organisation run: 200 simulated account/region pairs (a mix of sizes, 5 broken files), the
// nightly analysis through the hub's state machine (the ASL of sls/hub/state-machines.cjs run by
// aws-local-stepfunctions, Map concurrency 10) against a naive sequential loop over the same targets.
// Every simulated AWS call takes --latency-ms real milliseconds, standing for the round trip to AWS.
//   npx tsx scripts/bench-org.ts [--latency-ms 10]

import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { orgTargetConfig } from '../lib/config';
import type { OrgReport } from '../lib/domain/organization/org-result';
import { loadSnapshotDir, type SimTargetEntry, simulatedHubDeps } from '../lib/sim/sim-organization';
import { runOrganization } from '../lib/use-cases/organization/org-run';
import { generateAccount } from './generate-account';
import { fakeFunctionArn, runHubStateMachine } from './local-state-machine';
import { machineLine, todayUtc } from './machine-info';

const PAIRS = 200;
const BROKEN = 5;
const REGIONS = ['us-east-1', 'eu-west-1'] as const;
/** Gateways per target, cycled: most accounts are small, a few are large. */
const SIZES = [1, 1, 2, 2, 3, 4, 6, 10, 20, 40] as const;
const CONCURRENCY = 10;
/** Standard workflows, us-east-1: $0.025 per 1,000 state transitions, 4,000 free a month. */
const USD_PER_TRANSITION = 0.025 / 1000;
const FREE_TRANSITIONS = 4000;
const RUNS_PER_MONTH = 30;
const ACCESS = { rolePrefix: 'nat-optimizer-org', externalId: 'bench-external-id', hubRegion: 'us-east-1' };

async function organisationDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nat-optimizer-bench-org-'));
  for (let i = 0; i < PAIRS; i += 1) {
    const accountId = String(100000000000 + Math.floor(i / REGIONS.length));
    const region = REGIONS[i % REGIONS.length] ?? 'us-east-1';
    const path = join(dir, `${accountId}-${region}.json`);
    if (i % Math.floor(PAIRS / BROKEN) === 7)
      await writeFile(path, '{"format": "nat-optimizer/account-snapshot@1",');
    else {
      const gateways = SIZES[i % SIZES.length] ?? 1;
      await writeFile(path, JSON.stringify(generateAccount({ gateways, seed: i + 1, region, accountId })));
    }
  }
  return dir;
}

/** The deployed definition: the hub config's own module, with each function reference as a fake ARN. */
async function definition(): Promise<StateMachineDefinition> {
  const load = createRequire(import.meta.url)('../sls/hub/state-machines.cjs') as (options: {
    resolveVariable: (name: string) => Promise<unknown>;
  }) => Promise<Record<string, unknown>>;
  const machines = await load({ resolveVariable: async () => CONCURRENCY });
  const text = JSON.stringify(machines.analyze).replace(
    /\{"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]\}/g,
    (_, id: string) => JSON.stringify(fakeFunctionArn(id)),
  );
  return JSON.parse(text);
}

function apiCalls(entries: readonly SimTargetEntry[]): Promise<number> {
  return Promise.all(
    entries.map((e) =>
      e.account().then(
        (a) => a.sim.callCount(),
        () => 0,
      ),
    ),
  ).then((counts) => counts.reduce((sum, n) => sum + n, 0));
}

async function viaStateMachine(dir: string, latencyMs: number) {
  const entries = await loadSnapshotDir(dir, { latencyMs });
  const { deps, store, org } = simulatedHubDeps(entries, {
    access: ACCESS,
    now: new Date('2026-11-16T03:00:00Z'),
  });
  const started = performance.now();
  const run = await runHubStateMachine(await definition(), deps, { executionName: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  const text = store.objects.get('runs/bench/analyze/report.json');
  if (text === undefined) throw new Error('the state machine stored no report');
  const report: OrgReport = JSON.parse(text);
  const storeOps = [...run.invocations.values()].reduce((n, c) => n + c, 0);
  return {
    seconds,
    report,
    transitions: run.transitions,
    calls: await apiCalls(entries),
    sts: org.sts.calls,
    storeOps,
  };
}

async function sequentialLoop(dir: string, latencyMs: number) {
  const entries = await loadSnapshotDir(dir, { latencyMs });
  const started = performance.now();
  const report = await runOrganization(entries, {
    job: 'analyze',
    concurrency: 1,
    configFor: orgTargetConfig,
    now: new Date('2026-11-16T03:00:00Z'),
  });
  return { seconds: (performance.now() - started) / 1000, report, calls: await apiCalls(entries) };
}

function quantiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `min ${at(0).toFixed(2)}, median ${at(0.5).toFixed(2)}, p90 ${at(0.9).toFixed(2)}, max ${at(1).toFixed(2)}`;
}

async function main(): Promise<void> {
  // The hub's environment, with credentials that can sign nothing real: every call is answered in this process.
  process.env.AWS_REGION ??= ACCESS.hubRegion;
  process.env.AWS_ACCESS_KEY_ID = 'AKIABENCHDUMMY000000';
  process.env.AWS_SECRET_ACCESS_KEY = 'bench-dummy-secret';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.NAT_OPTIMIZER_ORG_EXTERNAL_ID ??= ACCESS.externalId;
  process.env.NAT_OPTIMIZER_ORG_BUCKET ??= 'bench-results';
  process.env.NAT_OPTIMIZER_ORG_JOB ??= 'analyze';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const { values } = parseArgs({ options: { 'latency-ms': { type: 'string', default: '10' } } });
  const latencyMs = Number(values['latency-ms']);
  const machine = machineLine();
  const log = (line: string) => process.stderr.write(`bench-org: ${line}\n`);
  log(`generating ${PAIRS} account/region snapshots`);
  const dir = await organisationDir();
  log('state machine run');
  const hub = await viaStateMachine(dir, latencyMs);
  log('sequential loop');
  const loop = await sequentialLoop(dir, latencyMs);
  const same = JSON.stringify(hub.report.totals) === JSON.stringify(loop.report.totals);
  const done = hub.report.targets.filter((t) => t.status === 'done');
  const perRun = hub.transitions * USD_PER_TRANSITION;
  const monthTransitions = hub.transitions * RUNS_PER_MONTH;
  const monthly = Math.max(0, monthTransitions - FREE_TRANSITIONS) * USD_PER_TRANSITION;
  const gateways = done.reduce((n, t) => n + t.natGateways.length, 0);
  const lines = [
    '## Organisation run (`org analyze`, hub state machine)',
    '',
    '- Command: `npm run bench` (runs `npx tsx scripts/bench-org.ts`, which also runs alone)',
    `- Machine: ${machine}`,
    `- Date: ${todayUtc()}`,
    '',
    `${PAIRS} simulated account/region pairs (${PAIRS / REGIONS.length} accounts × ${REGIONS.length} regions; generated accounts of ${[...new Set(SIZES)].join(', ')} NAT gateways, cycled; ${BROKEN} files broken), ${gateways} NAT gateways in the ${done.length} readable targets. Every simulated AWS call takes ${latencyMs} ms of real time (a stand-in for the round trip to AWS). The state machine is the deployed ASL (\`sls/hub/state-machines.cjs\`, the definition \`serverless package\` puts in the template) run by aws-local-stepfunctions with its Task states bound to the hub's handlers, the member roles assumed through the simulated STS; the loop is \`runOrganization\` with concurrency 1 over the same targets.`,
    '',
    '| run | wall time | AWS API calls in the members | STS AssumeRole | Lambda invocations | targets done / failed |',
    '|---|---:|---:|---:|---:|---:|',
    `| hub state machine (Inline Map, MaxConcurrency ${CONCURRENCY}) | **${hub.seconds.toFixed(1)} s** | ${hub.calls} | ${hub.sts} | ${hub.storeOps} | ${done.length} / ${hub.report.failed} |`,
    `| naive sequential loop | **${loop.seconds.toFixed(1)} s** | ${loop.calls} | – | – | ${loop.report.targets.length - loop.report.failed} / ${loop.report.failed} |`,
    '',
    `Here both runs share this machine's ${machine.split(' ')[0]} CPUs, so the Map's concurrency overlaps only the simulated latency: the simulated accounts' own work is CPU in this one process. On AWS each target runs in its own Lambda invocation: the loop's ${(loop.seconds / PAIRS).toFixed(2)} s per target means about ${((loop.seconds / PAIRS) * Math.ceil(PAIRS / CONCURRENCY)).toFixed(1)} s for ${PAIRS} targets at ${CONCURRENCY} at a time, where one Lambda looping over the targets has 15 minutes in all and fails as a whole when it runs out.`,
    '',
    `Same organisation totals from both: **${same ? 'yes' : 'NO'}** (cost $${hub.report.totals.cost.toFixed(2)}, projected $${hub.report.totals.projectedMonthlyCost.toFixed(2)}/month, savings $${hub.report.totals.estimatedMonthlySavings.toFixed(2)}/month).`,
    '',
    `Per-target figures (done targets): projected monthly cost ${quantiles(done.map((t) => t.totals.projectedMonthlyCost))} USD; savings ${quantiles(done.map((t) => t.totals.estimatedMonthlySavings))} USD; gateways ${quantiles(done.map((t) => t.natGateways.length))}.`,
    '',
    '**Step Functions cost of one nightly run.** State transitions counted from the run (every state entered: ListTargets, EachTarget, Aggregate, one RunJob per target, one RecordFailure per failed target; retries would add one each):',
    '',
    '| transitions per run | cost per run | transitions per month (30 runs) | cost per month after the 4,000 free |',
    '|---:|---:|---:|---:|',
    `| ${hub.transitions} | $${perRun.toFixed(4)} | ${monthTransitions} | **$${monthly.toFixed(2)}** |`,
    '',
    'Prices: Standard workflows, $0.025 per 1,000 state transitions in us-east-1, 4,000 transitions a month free, retries charged as transitions (https://aws.amazon.com/step-functions/pricing/). The Map is Inline, so no Distributed Map child-workflow charges apply. Lambda, S3 and STS requests are billed by those services and not counted here.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!same) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-org failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
