// Contract 2, regional NAT gateways: their AZs, addresses, route table and per-AZ metrics must hold together.
import type { Snapshot } from './snapshot-schema';

/** AWS: up to 32 IPv4 addresses per AZ of a regional NAT gateway. */
export const MAX_ADDRESSES_PER_ZONE = 32;
const LIVE_STATES: ReadonlySet<string> = new Set(['pending', 'available', 'deleting']);

/** Allocation ids held by live gateways, each with the field that holds it. */
function heldAllocations(snapshot: Snapshot): Map<string, string[]> {
  const held = new Map<string, string[]>();
  const hold = (id: string, field: string) => held.set(id, [...(held.get(id) ?? []), field]);
  snapshot.natGateways.forEach((gateway, i) => {
    if (!LIVE_STATES.has(gateway.state)) return;
    if (gateway.allocationId) hold(gateway.allocationId, `natGateways[${i}].allocationId`);
    (gateway.secondaryAllocationIds ?? []).forEach((id, j) => {
      hold(id, `natGateways[${i}].secondaryAllocationIds[${j}]`);
    });
    (gateway.availabilityZoneAddresses ?? []).forEach((zone, j) => {
      zone.allocationIds.forEach((id, k) => {
        hold(id, `natGateways[${i}].availabilityZoneAddresses[${j}].allocationIds[${k}]`);
      });
    });
  });
  return held;
}

function metricProblems(snapshot: Snapshot, zones: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const modeOf = new Map(snapshot.natGateways.map((g) => [g.natGatewayId, g.availabilityMode ?? 'zonal']));
  for (const [natGatewayId, series] of Object.entries(snapshot.metrics.natGateways)) {
    const where = `metrics.natGateways.${natGatewayId}`;
    const { byAvailabilityZone, ...byMetric } = series;
    if (modeOf.get(natGatewayId) === 'regional') {
      const [metric] = Object.keys(byMetric);
      if (metric !== undefined)
        problems.push(
          `${where}.${metric}: a regional gateway publishes per AZ only: put its series under byAvailabilityZone.<az>`,
        );
    } else if (byAvailabilityZone !== undefined) {
      problems.push(`${where}.byAvailabilityZone: only a regional gateway has metrics per AZ`);
    }
    for (const zone of Object.keys(byAvailabilityZone ?? {}))
      if (!zones.has(zone)) problems.push(`${where}.byAvailabilityZone.${zone}: unknown availability zone`);
  }
  return problems;
}

export function regionalGatewayProblems(snapshot: Snapshot, allocationIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const zones = new Set(snapshot.subnets.map((s) => s.availabilityZone));
  const tableVpc = new Map(snapshot.routeTables.map((t) => [t.routeTableId, t.vpcId]));
  snapshot.natGateways.forEach((gateway, i) => {
    if (gateway.availabilityMode !== 'regional') return;
    const where = `natGateways[${i}]`;
    const seen = new Set<string>();
    (gateway.availabilityZoneAddresses ?? []).forEach((entry, j) => {
      const field = `${where}.availabilityZoneAddresses[${j}]`;
      if (!zones.has(entry.availabilityZone))
        problems.push(`${field}.availabilityZone: unknown availability zone ${entry.availabilityZone}`);
      if (seen.has(entry.availabilityZone))
        problems.push(`${field}.availabilityZone: ${entry.availabilityZone} is listed twice`);
      seen.add(entry.availabilityZone);
      if (entry.allocationIds.length > MAX_ADDRESSES_PER_ZONE)
        problems.push(`${field}.allocationIds: at most ${MAX_ADDRESSES_PER_ZONE} addresses per AZ`);
      entry.allocationIds.forEach((id, k) => {
        if (!allocationIds.has(id)) problems.push(`${field}.allocationIds[${k}]: unknown Elastic IP ${id}`);
      });
    });
    if (gateway.routeTableId !== undefined) {
      const vpc = tableVpc.get(gateway.routeTableId);
      if (vpc === undefined)
        problems.push(`${where}.routeTableId: unknown route table ${gateway.routeTableId}`);
      else if (vpc !== gateway.vpcId)
        problems.push(
          `${where}.routeTableId: route table ${gateway.routeTableId} is in ${vpc}, not ${gateway.vpcId}`,
        );
    }
  });
  for (const [allocationId, fields] of heldAllocations(snapshot)) {
    if (fields.length > 1 && fields.some((f) => f.includes('availabilityZoneAddresses')))
      problems.push(`${fields[1]}: Elastic IP ${allocationId} is also held by ${fields[0]}`);
  }
  return [...problems, ...metricProblems(snapshot, zones)];
}
