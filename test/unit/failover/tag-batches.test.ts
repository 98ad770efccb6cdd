// The failover record for many tables in as few CreateTags calls as the values allow.
import { describe, expect, it } from 'vitest';
import { failoverTagBatches } from '../../../lib/domain/failover/tag-batches';
import { ROUTE_TABLE_TAGS } from '../../../lib/domain/tag-keys';

const AT = '2026-11-16T00:03:00Z';

describe('failoverTagBatches', () => {
  it('should put every first move off one gateway into one batch', () => {
    // Act
    const batches = failoverTagBatches(
      Array.from({ length: 100 }, (_, i) => ({ routeTableId: `rtb-${i}`, from: 'nat-a', origin: 'nat-a' })),
      'nat-b',
      AT,
    );

    // Assess
    expect(batches).toHaveLength(1);
    expect(batches[0]?.routeTableIds).toHaveLength(100);
    expect(batches[0]?.tags).toEqual({
      [ROUTE_TABLE_TAGS.failoverFrom]: 'nat-a',
      [ROUTE_TABLE_TAGS.failoverTo]: 'nat-b',
      [ROUTE_TABLE_TAGS.failoverAt]: AT,
    });
  });

  it('should give a second move (its target failed too) its own batch, recording where the route is now', () => {
    // Act
    const batches = failoverTagBatches(
      [
        { routeTableId: 'rtb-1', from: 'nat-a', origin: 'nat-a' },
        { routeTableId: 'rtb-2', from: 'nat-b', origin: 'nat-a' },
      ],
      'nat-c',
      AT,
    );

    // Assess
    expect(batches.map((b) => b.routeTableIds)).toEqual([['rtb-1'], ['rtb-2']]);
    expect(batches[1]?.tags[ROUTE_TABLE_TAGS.failoverVia]).toBe('nat-b');
    expect(batches[1]?.tags[ROUTE_TABLE_TAGS.failoverFrom]).toBe('nat-a');
  });
});
