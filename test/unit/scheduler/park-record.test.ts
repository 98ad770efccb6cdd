import { describe, expect, it } from 'vitest';
import type { NatGateway } from '../../../lib/domain/model';
import {
  ParkRecordError,
  readRecord,
  recordOf,
  recordTags,
  replacementTags,
  unparkToken,
} from '../../../lib/domain/scheduler/park-record';
import { PARK_TAGS, RESTORES_TAG } from '../../../lib/domain/tag-keys';

const PARKED_AT = new Date('2026-11-16T18:00:00Z');

function gateway(overrides: Partial<NatGateway> = {}): NatGateway {
  return {
    natGatewayId: 'nat-0123456789abcdef0',
    vpcId: 'vpc-1',
    subnetId: 'subnet-0123456789abcdef0',
    availabilityZone: 'us-east-1a',
    state: 'available',
    connectivityType: 'public',
    allocationId: 'eipalloc-1',
    privateIp: '10.0.0.10',
    secondaryAllocationIds: ['eipalloc-2', 'eipalloc-3'],
    secondaryPrivateIps: ['10.0.0.11', '10.0.0.12'],
    tags: { Name: 'nat-a', 'nat-optimizer:schedule': 'daily@07:00-19:00' },
    ...overrides,
  };
}

describe('park record', () => {
  it('should read back from its tags everything unpark needs', () => {
    // Prepare
    const { record } = recordOf(gateway(), PARKED_AT);

    // Act
    const read = readRecord(recordTags(record), 'test');

    // Assess
    expect(read).toEqual({
      natGatewayId: 'nat-0123456789abcdef0',
      parkedAt: PARKED_AT,
      state: 'recorded',
      subnetId: 'subnet-0123456789abcdef0',
      connectivityType: 'public',
      privateIp: '10.0.0.10',
      secondary: ['eipalloc-2', 'eipalloc-3'],
      tags: { Name: 'nat-a', 'nat-optimizer:schedule': 'daily@07:00-19:00' },
      unparkAttempt: 0,
    });
  });

  it('should keep a private gateway secondary private IPs', () => {
    // Prepare
    const { record } = recordOf(
      gateway({ connectivityType: 'private', secondaryAllocationIds: [] }),
      PARKED_AT,
    );

    // Act
    const read = readRecord(recordTags(record), 'test');

    // Assess
    expect(read?.secondary).toEqual(['10.0.0.11', '10.0.0.12']);
  });

  it('should name the tags AWS reserves as not restorable and leave out which gateway it restored', () => {
    // Prepare
    const tags = {
      Name: 'nat-a',
      'aws:cloudformation:stack-name': 'net',
      [RESTORES_TAG]: 'nat-0ffffffffffffffff',
    };

    // Act
    const { record, unrestorable } = recordOf(gateway({ tags }), PARKED_AT);

    // Assess
    expect(unrestorable).toEqual(['aws:cloudformation:stack-name']);
    expect(record.tags).toEqual({ Name: 'nat-a' });
  });

  it('should give the replacement the old tags, the managed mark and what it restores', () => {
    // Prepare
    const { record } = recordOf(gateway(), PARKED_AT);

    // Act
    const tags = replacementTags(record);

    // Assess
    expect(tags).toEqual({
      ...gateway().tags,
      'nat-optimizer:managed': 'true',
      [RESTORES_TAG]: 'nat-0123456789abcdef0',
    });
  });

  it('should derive the same token for the same park and attempt, and a new one per attempt, within 64 chars', () => {
    // Prepare
    const { record } = recordOf(gateway(), PARKED_AT);

    // Act
    const tokens = [unparkToken(record), unparkToken(record), unparkToken({ ...record, unparkAttempt: 1 })];

    // Assess
    expect(tokens).toEqual([
      'nat-0123456789abcdef0-20261116T180000Z-0',
      'nat-0123456789abcdef0-20261116T180000Z-0',
      'nat-0123456789abcdef0-20261116T180000Z-1',
    ]);
    expect(Math.max(...tokens.map((t) => t.length))).toBeLessThanOrEqual(64);
  });

  it('should find no record in tags without one', () => {
    // Act
    const read = readRecord({ Name: 'eip' }, 'test');

    // Assess
    expect(read).toBeUndefined();
  });

  it('should call a record with an unknown state damaged, naming where it is', () => {
    // Prepare
    const tags = { ...recordTags(recordOf(gateway(), PARKED_AT).record), [PARK_TAGS.parkState]: 'halfway' };

    // Act
    const read = () => readRecord(tags, 'Elastic IP eipalloc-1');

    // Assess
    expect(read).toThrow(ParkRecordError);
    expect(read).toThrow(
      'park record on Elastic IP eipalloc-1: nat-optimizer:park-state "halfway" is unknown',
    );
  });
});
