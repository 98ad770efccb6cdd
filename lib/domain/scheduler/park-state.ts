// The steps of a park record (its keys are in tag-keys.ts): how far a park or unpark got.
import { PARK_POSTPONED_TAG, PARK_TAGS } from '../tag-keys';

/**
 * - recorded: the record is written, the gateway still exists;
 * - deleting: DeleteNatGateway was sent;
 * - parked: the gateway is deleted;
 * - unparking: a replacement gateway was created and is not yet carrying the routes.
 */
export type ParkState = 'recorded' | 'deleting' | 'parked' | 'unparking';
export const PARK_STATES: readonly ParkState[] = ['recorded', 'deleting', 'parked', 'unparking'];

/** Every key a park record may hold, chunks of the encoded tags included (for clearing it). */
export function isParkRecordKey(key: string): boolean {
  return (
    Object.values(PARK_TAGS).some((k) => k === key) ||
    key.startsWith(`${PARK_TAGS.parkedTags}-`) ||
    key.startsWith(`${PARK_TAGS.parkedZones}-`) ||
    key === PARK_POSTPONED_TAG
  );
}
