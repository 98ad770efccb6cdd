// Questions about the route tables that send traffic through a gateway.
import { defaultRouteTarget, type Inventory, type NatGateway, type RouteTable } from '../../model';

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

/**
 * Subnets routed through a zonal gateway that sit in another AZ (their traffic pays cross-AZ transfer), the AZs
 * they are in, and their share of the gateway's subnets (its traffic is estimated by subnet count).
 */
export function remoteSubnets(
  inventory: Inventory,
  gateway: NatGateway,
  tables: readonly RouteTable[],
): { remote: string[]; zones: string[]; share: number; subnetCount: number } {
  const subnetIds = subnetIdsOf(tables);
  const remote = subnetIds.filter((id) => {
    const zone = availabilityZoneOf(inventory, id);
    return zone !== undefined && zone !== gateway.availabilityZone;
  });
  const zones = [...new Set(remote.map((id) => availabilityZoneOf(inventory, id) ?? ''))].sort();
  const share = subnetIds.length === 0 ? 0 : remote.length / subnetIds.length;
  return { remote, zones, share, subnetCount: subnetIds.length };
}
