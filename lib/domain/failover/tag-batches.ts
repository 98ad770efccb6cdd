// The failover record goes onto route tables in as few CreateTags calls as possible: one per distinct set of
// values (usually one for the whole failover: same origin, same target, same instant).

import type { Tags } from '../model';
import { ROUTE_TABLE_TAGS } from '../tag-keys';
import type { TableMove } from './failover-plan-types';

export interface TagBatch {
  routeTableIds: string[];
  tags: Tags;
}

/**
 * `failover-from` (the original gateway, kept when a table moves a second time), `failover-to`, `failover-at`, and
 * on a second move `failover-via` (where the route is now).
 */
export function failoverTagBatches(moves: readonly TableMove[], to: string, at: string): TagBatch[] {
  const batches = new Map<string, TagBatch>();
  for (const move of moves) {
    const via = move.from && move.from !== move.origin ? move.from : undefined;
    const tags: Tags = {
      [ROUTE_TABLE_TAGS.failoverFrom]: move.origin,
      [ROUTE_TABLE_TAGS.failoverTo]: to,
      [ROUTE_TABLE_TAGS.failoverAt]: at,
      ...(via ? { [ROUTE_TABLE_TAGS.failoverVia]: via } : {}),
    };
    const key = JSON.stringify(tags);
    const batch = batches.get(key);
    if (batch) batch.routeTableIds.push(move.routeTableId);
    else batches.set(key, { routeTableIds: [move.routeTableId], tags });
  }
  return [...batches.values()];
}
