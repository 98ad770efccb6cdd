// Steps that write, advance and clear a park record where it lives (EIP or route tables).

import { DEFAULT_ROUTE, defaultRouteTarget, type Inventory, type RouteTable, type Tags } from '../model';
import { PARK_TAGS, ROUTE_TABLE_TAGS } from '../tag-keys';
import { isParkRecordKey, type ParkState } from './park-state';
import type { ScheduleStep } from './park-steps';
import type { ParkUnit } from './park-units';

/** The resources that hold a unit's record (or would hold it). */
export function holderIds(unit: ParkUnit): string[] {
  if (unit.holder?.kind === 'elastic-ip') return [unit.holder.allocationId];
  if (unit.holder?.kind === 'route-tables') return unit.holder.routeTableIds;
  return [];
}

export function markState(unit: ParkUnit, state: ParkState): ScheduleStep {
  return {
    kind: 'tag',
    resourceIds: holderIds(unit),
    tags: { [PARK_TAGS.parkState]: state },
    why: `park state ${state}`,
  };
}

function recordKeysIn(tagSets: Tags[]): string[] {
  return [...new Set(tagSets.flatMap((tags) => Object.keys(tags).filter(isParkRecordKey)))].sort();
}

/** Route tables first, the EIP last: the EIP's record is what a later run starts from, so it goes last. */
export function clearRecordSteps(unit: ParkUnit): ScheduleStep[] {
  const steps: ScheduleStep[] = [];
  const tableKeys = recordKeysIn(unit.recordedTables.map((t) => t.tags));
  if (unit.recordedTables.length > 0 && tableKeys.length > 0) {
    steps.push({
      kind: 'untag',
      resourceIds: unit.recordedTables.map((t) => t.routeTableId),
      keys: tableKeys,
      why: 'route tables no longer held by the park',
    });
  }
  if (unit.holder?.kind === 'elastic-ip') {
    const keys = recordKeysIn(unit.holderTags);
    if (keys.length > 0) {
      steps.push({
        kind: 'untag',
        resourceIds: [unit.holder.allocationId],
        keys,
        why: 'park record cleared',
      });
    }
  }
  return steps;
}

/** Tables with a route to the gateway, except those another parked gateway holds or failover holds. */
export function tablesRoutingTo(inventory: Inventory, natGatewayId: string): RouteTable[] {
  return inventory.routeTables.filter(
    (t) =>
      t.routes.some((r) => r.natGatewayId === natGatewayId) &&
      (t.tags[PARK_TAGS.parkedGateway] === undefined || t.tags[PARK_TAGS.parkedGateway] === natGatewayId),
  );
}

/**
 * Failed-over tables that involve the gateway (named in their failover tags, or their default route is on it):
 * while they exist, the scheduler leaves the gateway alone.
 */
export function failoverHolds(inventory: Inventory, natGatewayId: string): RouteTable[] {
  return inventory.routeTables.filter(
    (t) =>
      hasFailoverTags(t) &&
      (t.tags[ROUTE_TABLE_TAGS.failoverTo] === natGatewayId ||
        t.tags[ROUTE_TABLE_TAGS.failoverFrom] === natGatewayId ||
        t.tags[ROUTE_TABLE_TAGS.failoverVia] === natGatewayId ||
        defaultRouteTarget(t) === natGatewayId),
  );
}

export function hasFailoverTags(table: RouteTable): boolean {
  return (
    table.tags[ROUTE_TABLE_TAGS.failoverFrom] !== undefined ||
    table.tags[ROUTE_TABLE_TAGS.failoverTo] !== undefined
  );
}

/** Consolidate: mark the tables (so unpark knows their default route moved), then move it to `targetId`. */
export function consolidateSteps(tables: RouteTable[], targetId: string): ScheduleStep[] {
  if (tables.length === 0) return [];
  const to = { natGatewayId: targetId };
  return [
    {
      kind: 'tag',
      resourceIds: tables.map((t) => t.routeTableId),
      tags: { [PARK_TAGS.parkedVia]: targetId },
      why: 'default route moved by consolidate',
    },
    ...tables.map(
      (t): ScheduleStep => ({
        kind: 'point-route',
        routeTableId: t.routeTableId,
        destination: DEFAULT_ROUTE,
        to,
      }),
    ),
  ];
}
