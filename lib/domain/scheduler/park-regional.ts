// Parking a regional NAT gateway: only in manual mode, where its addresses per AZ are ours to give back. The park
// record then keeps the VPC and the AZ → Elastic IP map (on the gateway's first address, like a zonal gateway's
// record on its primary Elastic IP), and unpark recreates it with AvailabilityMode regional over the same AZs.

import {
  allocationsByZone,
  applianceReason,
  isAutomaticRegional,
  isRegional,
  type NatGateway,
  type Tags,
} from '../model';
import { PARK_TAGS } from '../tag-keys';
import { decodeTags, encodeTags, MAX_TAG_CHUNKS, TagCodecError } from './park-tag-codec';

export interface RegionalRecord {
  vpcId: string;
  /** AZs in order, each with its allocation ids in the order AWS listed them. */
  zones: Array<{ availabilityZone: string; allocationIds: string[] }>;
}

const REGIONAL = 'regional';
const VPC_ID = /^vpc-[0-9a-f]+$/;

/** Why the scheduler must leave this gateway exactly as it is, whatever its tags say; undefined when it may act. */
export function untouchedReason(gateway: NatGateway): string | undefined {
  const appliance = applianceReason(gateway);
  if (appliance) return `${appliance}; left as it is`;
  if (isAutomaticRegional(gateway))
    return (
      'regional NAT gateway in automatic mode: AWS chooses its addresses and takes up to an hour to expand to an ' +
      'AZ again, so it cannot be brought back as it was; never parked, left as it is'
    );
  return undefined;
}

export function regionalRecordOf(gateway: NatGateway): RegionalRecord | undefined {
  if (!isRegional(gateway)) return undefined;
  return { vpcId: gateway.vpcId, zones: allocationsByZone(gateway) };
}

function chunkKey(index: number): string {
  return index === 0 ? PARK_TAGS.parkedZones : `${PARK_TAGS.parkedZones}-${index + 1}`;
}

/** The regional part of a park record as tags. Throws TagCodecError when its addresses do not fit. */
export function regionalRecordTags(record: RegionalRecord): Tags {
  const byAllocation: Tags = {};
  for (const zone of record.zones)
    for (const allocationId of zone.allocationIds) byAllocation[allocationId] = zone.availabilityZone;
  let chunks: string[];
  try {
    chunks = encodeTags(byAllocation);
  } catch (error) {
    if (!(error instanceof TagCodecError)) throw error;
    throw new TagCodecError(
      `its ${Object.keys(byAllocation).length} addresses need more than the ${MAX_TAG_CHUNKS} tag values a park record holds`,
    );
  }
  const tags: Tags = { [PARK_TAGS.parkedMode]: REGIONAL, [PARK_TAGS.parkedVpc]: record.vpcId };
  chunks.forEach((chunk, index) => {
    tags[chunkKey(index)] = chunk;
  });
  return tags;
}

/** The regional part of a record, undefined for a zonal one, or what is wrong with it. */
export function readRegionalRecord(tags: Tags): { regional?: RegionalRecord; problem?: string } {
  const mode = tags[PARK_TAGS.parkedMode];
  if (mode === undefined) return {};
  if (mode !== REGIONAL) return { problem: `${PARK_TAGS.parkedMode} "${mode}" is unknown` };
  const vpcId = tags[PARK_TAGS.parkedVpc] ?? '';
  if (!VPC_ID.test(vpcId)) return { problem: `${PARK_TAGS.parkedVpc} "${vpcId}" is not a VPC id` };
  const chunks: string[] = [];
  for (let i = 0; tags[chunkKey(i)] !== undefined; i += 1) chunks.push(tags[chunkKey(i)] ?? '');
  let byAllocation: Tags;
  try {
    byAllocation = decodeTags(chunks);
  } catch (error) {
    if (error instanceof TagCodecError) return { problem: `${PARK_TAGS.parkedZones}: ${error.message}` };
    throw error;
  }
  const zones: RegionalRecord['zones'] = [];
  for (const [allocationId, availabilityZone] of Object.entries(byAllocation)) {
    const zone = zones.find((z) => z.availabilityZone === availabilityZone);
    if (zone) zone.allocationIds.push(allocationId);
    else zones.push({ availabilityZone, allocationIds: [allocationId] });
  }
  if (zones.length === 0) return { problem: `${PARK_TAGS.parkedZones} holds no address` };
  return { regional: { vpcId, zones } };
}
