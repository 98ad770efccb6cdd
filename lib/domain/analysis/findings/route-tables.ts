// Questions about the route tables that send traffic through a gateway.
import { defaultRouteTarget, type Inventory, type RouteTable } from '../../model';

export function routesDefaultThrough(table: RouteTable, natGatewayId: string): boolean {
  return defaultRouteTarget(table) === natGatewayId;
}

/** Distinct subnets using any of the tables. */
export function subnetIdsOf(tables: readonly RouteTable[]): string[] {
  return [...new Set(tables.flatMap((table) => table.subnetIds))];
}

/**
 * Share of a gateway's traffic that comes from `part` of its route tables, estimated by subnet count
 * (per-table traffic is not measured). Tables without subnets carry nothing.
 */
export function subnetShare(part: readonly RouteTable[], all: readonly RouteTable[]): number {
  const total = subnetIdsOf(all).length;
  if (total === 0) return part.length === all.length ? 1 : 0;
  return subnetIdsOf(part).length / total;
}

export function availabilityZoneOf(inventory: Inventory, subnetId: string): string | undefined {
  return inventory.subnets.find((subnet) => subnet.subnetId === subnetId)?.availabilityZone;
}
