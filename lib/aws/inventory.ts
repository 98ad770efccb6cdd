// Reads the network of one account and region into the domain's Inventory: one paginated pass per resource type.
import {
  DescribeAddressesCommand,
  type DescribeRouteTablesCommandInput,
  type EC2Client,
  type Filter,
  type NatGatewayAddress,
  type NatGatewayAttachedAppliance,
  paginateDescribeNatGateways,
  paginateDescribePrefixLists,
  paginateDescribeRouteTables,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
  type NatGateway as SdkNatGateway,
  type Route as SdkRoute,
  type RouteTable as SdkRouteTable,
  type Tag,
} from '@aws-sdk/client-ec2';
import type {
  AttachedAppliance,
  ElasticIp,
  Inventory,
  NatGateway,
  NatGatewayState,
  Route,
  RouteTable,
  Subnet,
  Tags,
  ZoneAddress,
} from '../domain/model';

const PAGE_SIZE = 1000;
const ROUTE_TABLE_PAGE_SIZE = 100;

export function tagsOf(tags: Tag[] | undefined): Tags {
  const result: Tags = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) result[tag.Key] = tag.Value ?? '';
  return result;
}

async function collect<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...(pick(page) ?? []));
  return items;
}

const NAT_STATES: ReadonlySet<string> = new Set(['pending', 'failed', 'available', 'deleting', 'deleted']);

export function toNatGateway(gateway: SdkNatGateway, subnetAz: ReadonlyMap<string, string>): NatGateway {
  const regional = gateway.AvailabilityMode === 'regional';
  const addresses = regional
    ? byZone(gateway.NatGatewayAddresses ?? [])
    : (gateway.NatGatewayAddresses ?? []);
  const primary = (regional ? undefined : addresses.find((a) => a.IsPrimary)) ?? addresses[0];
  const secondary = addresses.filter((a) => a !== primary);
  // A regional gateway has an interface per AZ; its flow log is attached to the gateway itself.
  const eni = regional ? undefined : addresses.find((a) => a.NetworkInterfaceId)?.NetworkInterfaceId;
  const subnetId = gateway.SubnetId ?? '';
  const state = NAT_STATES.has(gateway.State ?? '') ? (gateway.State as NatGatewayState) : 'failed';
  return {
    natGatewayId: gateway.NatGatewayId ?? '',
    vpcId: gateway.VpcId ?? '',
    subnetId,
    availabilityZone: subnetAz.get(subnetId) ?? '',
    state,
    connectivityType: gateway.ConnectivityType === 'private' ? 'private' : 'public',
    ...(primary?.AllocationId ? { allocationId: primary.AllocationId } : {}),
    ...(primary?.PublicIp ? { publicIp: primary.PublicIp } : {}),
    ...(primary?.PrivateIp ? { privateIp: primary.PrivateIp } : {}),
    secondaryAllocationIds: secondary.flatMap((a) => (a.AllocationId ? [a.AllocationId] : [])),
    secondaryPrivateIps: secondary.flatMap((a) => (a.PrivateIp ? [a.PrivateIp] : [])),
    ...(eni ? { networkInterfaceId: eni } : {}),
    ...(gateway.CreateTime ? { createTime: gateway.CreateTime } : {}),
    ...(gateway.DeleteTime ? { deleteTime: gateway.DeleteTime } : {}),
    ...(gateway.FailureCode ? { failureCode: gateway.FailureCode } : {}),
    ...(gateway.AvailabilityMode ? { availabilityMode: gateway.AvailabilityMode } : {}),
    ...(regional ? regionalFields(gateway, addresses) : {}),
    ...(gateway.AttachedAppliances && gateway.AttachedAppliances.length > 0
      ? { attachedAppliances: gateway.AttachedAppliances.map(toAppliance) }
      : {}),
    tags: tagsOf(gateway.Tags),
  };
}

/** AZ by AZ (sorted), primary first within an AZ: the first address is where a park record goes. */
function byZone(addresses: NatGatewayAddress[]): NatGatewayAddress[] {
  return [...addresses].sort(
    (a, b) =>
      (a.AvailabilityZone ?? '').localeCompare(b.AvailabilityZone ?? '') ||
      Number(b.IsPrimary ?? false) - Number(a.IsPrimary ?? false),
  );
}

function regionalFields(gateway: SdkNatGateway, addresses: NatGatewayAddress[]): Partial<NatGateway> {
  const zoneAddresses: ZoneAddress[] = addresses.flatMap((a) =>
    a.AvailabilityZone
      ? [
          {
            availabilityZone: a.AvailabilityZone,
            ...(a.AllocationId ? { allocationId: a.AllocationId } : {}),
            ...(a.PublicIp ? { publicIp: a.PublicIp } : {}),
            ...(a.PrivateIp ? { privateIp: a.PrivateIp } : {}),
            ...(a.NetworkInterfaceId ? { networkInterfaceId: a.NetworkInterfaceId } : {}),
          },
        ]
      : [],
  );
  return {
    zoneAddresses,
    ...(gateway.AutoProvisionZones ? { autoProvisionZones: gateway.AutoProvisionZones } : {}),
    ...(gateway.AutoScalingIps ? { autoScalingIps: gateway.AutoScalingIps } : {}),
    ...(gateway.RouteTableId ? { routeTableId: gateway.RouteTableId } : {}),
  };
}

function toAppliance(appliance: NatGatewayAttachedAppliance): AttachedAppliance {
  return {
    type: appliance.Type ?? 'unknown',
    ...(appliance.ApplianceArn ? { applianceArn: appliance.ApplianceArn } : {}),
    ...(appliance.AttachmentState ? { attachmentState: appliance.AttachmentState } : {}),
  };
}

function toRoute(route: SdkRoute): Route | undefined {
  const destination =
    route.DestinationCidrBlock ?? route.DestinationPrefixListId ?? route.DestinationIpv6CidrBlock;
  if (!destination) return undefined;
  const other =
    route.TransitGatewayId ??
    route.VpcPeeringConnectionId ??
    route.NetworkInterfaceId ??
    route.InstanceId ??
    route.EgressOnlyInternetGatewayId ??
    route.LocalGatewayId ??
    route.CarrierGatewayId ??
    route.CoreNetworkArn;
  return {
    destination,
    ...(route.DestinationCidrBlock ? { destinationCidrBlock: route.DestinationCidrBlock } : {}),
    ...(route.DestinationPrefixListId ? { destinationPrefixListId: route.DestinationPrefixListId } : {}),
    ...(route.NatGatewayId ? { natGatewayId: route.NatGatewayId } : {}),
    ...(route.GatewayId?.startsWith('vpce-') ? { vpcEndpointId: route.GatewayId } : {}),
    ...(route.GatewayId && !route.GatewayId.startsWith('vpce-') ? { gatewayId: route.GatewayId } : {}),
    ...(other ? { otherTarget: other } : {}),
    state: route.State === 'blackhole' ? 'blackhole' : 'active',
  };
}

/** Subnets with no explicit association use their VPC's main table; DescribeRouteTables does not list them. */
export function toRouteTables(tables: SdkRouteTable[], subnets: Subnet[]): RouteTable[] {
  const explicit = new Set<string>();
  for (const table of tables)
    for (const a of table.Associations ?? []) if (a.SubnetId) explicit.add(a.SubnetId);
  return tables.map((table) => {
    const vpcId = table.VpcId ?? '';
    const main = (table.Associations ?? []).some((a) => a.Main);
    const explicitSubnetIds = (table.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : []));
    const implicit = main ? subnets.filter((s) => s.vpcId === vpcId && !explicit.has(s.subnetId)) : [];
    return {
      routeTableId: table.RouteTableId ?? '',
      vpcId,
      main,
      explicitSubnetIds,
      subnetIds: [...explicitSubnetIds, ...implicit.map((s) => s.subnetId)],
      tags: tagsOf(table.Tags),
      routes: (table.Routes ?? []).flatMap((r) => toRoute(r) ?? []),
    };
  });
}

export interface InventoryScope {
  /** Limit to these VPCs (all when absent). */
  vpcIds?: string[];
  /**
   * Only what routing decisions need (subnets, route tables, NAT gateways, Elastic IPs): four describes instead
   * of seven, for jobs that run every few minutes.
   */
  routingOnly?: boolean;
  /** With `routingOnly`: the VPCs too (failover reads their opt-in tags), still without endpoints and prefix lists. */
  withVpcs?: boolean;
}

const NONE = Promise.resolve([]);

export async function loadInventory(
  ec2: EC2Client,
  region: string,
  scope: InventoryScope = {},
): Promise<Inventory> {
  const vpcFilter: Filter[] = scope.vpcIds ? [{ Name: 'vpc-id', Values: scope.vpcIds }] : [];
  const full = !scope.routingOnly;
  const client = { client: ec2, pageSize: PAGE_SIZE };
  const routeTableInput: DescribeRouteTablesCommandInput = { Filters: vpcFilter };
  const [vpcs, sdkSubnets, tables, gateways, addresses, endpoints, prefixLists] = await Promise.all([
    full || scope.withVpcs
      ? collect(paginateDescribeVpcs(client, { Filters: vpcFilter }), (p) => p.Vpcs)
      : NONE,
    collect(paginateDescribeSubnets(client, { Filters: vpcFilter }), (p) => p.Subnets),
    collect(
      paginateDescribeRouteTables({ client: ec2, pageSize: ROUTE_TABLE_PAGE_SIZE }, routeTableInput),
      (p) => p.RouteTables,
    ),
    collect(paginateDescribeNatGateways(client, { Filter: vpcFilter }), (p) => p.NatGateways),
    ec2.send(new DescribeAddressesCommand({})).then((r) => r.Addresses ?? []),
    full
      ? collect(paginateDescribeVpcEndpoints(client, { Filters: vpcFilter }), (p) => p.VpcEndpoints)
      : NONE,
    full ? collect(paginateDescribePrefixLists(client, {}), (p) => p.PrefixLists) : NONE,
  ]);
  const subnets: Subnet[] = sdkSubnets.map((s) => ({
    subnetId: s.SubnetId ?? '',
    vpcId: s.VpcId ?? '',
    availabilityZone: s.AvailabilityZone ?? '',
    cidrBlock: s.CidrBlock ?? '',
    tags: tagsOf(s.Tags),
  }));
  const subnetAz = new Map(subnets.map((s) => [s.subnetId, s.availabilityZone]));
  const elasticIps: ElasticIp[] = addresses.map((a) => ({
    allocationId: a.AllocationId ?? '',
    publicIp: a.PublicIp ?? '',
    ...(a.AssociationId ? { associationId: a.AssociationId } : {}),
    ...(a.NetworkInterfaceId ? { networkInterfaceId: a.NetworkInterfaceId } : {}),
    tags: tagsOf(a.Tags),
  }));
  return {
    region,
    vpcs: vpcs.map((v) => ({ vpcId: v.VpcId ?? '', cidrBlock: v.CidrBlock ?? '', tags: tagsOf(v.Tags) })),
    subnets,
    routeTables: toRouteTables(tables, subnets),
    natGateways: gateways.map((g) => toNatGateway(g, subnetAz)),
    elasticIps,
    vpcEndpoints: endpoints.map((e) => ({
      vpcEndpointId: e.VpcEndpointId ?? '',
      vpcId: e.VpcId ?? '',
      serviceName: e.ServiceName ?? '',
      vpcEndpointType: e.VpcEndpointType ?? '',
      routeTableIds: e.RouteTableIds ?? [],
      ...(e.State ? { state: e.State } : {}),
      tags: tagsOf(e.Tags),
    })),
    prefixLists: prefixLists.map((p) => ({
      prefixListId: p.PrefixListId ?? '',
      prefixListName: p.PrefixListName ?? '',
    })),
  };
}
