import { describe, expect, it } from 'vitest';
import type { Tags } from '../../../lib/domain/model';
import {
  codesOf,
  defaultRouteTo,
  findingOf,
  findingsOf,
  GIB,
  hourly,
  inventory,
  natGateway,
  routeTable,
  run,
  trafficMetrics,
} from './analysis-builders';

function analyzeTagged(tags: Tags) {
  const account = inventory({
    natGateways: [natGateway('nat-1', { tags: { Name: 'dev', ...tags } })],
    routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])],
  });
  return run({ inventory: account, metrics: { 'nat-1': trafficMetrics(hourly(() => 10 * GIB)) } });
}

describe('MALFORMED_TAG', () => {
  it('should report a schedule that does not parse, naming the tag and the problem', () => {
    // Act
    const result = analyzeTagged({ 'nat-optimizer:schedule': 'Mon-Fri@7-19' });

    // Assess
    const finding = findingOf(result, 'nat-1', 'MALFORMED_TAG');
    expect(finding?.message).toContain(
      'dev (nat-1) has nat-optimizer:schedule="Mon-Fri@7-19", which cannot be read',
    );
    expect(finding?.message).toContain('invalid start time "7"');
    expect(finding?.details).toMatchObject({ key: 'nat-optimizer:schedule', value: 'Mon-Fri@7-19' });
  });

  it('should report an unknown time zone, off-hours mode and failover value each on its own', () => {
    // Act
    const result = analyzeTagged({
      'nat-optimizer:timezone': 'Mars/Olympus_Mons',
      'nat-optimizer:off-hours': 'sleep',
      'nat-optimizer:failover': 'yes',
    });

    // Assess
    const keys = findingsOf(result, 'nat-1')
      .filter((f) => f.code === 'MALFORMED_TAG')
      .map((f) => f.details?.key);
    expect(keys).toEqual(['nat-optimizer:timezone', 'nat-optimizer:off-hours', 'nat-optimizer:failover']);
  });

  it('should accept valid values of every user tag', () => {
    // Act
    const result = analyzeTagged({
      'nat-optimizer:schedule': 'Mon-Fri@07:00-19:00 Sat@09:00-13:00',
      'nat-optimizer:timezone': 'Europe/Berlin',
      'nat-optimizer:off-hours': 'consolidate',
      'nat-optimizer:failover': 'off',
    });

    // Assess
    expect(findingOf(result, 'nat-1', 'MALFORMED_TAG')).toBeUndefined();
  });

  it('should go on with the rest of the analysis and list the problem in the warnings', () => {
    // Act
    const result = analyzeTagged({ 'nat-optimizer:off-hours': 'sleep' });

    // Assess
    expect(codesOf(result, 'nat-1')).toContain('GATEWAY_ENDPOINT_S3');
    expect(result.natGateways[0]?.cost.hourly).toBe(15.12);
    expect(result.warnings.some((w) => w.includes('nat-optimizer:off-hours="sleep"'))).toBe(true);
  });
});
