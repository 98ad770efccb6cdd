// The analysis of a manual-mode regional NAT gateway over 3 AZs beside a zonal one: bytes summed over its AZ
// series, every configured AZ billed each hour, no IDLE, and the zonal gateway exactly as it is on its own.
import type { GetMetricDataInput } from '@aws-sdk/client-cloudwatch';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult, GatewayAnalysis } from '../../../lib/domain/analysis/analysis-result';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { runAnalysis } from '../../../lib/use-cases/analysis/analyze';
import { analysisAccount } from '../../fixtures/analysis-account';
import {
  DEV_NAT,
  PROD_REGIONAL,
  PROD_ZONES,
  regionalSnapshot,
  SHARED_REGIONAL,
  withGateways,
  zoneBytes,
} from '../../fixtures/regional-account';

const PRICE = 0.045;
const GIB = 2 ** 30;
const WINDOW_HOURS = 336;
const CENT_DIGITS = 2;

let snapshot: Snapshot;
let result: AnalysisResult;
let queries: GetMetricDataInput['MetricDataQueries'];

function analysisOf(run: AnalysisResult, natGatewayId: string): GatewayAnalysis {
  const gateway = run.natGateways.find((g) => g.natGatewayId === natGatewayId);
  if (!gateway) throw new Error(`${natGatewayId} is missing from the analysis`);
  return gateway;
}

describe('analysis of a regional NAT gateway', () => {
  beforeAll(async () => {
    snapshot = await regionalSnapshot();
    const account = analysisAccount(snapshot);
    queries = [];
    account.sim.afterEachCall((call) => {
      if (call.command === 'GetMetricData')
        queries?.push(...((call.input as GetMetricDataInput).MetricDataQueries ?? []));
    });
    result = await runAnalysis(account.runtime, account.config, account.attribution);
  });

  it('should count as processed bytes the sum of its per-AZ series', () => {
    const gateway = analysisOf(result, PROD_REGIONAL);
    const expected = PROD_ZONES.reduce((sum, zone) => sum + zoneBytes(snapshot, PROD_REGIONAL, zone), 0);

    expect(expected).toBeGreaterThan(100 * GIB);
    expect(gateway.processedBytes).toBe(expected);
    expect(gateway.perAvailabilityZone?.map((z) => [z.availabilityZone, z.processedBytes])).toEqual(
      PROD_ZONES.map((zone) => [zone, zoneBytes(snapshot, PROD_REGIONAL, zone)]),
    );
  });

  it('should bill every hour once per configured AZ, to the cent', () => {
    const gateway = analysisOf(result, PROD_REGIONAL);

    expect(gateway.billedHours).toBe(WINDOW_HOURS);
    expect(gateway.availabilityZones).toEqual(PROD_ZONES);
    expect(gateway.cost.hourly).toBeCloseTo(WINDOW_HOURS * 3 * PRICE, CENT_DIGITS);
    expect(gateway.cost.dataProcessing).toBeCloseTo((gateway.processedBytes / GIB) * PRICE, CENT_DIGITS);
    expect(gateway.projectedMonthlyCost).toBeCloseTo(
      730 * 3 * PRICE + (gateway.processedBytes / GIB / WINDOW_HOURS) * 730 * PRICE,
      CENT_DIGITS,
    );
  });

  it('should split the cost per AZ so that the AZs add up to the gateway', () => {
    const gateway = analysisOf(result, PROD_REGIONAL);
    const zones = gateway.perAvailabilityZone ?? [];

    expect(zones.map((z) => z.cost.hourly)).toEqual([15.12, 15.12, 15.12]);
    expect(zones.reduce((sum, z) => sum + z.cost.total, 0)).toBeCloseTo(gateway.cost.total, CENT_DIGITS);
  });

  it('should not find a busy regional gateway idle', () => {
    const codes = analysisOf(result, PROD_REGIONAL).findings.map((f) => f.code);

    expect(codes).not.toContain('IDLE');
    expect(codes).not.toContain('UNROUTED');
  });

  it('should ask CloudWatch for a regional gateway with NatGatewayId and AvailabilityZone, per AZ', () => {
    const regional = (queries ?? []).filter((q) =>
      q.MetricStat?.Metric?.Dimensions?.some((d) => d.Value === PROD_REGIONAL),
    );
    const zonesAsked = new Set(
      regional.map(
        (q) => q.MetricStat?.Metric?.Dimensions?.find((d) => d.Name === 'AvailabilityZone')?.Value,
      ),
    );

    expect(regional.length).toBeGreaterThan(0);
    for (const q of regional)
      expect(q.MetricStat?.Metric?.Dimensions?.map((d) => d.Name).sort()).toEqual([
        'AvailabilityZone',
        'NatGatewayId',
      ]);
    expect([...zonesAsked].sort()).toEqual(PROD_ZONES);
  });

  it('should leave the zonal gateway exactly as it is analysed on its own', async () => {
    const alone = analysisAccount(withGateways(snapshot, (id) => id === DEV_NAT));
    const zonalOnly = await runAnalysis(alone.runtime, alone.config, alone.attribution);

    expect(analysisOf(result, DEV_NAT)).toEqual(analysisOf(zonalOnly, DEV_NAT));
    expect(analysisOf(result, DEV_NAT).availabilityMode).toBeUndefined();
  });

  it('should report an automatic-mode gateway as such and offer no off-hours schedule for it', () => {
    const gateway = analysisOf(result, SHARED_REGIONAL);

    expect(gateway.regionalMode).toBe('automatic');
    expect(gateway.findings.map((f) => f.code)).not.toContain('OFF_HOURS_CANDIDATE');
  });
});

describe('CloudWatch dimensions of a regional gateway in the simulated account', () => {
  it('should answer nothing to NatGatewayId alone and the AZ series to both dimensions, as AWS does', async () => {
    const snapshot = await regionalSnapshot();
    const { clients } = analysisAccount(snapshot);
    const ask = (dimensions: Array<{ Name: string; Value: string }>) =>
      clients.cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(snapshot.metrics.start),
          EndTime: new Date(snapshot.capturedAt),
          ScanBy: 'TimestampAscending',
          MetricDataQueries: [
            {
              Id: 'q',
              MetricStat: {
                Metric: {
                  Namespace: 'AWS/NATGateway',
                  MetricName: 'BytesInFromSource',
                  Dimensions: dimensions,
                },
                Period: 3600,
                Stat: 'Sum',
              },
            },
          ],
        }),
      );

    const alone = await ask([{ Name: 'NatGatewayId', Value: PROD_REGIONAL }]);
    const both = await ask([
      { Name: 'NatGatewayId', Value: PROD_REGIONAL },
      { Name: 'AvailabilityZone', Value: 'us-east-1b' },
    ]);
    const zonalWithZone = await ask([
      { Name: 'NatGatewayId', Value: DEV_NAT },
      { Name: 'AvailabilityZone', Value: 'us-east-1a' },
    ]);

    expect(alone.MetricDataResults?.[0]?.Values).toEqual([]);
    expect(both.MetricDataResults?.[0]?.Values).toEqual(
      snapshot.metrics.natGateways[PROD_REGIONAL]?.byAvailabilityZone?.['us-east-1b']?.BytesInFromSource,
    );
    expect(zonalWithZone.MetricDataResults?.[0]?.Values).toEqual([]);
  });
});

describe('missing regional metrics are not zero traffic', () => {
  it('should make no IDLE or UNROUTED finding, and say why, when no AZ series answered', async () => {
    const snapshot = await regionalSnapshot();
    delete snapshot.metrics.natGateways[PROD_REGIONAL];
    for (const table of snapshot.routeTables)
      table.routes = table.routes.filter((r) => r.natGatewayId !== PROD_REGIONAL);
    const account = analysisAccount(snapshot);

    const run = await runAnalysis(account.runtime, account.config, account.attribution);
    const gateway = analysisOf(run, PROD_REGIONAL);

    expect(gateway.findings.map((f) => f.code)).toEqual([]);
    expect(gateway.metricsUnreadable).toContain('NatGatewayId and AvailabilityZone');
    expect(gateway.cost.hourly).toBeCloseTo(WINDOW_HOURS * 3 * PRICE, CENT_DIGITS);
    expect(run.warnings.join('\n')).toContain(`the traffic of prod-regional (${PROD_REGIONAL}) is unknown`);
  });
});

describe('a gateway with an attached appliance', () => {
  it('should get no removal or off-hours finding, and the report should say why', async () => {
    const snapshot = await regionalSnapshot();
    const dev = snapshot.natGateways.find((g) => g.natGatewayId === DEV_NAT);
    if (!dev) throw new Error('dev-nat missing');
    dev.attachedAppliances = [
      {
        type: 'network-firewall-proxy',
        applianceArn: 'arn:aws:network-firewall:us-east-1:222233334444:proxy/p1',
      },
    ];
    snapshot.metrics.natGateways[DEV_NAT] = {};
    const account = analysisAccount(snapshot);

    const run = await runAnalysis(account.runtime, account.config, account.attribution);
    const codes = analysisOf(run, DEV_NAT).findings.map((f) => f.code);

    expect(codes).not.toContain('IDLE');
    expect(codes).not.toContain('OFF_HOURS_CANDIDATE');
    expect(analysisOf(run, DEV_NAT).attachedAppliances?.[0]?.type).toBe('network-firewall-proxy');
    expect(run.warnings.join('\n')).toContain(
      'attached appliance (network-firewall-proxy arn:aws:network-firewall:us-east-1:222233334444:proxy/p1)',
    );
  });
});
