// DescribeAddresses. An Elastic IP's association is derived: it is associated while a NAT gateway in
// pending, available or deleting holds it, and free again once that gateway is deleted (never released).
import type { Address, DescribeAddressesCommandInput, DescribeAddressesResult } from '@aws-sdk/client-ec2';
import type { SnapshotNatGateway } from '../snapshot-schema';
import { describeResources } from './describe-resources';
import type { Ec2Context } from './ec2-context';
import { listGiven } from './ec2-errors';
import type { FilterFields } from './filters';
import { derivedId } from './ids';
import { zoneInterfaceId, zoneOfAllocation } from './nat-regional';
import { describedTags, toTagList } from './tags';

const FILTER_FIELDS: FilterFields<Address> = {
  'allocation-id': (a) => [a.AllocationId],
  'association-id': (a) => [a.AssociationId],
  'public-ip': (a) => [a.PublicIp],
  'network-interface-id': (a) => [a.NetworkInterfaceId],
  'network-interface-owner-id': (a) => [a.NetworkInterfaceOwnerId],
  'private-ip-address': (a) => [a.PrivateIpAddress],
  domain: (a) => [a.Domain],
  'network-border-group': (a) => [a.NetworkBorderGroup],
};

/** A zonal gateway has one interface; a regional one an interface per AZ. */
function interfaceHolding(holder: SnapshotNatGateway, allocationId: string): string {
  const zone = zoneOfAllocation(holder, allocationId);
  return zone ? zoneInterfaceId(holder.natGatewayId, zone) : derivedId('eni', holder.natGatewayId);
}

export function registerAddresses(ctx: Ec2Context): void {
  const { sim } = ctx;
  const { state } = sim;
  sim.on<DescribeAddressesCommandInput>('EC2', 'DescribeAddresses', (input): DescribeAddressesResult => {
    const unknownIp = (input.PublicIps ?? []).find(
      (ip) => !state.elasticIps.some((eip) => eip.publicIp === ip),
    );
    if (unknownIp !== undefined) {
      throw sim.error('EC2', 'InvalidAddress.NotFound', `Address '${unknownIp}' not found.`);
    }
    const items = listGiven(input.PublicIps)
      ? state.elasticIps.filter((eip) => input.PublicIps?.includes(eip.publicIp))
      : state.elasticIps;
    const { page } = describeResources(sim, {
      command: 'DescribeAddresses',
      input,
      items,
      idOf: (eip) => eip.allocationId,
      requestedIds: input.AllocationIds,
      notFound: { code: 'InvalidAllocationID.NotFound', noun: 'allocation' },
      describe: (eip): Address => {
        const holder = ctx.nat.holderOf(eip.allocationId);
        const secondaryIndex = holder?.secondaryAllocationIds?.indexOf(eip.allocationId) ?? -1;
        const privateIp =
          secondaryIndex >= 0 ? holder?.secondaryPrivateIps?.[secondaryIndex] : holder?.privateIp;
        return {
          AllocationId: eip.allocationId,
          PublicIp: eip.publicIp,
          Domain: 'vpc',
          PublicIpv4Pool: 'amazon',
          NetworkBorderGroup: state.region,
          ...(holder
            ? {
                AssociationId: derivedId('eipassoc', `${holder.natGatewayId}:${eip.allocationId}`),
                NetworkInterfaceId: interfaceHolding(holder, eip.allocationId),
                NetworkInterfaceOwnerId: state.accountId,
                PrivateIpAddress: privateIp,
              }
            : {}),
          Tags: toTagList(eip.tags),
        };
      },
      fields: FILTER_FIELDS,
      tagsOf: describedTags,
    });
    return { Addresses: page };
  });
}
