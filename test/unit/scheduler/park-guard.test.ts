import { describe, expect, it } from 'vitest';
import { guardVerdict, postponedCount } from '../../../lib/domain/scheduler/park-guard';

const OFF_START = new Date('2026-11-16T18:00:00Z');
const GUARD = { thresholdBytes: 1_000_000, minutes: 15, maxPostpones: 3 };

describe('traffic guard', () => {
  it('should let the park go on when the guard is off', () => {
    // Act
    const verdict = guardVerdict(5e9, undefined, OFF_START, { minutes: 15, maxPostpones: 3 });

    // Assess
    expect(verdict).toEqual({ postpone: false });
  });

  it('should postpone above the threshold and count the postponement in a tag', () => {
    // Act
    const verdict = guardVerdict(2_000_000, undefined, OFF_START, GUARD);

    // Assess
    expect(verdict).toEqual({
      postpone: true,
      reason:
        'traffic guard: 2000000 bytes in the last 15 minutes above 1000000; park postponed (1 of 3), retried on the next run',
      tags: { 'nat-optimizer:park-postponed': '1@2026-11-16T18:00:00Z' },
    });
  });

  it('should park anyway once the limit of postponements is reached', () => {
    // Act
    const verdict = guardVerdict(2_000_000, '3@2026-11-16T18:00:00Z', OFF_START, GUARD);

    // Assess
    expect(verdict.postpone).toBe(false);
  });

  it('should start counting again in a new off period', () => {
    // Act
    const count = postponedCount('3@2026-11-13T18:00:00Z', OFF_START);

    // Assess
    expect(count).toBe(0);
  });

  it('should let the park go on at or below the threshold', () => {
    // Act
    const verdict = guardVerdict(1_000_000, undefined, OFF_START, GUARD);

    // Assess
    expect(verdict.postpone).toBe(false);
  });
});
