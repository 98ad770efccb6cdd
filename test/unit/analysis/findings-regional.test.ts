import { describe, expect, it } from 'vitest';
import {
  codesOf,
  defaultRouteTo,
  findingOf,
  GIB,
  hourly,
  inventory,
  natGateway,
  regionalGateway,
  routeTable,
  run,
  series,
  trafficMetrics,
} from './analysis-builders';

const PER_AZ_MONTH = 730 * 0.045; // $32.85
const ADDRESS_MONTH = 730 * 0.005; // $3.65

function tablesFor(natGatewayId: string, zones: string[]) {
  return zones.map((az) => routeTable(`rtb-${az}`, [`subnet-private-${az}`], [defaultRouteTo(natGatewayId)]));
}

function zoneTraffic(
  gibPerHour: Record<string, number>,
  extra: Record<string, Record<string, number[]>> = {},
) {
  return Object.fromEntries(
    Object.entries(gibPerHour).map(([zone, gib]) => [
      `us-east-1${zone}`,
      {
        ...trafficMetrics(hourly(() => gib * GIB)),
        ...Object.fromEntries(
          Object.entries(extra[zone] ?? {}).map(([name, values]) => [name, series(values)]),
        ),
      },
    ]),
  );
}

const THREE_ZONES = {
  'us-east-1a': ['eipalloc-a'],
  'us-east-1b': ['eipalloc-b1', 'eipalloc-b2'],
  'us-east-1c': ['eipalloc-c'],
};

describe('REGIONAL_IDLE_AZ', () => {
  it('should price an AZ the gateway is configured in but no routed subnet uses', () => {
    const account = inventory({
      natGateways: [regionalGateway('nat-r', THREE_ZONES, { tags: { Name: 'prod' } })],
      routeTables: tablesFor('nat-r', ['a', 'b']),
    });

    const result = run({ inventory: account, zoneMetrics: { 'nat-r': zoneTraffic({ a: 1, b: 1, c: 0.1 }) } });

    const finding = findingOf(result, 'nat-r', 'REGIONAL_IDLE_AZ');
    expect(finding?.estimatedMonthlySavings).toBeCloseTo(PER_AZ_MONTH, 6);
    expect(finding?.message).toContain('no subnet routed through it is in us-east-1c');
    expect(finding?.message).toContain('730 h × $0.045 = $32.85/month');
    expect(finding?.details).toMatchObject({
      availabilityZones: ['us-east-1c'],
      allocationIds: ['eipalloc-c'],
    });
  });

  it('should count an AZ with routed subnets that processed nothing', () => {
    const account = inventory({
      natGateways: [regionalGateway('nat-r', THREE_ZONES)],
      routeTables: tablesFor('nat-r', ['a', 'b', 'c']),
    });

    const result = run({ inventory: account, zoneMetrics: { 'nat-r': zoneTraffic({ a: 1, b: 0, c: 1 }) } });

    const finding = findingOf(result, 'nat-r', 'REGIONAL_IDLE_AZ');
    expect(finding?.message).toContain('us-east-1b processed 0 GiB in 336 h');
    expect(finding?.message).toContain('releasing the 2 Elastic IPs it used there another $7.30/month');
  });

  it('should leave an automatic-mode gateway alone (AWS retracts it from AZs without subnets)', () => {
    const account = inventory({
      natGateways: [regionalGateway('nat-r', THREE_ZONES, { autoProvisionZones: 'enabled' })],
      routeTables: tablesFor('nat-r', ['a']),
    });

    const result = run({ inventory: account, zoneMetrics: { 'nat-r': zoneTraffic({ a: 1, b: 1, c: 1 }) } });

    expect(codesOf(result, 'nat-r')).not.toContain('REGIONAL_IDLE_AZ');
  });
});

describe('REGIONAL_UNCOVERED_AZ', () => {
  it('should name the AZs whose subnets route to a manual-mode gateway that does not list them', () => {
    const account = inventory({
      natGateways: [regionalGateway('nat-r', { 'us-east-1a': ['eipalloc-a'], 'us-east-1b': ['eipalloc-b'] })],
      routeTables: tablesFor('nat-r', ['a', 'b', 'c']),
    });

    const result = run({ inventory: account, zoneMetrics: { 'nat-r': zoneTraffic({ a: 1, b: 1 }) } });

    const finding = findingOf(result, 'nat-r', 'REGIONAL_UNCOVERED_AZ');
    expect(finding?.details).toMatchObject({ uncoveredAvailabilityZones: ['us-east-1c'] });
    expect(finding?.message).toContain('add us-east-1c to its AvailabilityZoneAddresses');
  });
});

describe('CROSS_AZ and SINGLE_AZ on a regional gateway', () => {
  it('should raise neither: a regional gateway serves each configured AZ locally', () => {
    const account = inventory({
      natGateways: [regionalGateway('nat-r', THREE_ZONES)],
      routeTables: tablesFor('nat-r', ['a', 'b', 'c']),
    });

    const result = run({ inventory: account, zoneMetrics: { 'nat-r': zoneTraffic({ a: 5, b: 5, c: 5 }) } });

    expect(codesOf(result, 'nat-r')).not.toContain('CROSS_AZ');
    expect(codesOf(result, 'nat-r')).not.toContain('SINGLE_AZ');
  });
});

describe('PORT_ALLOCATION_ERRORS on a regional gateway', () => {
  it('should count errors per AZ against that AZ’s addresses and the 32-address limit', () => {
    const errors = hourly((_, i) => (i === 10 ? 40 : 0));
    const account = inventory({
      natGateways: [regionalGateway('nat-r', THREE_ZONES)],
      routeTables: tablesFor('nat-r', ['a', 'b', 'c']),
    });

    const result = run({
      inventory: account,
      zoneMetrics: { 'nat-r': zoneTraffic({ a: 1, b: 1, c: 1 }, { b: { ErrorPortAllocation: errors } }) },
    });

    const finding = findingOf(result, 'nat-r', 'PORT_ALLOCATION_ERRORS');
    expect(finding?.message).toContain('40 in us-east-1b (2 addresses)');
    expect(finding?.message).toContain('Add Elastic IPs in us-east-1b (up to 32 per AZ)');
  });
});

describe('REGIONAL_CANDIDATE', () => {
  function oneZonalServingTwoAzs(gibPerHour: number) {
    const account = inventory({
      natGateways: [natGateway('nat-z', { tags: { Name: 'shared' } })],
      routeTables: [
        routeTable('rtb-ab', ['subnet-private-a', 'subnet-private-b'], [defaultRouteTo('nat-z')]),
      ],
    });
    return run({ inventory: account, metrics: { 'nat-z': trafficMetrics(hourly(() => gibPerHour * GIB)) } });
  }

  it('should spell out hours per AZ and the cross-AZ transfer it saves', () => {
    // 10 GiB/h, half from us-east-1b: 3,650 GiB/month × $0.02 = $73.00 today on top of one gateway ($32.85);
    // regional over 2 AZs: $65.70 plus one more Elastic IP ($3.65): $36.50/month saved.
    const result = oneZonalServingTwoAzs(10);

    const finding = findingOf(result, 'nat-z', 'REGIONAL_CANDIDATE');
    expect(finding).toMatchObject({ severity: 'medium' });
    expect(finding?.estimatedMonthlySavings).toBeCloseTo(105.85 - (65.7 + ADDRESS_MONTH), 6);
    expect(finding?.message).toContain(
      '1 zonal gateway (shared (nat-z) in us-east-1a) × 730 h × $0.045 = $32.85/month',
    );
    expect(finding?.message).toContain(
      'cross-AZ transfer of ≈ 3,650 GiB/month × 2 × $0.01/GB = $73.00/month',
    );
    expect(finding?.message).toContain('2 AZs × 730 h × $0.045 = $65.70/month');
    expect(finding?.message).toContain('give us-east-1b egress of their own');
  });

  it('should count it and CROSS_AZ as alternatives in the total, not twice', () => {
    const result = oneZonalServingTwoAzs(10);
    const crossAz = findingOf(result, 'nat-z', 'CROSS_AZ')?.estimatedMonthlySavings ?? 0;
    const regional = findingOf(result, 'nat-z', 'REGIONAL_CANDIDATE')?.estimatedMonthlySavings ?? 0;

    expect(crossAz).toBeGreaterThan(0);
    expect(result.totals.estimatedMonthlySavings).toBeCloseTo(Math.max(crossAz, regional), 6);
  });

  it('should say when one regional gateway is more resilient for the same money', () => {
    // 5 GiB/h, half cross-AZ: $36.50 of transfer equals the second AZ-hour and the extra address.
    const result = oneZonalServingTwoAzs(5);

    const finding = findingOf(result, 'nat-z', 'REGIONAL_CANDIDATE');
    expect(finding).toMatchObject({ severity: 'info', estimatedMonthlySavings: 0 });
    expect(finding?.message).toContain('For the same money, us-east-1b would keep egress');
  });

  it('should stay silent where one zonal gateway per AZ already costs what a regional one would', () => {
    const account = inventory({
      natGateways: ['a', 'b', 'c'].map((az) =>
        natGateway(`nat-${az}`, { subnetId: `subnet-public-${az}`, availabilityZone: `us-east-1${az}` }),
      ),
      routeTables: ['a', 'b', 'c'].map((az) =>
        routeTable(`rtb-${az}`, [`subnet-private-${az}`], [defaultRouteTo(`nat-${az}`)]),
      ),
    });

    const result = run({ inventory: account });

    for (const az of ['a', 'b', 'c'])
      expect(codesOf(result, `nat-${az}`)).not.toContain('REGIONAL_CANDIDATE');
  });
});

describe('ZONAL_CANDIDATE', () => {
  it('should weigh the AZ-hours of a regional gateway against one zonal gateway plus cross-AZ transfer', () => {
    // 2 AZs: $65.70; one zonal in us-east-1a: $32.85 + us-east-1b's 365 GiB/month × $0.02 = $7.30.
    const account = inventory({
      natGateways: [regionalGateway('nat-r', { 'us-east-1a': ['eipalloc-a'], 'us-east-1b': ['eipalloc-b'] })],
      routeTables: tablesFor('nat-r', ['a', 'b']),
    });

    const result = run({ inventory: account, zoneMetrics: { 'nat-r': zoneTraffic({ a: 1, b: 0.5 }) } });

    const finding = findingOf(result, 'nat-r', 'ZONAL_CANDIDATE');
    expect(finding?.severity).toBe('low');
    expect(finding?.estimatedMonthlySavings).toBeCloseTo(2 * PER_AZ_MONTH - PER_AZ_MONTH - 7.3, 6);
    expect(finding?.message).toContain('One zonal gateway in us-east-1a');
    expect(finding?.message).toContain('≈ 365 GiB/month × 2 × $0.01/GB = $7.30/month');
    expect(finding?.message).toContain('egress from every AZ would then depend on us-east-1a');
  });
});

describe('OFF_HOURS_CANDIDATE on a regional gateway', () => {
  it('should save the parked hours of every configured AZ', () => {
    const office = (date: Date) => {
      const weekday = date.getUTCDay() >= 1 && date.getUTCDay() <= 5;
      return weekday && date.getUTCHours() >= 8 && date.getUTCHours() < 18 ? GIB : 0;
    };
    const zonal = run({
      inventory: inventory({
        natGateways: [natGateway('nat-z')],
        routeTables: tablesFor('nat-z', ['a']),
      }),
      metrics: { 'nat-z': trafficMetrics(hourly(office)) },
    });
    const regional = run({
      inventory: inventory({
        natGateways: [regionalGateway('nat-r', THREE_ZONES)],
        routeTables: tablesFor('nat-r', ['a', 'b', 'c']),
      }),
      zoneMetrics: {
        'nat-r': Object.fromEntries(
          ['a', 'b', 'c'].map((az) => [`us-east-1${az}`, trafficMetrics(hourly(office))]),
        ),
      },
    });

    const zonalSaving = findingOf(zonal, 'nat-z', 'OFF_HOURS_CANDIDATE')?.estimatedMonthlySavings ?? 0;
    expect(zonalSaving).toBeGreaterThan(0);
    expect(findingOf(regional, 'nat-r', 'OFF_HOURS_CANDIDATE')?.estimatedMonthlySavings).toBeCloseTo(
      3 * zonalSaving,
      5,
    );
  });
});
