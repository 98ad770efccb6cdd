// A generated account (scripts/generate-account.ts) is a valid snapshot the analysis reads like a real one.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFullConfig } from '../../../lib/config';
import type { AnalysisResult } from '../../../lib/domain/analysis/analysis-result';
import { NAT_METRICS } from '../../../lib/domain/metric-series';
import { simRuntime, snapshotAttribution } from '../../../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../../../lib/sim/simulated-account';
import { parseSnapshot } from '../../../lib/sim/snapshot-load';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { runAnalysis } from '../../../lib/use-cases/analysis/analyze';
import { generateAccount } from '../../../scripts/generate-account';

const GATEWAYS = 50;
const SEED = 7;
const GIB = 2 ** 30;
const PRICE = 0.045;
const WINDOW_HOURS = 336;
const CENT_DIGITS = 2;

let snapshot: Snapshot;
let result: AnalysisResult;

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function sum(values: number[] | undefined): number {
  return (values ?? []).reduce((total, value) => total + value, 0);
}

describe('a generated account of 50 NAT gateways', () => {
  beforeAll(async () => {
    snapshot = parseSnapshot(
      JSON.stringify(generateAccount({ gateways: GATEWAYS, seed: SEED })),
      'generated',
    );
    const account = createSimulatedAccount(snapshot);
    const config = buildFullConfig({ AWS_REGION: snapshot.region });
    result = await runAnalysis(simRuntime(account), config, snapshotAttribution(account.sim));
  });

  it('should load through parseSnapshot with every gateway, its Elastic IP and 14 days of every metric', () => {
    const allocationIds = new Set(snapshot.elasticIps.map((eip) => eip.allocationId));

    const complete = snapshot.natGateways.filter((g) => {
      const series = snapshot.metrics.natGateways[g.natGatewayId] ?? {};
      return (
        g.allocationId !== undefined &&
        allocationIds.has(g.allocationId) &&
        NAT_METRICS.every((metric) => series[metric]?.length === WINDOW_HOURS)
      );
    });

    expect(complete).toHaveLength(GATEWAYS);
  });

  it('should be the same account for the same seed and another one for another seed', () => {
    const first = digest(generateAccount({ gateways: GATEWAYS, seed: SEED }));
    const again = digest(generateAccount({ gateways: GATEWAYS, seed: SEED }));
    const other = digest(generateAccount({ gateways: GATEWAYS, seed: SEED + 1 }));

    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('should find every gateway in the analysis', () => {
    const analysed = result.natGateways.map((g) => g.natGatewayId).sort();

    expect(analysed).toEqual(snapshot.natGateways.map((g) => g.natGatewayId).sort());
  });

  it('should cost every gateway per the cost model: window hours × hourly price, processed GiB × per-GB price', () => {
    for (const gateway of result.natGateways) {
      const series = snapshot.metrics.natGateways[gateway.natGatewayId];
      const processed = sum(series?.BytesInFromSource) + sum(series?.BytesInFromDestination);

      expect(gateway.processedBytes).toBe(processed);
      expect(gateway.cost.hourly).toBeCloseTo(WINDOW_HOURS * PRICE, CENT_DIGITS);
      expect(gateway.cost.dataProcessing).toBeCloseTo((processed / GIB) * PRICE, CENT_DIGITS);
    }
  });

  it('should plant the situations the analysis is built to find', () => {
    const codes = new Set(result.natGateways.flatMap((g) => g.findings.map((f) => f.code)));

    expect([...codes]).toEqual(
      expect.arrayContaining([
        'IDLE',
        'UNROUTED',
        'CROSS_AZ',
        'SINGLE_AZ',
        'OFF_HOURS_CANDIDATE',
        'GATEWAY_ENDPOINT_S3',
      ]),
    );
  });
});
