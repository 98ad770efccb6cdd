// The account as the domain sees it: plain data, already normalised by the inventory adapter.

export type Tags = Record<string, string>;

export interface Vpc {
  vpcId: string;
  cidrBlock: string;
  tags: Tags;
}

export interface Subnet {
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  cidrBlock: string;
  tags: Tags;
}

export type RouteState = 'active' | 'blackhole';

export interface Route {
  /** CIDR block or prefix-list id: what identifies the route inside its table. */
  destination: string;
  destinationCidrBlock?: string;
  destinationPrefixListId?: string;
  natGatewayId?: string;
  gatewayId?: string;
  vpcEndpointId?: string;
  /** Any other target (transit gateway, peering, ENI…), kept so nothing is mistaken for "no target". */
  otherTarget?: string;
  state: RouteState;
}

export interface RouteTable {
  routeTableId: string;
  vpcId: string;
  main: boolean;
  /** Subnets associated explicitly. */
  explicitSubnetIds: string[];
  /** Subnets that use this table: explicit ones, plus for the main table every subnet of the VPC with no explicit association. */
  subnetIds: string[];
  tags: Tags;
  routes: Route[];
}

export type NatGatewayState = 'pending' | 'failed' | 'available' | 'deleting' | 'deleted';

export interface NatGateway {
  natGatewayId: string;
  vpcId: string;
  subnetId: string;
  availabilityZone: string;
  state: NatGatewayState;
  connectivityType: 'public' | 'private';
  /** Primary Elastic IP allocation (public gateways). */
  allocationId?: string;
  publicIp?: string;
  privateIp?: string;
  secondaryAllocationIds: string[];
  secondaryPrivateIps: string[];
  /** The gateway's network interface (every address sits on it): what flow logs are attached to. */
  networkInterfaceId?: string;
  createTime?: Date;
  deleteTime?: Date;
  failureCode?: string;
  /** `regional`: one gateway for the VPC, spread over AZs (no subnet, no availabilityZone); absent or `zonal`: one AZ. */
  availabilityMode?: AvailabilityMode;
  /** Regional gateways: every address with the AZ it serves (NatGatewayAddresses[].AvailabilityZone). */
  zoneAddresses?: ZoneAddress[];
  /** Regional gateways: `enabled` is automatic mode (AWS manages AZ coverage and addresses), `disabled` manual. */
  autoProvisionZones?: 'enabled' | 'disabled';
  /** Regional gateways: whether AWS adds addresses in an AZ that runs out of ports. */
  autoScalingIps?: 'enabled' | 'disabled';
  /** Regional gateways: the gateway's own route table (its route to the internet gateway). */
  routeTableId?: string;
  /** Appliances attached to the gateway (e.g. a Network Firewall proxy): such a gateway is never changed. */
  attachedAppliances?: AttachedAppliance[];
  tags: Tags;
}

export type AvailabilityMode = 'zonal' | 'regional';

export interface ZoneAddress {
  availabilityZone: string;
  allocationId?: string;
  publicIp?: string;
  privateIp?: string;
  networkInterfaceId?: string;
}

export interface AttachedAppliance {
  type: string;
  applianceArn?: string;
  attachmentState?: string;
}

export interface ElasticIp {
  allocationId: string;
  publicIp: string;
  associationId?: string;
  networkInterfaceId?: string;
  tags: Tags;
}

export interface VpcEndpoint {
  vpcEndpointId: string;
  vpcId: string;
  serviceName: string;
  vpcEndpointType: string;
  routeTableIds: string[];
  state?: string;
  tags: Tags;
}

export interface PrefixList {
  prefixListId: string;
  prefixListName: string;
}

export interface Inventory {
  region: string;
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  natGateways: NatGateway[];
  elasticIps: ElasticIp[];
  vpcEndpoints: VpcEndpoint[];
  prefixLists: PrefixList[];
}

export const DEFAULT_ROUTE = '0.0.0.0/0';

/** The NAT gateway a table's default route targets now, if any. */
export function defaultRouteTarget(table: RouteTable): string | undefined {
  return table.routes.find((route) => route.destination === DEFAULT_ROUTE)?.natGatewayId;
}

/** Gateways that exist (are billed and can carry traffic). */
export const LIVE_STATES: ReadonlySet<NatGatewayState> = new Set(['pending', 'available', 'deleting']);

/** Gateways that exist and are not going away: they can be tagged, alarmed, reused, and go on being billed. */
export const UP_STATES: ReadonlySet<NatGatewayState> = new Set(['pending', 'available']);
export function isRegional(gateway: NatGateway): boolean {
  return gateway.availabilityMode === 'regional';
}

/**
 * A regional gateway whose AZ coverage AWS manages (automatic mode). Without the flag the mode is unknown and it
 * is treated as automatic: nothing it cannot recreate exactly is ever touched.
 */
export function isAutomaticRegional(gateway: NatGateway): boolean {
  return isRegional(gateway) && gateway.autoProvisionZones !== 'disabled';
}

/** Why nat-optimizer must leave the gateway exactly as it is (an attached appliance), or undefined. */
export function applianceReason(gateway: NatGateway): string | undefined {
  const appliances = gateway.attachedAppliances ?? [];
  if (appliances.length === 0) return undefined;
  const listed = appliances.map((a) => (a.applianceArn ? `${a.type} ${a.applianceArn}` : a.type)).join(', ');
  return `it has an attached appliance (${listed}): nat-optimizer never parks, deletes or fails over such a gateway`;
}

/** The AZs a gateway serves: a zonal gateway's own AZ, the AZs of a regional gateway's addresses (sorted). */
export function gatewayZones(gateway: NatGateway): string[] {
  if (!isRegional(gateway)) return gateway.availabilityZone ? [gateway.availabilityZone] : [];
  return [...new Set((gateway.zoneAddresses ?? []).map((a) => a.availabilityZone))].sort();
}

/** Allocation ids of a regional gateway's addresses per AZ, AZs sorted, in the order AWS lists them. */
export function allocationsByZone(
  gateway: NatGateway,
): Array<{ availabilityZone: string; allocationIds: string[] }> {
  return gatewayZones(gateway).map((availabilityZone) => ({
    availabilityZone,
    allocationIds: (gateway.zoneAddresses ?? []).flatMap((a) =>
      a.availabilityZone === availabilityZone && a.allocationId ? [a.allocationId] : [],
    ),
  }));
}

export function nameOf(resource: { tags: Tags }, fallback: string): string {
  return resource.tags.Name ?? fallback;
}
