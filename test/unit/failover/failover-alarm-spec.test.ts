import { describe, expect, it } from 'vitest';
import { definitionKey, failoverAlarmSpec } from '../../../lib/domain/failover/failover-alarm-spec';
import { DEFAULT_FAILOVER_SETTINGS } from '../../../lib/domain/failover/failover-settings';
import { gateway } from './failover-builders';

const SETTINGS = DEFAULT_FAILOVER_SETTINGS.alarm;

function returned(spec: ReturnType<typeof failoverAlarmSpec>) {
  return spec.metrics.filter((m) => m.returnData);
}

describe('failoverAlarmSpec', () => {
  it('should name the alarm with the prefix and the gateway id', () => {
    // Act
    const spec = failoverAlarmSpec(gateway('a'), SETTINGS, false);

    // Assess
    expect(spec.alarmName).toBe('nat-optimizer-failover-nat-a');
  });

  it('should fail on the drop ratio (with enough packets) or on port allocation errors', () => {
    // Act
    const spec = failoverAlarmSpec(gateway('a'), SETTINGS, false);

    // Assess
    expect(returned(spec)).toEqual([
      {
        id: 'failing',
        label: 'failing (1) or healthy (0)',
        returnData: true,
        expression: 'IF(dropratio > 0.05 OR FILL(ports, 0) > 100, 1, 0)',
      },
    ]);
    expect(spec.metrics.find((m) => m.id === 'dropratio')?.expression).toBe(
      'IF(packetsin >= 100, FILL(drops, 0) / packetsin, 0)',
    );
  });

  it('should watch every metric on the gateway own NatGatewayId dimension, one-minute sums', () => {
    // Act
    const spec = failoverAlarmSpec(gateway('a'), SETTINGS, false);

    // Assess
    const stats = spec.metrics.flatMap((m) => (m.metricStat ? [m.metricStat] : []));
    expect(stats.map((s) => s.metricName)).toEqual([
      'PacketsDropCount',
      'PacketsInFromSource',
      'PacketsInFromDestination',
      'ErrorPortAllocation',
    ]);
    expect(
      stats.every((s) => s.dimensions.NatGatewayId === 'nat-a' && s.period === 60 && s.stat === 'Sum'),
    ).toBe(true);
  });

  it('should treat missing data as not breaching and alarm on 2 of 3 periods', () => {
    // Act
    const spec = failoverAlarmSpec(gateway('a'), SETTINGS, false);

    // Assess
    expect(spec).toMatchObject({
      treatMissingData: 'notBreaching',
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      threshold: 1,
    });
  });

  it('should add the egress probe, its missing data read as success', () => {
    // Act
    const spec = failoverAlarmSpec(gateway('a'), SETTINGS, true);

    // Assess
    expect(spec.metrics.find((m) => m.id === 'probe')?.metricStat).toEqual({
      namespace: 'NatOptimizer',
      metricName: 'EgressProbeSuccess',
      dimensions: { service: 'nat-optimizer', NatGatewayId: 'nat-a' },
      period: 60,
      stat: 'Average',
    });
    expect(returned(spec)[0]?.expression).toContain('FILL(probe, 1) < 0.5');
  });

  it('should leave port errors out when their threshold is 0', () => {
    // Act
    const spec = failoverAlarmSpec(gateway('a'), { ...SETTINGS, portErrorThreshold: 0 }, false);

    // Assess
    expect(spec.metrics.some((m) => m.id === 'ports')).toBe(false);
    expect(returned(spec)[0]?.expression).toBe('IF(dropratio > 0.05, 1, 0)');
  });

  it('should give the same definition key whatever the order of dimensions', () => {
    // Prepare
    const spec = failoverAlarmSpec(gateway('a'), SETTINGS, true);
    const reordered = structuredClone(spec);
    const probe = reordered.metrics.find((m) => m.id === 'probe')?.metricStat;
    if (probe) probe.dimensions = { NatGatewayId: 'nat-a', service: 'nat-optimizer' };

    // Act, Assess
    expect(definitionKey(reordered)).toBe(definitionKey(spec));
  });
});
