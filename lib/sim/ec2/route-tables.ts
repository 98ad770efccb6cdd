// DescribeRouteTables. Only explicit subnet associations are listed (plus the main one), as AWS does:
// subnets that fall back to the main table implicitly must be derived from DescribeSubnets.
import type {
  DescribeRouteTablesCommandInput,
  DescribeRouteTablesResult,
  Route,
  RouteTable,
  RouteTableAssociation,
} from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import type { Snapshot, SnapshotRoute } from '../snapshot-schema';
import { describeResources } from './describe-resources';
import { findNatGateway } from './ec2-context';
import type { FilterFields } from './filters';
import { derivedId } from './ids';
import { isLocal, storedTarget, targetFields } from './route-targets';
import { describedTags, toTagList } from './tags';

const ROUTE_TABLE_PAGE_RANGE = { min: 5, max: 100 };
const ROUTING_STATES: ReadonlySet<string> = new Set(['pending', 'available']);

type SnapshotRouteTable = Snapshot['routeTables'][number];

function routeState(sim: SimAccount, route: SnapshotRoute): 'active' | 'blackhole' {
  if (route.state === 'blackhole') return 'blackhole';
  if (typeof route.natGatewayId !== 'string') return 'active';
  const gateway = findNatGateway(sim, route.natGatewayId);
  return gateway && ROUTING_STATES.has(gateway.state) ? 'active' : 'blackhole';
}

function describeRoute(sim: SimAccount, route: SnapshotRoute): Route {
  return {
    ...(route.destinationCidrBlock ? { DestinationCidrBlock: route.destinationCidrBlock } : {}),
    ...(route.destinationPrefixListId ? { DestinationPrefixListId: route.destinationPrefixListId } : {}),
    ...(route.destinationIpv6CidrBlock ? { DestinationIpv6CidrBlock: route.destinationIpv6CidrBlock } : {}),
    ...targetFields(storedTarget(route)),
    Origin: isLocal(route) ? 'CreateRouteTable' : 'CreateRoute',
    State: routeState(sim, route),
  };
}

function associationsOf(table: SnapshotRouteTable): RouteTableAssociation[] {
  const associated = { State: 'associated' } as const;
  const main: RouteTableAssociation[] = table.main
    ? [
        {
          Main: true,
          RouteTableAssociationId: derivedId('rtbassoc', `${table.routeTableId}:main`),
          RouteTableId: table.routeTableId,
          AssociationState: associated,
        },
      ]
    : [];
  return [
    ...main,
    ...table.subnetIds.map((subnetId) => ({
      Main: false,
      SubnetId: subnetId,
      RouteTableAssociationId: derivedId('rtbassoc', `${table.routeTableId}:${subnetId}`),
      RouteTableId: table.routeTableId,
      AssociationState: associated,
    })),
  ];
}

function describeRouteTable(sim: SimAccount, table: SnapshotRouteTable): RouteTable {
  return {
    RouteTableId: table.routeTableId,
    VpcId: table.vpcId,
    OwnerId: sim.state.accountId,
    Associations: associationsOf(table),
    Routes: table.routes.map((route) => describeRoute(sim, route)),
    PropagatingVgws: [],
    Tags: toTagList(table.tags),
  };
}

const routeValues = (table: RouteTable, pick: (route: Route) => string | undefined) =>
  (table.Routes ?? []).map(pick);
const associationValues = (
  table: RouteTable,
  pick: (association: RouteTableAssociation) => string | undefined,
) => (table.Associations ?? []).map(pick);

const FILTER_FIELDS: FilterFields<RouteTable> = {
  'route-table-id': (t) => [t.RouteTableId],
  'vpc-id': (t) => [t.VpcId],
  'owner-id': (t) => [t.OwnerId],
  'route.nat-gateway-id': (t) => routeValues(t, (r) => r.NatGatewayId),
  'route.gateway-id': (t) => routeValues(t, (r) => r.GatewayId),
  'route.transit-gateway-id': (t) => routeValues(t, (r) => r.TransitGatewayId),
  'route.vpc-peering-connection-id': (t) => routeValues(t, (r) => r.VpcPeeringConnectionId),
  'route.state': (t) => routeValues(t, (r) => r.State),
  'route.origin': (t) => routeValues(t, (r) => r.Origin),
  'route.destination-cidr-block': (t) => routeValues(t, (r) => r.DestinationCidrBlock),
  'route.destination-ipv6-cidr-block': (t) => routeValues(t, (r) => r.DestinationIpv6CidrBlock),
  'route.destination-prefix-list-id': (t) => routeValues(t, (r) => r.DestinationPrefixListId),
  'association.subnet-id': (t) => associationValues(t, (a) => a.SubnetId),
  'association.main': (t) => associationValues(t, (a) => String(a.Main)),
  'association.route-table-association-id': (t) => associationValues(t, (a) => a.RouteTableAssociationId),
  'association.route-table-id': (t) => associationValues(t, (a) => a.RouteTableId),
};

export function registerRouteTables(sim: SimAccount): void {
  sim.on<DescribeRouteTablesCommandInput>(
    'EC2',
    'DescribeRouteTables',
    (input): DescribeRouteTablesResult => {
      const { page, nextToken } = describeResources(sim, {
        command: 'DescribeRouteTables',
        input,
        items: sim.state.routeTables,
        idOf: (table) => table.routeTableId,
        requestedIds: input.RouteTableIds,
        notFound: { code: 'InvalidRouteTableID.NotFound', noun: 'routeTable' },
        describe: (table) => describeRouteTable(sim, table),
        fields: FILTER_FIELDS,
        tagsOf: describedTags,
        pageRange: ROUTE_TABLE_PAGE_RANGE,
      });
      return { RouteTables: page, NextToken: nextToken };
    },
  );
}
