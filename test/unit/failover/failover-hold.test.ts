import { describe, expect, it } from 'vitest';
import { holdStatus } from '../../../lib/domain/failover/failover-hold';

const AT = { 'nat-optimizer:failover-at': '2026-11-16T00:03:00Z' };

describe('holdStatus', () => {
  it('should hold until failoverAt plus the minimum hold', () => {
    // Act
    const status = holdStatus(AT, new Date('2026-11-16T00:12:59Z'), 10);

    // Assess
    expect(status).toEqual({ passed: false, until: new Date('2026-11-16T00:13:00Z') });
  });

  it('should pass exactly at the end of the hold', () => {
    // Act
    const status = holdStatus(AT, new Date('2026-11-16T00:13:00Z'), 10);

    // Assess
    expect(status).toEqual({ passed: true });
  });

  it('should not hold back a table whose failover time cannot be read, and say so', () => {
    // Act
    const status = holdStatus(
      { 'nat-optimizer:failover-at': 'yesterday' },
      new Date('2026-11-16T00:04:00Z'),
      10,
    );

    // Assess
    expect(status).toEqual({
      passed: true,
      note: 'no readable nat-optimizer:failover-at tag: hold time not applied',
    });
  });
});
