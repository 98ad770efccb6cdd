// The minimum hold: routes stay failed over at least this long, so a flapping alarm cannot make them oscillate.

import type { Tags } from '../model';
import { ROUTE_TABLE_TAGS } from '../tag-keys';
import { MINUTE_MS } from '../time-units';

export type HoldStatus = { passed: true; note?: string } | { passed: false; until: Date };

/** failoverAt + hold ≤ now. A missing or unreadable failoverAt cannot hold anything back (and is said so). */
export function holdStatus(tableTags: Tags, now: Date, minHoldMinutes: number): HoldStatus {
  const text = tableTags[ROUTE_TABLE_TAGS.failoverAt];
  const at = text === undefined ? Number.NaN : Date.parse(text);
  if (Number.isNaN(at)) {
    return { passed: true, note: `no readable ${ROUTE_TABLE_TAGS.failoverAt} tag: hold time not applied` };
  }
  const until = at + minHoldMinutes * MINUTE_MS;
  return until <= now.getTime() ? { passed: true } : { passed: false, until: new Date(until) };
}
