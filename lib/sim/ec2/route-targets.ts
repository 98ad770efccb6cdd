// How routes are stored (snapshot keys) and shown (SDK fields), and which targets a route may use.
import type { CreateRouteCommandInput, Route } from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import type { RouteTargetKey, SnapshotRoute } from '../snapshot-schema';
import { invalidParameterCombination, invalidParameterValue } from './ec2-errors';

type TargetParameter = keyof CreateRouteCommandInput & keyof Route;

/** Request parameter → snapshot key. `VpcEndpointId` has no field in Route: AWS shows it as GatewayId. */
const TARGET_KEYS: Record<RouteTargetKey, keyof CreateRouteCommandInput> = {
  gatewayId: 'GatewayId',
  natGatewayId: 'NatGatewayId',
  vpcEndpointId: 'VpcEndpointId',
  transitGatewayId: 'TransitGatewayId',
  vpcPeeringConnectionId: 'VpcPeeringConnectionId',
  networkInterfaceId: 'NetworkInterfaceId',
  egressOnlyInternetGatewayId: 'EgressOnlyInternetGatewayId',
  localGatewayId: 'LocalGatewayId',
  carrierGatewayId: 'CarrierGatewayId',
  instanceId: 'InstanceId',
  coreNetworkArn: 'CoreNetworkArn',
};
const TARGET_ENTRIES = Object.entries(TARGET_KEYS) as Array<[RouteTargetKey, keyof CreateRouteCommandInput]>;
const LOCAL_GATEWAY = 'local';
const ENDPOINT_PREFIX = 'vpce-';

export interface RouteTarget {
  key: RouteTargetKey;
  id: string;
}

export interface Destination {
  key: 'destinationCidrBlock' | 'destinationPrefixListId' | 'destinationIpv6CidrBlock';
  value: string;
}

type DestinationInput = Pick<
  CreateRouteCommandInput,
  'DestinationCidrBlock' | 'DestinationPrefixListId' | 'DestinationIpv6CidrBlock'
>;

export function destinationOf(sim: SimAccount, input: DestinationInput): Destination {
  const given: Destination[] = [];
  if (input.DestinationCidrBlock)
    given.push({ key: 'destinationCidrBlock', value: input.DestinationCidrBlock });
  if (input.DestinationPrefixListId)
    given.push({ key: 'destinationPrefixListId', value: input.DestinationPrefixListId });
  if (input.DestinationIpv6CidrBlock)
    given.push({ key: 'destinationIpv6CidrBlock', value: input.DestinationIpv6CidrBlock });
  const [only, ...more] = given;
  if (!only || more.length > 0) {
    throw invalidParameterCombination(
      sim,
      'Exactly one of destinationCidrBlock, destinationIpv6CidrBlock and destinationPrefixListId must be specified',
    );
  }
  return only;
}

export function targetOf(sim: SimAccount, input: CreateRouteCommandInput): RouteTarget {
  const given: RouteTarget[] = [];
  for (const [key, parameter] of TARGET_ENTRIES) {
    const value = input[parameter];
    if (typeof value !== 'string' || value === '') continue;
    const storedKey = key === 'gatewayId' && value.startsWith(ENDPOINT_PREFIX) ? 'vpcEndpointId' : key;
    given.push({ key: storedKey, id: value });
  }
  const [only, ...more] = given;
  if (!only) throw invalidParameterCombination(sim, 'No route target specified');
  if (more.length > 0) throw invalidParameterCombination(sim, 'More than one target specified');
  return only;
}

export function storedTarget(route: SnapshotRoute): RouteTarget | undefined {
  for (const [key] of TARGET_ENTRIES) {
    const id = route[key];
    if (typeof id === 'string') return { key, id };
  }
  return undefined;
}

export function destinationMatches(route: SnapshotRoute, destination: Destination): boolean {
  return route[destination.key] === destination.value;
}

export function isLocal(route: SnapshotRoute): boolean {
  return route.gatewayId === LOCAL_GATEWAY;
}

export function setTarget(route: SnapshotRoute, target: RouteTarget): void {
  for (const [key] of TARGET_ENTRIES) delete route[key];
  route[target.key] = target.id;
}

/** The target as DescribeRouteTables shows it. */
export function targetFields(target: RouteTarget | undefined): Partial<Record<TargetParameter, string>> {
  if (!target) return {};
  if (target.key === 'vpcEndpointId') return { GatewayId: target.id };
  const parameter = TARGET_KEYS[target.key];
  return parameter === 'VpcEndpointId' ? {} : { [parameter]: target.id };
}

export function differentNetworks(sim: SimAccount, routeTableId: string, targetId: string): Error {
  return invalidParameterValue(
    sim,
    `route table ${routeTableId} and network gateway ${targetId} belong to different networks`,
  );
}
