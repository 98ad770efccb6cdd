// SINGLE_AZ: a VPC whose NAT-routed subnets span several AZs but whose gateways all sit in one.

import { gatewayZones, nameOf } from '../../model';
import type { Finding } from '../analysis-result';
import type { GatewayContext } from './gateway-context';
import { availabilityZoneOf, subnetIdsOf } from './route-tables';

export function singleAzFinding(ctx: GatewayContext): Finding | undefined {
  const { gateway, inventory } = ctx;
  if (gateway.state !== 'available' || gateway.availabilityMode === 'regional') return undefined;
  const vpcId = gateway.vpcId;
  const natTables = inventory.routeTables.filter(
    (table) => table.vpcId === vpcId && table.routes.some((route) => route.natGatewayId !== undefined),
  );
  const subnetZones = new Set(
    subnetIdsOf(natTables).flatMap((id) => {
      const zone = availabilityZoneOf(inventory, id);
      return zone ? [zone] : [];
    }),
  );
  // A regional gateway of the VPC counts with every AZ it serves.
  const servedZones = new Set(
    inventory.natGateways
      .filter((g) => g.vpcId === vpcId && g.state === 'available')
      .flatMap((g) => gatewayZones(g)),
  );
  if (subnetZones.size < 2 || servedZones.size !== 1) return undefined;
  const zones = [...subnetZones].sort();
  const vpc = inventory.vpcs.find((v) => v.vpcId === vpcId);
  const vpcLabel = vpc ? `VPC ${nameOf(vpc, vpcId)} (${vpcId})` : `VPC ${vpcId}`;
  return {
    code: 'SINGLE_AZ',
    severity: 'medium',
    message:
      `${vpcLabel} sends subnets in ${zones.length} AZs (${zones.join(', ')}) to the internet through NAT, but ` +
      `all its available NAT gateways, ${ctx.label} included, are in ${gateway.availabilityZone}: an outage of ` +
      `${gateway.availabilityZone} cuts internet egress for every one of them. If those workloads must survive it, ` +
      'add a NAT gateway in another AZ and tag the gateways nat-optimizer:failover=on.',
    estimatedMonthlySavings: null,
    details: { vpcId, subnetAvailabilityZones: zones, gatewayAvailabilityZone: gateway.availabilityZone },
  };
}
