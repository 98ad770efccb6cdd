// Consolidate mode: which gateway takes a parked gateway's route tables, and what the detour costs.

import {
  applianceReason,
  gatewayZones,
  type Inventory,
  isAutomaticRegional,
  isRegional,
  type NatGateway,
} from '../model';
import { GIB } from '../pricing/cost-model';
import { CROSS_AZ_DIRECTIONS, CROSS_AZ_PER_GB } from '../pricing/prices';
import { ROUTE_TABLE_TAGS } from '../tag-keys';
import { MINUTES_PER_HOUR } from '../time-units';

/** Traffic to a gateway in another AZ crosses the AZ boundary twice: out of the subnet's AZ and back. */

export interface TargetRules {
  inventory: Inventory;
  /** Gateways whose health alarm is in ALARM (when alarms are known). */
  alarming: ReadonlySet<string>;
  /** Gateways that are going off now (their schedule says down, or a park of theirs is under way). */
  goingOff: ReadonlySet<string>;
}

/** Route tables failed over away from a gateway mark it as unhealthy. */
function failedOverFrom(inventory: Inventory, natGatewayId: string): boolean {
  return inventory.routeTables.some((t) => t.tags[ROUTE_TABLE_TAGS.failoverFrom] === natGatewayId);
}

/**
 * Whether `candidate` may carry traffic for a gateway of `vpcId` in `availabilityZone` that goes off: a zonal
 * gateway in another AZ, or a regional gateway that serves that AZ (then the traffic stays in its AZ).
 */
export function usableTarget(
  candidate: NatGateway,
  vpcId: string,
  availabilityZone: string,
  rules: TargetRules,
): boolean {
  const placed = isRegional(candidate)
    ? servesZone(candidate, availabilityZone)
    : candidate.availabilityZone !== availabilityZone && candidate.subnetId !== '';
  return (
    placed &&
    candidate.state === 'available' &&
    candidate.vpcId === vpcId &&
    applianceReason(candidate) === undefined &&
    !rules.alarming.has(candidate.natGatewayId) &&
    !rules.goingOff.has(candidate.natGatewayId) &&
    !failedOverFrom(rules.inventory, candidate.natGatewayId)
  );
}

/** A regional gateway in automatic mode follows the VPC's subnets; in manual mode it serves the AZs it lists. */
function servesZone(gateway: NatGateway, availabilityZone: string): boolean {
  return isAutomaticRegional(gateway) || gatewayZones(gateway).includes(availabilityZone);
}

/**
 * A gateway that stays up, same VPC and connectivity: a regional one serving the AZ first (no cross-AZ transfer),
 * else a zonal one in another AZ; by AZ then id, for stable choices.
 */
export function chooseConsolidationTarget(
  vpcId: string,
  availabilityZone: string,
  connectivityType: 'public' | 'private',
  rules: TargetRules,
): NatGateway | undefined {
  return rules.inventory.natGateways
    .filter((g) => g.connectivityType === connectivityType && usableTarget(g, vpcId, availabilityZone, rules))
    .sort(
      (a, b) =>
        Number(isRegional(b)) - Number(isRegional(a)) ||
        a.availabilityZone.localeCompare(b.availabilityZone) ||
        a.natGatewayId.localeCompare(b.natGatewayId),
    )[0];
}

/** Report text: the cross-AZ charge consolidation adds, from the gateway's latest traffic when known. */
export function crossAzCostText(
  target: NatGateway,
  recentBytes: number | undefined,
  recentMinutes: number,
  hoursParked: number,
): string {
  if (isRegional(target))
    return `no cross-AZ transfer: ${target.natGatewayId} is a regional gateway serving its subnets' AZ`;
  const base = `adds cross-AZ transfer at $${CROSS_AZ_PER_GB}/GB each way for its subnets' traffic through ${target.natGatewayId} (${target.availabilityZone})`;
  if (recentBytes === undefined || recentMinutes <= 0) return base;
  const gibPerHour = (recentBytes / GIB) * (MINUTES_PER_HOUR / recentMinutes);
  const cost = gibPerHour * hoursParked * CROSS_AZ_PER_GB * CROSS_AZ_DIRECTIONS;
  return `${base}: ≈ $${cost.toFixed(2)} over ${hoursParked.toFixed(1)} h at the last ${recentMinutes} minutes' rate (${gibPerHour.toFixed(3)} GiB/h)`;
}
