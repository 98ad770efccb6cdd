import { describe, expect, it } from 'vitest';
import { failoverConfig } from '../../../lib/config/failover-config';
import { probeConfig } from '../../../lib/config/probe-config';

describe('failoverConfig', () => {
  it('should default to a 10-minute hold, 50 tables at once (EC2 ReplaceRoute bucket) and 2 of 3 one-minute periods', () => {
    // Act
    const config = failoverConfig({});

    // Assess
    expect(config.settings).toMatchObject({
      minHoldMinutes: 10,
      concurrency: 50,
      alarm: { periodSeconds: 60, evaluationPeriods: 3, datapointsToAlarm: 2 },
    });
  });

  it('should read the hold time and the opted-in VPC lists', () => {
    // Act
    const config = failoverConfig({
      NAT_OPTIMIZER_FAILOVER_MIN_HOLD_MINUTES: '30',
      NAT_OPTIMIZER_EMERGENCY_VPCS: 'vpc-1, vpc-2',
      NAT_OPTIMIZER_EGRESS_PROBE_VPCS: 'vpc-3',
    });

    // Assess
    expect(config.settings).toMatchObject({
      minHoldMinutes: 30,
      emergencyVpcIds: ['vpc-1', 'vpc-2'],
      probeVpcIds: ['vpc-3'],
    });
  });

  it('should refuse an alarm period that is not a multiple of 60, naming the variable', () => {
    // Act, Assess
    expect(() => failoverConfig({ NAT_OPTIMIZER_FAILOVER_ALARM_PERIOD_SECONDS: '90' })).toThrow(
      'NAT_OPTIMIZER_FAILOVER_ALARM_PERIOD_SECONDS must be a multiple of 60, got "90"',
    );
  });

  it('should refuse more datapoints to alarm than evaluation periods', () => {
    // Act, Assess
    expect(() =>
      failoverConfig({
        NAT_OPTIMIZER_FAILOVER_EVALUATION_PERIODS: '2',
        NAT_OPTIMIZER_FAILOVER_DATAPOINTS_TO_ALARM: '3',
      }),
    ).toThrow('NAT_OPTIMIZER_FAILOVER_DATAPOINTS_TO_ALARM must be a whole number from 1 to 2, got "3"');
  });
});

describe('probeConfig', () => {
  it('should refuse a probe URL that is not https', () => {
    // Act, Assess
    expect(() => probeConfig({ NAT_OPTIMIZER_EGRESS_PROBE_URL: 'http://example.com/' })).toThrow(
      'NAT_OPTIMIZER_EGRESS_PROBE_URL must be an https:// URL',
    );
  });

  it('should refuse a probe gateway that is not a NAT gateway id', () => {
    // Act, Assess
    expect(() => probeConfig({ NAT_OPTIMIZER_EGRESS_PROBE_NAT_GATEWAY_ID: 'igw-1' })).toThrow(
      'NAT_OPTIMIZER_EGRESS_PROBE_NAT_GATEWAY_ID must be a NAT gateway id, got "igw-1"',
    );
  });
});
