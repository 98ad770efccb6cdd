// The AWS calls one analysis makes: GetMetricData batched by 500 queries (+ pages), describes independent of metrics.

import { describe, expect, it } from 'vitest';
import { MAX_METRIC_QUERIES_PER_REQUEST } from '../../../lib/domain/aws-limits';

import { ANALYSIS_METRICS } from '../../../lib/domain/metric-series';
import type { SimAccount } from '../../../lib/sim/sim-account';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { runAnalysis } from '../../../lib/use-cases/analysis/analyze';
import { analysisAccount, exampleSnapshot, scaledSnapshot } from '../../fixtures/analysis-account';

/** CloudWatch returns at most this many datapoints per GetMetricData response, then a NextToken. */
const MAX_DATAPOINTS_PER_RESPONSE = 100_800;
const WINDOW_HOURS = 336;
const EXTRA_GATEWAYS = 100;

function describeCalls(sim: SimAccount): Record<string, number> {
  return Object.fromEntries([...sim.calls].filter(([key]) => key.startsWith('EC2.Describe')));
}

/** Requests for `queries` metric series of `WINDOW_HOURS` hourly points: one per 500 queries, plus pages. */
function expectedGetMetricDataCalls(queries: number): number {
  let calls = 0;
  for (let sent = 0; sent < queries; sent += MAX_METRIC_QUERIES_PER_REQUEST) {
    const batch = Math.min(MAX_METRIC_QUERIES_PER_REQUEST, queries - sent);
    calls += Math.ceil((batch * WINDOW_HOURS) / MAX_DATAPOINTS_PER_RESPONSE);
  }
  return calls;
}

async function analyse(snapshot: Snapshot): Promise<{ sim: SimAccount; gateways: number }> {
  const account = analysisAccount(snapshot);
  const result = await runAnalysis(account.runtime, account.config, account.attribution);
  return { sim: account.sim, gateways: result.natGateways.length };
}

describe('AWS calls of one analysis', () => {
  it('should fetch the 7 gateways × 6 analysed metrics of the example account with one GetMetricData call', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();

    // Act
    const { sim, gateways } = await analyse(snapshot);

    // Assess
    expect(gateways).toBe(7);
    expect(sim.callCount('CloudWatch.GetMetricData')).toBe(
      Math.ceil((ANALYSIS_METRICS.length * gateways) / MAX_METRIC_QUERIES_PER_REQUEST),
    );
  });

  it('should describe each kind of resource once on the example account', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();

    // Act
    const { sim } = await analyse(snapshot);

    // Assess
    expect(describeCalls(sim)).toEqual({
      'EC2.DescribeVpcs': 1,
      'EC2.DescribeSubnets': 1,
      'EC2.DescribeRouteTables': 1,
      'EC2.DescribeNatGateways': 1,
      'EC2.DescribeAddresses': 1,
      'EC2.DescribeVpcEndpoints': 1,
      'EC2.DescribePrefixLists': 1,
    });
  });

  it('should batch 107 gateways × 6 metrics into ⌈642 / 500⌉ requests plus their extra pages', async () => {
    // Prepare
    const snapshot = scaledSnapshot(await exampleSnapshot(), EXTRA_GATEWAYS);

    // Act
    const { sim, gateways } = await analyse(snapshot);

    // Assess
    const queries = ANALYSIS_METRICS.length * gateways;
    expect(gateways).toBe(107);
    expect(sim.callCount('CloudWatch.GetMetricData')).toBe(expectedGetMetricDataCalls(queries));
    expect(expectedGetMetricDataCalls(queries)).toBe(3);
  });

  it('should make the same describe calls for 642 metric series (107 gateways) as for 42 (7)', async () => {
    // Prepare
    const example = await exampleSnapshot();
    const small = await analyse(example);

    // Act
    const large = await analyse(scaledSnapshot(example, EXTRA_GATEWAYS));

    // Assess
    expect(describeCalls(large.sim)).toEqual(describeCalls(small.sim));
  });

  it('should make no call besides the describes and GetMetricData when only analysing', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();

    // Act
    const { sim } = await analyse(snapshot);

    // Assess
    const others = [...sim.calls.keys()].filter(
      (key) => !key.startsWith('EC2.Describe') && key !== 'CloudWatch.GetMetricData',
    );
    expect(others).toEqual([]);
  });
});
