// Contract 2: the references between the resources of a snapshot. Every problem names the field that holds it.
import { regionalGatewayProblems } from './snapshot-regional';
import type { Snapshot } from './snapshot-schema';

type Problems = string[];

function uniqueIds(problems: Problems, ids: readonly string[], key: string, where: string): Set<string> {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) problems.push(`${where}[${index}].${key}: duplicate id ${id}`);
    seen.add(id);
  });
  return seen;
}

function known(problems: Problems, ids: ReadonlySet<string>, id: string, field: string, what: string): void {
  if (!ids.has(id)) problems.push(`${field}: unknown ${what} ${id}`);
}

function checkRouteTables(
  problems: Problems,
  snapshot: Snapshot,
  vpcIds: Set<string>,
  subnetIds: Set<string>,
) {
  const endpointIds = new Set(snapshot.vpcEndpoints.map((e) => e.vpcEndpointId));
  const mains = new Map<string, number>();
  snapshot.routeTables.forEach((table, i) => {
    known(problems, vpcIds, table.vpcId, `routeTables[${i}].vpcId`, 'VPC');
    table.subnetIds.forEach((subnetId, j) => {
      known(problems, subnetIds, subnetId, `routeTables[${i}].subnetIds[${j}]`, 'subnet');
    });
    table.routes.forEach((route, j) => {
      if (typeof route.vpcEndpointId === 'string')
        known(
          problems,
          endpointIds,
          route.vpcEndpointId,
          `routeTables[${i}].routes[${j}].vpcEndpointId`,
          'VPC endpoint',
        );
    });
    if (table.main) mains.set(table.vpcId, (mains.get(table.vpcId) ?? 0) + 1);
  });
  for (const [vpcId, count] of mains) {
    if (count > 1) problems.push(`routeTables: VPC ${vpcId} has ${count} main route tables`);
  }
}

function checkNatGateways(
  problems: Problems,
  snapshot: Snapshot,
  vpcIds: Set<string>,
  allocationIds: Set<string>,
) {
  const subnetVpc = new Map(snapshot.subnets.map((s) => [s.subnetId, s.vpcId]));
  snapshot.natGateways.forEach((gateway, i) => {
    known(problems, vpcIds, gateway.vpcId, `natGateways[${i}].vpcId`, 'VPC');
    if (gateway.subnetId === undefined) return; // regional: regionalGatewayProblems
    const vpcOfSubnet = subnetVpc.get(gateway.subnetId);
    if (vpcOfSubnet === undefined)
      problems.push(`natGateways[${i}].subnetId: unknown subnet ${gateway.subnetId}`);
    else if (vpcOfSubnet !== gateway.vpcId)
      problems.push(
        `natGateways[${i}].subnetId: subnet ${gateway.subnetId} is in ${vpcOfSubnet}, not ${gateway.vpcId}`,
      );
    if (gateway.connectivityType !== 'public' || gateway.state === 'deleted') return;
    if (gateway.allocationId === undefined) {
      problems.push(`natGateways[${i}].allocationId: required for a public gateway`);
    } else {
      known(problems, allocationIds, gateway.allocationId, `natGateways[${i}].allocationId`, 'Elastic IP');
    }
  });
}

/** Duplicate ids, and references to resources the snapshot does not hold. */
export function referenceProblems(snapshot: Snapshot): string[] {
  const problems: Problems = [];
  const vpcIds = uniqueIds(
    problems,
    snapshot.vpcs.map((v) => v.vpcId),
    'vpcId',
    'vpcs',
  );
  const subnetIds = uniqueIds(
    problems,
    snapshot.subnets.map((s) => s.subnetId),
    'subnetId',
    'subnets',
  );
  const tableIds = uniqueIds(
    problems,
    snapshot.routeTables.map((t) => t.routeTableId),
    'routeTableId',
    'routeTables',
  );
  uniqueIds(
    problems,
    snapshot.natGateways.map((g) => g.natGatewayId),
    'natGatewayId',
    'natGateways',
  );
  uniqueIds(
    problems,
    snapshot.vpcEndpoints.map((e) => e.vpcEndpointId),
    'vpcEndpointId',
    'vpcEndpoints',
  );
  const allocationIds = uniqueIds(
    problems,
    snapshot.elasticIps.map((e) => e.allocationId),
    'allocationId',
    'elasticIps',
  );
  snapshot.subnets.forEach((subnet, i) => {
    known(problems, vpcIds, subnet.vpcId, `subnets[${i}].vpcId`, 'VPC');
  });
  snapshot.internetGateways.forEach((gateway, i) => {
    known(problems, vpcIds, gateway.vpcId, `internetGateways[${i}].vpcId`, 'VPC');
  });
  checkRouteTables(problems, snapshot, vpcIds, subnetIds);
  checkNatGateways(problems, snapshot, vpcIds, allocationIds);
  problems.push(...regionalGatewayProblems(snapshot, allocationIds));
  snapshot.vpcEndpoints.forEach((endpoint, i) => {
    known(problems, vpcIds, endpoint.vpcId, `vpcEndpoints[${i}].vpcId`, 'VPC');
    endpoint.routeTableIds.forEach((tableId, j) => {
      known(problems, tableIds, tableId, `vpcEndpoints[${i}].routeTableIds[${j}]`, 'route table');
    });
  });
  return problems;
}
