// One analysis (runAnalysis) on a generated account in the simulated account: API calls, wall and CPU time.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildFullConfig } from '../lib/config';
import { MAX_METRIC_QUERIES_PER_REQUEST } from '../lib/domain/aws-limits';
import { ANALYSIS_METRICS, analysisWindow } from '../lib/domain/metric-series';
import { HOUR_MS } from '../lib/domain/time-units';
import type { SimAccount } from '../lib/sim/sim-account';
import { simRuntime, snapshotAttribution } from '../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../lib/sim/simulated-account';
import type { Snapshot } from '../lib/sim/snapshot-schema';
import { runAnalysis } from '../lib/use-cases/analysis/analyze';
import { generateAccount } from './generate-account';

/** CloudWatch returns at most this many datapoints per GetMetricData response (aws-facts.md). */
export const MAX_DATAPOINTS_PER_RESPONSE = 100_800;

export interface AnalysisRun {
  wallMs: number;
  cpuMs: number;
  /** CPU spent synchronously inside the simulated account's command handlers: work AWS would do, not the Lambda. */
  simMs: number;
  calls: Record<string, number>;
}

export interface AnalysisMeasure {
  gateways: number;
  vpcs: number;
  routeTables: number;
  metrics: number;
  hours: number;
  generateMs: number;
  runs: AnalysisRun[];
  /** ⌈metrics × gateways / 500⌉: one request per batch of 500 queries. */
  getMetricDataTarget: number;
  /** The target plus the pages a batch needs when its datapoints exceed one response. */
  getMetricDataExpected: number;
  /** Describe calls of the same account with every metric series removed. */
  describeCallsWithoutMetrics: number;
  findings: number;
}

/** A Lambda starts each cold run with a fresh heap: collect the previous run's garbage before timing. */
function collectGarbage(): void {
  setFlagsFromString('--expose_gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') gc();
}

/** Handlers answer synchronously inside dispatch's first step: its CPU time is the simulator's alone. */
function timeSimulatedAws(sim: SimAccount): { total: number } {
  const spent = { total: 0 };
  const dispatch = sim.dispatch.bind(sim);
  sim.dispatch = (service, command, input) => {
    const before = process.cpuUsage();
    const answer = dispatch(service, command, input);
    const used = process.cpuUsage(before);
    spent.total += (used.user + used.system) / 1000;
    return answer;
  };
  return spent;
}

function describeCalls(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([key]) => key.startsWith('EC2.Describe'))
    .reduce((total, [, count]) => total + count, 0);
}

export function describeCallCount(run: AnalysisRun): number {
  return describeCalls(run.calls);
}

/** Requests per batch of up to 500 queries, each returning `hours` datapoints. */
function expectedRequests(queries: number, hours: number): number {
  let requests = 0;
  for (let left = queries; left > 0; left -= MAX_METRIC_QUERIES_PER_REQUEST) {
    const batch = Math.min(left, MAX_METRIC_QUERIES_PER_REQUEST);
    requests += Math.ceil((batch * hours) / MAX_DATAPOINTS_PER_RESPONSE);
  }
  return requests;
}

async function analyseOnce(
  snapshot: Snapshot,
): Promise<{ run: AnalysisRun; sim: SimAccount; findings: number }> {
  const account = createSimulatedAccount(snapshot);
  const config = buildFullConfig({ AWS_REGION: snapshot.region });
  const runtime = simRuntime(account);
  const attribution = snapshotAttribution(account.sim);
  account.sim.resetCallCounts();
  const simMs = timeSimulatedAws(account.sim);
  collectGarbage();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await runAnalysis(runtime, config, attribution);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const findings = result.natGateways.reduce((total, g) => total + g.findings.length, 0);
  if (result.natGateways.length !== snapshot.natGateways.length)
    throw new Error(`analysed ${result.natGateways.length} of ${snapshot.natGateways.length} gateways`);
  return {
    run: {
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      simMs: simMs.total,
      calls: Object.fromEntries(account.sim.calls),
    },
    sim: account.sim,
    findings,
  };
}

export async function measureAnalysis(gateways: number, repeats: number): Promise<AnalysisMeasure> {
  const generated = performance.now();
  const snapshot = generateAccount({ gateways, seed: 1 });
  const generateMs = performance.now() - generated;
  const runs: AnalysisRun[] = [];
  let findings = 0;
  for (let i = 0; i < repeats; i += 1) {
    const once = await analyseOnce(snapshot);
    runs.push(once.run);
    findings = once.findings;
  }
  const withoutMetrics = await analyseOnce({
    ...snapshot,
    metrics: { ...snapshot.metrics, natGateways: {} },
    trafficByService: {},
  });
  const window = analysisWindow(
    new Date(snapshot.capturedAt),
    buildFullConfig({ AWS_REGION: snapshot.region }).analysis.windowDays,
  );
  const hours = (window.end.getTime() - window.start.getTime()) / HOUR_MS;
  const queries = ANALYSIS_METRICS.length * gateways;
  return {
    gateways,
    vpcs: snapshot.vpcs.length,
    routeTables: snapshot.routeTables.length,
    metrics: ANALYSIS_METRICS.length,
    hours,
    generateMs,
    runs,
    getMetricDataTarget: Math.ceil(queries / MAX_METRIC_QUERIES_PER_REQUEST),
    getMetricDataExpected: expectedRequests(queries, hours),
    describeCallsWithoutMetrics: describeCalls(withoutMetrics.run.calls),
    findings,
  };
}
