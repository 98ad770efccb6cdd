// The findings a careful engineer would raise on the example account, from the simulated account end to end.

import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult, Finding, GatewayAnalysis } from '../../../lib/domain/analysis/analysis-result';
import { isUp, parseSchedule } from '../../../lib/domain/scheduler/schedule-window';
import { HOUR_MS } from '../../../lib/domain/time-units';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { runAnalysis } from '../../../lib/use-cases/analysis/analyze';
import { analysisAccount, exampleSnapshot, gatewayIdByName, sumOf } from '../../fixtures/analysis-account';

const GIB = 2 ** 30;
const PRICE = 0.045;
const WINDOW_HOURS = 336;
const HOURS_PER_MONTH = 730;
/** An hour is busy when it carries at least this share of the busiest hour's bytes. */
const BUSY_SHARE = 0.1;

let snapshot: Snapshot;
let result: AnalysisResult;

function gateway(name: string): GatewayAnalysis {
  const id = gatewayIdByName(snapshot, name);
  const found = result.natGateways.find((g) => g.natGatewayId === id);
  if (!found) throw new Error(`${name} is missing from the analysis`);
  return found;
}

function codes(name: string): string[] {
  return gateway(name).findings.map((f) => f.code);
}

function finding(name: string, code: string): Finding | undefined {
  return gateway(name).findings.find((f) => f.code === code);
}

describe('analysis findings on the example account', () => {
  beforeAll(async () => {
    snapshot = await exampleSnapshot();
    const account = analysisAccount(snapshot);
    result = await runAnalysis(account.runtime, account.config, account.attribution);
  });

  it('should find legacy-nat-a IDLE, saving its whole monthly cost', () => {
    const idle = finding('legacy-nat-a', 'IDLE');

    expect(idle?.estimatedMonthlySavings).toBeCloseTo(HOURS_PER_MONTH * PRICE, 2);
    expect(idle?.message).toContain('legacy-nat-a');
  });

  it('should find forgotten-nat UNROUTED and nothing else to tune on it', () => {
    expect(codes('forgotten-nat')).toEqual(['UNROUTED']);
    expect(finding('forgotten-nat', 'UNROUTED')?.severity).toBe('high');
  });

  it('should propose an S3 gateway endpoint for prod-nat-a with the saving of its attributed S3 traffic', () => {
    const s3Bytes = snapshot.trafficByService?.[gatewayIdByName(snapshot, 'prod-nat-a')]?.S3 ?? 0;
    const expected = (s3Bytes / WINDOW_HOURS) * HOURS_PER_MONTH * (PRICE / GIB);

    expect(s3Bytes).toBeGreaterThan(0);
    expect(finding('prod-nat-a', 'GATEWAY_ENDPOINT_S3')?.estimatedMonthlySavings).toBeCloseTo(expected, 2);
  });

  it('should not propose an S3 endpoint for staging, whose private tables already have one', () => {
    expect(codes('staging-nat-a')).not.toContain('GATEWAY_ENDPOINT_S3');
  });

  it('should find dev-nat-a serving two AZs from one (CROSS_AZ) and the dev VPC egress in one AZ (SINGLE_AZ)', () => {
    expect(codes('dev-nat-a')).toEqual(expect.arrayContaining(['CROSS_AZ', 'SINGLE_AZ']));
    expect(finding('dev-nat-a', 'CROSS_AZ')?.details).toMatchObject({ availabilityZones: ['us-east-1b'] });
  });

  it('should raise PORT_ALLOCATION_ERRORS on prod-nat-b only', () => {
    const withErrors = result.natGateways
      .filter((g) => g.findings.some((f) => f.code === 'PORT_ALLOCATION_ERRORS'))
      .map((g) => g.name);

    expect(withErrors).toEqual(['prod-nat-b']);
    expect(finding('prod-nat-b', 'PORT_ALLOCATION_ERRORS')?.severity).toBe('high');
  });

  it('should propose off-hours for staging-nat-a with a schedule that is up in every busy hour', () => {
    const id = gatewayIdByName(snapshot, 'staging-nat-a');
    const offHours = finding('staging-nat-a', 'OFF_HOURS_CANDIDATE');
    const schedule = parseSchedule(offHours?.proposedSchedule ?? '', 'UTC');
    const series = snapshot.metrics.natGateways[id];
    const start = Date.parse(snapshot.metrics.start);
    const processed = (series?.BytesInFromSource ?? []).map(
      (bytes, hour) => bytes + (series?.BytesInFromDestination?.[hour] ?? 0),
    );
    const busiest = Math.max(...processed);
    const busyHours = processed
      .map((bytes, hour) => ({ at: new Date(start + hour * HOUR_MS), bytes }))
      .filter(({ bytes }) => bytes >= BUSY_SHARE * busiest);

    expect(busyHours.length).toBeGreaterThan(0);
    expect(busyHours.filter(({ at }) => !isUp(schedule, at))).toEqual([]);
    expect(offHours?.estimatedMonthlySavings).toBeGreaterThan(0);
  });

  it('should park staging-nat-a at least through the weekend, when it is silent', () => {
    const schedule = parseSchedule(
      finding('staging-nat-a', 'OFF_HOURS_CANDIDATE')?.proposedSchedule ?? '',
      'UTC',
    );
    const saturdayNoon = new Date('2026-11-07T12:00:00Z');
    const sundayNoon = new Date('2026-11-08T12:00:00Z');

    expect([isUp(schedule, saturdayNoon), isUp(schedule, sundayNoon)]).toEqual([false, false]);
  });

  it('should not propose off-hours for the prod gateways, busy around the clock', () => {
    const prod = ['prod-nat-a', 'prod-nat-b', 'prod-nat-c'].flatMap(codes);

    expect(prod).not.toContain('OFF_HOURS_CANDIDATE');
  });

  it('should not propose off-hours for dev-nat-a, which already has a schedule tag', () => {
    expect(snapshot.natGateways.find((g) => g.tags.Name === 'dev-nat-a')?.tags).toHaveProperty(
      'nat-optimizer:schedule',
    );
    expect(codes('dev-nat-a')).not.toContain('OFF_HOURS_CANDIDATE');
  });

  it('should count in the savings total each finding saving once per gateway', () => {
    const perGateway = result.natGateways.map((g) => {
      const removal = g.findings.find((f) => f.code === 'IDLE' || f.code === 'UNROUTED');
      if (removal) return removal.estimatedMonthlySavings ?? 0;
      return sumOf(g.findings.map((f) => f.estimatedMonthlySavings ?? 0));
    });

    expect(result.totals.estimatedMonthlySavings).toBeCloseTo(sumOf(perGateway), 2);
  });

  it('should write a message that names the gateway for every finding', () => {
    for (const g of result.natGateways) {
      for (const f of g.findings) expect(f.message, `${g.name} ${f.code}`).toContain(g.name);
    }
  });
});
