// CreateRoute / ReplaceRoute / DeleteRoute with AWS's error codes. A route to a gateway that is still
// pending is accepted, as AWS accepts it: keeping routes off such gateways is the caller's job.
import type {
  CreateRouteCommandInput,
  CreateRouteResult,
  DeleteRouteCommandInput,
  ReplaceRouteCommandInput,
} from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import type { Snapshot, SnapshotRoute } from '../snapshot-schema';
import { findNatGateway } from './ec2-context';
import { invalidParameterValue, missingParameter, refuseDryRun } from './ec2-errors';
import { LIVE_STATES } from './nat-lifecycle-state';
import {
  type Destination,
  destinationMatches,
  destinationOf,
  differentNetworks,
  isLocal,
  type RouteTarget,
  setTarget,
  targetOf,
} from './route-targets';

type RouteTable = Snapshot['routeTables'][number];

const LOCAL_GATEWAY = 'local';
const INTERNET_GATEWAY_PREFIX = 'igw-';
const DESTINATION_FILTER_NAMES: Record<Destination['key'], string> = {
  destinationCidrBlock: 'destination-cidr-block',
  destinationPrefixListId: 'destination-prefix-list-id',
  destinationIpv6CidrBlock: 'destination-ipv6-cidr-block',
};

export function findRouteTable(sim: SimAccount, routeTableId: string | undefined): RouteTable {
  if (!routeTableId) throw missingParameter(sim, 'RouteTableId');
  const table = sim.state.routeTables.find((candidate) => candidate.routeTableId === routeTableId);
  if (!table)
    throw sim.error(
      'EC2',
      'InvalidRouteTableID.NotFound',
      `The routeTable ID '${routeTableId}' does not exist`,
    );
  return table;
}

/** Checks the target exists and lives in the table's VPC; returns the state the route starts in. */
function checkTarget(sim: SimAccount, table: RouteTable, target: RouteTarget): SnapshotRoute['state'] {
  if (target.key === 'natGatewayId') {
    const gateway = findNatGateway(sim, target.id);
    if (!gateway || gateway.state === 'deleted' || gateway.state === 'failed') {
      throw sim.error(
        'EC2',
        'InvalidNatGatewayID.NotFound',
        `The natGateway ID '${target.id}' does not exist`,
      );
    }
    if (gateway.vpcId !== table.vpcId) throw differentNetworks(sim, table.routeTableId, target.id);
    return LIVE_STATES.has(gateway.state) && gateway.state !== 'deleting' ? undefined : 'blackhole';
  }
  if (target.key === 'gatewayId' && target.id === LOCAL_GATEWAY) {
    throw invalidParameterValue(
      sim,
      `The local route of route table ${table.routeTableId} cannot be created or moved`,
    );
  }
  if (target.key === 'gatewayId' && target.id.startsWith(INTERNET_GATEWAY_PREFIX)) {
    const gateway = sim.state.internetGateways.find((igw) => igw.internetGatewayId === target.id);
    if (!gateway)
      throw sim.error('EC2', 'InvalidGatewayID.NotFound', `The gateway ID '${target.id}' does not exist`);
    if (gateway.vpcId !== table.vpcId) throw differentNetworks(sim, table.routeTableId, target.id);
  }
  if (target.key === 'vpcEndpointId') {
    const endpoint = sim.state.vpcEndpoints.find((vpce) => vpce.vpcEndpointId === target.id);
    if (!endpoint) {
      throw sim.error(
        'EC2',
        'InvalidVpcEndpointId.NotFound',
        `The vpcEndpoint ID '${target.id}' does not exist`,
      );
    }
    if (endpoint.vpcId !== table.vpcId) throw differentNetworks(sim, table.routeTableId, target.id);
  }
  return undefined;
}

function applyTarget(route: SnapshotRoute, target: RouteTarget, state: SnapshotRoute['state']): void {
  setTarget(route, target);
  if (state) route.state = state;
  else delete route.state;
}

export function registerRoutes(sim: SimAccount): void {
  sim.on<CreateRouteCommandInput>('EC2', 'CreateRoute', (input): CreateRouteResult => {
    const table = findRouteTable(sim, input.RouteTableId);
    const destination = destinationOf(sim, input);
    const target = targetOf(sim, input);
    if (table.routes.some((route) => destinationMatches(route, destination))) {
      throw sim.error(
        'EC2',
        'RouteAlreadyExists',
        `The route identified by ${destination.value} already exists.`,
      );
    }
    const state = checkTarget(sim, table, target);
    refuseDryRun(sim, input);
    const route: SnapshotRoute = { [destination.key]: destination.value };
    applyTarget(route, target, state);
    table.routes.push(route);
    return { Return: true };
  });

  sim.on<ReplaceRouteCommandInput>('EC2', 'ReplaceRoute', (input) => {
    const table = findRouteTable(sim, input.RouteTableId);
    const destination = destinationOf(sim, input);
    const target = targetOf(sim, input);
    const route = table.routes.find((candidate) => destinationMatches(candidate, destination));
    if (!route) {
      throw invalidParameterValue(
        sim,
        `There is no route defined for '${destination.value}' in the route table. Use CreateRoute instead.`,
      );
    }
    const state = checkTarget(sim, table, target);
    refuseDryRun(sim, input);
    applyTarget(route, target, state);
    return {};
  });

  sim.on<DeleteRouteCommandInput>('EC2', 'DeleteRoute', (input) => {
    const table = findRouteTable(sim, input.RouteTableId);
    const destination = destinationOf(sim, input);
    const index = table.routes.findIndex((route) => destinationMatches(route, destination));
    const route = table.routes[index];
    if (!route) {
      throw sim.error(
        'EC2',
        'InvalidRoute.NotFound',
        `no route with ${DESTINATION_FILTER_NAMES[destination.key]} ${destination.value} in route table ${table.routeTableId}`,
      );
    }
    if (isLocal(route)) {
      throw invalidParameterValue(
        sim,
        `cannot remove local route ${destination.value} in route table ${table.routeTableId}`,
      );
    }
    refuseDryRun(sim, input);
    table.routes.splice(index, 1);
    return {};
  });
}
