import { describe, expect, it } from 'vitest';
import type { NatGateway } from '../../../lib/domain/model';
import { ParkRecordError, readRecord, recordOf, recordTags } from '../../../lib/domain/scheduler/park-record';
import { TagCodecError } from '../../../lib/domain/scheduler/park-tag-codec';
import { PARK_TAGS } from '../../../lib/domain/tag-keys';

const PARKED_AT = new Date('2026-11-16T18:00:00Z');

function regional(zoneAddresses: NatGateway['zoneAddresses']): NatGateway {
  return {
    natGatewayId: 'nat-0123456789abcdef0',
    vpcId: 'vpc-0a10000000000000a',
    subnetId: '',
    availabilityZone: '',
    state: 'available',
    connectivityType: 'public',
    availabilityMode: 'regional',
    autoProvisionZones: 'disabled',
    zoneAddresses,
    allocationId: zoneAddresses?.[0]?.allocationId,
    secondaryAllocationIds: [],
    secondaryPrivateIps: [],
    tags: { Name: 'prod-regional' },
  };
}

const THREE_AZS = [
  { availabilityZone: 'us-east-1a', allocationId: 'eipalloc-a1' },
  { availabilityZone: 'us-east-1b', allocationId: 'eipalloc-b1' },
  { availabilityZone: 'us-east-1b', allocationId: 'eipalloc-b2' },
  { availabilityZone: 'us-east-1c', allocationId: 'eipalloc-c1' },
];

describe('park record of a regional gateway', () => {
  it('should keep its VPC and which Elastic IPs serve which AZ, and read them back', () => {
    const { record } = recordOf(regional(THREE_AZS), PARKED_AT);

    const tags = recordTags(record);
    const read = readRecord(tags, 'test');

    expect(tags[PARK_TAGS.parkedMode]).toBe('regional');
    expect(tags[PARK_TAGS.parkedSubnet]).toBeUndefined();
    expect(read?.regional).toEqual({
      vpcId: 'vpc-0a10000000000000a',
      zones: [
        { availabilityZone: 'us-east-1a', allocationIds: ['eipalloc-a1'] },
        { availabilityZone: 'us-east-1b', allocationIds: ['eipalloc-b1', 'eipalloc-b2'] },
        { availabilityZone: 'us-east-1c', allocationIds: ['eipalloc-c1'] },
      ],
    });
    expect(read?.secondary).toEqual([]);
  });

  it('should refuse a record whose mode or VPC is damaged, naming the tag', () => {
    const tags = recordTags(recordOf(regional(THREE_AZS), PARKED_AT).record);

    expect(() => readRecord({ ...tags, [PARK_TAGS.parkedMode]: 'global' }, 'eip')).toThrow(
      new ParkRecordError('park record on eip: nat-optimizer:parked-mode "global" is unknown'),
    );
    expect(() => readRecord({ ...tags, [PARK_TAGS.parkedVpc]: 'vpc_1' }, 'eip')).toThrow(
      'nat-optimizer:parked-vpc "vpc_1" is not a VPC id',
    );
  });

  it('should refuse, with the reason, more addresses than a record holds', () => {
    const many = Array.from({ length: 96 }, (_, i) => ({
      availabilityZone: `us-east-1${'abc'[i % 3]}`,
      allocationId: `eipalloc-0${i.toString(16).padStart(16, '0')}`,
    }));
    const { record } = recordOf(regional(many), PARKED_AT);

    expect(() => recordTags(record)).toThrow(TagCodecError);
    expect(() => recordTags(record)).toThrow('its 96 addresses need more than the 8 tag values');
  });
});
