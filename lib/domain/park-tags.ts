// Tag keys of off-hours parking. The park record lives where it survives the gateway's deletion:
// on the primary Elastic IP of a public gateway, on the route tables of a private one (which has no EIP).
import { ROUTE_TABLE_TAGS, TAG_PREFIX } from './tag-keys';

/** The park record: everything unpark needs to bring the gateway back. */
export const PARK_TAGS = {
  /** Id of the parked gateway (also the key on every route table whose default route pointed at it). */
  parkedGateway: ROUTE_TABLE_TAGS.parkedGateway,
  /** Instant the park began (UTC ISO); with the gateway id it makes the recreate's idempotency token. */
  parkedAt: `${TAG_PREFIX}parked-at`,
  /** The step reached: see ParkState. */
  parkState: `${TAG_PREFIX}park-state`,
  parkedSubnet: `${TAG_PREFIX}parked-subnet`,
  parkedConnectivity: `${TAG_PREFIX}parked-connectivity`,
  parkedPrivateIp: `${TAG_PREFIX}parked-private-ip`,
  /** Secondary allocation ids (public) or secondary private IPs (private), space-separated. */
  parkedSecondary: `${TAG_PREFIX}parked-secondary`,
  /** The gateway's own tags, encoded (park-tag-codec); continued in `parked-tags-2`, `parked-tags-3`… */
  parkedTags: `${TAG_PREFIX}parked-tags`,
  /** On a route table whose default route consolidate mode moved: the gateway now carrying it. */
  parkedVia: `${TAG_PREFIX}parked-via`,
  /** Recreate attempts that failed (e.g. Resource.AlreadyAssociated): each retry uses a new token. */
  unparkAttempt: `${TAG_PREFIX}unpark-attempt`,
} as const;

/** Times the traffic guard postponed a park in the current off period: `<count>@<off period start>`. */
export const PARK_POSTPONED_TAG = `${TAG_PREFIX}park-postponed`;

/** On a recreated gateway: the id of the parked gateway it replaces (how a later run finds a pending one). */
export const RESTORES_TAG = `${TAG_PREFIX}restores`;

/**
 * Set by a person on the gateway (or, while parked, on its EIP or a recorded route table): an ISO instant
 * until which the gateway stays up whatever its schedule; a parked gateway comes back on the next run.
 */
export const KEEP_UP_UNTIL_TAG = `${TAG_PREFIX}keep-up-until`;

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
    key === PARK_POSTPONED_TAG
  );
}
