import { describe, expect, it } from 'vitest';
import { analyze, gatewaySavings } from '../../../lib/domain/analysis/analysis';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../lib/domain/analysis/analysis-settings';
import { processedBytesSeries } from '../../../lib/domain/metric-series';
import { resolvePrices } from '../../../lib/domain/pricing/prices';
import {
  codesOf,
  findingOf,
  GIB,
  hourly,
  inventory,
  natGateway,
  run,
  trafficMetrics,
} from './analysis-builders';
import { gatewayIdByName, loadExampleAccount } from './example-account-fixture';

const account = loadExampleAccount();
const prices = resolvePrices(account.inventory.region, {});
const result = analyze({
  ...account,
  prices,
  settings: DEFAULT_ANALYSIS_SETTINGS,
  now: account.capturedAt,
});
const id = (name: string) => gatewayIdByName(account, name);
const processed = (name: string) =>
  processedBytesSeries(account.metrics[id(name)] ?? {}).reduce((sum, bytes) => sum + bytes, 0);
const cents = (amount: number) => Math.round(amount * 100) / 100;

describe('analyze on the example account', () => {
  it('should cover the 336 hours of metrics with built-in us-east-1 prices', () => {
    // Assess
    expect(result.window).toEqual({
      start: '2026-11-02T00:00:00.000Z',
      end: '2026-11-16T00:00:00.000Z',
      hours: 336,
    });
    expect(result.prices).toMatchObject({
      natGatewayHourly: 0.045,
      natGatewayPerGb: 0.045,
      source: 'built-in',
    });
  });

  it('should bill 336 hours at $0.045 and every processed GiB at $0.045 for each gateway', () => {
    // Assess
    for (const gateway of result.natGateways) {
      const expectedData = (processed(gateway.name) / GIB) * 0.045;
      expect(gateway.billedHours).toBe(336);
      expect(cents(gateway.cost.hourly)).toBe(15.12);
      expect(cents(gateway.cost.dataProcessing)).toBe(cents(expectedData));
      expect(cents(gateway.cost.total)).toBe(cents(15.12 + expectedData));
    }
  });

  it('should price prod-nat-a to the cent', () => {
    // Assess: (3,653,056,056,336 + 8,523,797,465,283) B / 2^30 × $0.045
    const gateway = result.natGateways.find((g) => g.name === 'prod-nat-a');
    expect(gateway?.processedBytes).toBe(12_176_853_521_619);
    expect(cents(gateway?.cost.dataProcessing ?? 0)).toBe(510.33);
    expect(cents(gateway?.cost.total ?? 0)).toBe(525.45);
  });

  it('should list the seven gateways by projected monthly cost, highest first', () => {
    // Assess
    const costs = result.natGateways.map((g) => g.projectedMonthlyCost);
    expect(result.natGateways).toHaveLength(7);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(result.natGateways[0]?.name).toBe('prod-nat-a');
  });

  it('should value the S3 endpoint of prod-nat-a from its attributed S3 bytes', () => {
    // Assess
    const expected = (((7_549_649_183_403 / 336) * 730) / GIB) * 0.045;
    const finding = findingOf(result, id('prod-nat-a'), 'GATEWAY_ENDPOINT_S3');
    expect(finding?.estimatedMonthlySavings).toBeCloseTo(expected, 5);
    expect(codesOf(result, id('prod-nat-a'))).toEqual(['GATEWAY_ENDPOINT_S3']);
  });

  it('should report the port allocation errors of prod-nat-b', () => {
    // Assess
    const finding = findingOf(result, id('prod-nat-b'), 'PORT_ALLOCATION_ERRORS');
    expect(finding?.severity).toBe('high');
    expect(finding?.details?.errorPortAllocation).toBe(446);
  });

  it('should show the dev gateway serving two AZs from one', () => {
    // Assess
    expect(codesOf(result, id('dev-nat-a'))).toEqual(expect.arrayContaining(['CROSS_AZ', 'SINGLE_AZ']));
    expect(findingOf(result, id('dev-nat-a'), 'CROSS_AZ')?.estimatedMonthlySavings).toBe(0);
  });

  it('should not propose a schedule for the dev gateway, which already has one', () => {
    // Assess
    expect(findingOf(result, id('dev-nat-a'), 'OFF_HOURS_CANDIDATE')).toBeUndefined();
  });

  it('should find the legacy gateway idle and the forgotten one unrouted', () => {
    // Assess
    expect(codesOf(result, id('legacy-nat-a'))).toEqual(['IDLE']);
    expect(codesOf(result, id('forgotten-nat'))).toEqual(['UNROUTED']);
    expect(findingOf(result, id('forgotten-nat'), 'UNROUTED')?.estimatedMonthlySavings).toBe(32.85);
  });

  it('should raise no S3 finding on staging, whose tables have the endpoint', () => {
    // Assess
    expect(findingOf(result, id('staging-nat-a'), 'GATEWAY_ENDPOINT_S3')).toBeUndefined();
  });

  it('should propose parking staging outside its weekday office hours', () => {
    // Assess: busy 13:00-23:00 UTC on weekdays, one hour of margin on each side
    const finding = findingOf(result, id('staging-nat-a'), 'OFF_HOURS_CANDIDATE');
    expect(finding?.proposedSchedule).toBe('Mon-Fri@12:00-24:00');
    expect(finding?.estimatedMonthlySavings).toBeCloseTo((108 / 168) * 730 * 0.045, 6);
  });

  it('should not propose off-hours for the round-the-clock production gateways', () => {
    // Assess
    for (const name of ['prod-nat-a', 'prod-nat-b', 'prod-nat-c']) {
      expect(findingOf(result, id(name), 'OFF_HOURS_CANDIDATE')).toBeUndefined();
    }
  });

  it('should add up the totals of the gateways', () => {
    // Assess
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(result.totals.cost).toBeCloseTo(sum(result.natGateways.map((g) => g.cost.total)), 6);
    expect(result.totals.projectedMonthlyCost).toBeCloseTo(
      sum(result.natGateways.map((g) => g.projectedMonthlyCost)),
      6,
    );
    expect(result.totals.estimatedMonthlySavings).toBeCloseTo(
      sum(result.natGateways.map((g) => gatewaySavings(g.findings))),
      6,
    );
  });

  it('should warn that the S3/DynamoDB savings of unattributed gateways are unknown', () => {
    // Assess
    expect(result.warnings).toEqual([
      'no flow-log attribution for prod-nat-c (nat-3091f24355ccdb5ba), dev-nat-a (nat-7180befc6423033bd): ' +
        'S3/DynamoDB gateway-endpoint savings unknown',
    ]);
  });
});

describe('analyze', () => {
  it('should count a removable gateway once in the savings total', () => {
    // Prepare
    const findings = [
      { code: 'IDLE' as const, severity: 'medium' as const, message: '', estimatedMonthlySavings: 40 },
      {
        code: 'OFF_HOURS_CANDIDATE' as const,
        severity: 'medium' as const,
        message: '',
        estimatedMonthlySavings: 20,
      },
    ];

    // Act
    const saving = gatewaySavings(findings);

    // Assess
    expect(saving).toBe(40);
  });

  it('should list a gateway deleted during the window with the hours it was billed', () => {
    // Prepare
    const deleted = natGateway('nat-gone', {
      state: 'deleted',
      deleteTime: new Date('2026-11-03T05:10:00Z'),
    });

    // Act
    const analysis = run({
      inventory: inventory({ natGateways: [deleted] }),
      metrics: { 'nat-gone': trafficMetrics(hourly(() => 0)) },
    });

    // Assess
    expect(analysis.natGateways[0]).toMatchObject({
      natGatewayId: 'nat-gone',
      billedHours: 30,
      projectedMonthlyCost: 0,
      findings: [],
    });
    expect(analysis.natGateways[0]?.cost.hourly).toBeCloseTo(30 * 0.045, 6);
  });

  it('should leave out gateways that did not exist during the window', () => {
    // Prepare
    const before = natGateway('nat-old', { state: 'deleted', deleteTime: new Date('2026-10-01T00:00:00Z') });
    const failed = natGateway('nat-failed', { state: 'failed' });

    // Act
    const analysis = run({ inventory: inventory({ natGateways: [before, failed] }) });

    // Assess
    expect(analysis.natGateways).toEqual([]);
    expect(analysis.totals).toEqual({ cost: 0, projectedMonthlyCost: 0, estimatedMonthlySavings: 0 });
  });

  it('should warn when CloudWatch had no datapoints for a gateway', () => {
    // Act
    const analysis = run({ inventory: inventory({ natGateways: [natGateway('nat-1')] }) });

    // Assess
    expect(analysis.warnings).toContain(
      'CloudWatch returned no processed-bytes datapoints for nat-1 (nat-1): its data cost counts as 0',
    );
  });

  it('should stamp the result with the given time, not the clock', () => {
    // Act
    const analysis = run({ inventory: inventory({}) });

    // Assess
    expect(analysis.generatedAt).toBe('2026-11-16T00:00:00.000Z');
  });
});
