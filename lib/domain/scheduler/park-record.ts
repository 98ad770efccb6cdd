// The park record: what unpark needs, as tags (written before the gateway is deleted) and back.

import type { NatGateway, Tags } from '../model';
import { MANAGED_TAG, PARK_TAGS, RESTORES_TAG } from '../tag-keys';
import { encodeInstant } from '../tag-values';
import {
  type RegionalRecord,
  readRegionalRecord,
  regionalRecordOf,
  regionalRecordTags,
} from './park-regional';
import { PARK_STATES, type ParkState } from './park-state';
import { decodeTags, encodeTags } from './park-tag-codec';

/** Keys AWS reserves (e.g. aws:cloudformation:stack-name): nobody can set them, so they cannot be restored. */
const RESERVED_TAG_PREFIX = 'aws:';
const LIST_SEPARATOR = ' ';
const GATEWAY_ID = /^nat-[0-9a-f]+$/;
const SUBNET_ID = /^subnet-[0-9a-f]+$/;

export interface ParkRecord {
  natGatewayId: string;
  parkedAt: Date;
  state: ParkState;
  subnetId: string;
  connectivityType: 'public' | 'private';
  privateIp?: string;
  /** Secondary allocation ids of a public gateway, secondary private IPs of a private one. */
  secondary: string[];
  /** The gateway's own tags, to be given back to its replacement. */
  tags: Tags;
  unparkAttempt: number;
  /** A regional gateway (no subnet: `subnetId` is ''): its VPC and addresses per AZ. */
  regional?: RegionalRecord;
}

export class ParkRecordError extends Error {
  override name = 'ParkRecordError';
}

/** The record of a gateway about to be parked, and the tags of its own that cannot come back. */
export function recordOf(
  gateway: NatGateway,
  parkedAt: Date,
): { record: ParkRecord; unrestorable: string[] } {
  const tags: Tags = {};
  const unrestorable: string[] = [];
  for (const [key, value] of Object.entries(gateway.tags)) {
    if (key.startsWith(RESERVED_TAG_PREFIX)) unrestorable.push(key);
    else if (key !== RESTORES_TAG) tags[key] = value;
  }
  const record: ParkRecord = {
    natGatewayId: gateway.natGatewayId,
    parkedAt,
    state: 'recorded',
    subnetId: gateway.subnetId,
    connectivityType: gateway.connectivityType,
    ...(gateway.privateIp ? { privateIp: gateway.privateIp } : {}),
    secondary:
      gateway.connectivityType === 'public' ? gateway.secondaryAllocationIds : gateway.secondaryPrivateIps,
    tags,
    unparkAttempt: 0,
  };
  const regional = regionalRecordOf(gateway);
  if (regional) return { record: { ...record, secondary: [], regional }, unrestorable };
  return { record, unrestorable };
}

function chunkKey(index: number): string {
  return index === 0 ? PARK_TAGS.parkedTags : `${PARK_TAGS.parkedTags}-${index + 1}`;
}

/** The record as tags. Throws TagCodecError when the gateway's tags do not fit. */
export function recordTags(record: ParkRecord): Tags {
  const tags: Tags = {
    [PARK_TAGS.parkedGateway]: record.natGatewayId,
    [PARK_TAGS.parkedAt]: encodeInstant(record.parkedAt),
    [PARK_TAGS.parkState]: record.state,
    ...(record.regional
      ? regionalRecordTags(record.regional)
      : { [PARK_TAGS.parkedSubnet]: record.subnetId }),
    [PARK_TAGS.parkedConnectivity]: record.connectivityType,
    [PARK_TAGS.unparkAttempt]: String(record.unparkAttempt),
  };
  if (record.privateIp) tags[PARK_TAGS.parkedPrivateIp] = record.privateIp;
  if (record.secondary.length > 0) tags[PARK_TAGS.parkedSecondary] = record.secondary.join(LIST_SEPARATOR);
  encodeTags(record.tags).forEach((chunk, index) => {
    tags[chunkKey(index)] = chunk;
  });
  return tags;
}

function required(tags: Tags, key: string, where: string): string {
  const value = tags[key];
  if (value === undefined || value === '')
    throw new ParkRecordError(`park record on ${where}: ${key} is missing`);
  return value;
}

/** The record held in these tags; undefined when they hold none. Throws ParkRecordError if it is damaged. */
export function readRecord(tags: Tags, where: string): ParkRecord | undefined {
  const natGatewayId = tags[PARK_TAGS.parkedGateway];
  if (natGatewayId === undefined || tags[PARK_TAGS.parkedAt] === undefined) return undefined;
  if (!GATEWAY_ID.test(natGatewayId)) {
    throw new ParkRecordError(
      `park record on ${where}: ${PARK_TAGS.parkedGateway} "${natGatewayId}" is not a NAT gateway id`,
    );
  }
  const parkedAt = new Date(required(tags, PARK_TAGS.parkedAt, where));
  if (Number.isNaN(parkedAt.getTime()))
    throw new ParkRecordError(`park record on ${where}: ${PARK_TAGS.parkedAt} is not an instant`);
  const state = PARK_STATES.find((s) => s === tags[PARK_TAGS.parkState]);
  if (!state)
    throw new ParkRecordError(
      `park record on ${where}: ${PARK_TAGS.parkState} "${tags[PARK_TAGS.parkState]}" is unknown`,
    );
  const { regional, problem } = readRegionalRecord(tags);
  if (problem) throw new ParkRecordError(`park record on ${where}: ${problem}`);
  const subnetId = regional ? '' : required(tags, PARK_TAGS.parkedSubnet, where);
  if (!regional && !SUBNET_ID.test(subnetId))
    throw new ParkRecordError(`park record on ${where}: subnet "${subnetId}" is not a subnet id`);
  const connectivity = tags[PARK_TAGS.parkedConnectivity];
  if (connectivity !== 'public' && connectivity !== 'private') {
    throw new ParkRecordError(
      `park record on ${where}: ${PARK_TAGS.parkedConnectivity} "${connectivity}" is unknown`,
    );
  }
  const attempt = Number(tags[PARK_TAGS.unparkAttempt] ?? '0');
  const chunks: string[] = [];
  for (let i = 0; tags[chunkKey(i)] !== undefined; i += 1) chunks.push(tags[chunkKey(i)] ?? '');
  const privateIp = tags[PARK_TAGS.parkedPrivateIp];
  return {
    natGatewayId,
    parkedAt,
    state,
    subnetId,
    connectivityType: connectivity,
    ...(privateIp ? { privateIp } : {}),
    secondary: (tags[PARK_TAGS.parkedSecondary] ?? '').split(LIST_SEPARATOR).filter((s) => s !== ''),
    tags: decodeTags(chunks),
    unparkAttempt: Number.isInteger(attempt) && attempt >= 0 ? attempt : 0,
    ...(regional ? { regional } : {}),
  };
}

/** Tags of the replacement gateway: its predecessor's, the optimizer's mark, and which gateway it restores. */
export function replacementTags(record: ParkRecord): Tags {
  return { ...record.tags, [MANAGED_TAG.key]: MANAGED_TAG.value, [RESTORES_TAG]: record.natGatewayId };
}

/** The recreate's idempotency token: the same parked gateway, park and attempt give the same token (≤ 64 chars). */
export function unparkToken(record: ParkRecord): string {
  const instant = encodeInstant(record.parkedAt).replace(/[-:]/g, '');
  return `${record.natGatewayId}-${instant}-${record.unparkAttempt}`;
}
