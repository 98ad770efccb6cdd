// The emergency gateway: when no healthy gateway exists in an opted-in VPC, a new one in a public subnet of
// another AZ takes the routes; it is removed after failback. Its Elastic IP is kept (tagged) for next time.

import {
  DEFAULT_ROUTE,
  type ElasticIp,
  type Inventory,
  type NatGateway,
  type Tags,
  UP_STATES,
} from '../model';
import { FAILOVER_TAGS, MANAGED_TAG } from '../tag-keys';
import { isEmergencyFor, isManaged, isOn } from './failover-opt-in';
import type { FailoverSettings } from './failover-settings';
import type { AlarmStates } from './failover-target';

const INTERNET_GATEWAY_PREFIX = 'igw-';
const CLIENT_TOKEN_PREFIX = 'nat-optimizer-emergency-';

export type EmergencyEip = { kind: 'configured' | 'reused'; allocationId: string } | { kind: 'allocate' };

export interface EmergencyPlan {
  vpcId: string;
  forGatewayId: string;
  /** An emergency gateway an earlier run already created for this one: reused, not created again. */
  existingGatewayId?: string;
  subnetId: string;
  availabilityZone: string;
  eip: EmergencyEip;
  /** Same alarm, same token: a retried run cannot create a second gateway. */
  clientToken: string;
  gatewayTags: Tags;
  eipTags: Tags;
  notes: string[];
}

export function emergencyOptedIn(vpcId: string, inventory: Inventory, settings: FailoverSettings): boolean {
  const vpc = inventory.vpcs.find((v) => v.vpcId === vpcId);
  return (
    settings.emergencyVpcIds.includes(vpcId) ||
    (vpc !== undefined && isOn(vpc.tags, FAILOVER_TAGS.emergencyGateway))
  );
}

/** Public subnets of the VPC outside the failing gateway's AZ, in a stable order. */
function publicSubnets(failing: NatGateway, inventory: Inventory): Inventory['subnets'] {
  const isPublic = (subnetId: string) =>
    inventory.routeTables.some(
      (table) =>
        table.subnetIds.includes(subnetId) &&
        table.routes.some(
          (r) => r.destinationCidrBlock === DEFAULT_ROUTE && r.gatewayId?.startsWith(INTERNET_GATEWAY_PREFIX),
        ),
    );
  return inventory.subnets
    .filter(
      (s) =>
        s.vpcId === failing.vpcId && s.availabilityZone !== failing.availabilityZone && isPublic(s.subnetId),
    )
    .sort(
      (a, b) => a.availabilityZone.localeCompare(b.availabilityZone) || a.subnetId.localeCompare(b.subnetId),
    );
}

function chooseEip(vpcId: string, inventory: Inventory, notes: string[]): EmergencyEip {
  const free = (eip: ElasticIp | undefined): eip is ElasticIp =>
    eip !== undefined && eip.associationId === undefined;
  const vpc = inventory.vpcs.find((v) => v.vpcId === vpcId);
  const configured = vpc?.tags[FAILOVER_TAGS.emergencyEip]?.trim();
  if (configured) {
    const eip = inventory.elasticIps.find((e) => e.allocationId === configured);
    if (free(eip)) return { kind: 'configured', allocationId: configured };
    notes.push(
      `spare Elastic IP ${configured} (${FAILOVER_TAGS.emergencyEip}) is ${eip ? 'in use' : 'not found'}`,
    );
  }
  const reusable = inventory.elasticIps
    .filter((e) => free(e) && isManaged(e) && e.tags[FAILOVER_TAGS.emergencyVpc] === vpcId)
    .sort((a, b) => a.allocationId.localeCompare(b.allocationId))[0];
  return reusable ? { kind: 'reused', allocationId: reusable.allocationId } : { kind: 'allocate' };
}

export function planEmergency(
  failing: NatGateway,
  inventory: Inventory,
  alarmAt: Date,
): { plan: EmergencyPlan } | { reason: string } {
  const notes: string[] = [];
  const existing = inventory.natGateways
    .filter((g) => isEmergencyFor(g, failing.natGatewayId) && UP_STATES.has(g.state))
    .sort((a, b) => a.natGatewayId.localeCompare(b.natGatewayId))[0];
  const [subnet] = publicSubnets(failing, inventory);
  const existingSubnet = existing && inventory.subnets.find((s) => s.subnetId === existing.subnetId);
  const chosen = existingSubnet ?? subnet;
  if (!chosen) {
    return {
      reason: `no public subnet (default route to an internet gateway) in another AZ of ${failing.vpcId}`,
    };
  }
  const eip: EmergencyEip = existing?.allocationId
    ? { kind: 'reused', allocationId: existing.allocationId }
    : chooseEip(failing.vpcId, inventory, notes);
  return {
    plan: {
      vpcId: failing.vpcId,
      forGatewayId: failing.natGatewayId,
      ...(existing ? { existingGatewayId: existing.natGatewayId } : {}),
      subnetId: chosen.subnetId,
      availabilityZone: chosen.availabilityZone,
      eip,
      clientToken: `${CLIENT_TOKEN_PREFIX}${failing.natGatewayId}-${Math.floor(alarmAt.getTime() / 1000)}`,
      gatewayTags: {
        Name: `nat-optimizer emergency for ${failing.natGatewayId}`,
        [MANAGED_TAG.key]: MANAGED_TAG.value,
        [FAILOVER_TAGS.emergencyFor]: failing.natGatewayId,
        [FAILOVER_TAGS.emergencyVpc]: failing.vpcId,
      },
      eipTags: {
        Name: `nat-optimizer emergency ${failing.vpcId}`,
        [MANAGED_TAG.key]: MANAGED_TAG.value,
        [FAILOVER_TAGS.emergencyVpc]: failing.vpcId,
      },
      notes,
    },
  };
}

/**
 * Emergency gateways with no route left on them whose gateway is not failing: removed (an earlier failback
 * moved the routes but stopped before the delete, or the emergency was never needed).
 */
export function idleEmergencyGateways(inventory: Inventory, alarms: AlarmStates): NatGateway[] {
  return inventory.natGateways.filter((gateway) => {
    const forId = gateway.tags[FAILOVER_TAGS.emergencyFor];
    if (!forId || !isManaged(gateway) || !UP_STATES.has(gateway.state)) return false;
    if (alarms.get(forId) === 'ALARM') return false;
    return !inventory.routeTables.some((table) =>
      table.routes.some((r) => r.natGatewayId === gateway.natGatewayId),
    );
  });
}

/** Emergency gateways for `recoveredId` that no route table uses once `movedTableIds` have moved back. */
export function emergencyGatewaysFreedBy(
  inventory: Inventory,
  recoveredId: string,
  movedTableIds: ReadonlySet<string>,
): string[] {
  return inventory.natGateways
    .filter((gateway) => isEmergencyFor(gateway, recoveredId) && UP_STATES.has(gateway.state))
    .filter((gateway) =>
      inventory.routeTables.every(
        (table) =>
          movedTableIds.has(table.routeTableId) ||
          !table.routes.some((r) => r.natGatewayId === gateway.natGatewayId),
      ),
    )
    .map((gateway) => gateway.natGatewayId);
}
