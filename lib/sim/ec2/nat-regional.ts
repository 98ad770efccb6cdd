// Regional NAT gateways (AvailabilityMode regional): one gateway for a VPC, no subnet, addresses per AZ; manual
// mode takes AvailabilityZoneAddresses, automatic mode covers every AZ of the VPC that has a subnet. The gateway
// gets its own route table, with a default route to the VPC's internet gateway.
import type { CreateNatGatewayCommandInput, NatGatewayAddress } from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import { MAX_ADDRESSES_PER_ZONE } from '../snapshot-regional';
import type { SnapshotNatGateway } from '../snapshot-schema';
import { zoneIdOf } from './availability-zones';
import type { Ec2Context } from './ec2-context';
import { invalidParameterCombination, invalidParameterValue, listGiven, requireKnownIds } from './ec2-errors';
import { derivedId, hexDigest } from './ids';
import { isoAt } from './nat-lifecycle-state';
import { ownRouteTable } from './regional-route-table';

export type ZoneAddresses = NonNullable<SnapshotNatGateway['availabilityZoneAddresses']>;

export function isRegionalEntry(gateway: SnapshotNatGateway): boolean {
  return gateway.availabilityMode === 'regional';
}

/** Every allocation a regional gateway uses, AZ by AZ. */
export function regionalAllocations(gateway: SnapshotNatGateway): string[] {
  return (gateway.availabilityZoneAddresses ?? []).flatMap((zone) => zone.allocationIds);
}

/** The interface a regional gateway has in one AZ (derived, stable). */
export function zoneInterfaceId(natGatewayId: string, availabilityZone: string): string {
  return derivedId('eni', `${natGatewayId}:${availabilityZone}`);
}

export function zoneOfAllocation(gateway: SnapshotNatGateway, allocationId: string): string | undefined {
  return gateway.availabilityZoneAddresses?.find((zone) => zone.allocationIds.includes(allocationId))
    ?.availabilityZone;
}

/** NatGatewayAddresses of a regional gateway: one per allocation, with the AZ it serves. */
export function regionalAddresses(
  ctx: Ec2Context,
  gateway: SnapshotNatGateway,
  failureMessage: string | undefined,
): NatGatewayAddress[] {
  const failed = gateway.state === 'failed';
  return (gateway.availabilityZoneAddresses ?? []).flatMap((zone) =>
    zone.allocationIds.map((allocationId, index): NatGatewayAddress => {
      const held = ctx.nat.holderOf(allocationId) === gateway;
      return {
        AllocationId: allocationId,
        PublicIp: ctx.sim.state.elasticIps.find((eip) => eip.allocationId === allocationId)?.publicIp,
        ...(held ? { AssociationId: derivedId('eipassoc', `${gateway.natGatewayId}:${allocationId}`) } : {}),
        NetworkInterfaceId: zoneInterfaceId(gateway.natGatewayId, zone.availabilityZone),
        IsPrimary: index === 0,
        Status: failed ? 'failed' : 'succeeded',
        ...(failed && index === 0 && failureMessage ? { FailureMessage: failureMessage } : {}),
        AvailabilityZone: zone.availabilityZone,
        AvailabilityZoneId: zoneIdOf(ctx.sim, zone.availabilityZone),
      };
    }),
  );
}

function vpcZones(sim: SimAccount, vpcId: string): string[] {
  return [
    ...new Set(sim.state.subnets.filter((s) => s.vpcId === vpcId).map((s) => s.availabilityZone)),
  ].sort();
}

function zoneNameOf(
  sim: SimAccount,
  entry: { AvailabilityZone?: string; AvailabilityZoneId?: string },
): string {
  const zones = [...new Set(sim.state.subnets.map((s) => s.availabilityZone))];
  const name =
    entry.AvailabilityZone ?? zones.find((zone) => zoneIdOf(sim, zone) === entry.AvailabilityZoneId);
  if (name === undefined || !zones.includes(name)) {
    throw invalidParameterValue(
      sim,
      `Invalid availability zone: [${entry.AvailabilityZone ?? entry.AvailabilityZoneId ?? '(none)'}]`,
    );
  }
  return name;
}

/** Manual mode: the zones and addresses asked for, checked. */
function manualZones(sim: SimAccount, input: CreateNatGatewayCommandInput): ZoneAddresses {
  const zones: ZoneAddresses = [];
  for (const entry of input.AvailabilityZoneAddresses ?? []) {
    const availabilityZone = zoneNameOf(sim, entry);
    if (zones.some((zone) => zone.availabilityZone === availabilityZone))
      throw invalidParameterValue(sim, `Availability zone ${availabilityZone} is listed more than once`);
    const allocationIds = entry.AllocationIds ?? [];
    if (allocationIds.length === 0 || allocationIds.length > MAX_ADDRESSES_PER_ZONE) {
      throw invalidParameterValue(
        sim,
        `Each availability zone takes 1 to ${MAX_ADDRESSES_PER_ZONE} Elastic IP addresses (${availabilityZone})`,
      );
    }
    const known = (id: string) => sim.state.elasticIps.some((eip) => eip.allocationId === id);
    requireKnownIds(sim, allocationIds, known, 'InvalidAllocationID.NotFound', 'allocation');
    zones.push({ availabilityZone, allocationIds });
  }
  return zones;
}

/** Automatic mode: every AZ of the VPC with a subnet gets an address AWS allocates. */
function automaticZones(ctx: Ec2Context, vpcId: string, natGatewayId: string): ZoneAddresses {
  return vpcZones(ctx.sim, vpcId).map((availabilityZone) => {
    const allocationId = ctx.ids.next('eipalloc');
    const octet = Number.parseInt(hexDigest(`${natGatewayId}:${availabilityZone}`, 2), 16) % 250;
    ctx.sim.state.elasticIps.push({ allocationId, publicIp: `198.51.100.${octet + 1}`, tags: {} });
    return { availabilityZone, allocationIds: [allocationId] };
  });
}

function refuseZonalParameters(sim: SimAccount, input: CreateNatGatewayCommandInput): void {
  const zonal = [
    input.SubnetId !== undefined && 'SubnetId',
    input.AllocationId !== undefined && 'AllocationId',
    listGiven(input.SecondaryAllocationIds) && 'SecondaryAllocationIds',
    input.PrivateIpAddress !== undefined && 'PrivateIpAddress',
    listGiven(input.SecondaryPrivateIpAddresses) && 'SecondaryPrivateIpAddresses',
    input.SecondaryPrivateIpAddressCount !== undefined && 'SecondaryPrivateIpAddressCount',
  ].filter((name): name is string => typeof name === 'string');
  if (zonal.length > 0) {
    throw invalidParameterCombination(
      sim,
      `${zonal.join(', ')} cannot be used with a regional NAT gateway (use VpcId and AvailabilityZoneAddresses)`,
    );
  }
  if ((input.ConnectivityType ?? 'public') !== 'public')
    throw invalidParameterCombination(sim, 'Regional NAT gateways support public connectivity only');
}

/**
 * A new regional gateway, `pending`. Validation happens before anything is created; `tags` and the dry-run check
 * are the caller's (shared with zonal creates).
 */
export function createRegional(
  ctx: Ec2Context,
  input: CreateNatGatewayCommandInput,
  finish: { tags: SnapshotNatGateway['tags']; beforeCreate: () => void },
): SnapshotNatGateway {
  const { sim } = ctx;
  refuseZonalParameters(sim, input);
  const vpcId = input.VpcId;
  if (!vpcId) throw sim.error('EC2', 'MissingParameter', 'The request must contain the parameter VpcId');
  if (!sim.state.vpcs.some((vpc) => vpc.vpcId === vpcId))
    throw sim.error('EC2', 'InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
  const manual = listGiven(input.AvailabilityZoneAddresses);
  const requested = manual ? manualZones(sim, input) : [];
  finish.beforeCreate();
  const natGatewayId = ctx.ids.next('nat');
  const zones = manual ? requested : automaticZones(ctx, vpcId, natGatewayId);
  const gateway: SnapshotNatGateway = {
    natGatewayId,
    vpcId,
    availabilityMode: 'regional',
    state: 'pending',
    connectivityType: 'public',
    availabilityZoneAddresses: zones,
    autoProvisionZones: manual ? 'disabled' : 'enabled',
    autoScalingIps: manual ? 'disabled' : 'enabled',
    routeTableId: ownRouteTable(sim, ctx.ids, vpcId),
    createTime: isoAt(sim.now().getTime()),
    tags: finish.tags,
  };
  const stillHeld = regionalAllocations(gateway).some((id) => ctx.nat.holderOf(id) !== undefined);
  sim.state.natGateways.push(gateway);
  ctx.nat.provision(gateway, stillHeld ? 'Resource.AlreadyAssociated' : undefined);
  return gateway;
}
