// Which S3/DynamoDB gateway endpoints a VPC needs, on which route tables, and what they would save. Pure.

import { routesDefaultThrough, subnetShare } from '../analysis/findings/route-tables';
import type { ServiceTraffic, TrafficByService } from '../metric-series';
import { DEFAULT_ROUTE, type Inventory, type RouteTable, type VpcEndpoint } from '../model';
import { monthlyDataCost } from '../pricing/cost-model';
import { MANAGED_TAG } from '../tag-keys';

export const GATEWAY_ENDPOINT_SERVICES = ['s3', 'dynamodb'] as const;
export type GatewayEndpointService = (typeof GATEWAY_ENDPOINT_SERVICES)[number];

const TRAFFIC_KEY: Record<GatewayEndpointService, keyof ServiceTraffic> = { s3: 'S3', dynamodb: 'DYNAMODB' };

/** Endpoint states in which it no longer routes anything. */
const DEAD_ENDPOINT_STATES: ReadonlySet<string> = new Set([
  'deleting',
  'deleted',
  'failed',
  'rejected',
  'expired',
]);

export function gatewayServiceName(region: string, service: GatewayEndpointService): string {
  return `com.amazonaws.${region}.${service}`;
}

/**
 * - create: no live endpoint of the service in the VPC: a new one on `routeTableIds`.
 * - extend: an endpoint exists and lacks `routeTableIds`; asked to add them.
 * - skip: an endpoint exists and lacks `routeTableIds`, but extending was not asked for.
 * - none: every NAT-routed table already reaches the service through an endpoint.
 */
export type EndpointAction = 'create' | 'extend' | 'skip' | 'none';

export interface EndpointStep {
  service: GatewayEndpointService;
  serviceName: string;
  action: EndpointAction;
  /** The existing endpoint (extend, skip, none). */
  vpcEndpointId?: string;
  routeTableIds: string[];
  reason: string;
  /** USD/month the step takes off NAT data processing; null when no gateway involved has attribution. */
  estimatedMonthlySavings: number | null;
  /** Gateways whose tables the step covers but whose traffic is not attributed. */
  unattributedNatGatewayIds: string[];
}

export interface EndpointPlanInput {
  inventory: Inventory;
  vpcId: string;
  services: readonly GatewayEndpointService[];
  extendExisting: boolean;
  traffic: TrafficByService | undefined;
  /** Billed hours of each gateway in the attribution window. */
  observedHours: Readonly<Record<string, number>>;
  perGbPrice: number;
}

export interface EndpointPlan {
  vpcId: string;
  /** Private route tables of the VPC whose default route targets a NAT gateway. */
  natRouteTableIds: string[];
  steps: EndpointStep[];
}

export function natRoutedTables(inventory: Inventory, vpcId: string): RouteTable[] {
  return inventory.routeTables.filter(
    (table) =>
      table.vpcId === vpcId &&
      table.routes.some((route) => route.destination === DEFAULT_ROUTE && route.natGatewayId !== undefined),
  );
}

export function liveGatewayEndpoints(
  inventory: Inventory,
  vpcId: string,
  serviceName: string,
): VpcEndpoint[] {
  return inventory.vpcEndpoints.filter(
    (endpoint) =>
      endpoint.vpcId === vpcId &&
      endpoint.serviceName === serviceName &&
      endpoint.vpcEndpointType.toLowerCase() === 'gateway' &&
      !DEAD_ENDPOINT_STATES.has((endpoint.state ?? '').toLowerCase()),
  );
}

/** Tables that already reach the service through a gateway endpoint: associated, or holding its prefix-list route. */
export function tablesReachingService(inventory: Inventory, vpcId: string, serviceName: string): Set<string> {
  const covered = new Set(
    liveGatewayEndpoints(inventory, vpcId, serviceName).flatMap((e) => e.routeTableIds),
  );
  const prefixLists = new Set(
    inventory.prefixLists
      .filter((list) => list.prefixListName === serviceName)
      .map((list) => list.prefixListId),
  );
  for (const table of inventory.routeTables) {
    const routed = table.routes.some(
      (route) =>
        route.state === 'active' &&
        route.vpcEndpointId !== undefined &&
        route.destinationPrefixListId !== undefined &&
        prefixLists.has(route.destinationPrefixListId),
    );
    if (routed) covered.add(table.routeTableId);
  }
  return covered;
}

/** The endpoint to extend: the optimizer's own first, then the oldest id for a stable choice. */
function endpointToExtend(endpoints: VpcEndpoint[]): VpcEndpoint | undefined {
  const ours = endpoints.filter((e) => e.tags[MANAGED_TAG.key] === MANAGED_TAG.value);
  return [...(ours.length > 0 ? ours : endpoints)].sort((a, b) =>
    a.vpcEndpointId.localeCompare(b.vpcEndpointId),
  )[0];
}

function savingsOf(
  input: EndpointPlanInput,
  service: GatewayEndpointService,
  gained: readonly RouteTable[],
): Pick<EndpointStep, 'estimatedMonthlySavings' | 'unattributedNatGatewayIds'> {
  const gatewayIds = [
    ...new Set(
      gained.flatMap((t) =>
        t.routes.flatMap((r) => (r.destination === DEFAULT_ROUTE ? (r.natGatewayId ?? []) : [])),
      ),
    ),
  ].sort();
  const allTables = natRoutedTables(input.inventory, input.vpcId);
  let total = 0;
  let attributed = 0;
  const unattributed: string[] = [];
  for (const natGatewayId of gatewayIds) {
    const bytes = input.traffic?.[natGatewayId]?.[TRAFFIC_KEY[service]];
    if (bytes === undefined) {
      unattributed.push(natGatewayId);
      continue;
    }
    const gatewayTables = allTables.filter((t) => routesDefaultThrough(t, natGatewayId));
    const mine = gained.filter((t) => routesDefaultThrough(t, natGatewayId));
    const hours = input.observedHours[natGatewayId] ?? 0;
    total += monthlyDataCost(bytes * subnetShare(mine, gatewayTables), hours, input.perGbPrice);
    attributed += 1;
  }
  return {
    estimatedMonthlySavings: attributed > 0 ? total : null,
    unattributedNatGatewayIds: unattributed,
  };
}

function planService(
  input: EndpointPlanInput,
  service: GatewayEndpointService,
  natTables: RouteTable[],
): EndpointStep {
  const serviceName = gatewayServiceName(input.inventory.region, service);
  const covered = tablesReachingService(input.inventory, input.vpcId, serviceName);
  const missing = natTables.filter((t) => !covered.has(t.routeTableId));
  const existing = endpointToExtend(liveGatewayEndpoints(input.inventory, input.vpcId, serviceName));
  const step = (action: EndpointAction, reason: string): EndpointStep => {
    const savings =
      missing.length > 0
        ? savingsOf(input, service, missing)
        : { estimatedMonthlySavings: 0, unattributedNatGatewayIds: [] };
    return {
      service,
      serviceName,
      action,
      ...(existing ? { vpcEndpointId: existing.vpcEndpointId } : {}),
      routeTableIds: missing.map((t) => t.routeTableId),
      reason,
      ...savings,
    };
  };
  if (natTables.length === 0)
    return step('none', 'no route table of the VPC sends 0.0.0.0/0 to a NAT gateway');
  if (missing.length === 0)
    return step('none', 'every NAT-routed table already reaches it through an endpoint');
  if (!existing) {
    const created = step('create', `no ${service} gateway endpoint in the VPC`);
    if (created.estimatedMonthlySavings !== 0 || created.unattributedNatGatewayIds.length > 0) return created;
    return {
      ...created,
      reason: `${created.reason}; no ${service} traffic measured through NAT (the endpoint is free)`,
    };
  }
  if (!input.extendExisting) {
    return step(
      'skip',
      `${existing.vpcEndpointId} exists without these tables; pass --extend-existing to add them`,
    );
  }
  return step('extend', `${existing.vpcEndpointId} exists without these tables`);
}

export function planEndpoints(input: EndpointPlanInput): EndpointPlan {
  const natTables = natRoutedTables(input.inventory, input.vpcId);
  return {
    vpcId: input.vpcId,
    natRouteTableIds: natTables.map((t) => t.routeTableId),
    steps: input.services.map((service) => planService(input, service, natTables)),
  };
}
