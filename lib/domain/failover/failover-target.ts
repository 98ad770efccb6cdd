// Which gateway a failing gateway's route tables move to: healthy, same VPC, another AZ, never a parked one.

import { applianceReason, type Inventory, type NatGateway } from '../model';
import { FAILOVER_TAGS, ROUTE_TABLE_TAGS, USER_TAGS } from '../tag-keys';
import type { AlarmStateValue } from './failover-event';

export interface Rejection {
  natGatewayId: string;
  reason: string;
}

export interface TargetChoice {
  target?: NatGateway;
  /** Gateways of the VPC that were not chosen, and the preferred one wherever it is. */
  rejected: Rejection[];
}

/** Alarm state of each gateway that has a failover alarm. */
export type AlarmStates = ReadonlyMap<string, AlarmStateValue>;

/** A gateway the scheduler has parked (or is parking): a route table remembers it under parkedGateway. */
export function isParked(natGatewayId: string, inventory: Inventory): boolean {
  return inventory.routeTables.some((table) => table.tags[ROUTE_TABLE_TAGS.parkedGateway] === natGatewayId);
}

/** Why `candidate` cannot take `failing`'s traffic, or undefined when it can. */
export function unfitReason(
  candidate: NatGateway,
  failing: NatGateway,
  inventory: Inventory,
  alarms: AlarmStates,
): string | undefined {
  if (candidate.natGatewayId === failing.natGatewayId) return 'it is the failing gateway';
  if (candidate.vpcId !== failing.vpcId) return `it is in another VPC (${candidate.vpcId})`;
  if (candidate.availabilityMode === 'regional')
    return 'it is a regional NAT gateway: failover never targets one (it moves tables between zonal gateways)';
  const appliance = applianceReason(candidate);
  if (appliance) return appliance;
  if (candidate.state !== 'available') return `it is ${candidate.state}, not available`;
  if (isParked(candidate.natGatewayId, inventory)) return 'it is parked by the scheduler';
  if (candidate.availabilityZone === failing.availabilityZone)
    return `it is in the same AZ (${candidate.availabilityZone})`;
  if (candidate.connectivityType !== failing.connectivityType)
    return `it is a ${candidate.connectivityType} gateway`;
  if (alarms.get(candidate.natGatewayId) === 'ALARM') return 'its own alarm is in ALARM';
  return undefined;
}

const ALARM_RANK: Record<string, number> = { OK: 0, none: 1, INSUFFICIENT_DATA: 2 };

/** Deterministic order: alarm OK first, then gateways the scheduler can never park, then AZ, then id. */
function rank(gateway: NatGateway, alarms: AlarmStates): [number, number, string, string] {
  return [
    ALARM_RANK[alarms.get(gateway.natGatewayId) ?? 'none'] ?? 1,
    gateway.tags[USER_TAGS.schedule] === undefined ? 0 : 1,
    gateway.availabilityZone,
    gateway.natGatewayId,
  ];
}

function compareRanks(a: [number, number, string, string], b: [number, number, string, string]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]) || a[3].localeCompare(b[3]);
}

export function chooseFailoverTarget(
  failing: NatGateway,
  inventory: Inventory,
  alarms: AlarmStates,
): TargetChoice {
  const rejected: Rejection[] = [];
  const preferredId = failing.tags[FAILOVER_TAGS.target]?.trim();
  if (preferredId) {
    const preferred = inventory.natGateways.find((g) => g.natGatewayId === preferredId);
    const reason = preferred ? unfitReason(preferred, failing, inventory, alarms) : 'it does not exist';
    if (preferred && reason === undefined) return { target: preferred, rejected };
    rejected.push({
      natGatewayId: preferredId,
      reason: `preferred by ${FAILOVER_TAGS.target}, but ${reason}`,
    });
  }
  const fit: NatGateway[] = [];
  for (const candidate of inventory.natGateways) {
    if (candidate.vpcId !== failing.vpcId || candidate.natGatewayId === failing.natGatewayId) continue;
    if (candidate.natGatewayId === preferredId) continue;
    if (candidate.state === 'deleted') continue;
    const reason = unfitReason(candidate, failing, inventory, alarms);
    if (reason === undefined) fit.push(candidate);
    else rejected.push({ natGatewayId: candidate.natGatewayId, reason });
  }
  fit.sort((a, b) => compareRanks(rank(a, alarms), rank(b, alarms)));
  const [target] = fit;
  return target ? { target, rejected } : { rejected };
}
