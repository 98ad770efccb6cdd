// Fast detection: who is opted in, what its high-resolution alarm looks like, how sync keeps it, and how a gateway
// with two alarms counts as failing or recovered.
import { describe, expect, it } from 'vitest';
import { fastDetectionConfig } from '../../../lib/config/fast-detection-config';
import { probeConfig } from '../../../lib/config/probe-config';
import { planAlarmSync } from '../../../lib/domain/failover/failover-alarm-sync';
import { DEFAULT_FAILOVER_SETTINGS } from '../../../lib/domain/failover/failover-settings';
import {
  FAST_DETECTION_TAG,
  fastAlarmNameFor,
  fastDetection,
  fastDetectionAlarmSpec,
} from '../../../lib/domain/failover/fast-detection';
import { DEFAULT_FAST_DETECTION } from '../../../lib/domain/failover/fast-detection-settings';
import { decidingAlarm, gatewayAlarmStates } from '../../../lib/domain/failover/gateway-alarms';
import { gateway, nat, threeAzVpc } from './failover-builders';

const VPC = 'vpc-1';

function withVpcTag(value: string) {
  return threeAzVpc((inv) => {
    inv.vpcs = [{ vpcId: VPC, cidrBlock: '10.0.0.0/16', tags: { [FAST_DETECTION_TAG]: value } }];
  });
}

describe('fastDetection (opt-in)', () => {
  it('should be off unless a tag or the configuration says otherwise', () => {
    const inv = threeAzVpc();
    expect(fastDetection(nat(inv, 'nat-a'), inv, DEFAULT_FAST_DETECTION)).toEqual({ kind: 'off' });
  });

  it('should be on for every gateway of a VPC tagged on, except one tagged off', () => {
    // Prepare
    const inv = withVpcTag('on');
    nat(inv, 'nat-b').tags[FAST_DETECTION_TAG] = 'off';

    // Act, Assess
    expect(fastDetection(nat(inv, 'nat-a'), inv, DEFAULT_FAST_DETECTION)).toEqual({ kind: 'on' });
    expect(fastDetection(nat(inv, 'nat-b'), inv, DEFAULT_FAST_DETECTION)).toEqual({ kind: 'off' });
  });

  it('should be on for a gateway or a VPC listed in the configuration', () => {
    const inv = threeAzVpc();
    const byGateway = { ...DEFAULT_FAST_DETECTION, ids: ['nat-c'] };
    const byVpc = { ...DEFAULT_FAST_DETECTION, ids: [VPC] };
    expect(fastDetection(nat(inv, 'nat-c'), inv, byGateway)).toEqual({ kind: 'on' });
    expect(fastDetection(nat(inv, 'nat-a'), inv, byGateway)).toEqual({ kind: 'off' });
    expect(fastDetection(nat(inv, 'nat-a'), inv, byVpc)).toEqual({ kind: 'on' });
  });

  it('should report a malformed value with where it is', () => {
    const inv = withVpcTag('fast please');
    expect(fastDetection(nat(inv, 'nat-a'), inv, DEFAULT_FAST_DETECTION)).toEqual({
      kind: 'malformed',
      value: 'fast please',
      where: VPC,
    });
  });
});

describe('fastDetectionAlarmSpec', () => {
  it('should be a 10-second alarm on the probe that needs 2 failing periods of 3, a silent probe counting as healthy', () => {
    // Act
    const spec = fastDetectionAlarmSpec(gateway('a'), DEFAULT_FAST_DETECTION);

    // Assess
    expect(spec).toMatchObject({
      alarmName: 'nat-optimizer-failover-nat-a-fast',
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: 'notBreaching',
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(spec.metrics).toEqual([
      {
        id: 'probe',
        returnData: false,
        metricStat: {
          namespace: 'NatOptimizer',
          metricName: 'EgressProbeSuccess',
          dimensions: { service: 'nat-optimizer', NatGatewayId: 'nat-a' },
          period: 10,
          stat: 'Average',
        },
      },
      {
        id: 'failing',
        label: 'egress probe failing (1) or healthy (0)',
        returnData: true,
        expression: 'IF(FILL(probe, 1) < 0.5, 1, 0)',
      },
    ]);
  });
});

describe('planAlarmSync with fast detection', () => {
  it('should create both alarms for a gateway opted in, and only the metric alarm for the others', () => {
    // Prepare
    const inv = threeAzVpc((i) => {
      nat(i, 'nat-a').tags[FAST_DETECTION_TAG] = 'on';
    });

    // Act
    const plan = planAlarmSync(inv, [], DEFAULT_FAILOVER_SETTINGS);

    // Assess
    expect(plan.create.map((s) => s.alarmName).sort()).toEqual([
      'nat-optimizer-failover-nat-a',
      'nat-optimizer-failover-nat-a-fast',
      'nat-optimizer-failover-nat-b',
      'nat-optimizer-failover-nat-c',
    ]);
  });

  it('should delete the fast alarm once fast detection is off, saying so', () => {
    // Prepare
    const inv = threeAzVpc();
    const existing = [
      {
        alarmName: fastAlarmNameFor('nat-a'),
        natGatewayId: 'nat-a',
        state: 'OK' as const,
        definition: fastDetectionAlarmSpec(gateway('a'), DEFAULT_FAST_DETECTION),
      },
    ];

    // Act
    const plan = planAlarmSync(inv, existing, DEFAULT_FAILOVER_SETTINGS);

    // Assess
    expect(plan.remove).toEqual([
      {
        alarmName: fastAlarmNameFor('nat-a'),
        natGatewayId: 'nat-a',
        reason: 'fast detection is off for its NAT gateway',
      },
    ]);
  });

  it('should leave the fast alarm as it is when the tag is malformed, and report it', () => {
    // Prepare
    const inv = withVpcTag('maybe');
    const existing = [
      {
        alarmName: fastAlarmNameFor('nat-a'),
        natGatewayId: 'nat-a',
        state: 'OK' as const,
        definition: fastDetectionAlarmSpec(gateway('a'), DEFAULT_FAST_DETECTION),
      },
    ];

    // Act
    const plan = planAlarmSync(inv, existing, DEFAULT_FAILOVER_SETTINGS);

    // Assess
    expect(plan.remove).toEqual([]);
    expect(plan.skipped).toContainEqual({
      natGatewayId: 'nat-a',
      reason: `tag ${FAST_DETECTION_TAG}="maybe" on ${VPC} is neither "on" nor "off": its fast alarm is left as it is`,
    });
  });
});

describe('gatewayAlarmStates', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 16, 0, minute));

  it('should call a gateway failing while either of its alarms is in ALARM, and recovered only when both are OK', () => {
    // Act
    const states = gatewayAlarmStates([
      { alarmName: 'nat-optimizer-failover-nat-a', natGatewayId: 'nat-a', state: 'OK' },
      { alarmName: 'nat-optimizer-failover-nat-a-fast', natGatewayId: 'nat-a', state: 'ALARM' },
      { alarmName: 'nat-optimizer-failover-nat-b', natGatewayId: 'nat-b', state: 'OK' },
      { alarmName: 'nat-optimizer-failover-nat-b-fast', natGatewayId: 'nat-b', state: 'OK' },
      { alarmName: 'nat-optimizer-failover-nat-c', natGatewayId: 'nat-c', state: 'OK' },
      { alarmName: 'nat-optimizer-failover-nat-c-fast', natGatewayId: 'nat-c', state: 'INSUFFICIENT_DATA' },
    ]);

    // Assess
    expect(Object.fromEntries(states)).toEqual({
      'nat-a': 'ALARM',
      'nat-b': 'OK',
      'nat-c': 'INSUFFICIENT_DATA',
    });
  });

  it('should date a failover by the alarm that entered the gateway state last', () => {
    const alarms = [
      { alarmName: 'metric', natGatewayId: 'nat-a', state: 'ALARM' as const, stateUpdatedAt: at(3) },
      { alarmName: 'fast', natGatewayId: 'nat-a', state: 'ALARM' as const, stateUpdatedAt: at(1) },
      { alarmName: 'ok', natGatewayId: 'nat-a', state: 'OK' as const, stateUpdatedAt: at(5) },
    ];
    expect(decidingAlarm(alarms, 'nat-a')?.alarmName).toBe('metric');
  });
});

describe('fast detection configuration', () => {
  it('should default to 2 failing periods of 3, 10 seconds each, and a probe check every 5 seconds', () => {
    expect(fastDetectionConfig({})).toEqual(DEFAULT_FAST_DETECTION);
    expect(probeConfig({}).intervalSeconds).toBe(5);
  });

  it('should refuse a period a high-resolution alarm does not take, naming the variable', () => {
    expect(() => fastDetectionConfig({ NAT_OPTIMIZER_FAST_DETECTION_PERIOD_SECONDS: '15' })).toThrow(
      'NAT_OPTIMIZER_FAST_DETECTION_PERIOD_SECONDS must be 10, 20, 30 (a high-resolution alarm), got "15"',
    );
  });

  it('should refuse to alarm on a single failing period', () => {
    expect(() => fastDetectionConfig({ NAT_OPTIMIZER_FAST_DETECTION_DATAPOINTS_TO_ALARM: '1' })).toThrow(
      'NAT_OPTIMIZER_FAST_DETECTION_DATAPOINTS_TO_ALARM must be a whole number from 2 to 3, got "1"',
    );
  });

  it('should refuse an id that is neither a VPC nor a NAT gateway', () => {
    expect(() => fastDetectionConfig({ NAT_OPTIMIZER_FAST_DETECTION: 'vpc-1a, subnet-2' })).toThrow(
      'NAT_OPTIMIZER_FAST_DETECTION must list VPC ids (vpc-…) and NAT gateway ids (nat-…), got "subnet-2"',
    );
  });

  it('should refuse a probe timeout as long as its interval: a check must end before the next starts', () => {
    expect(() =>
      probeConfig({
        NAT_OPTIMIZER_EGRESS_PROBE_INTERVAL_SECONDS: '3',
        NAT_OPTIMIZER_EGRESS_PROBE_TIMEOUT_MS: '3000',
      }),
    ).toThrow(
      'NAT_OPTIMIZER_EGRESS_PROBE_INTERVAL_SECONDS (3 s) must be longer than NAT_OPTIMIZER_EGRESS_PROBE_TIMEOUT_MS',
    );
  });
});
