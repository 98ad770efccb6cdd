// The analysis on the simulated example account: every gateway's cost per the cost model, to the cent.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult, GatewayAnalysis } from '../../../lib/domain/analysis/analysis-result';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { runAnalysis } from '../../../lib/use-cases/analysis/analyze';
import { analysisAccount, exampleSnapshot, sumOf } from '../../fixtures/analysis-account';

const GIB = 2 ** 30;
const PRICE = 0.045;
const WINDOW_HOURS = 336;
const CENT_DIGITS = 2;

let snapshot: Snapshot;
let result: AnalysisResult;

function analysisOf(natGatewayId: string): GatewayAnalysis {
  const gateway = result.natGateways.find((g) => g.natGatewayId === natGatewayId);
  if (!gateway) throw new Error(`${natGatewayId} is missing from the analysis`);
  return gateway;
}

function processedBytes(natGatewayId: string): number {
  const series = snapshot.metrics.natGateways[natGatewayId];
  return sumOf(series?.BytesInFromSource) + sumOf(series?.BytesInFromDestination);
}

const GATEWAY_NAMES = [
  'prod-nat-a',
  'prod-nat-b',
  'prod-nat-c',
  'dev-nat-a',
  'staging-nat-a',
  'legacy-nat-a',
  'forgotten-nat',
];

function idOf(name: string): string {
  const gateway = snapshot.natGateways.find((g) => g.tags.Name === name);
  if (!gateway) throw new Error(`no gateway named ${name}`);
  return gateway.natGatewayId;
}

describe('analysis costs on the example account', () => {
  beforeAll(async () => {
    snapshot = await exampleSnapshot();
    const account = analysisAccount(snapshot);
    result = await runAnalysis(account.runtime, account.config, account.attribution);
  });

  it('should analyse the 14 days before the snapshot time at the built-in us-east-1 prices', () => {
    expect(result.window).toEqual({
      start: '2026-11-02T00:00:00.000Z',
      end: '2026-11-16T00:00:00.000Z',
      hours: WINDOW_HOURS,
    });
    expect(result.prices).toMatchObject({
      natGatewayHourly: PRICE,
      natGatewayPerGb: PRICE,
      source: 'built-in',
    });
  });

  it('should list every gateway of the snapshot', () => {
    expect(result.natGateways.map((g) => g.natGatewayId).sort()).toEqual(
      snapshot.natGateways.map((g) => g.natGatewayId).sort(),
    );
  });

  it.each(GATEWAY_NAMES)('should bill %s 336 hours at the hourly price', (name) => {
    const gateway = analysisOf(idOf(name));

    expect(gateway.billedHours).toBe(WINDOW_HOURS);
    expect(gateway.cost.hourly).toBeCloseTo(WINDOW_HOURS * PRICE, CENT_DIGITS);
  });

  it.each(GATEWAY_NAMES)('should charge %s its processed GiB at the per-GB price', (name) => {
    const id = idOf(name);
    const gateway = analysisOf(id);
    const bytes = processedBytes(id);

    expect(gateway.processedBytes).toBe(bytes);
    expect(gateway.cost.dataProcessing).toBeCloseTo((bytes / GIB) * PRICE, CENT_DIGITS);
    expect(gateway.cost.total).toBeCloseTo(WINDOW_HOURS * PRICE + (bytes / GIB) * PRICE, CENT_DIGITS);
  });

  it.each(GATEWAY_NAMES)('should project %s to 730 hours and its data rate over a month', (name) => {
    const id = idOf(name);
    const monthlyData = (processedBytes(id) / GIB / WINDOW_HOURS) * 730 * PRICE;

    expect(analysisOf(id).projectedMonthlyCost).toBeCloseTo(730 * PRICE + monthlyData, CENT_DIGITS);
  });

  it('should total the costs of the gateways', () => {
    const expected = snapshot.natGateways.reduce(
      (total, g) => total + WINDOW_HOURS * PRICE + (processedBytes(g.natGatewayId) / GIB) * PRICE,
      0,
    );
    expect(result.totals.cost).toBeCloseTo(expected, CENT_DIGITS);
  });
});
