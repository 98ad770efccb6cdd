// Reading a snapshot file: JSON, then the schema, then the references between resources.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { type Snapshot, snapshotSchema } from './snapshot-schema';

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${pathOf(issue.path) || '(root)'}: ${issue.message}`)
    .join('; ');
}

function checkReferences(snapshot: Snapshot): string[] {
  const problems: string[] = [];
  const ids = (items: Array<Record<string, unknown>>, key: string, where: string): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const id = String(item[key]);
      if (seen.has(id)) problems.push(`${where}[${index}].${key}: duplicate id ${id}`);
      seen.add(id);
    });
    return seen;
  };
  const vpcIds = ids(snapshot.vpcs, 'vpcId', 'vpcs');
  const subnetIds = ids(snapshot.subnets, 'subnetId', 'subnets');
  ids(snapshot.routeTables, 'routeTableId', 'routeTables');
  ids(snapshot.natGateways, 'natGatewayId', 'natGateways');
  const allocationIds = ids(snapshot.elasticIps, 'allocationId', 'elasticIps');
  snapshot.subnets.forEach((subnet, i) => {
    if (!vpcIds.has(subnet.vpcId)) problems.push(`subnets[${i}].vpcId: unknown VPC ${subnet.vpcId}`);
  });
  snapshot.routeTables.forEach((table, i) => {
    if (!vpcIds.has(table.vpcId)) problems.push(`routeTables[${i}].vpcId: unknown VPC ${table.vpcId}`);
    table.subnetIds.forEach((subnetId, j) => {
      if (!subnetIds.has(subnetId))
        problems.push(`routeTables[${i}].subnetIds[${j}]: unknown subnet ${subnetId}`);
    });
  });
  const mains = new Map<string, number>();
  for (const table of snapshot.routeTables)
    if (table.main) mains.set(table.vpcId, (mains.get(table.vpcId) ?? 0) + 1);
  for (const [vpcId, count] of mains) {
    if (count > 1) problems.push(`routeTables: VPC ${vpcId} has ${count} main route tables`);
  }
  snapshot.natGateways.forEach((gateway, i) => {
    if (!subnetIds.has(gateway.subnetId))
      problems.push(`natGateways[${i}].subnetId: unknown subnet ${gateway.subnetId}`);
    if (gateway.connectivityType === 'public' && gateway.state !== 'deleted') {
      if (gateway.allocationId === undefined) {
        problems.push(`natGateways[${i}].allocationId: required for a public gateway`);
      } else if (!allocationIds.has(gateway.allocationId)) {
        problems.push(`natGateways[${i}].allocationId: unknown Elastic IP ${gateway.allocationId}`);
      }
    }
  });
  return problems;
}

export function parseSnapshot(text: string, source = 'snapshot'): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success)
    throw new SnapshotError(
      `${source} is not a valid account snapshot: ${describeIssues(parsed.error.issues)}`,
    );
  const problems = checkReferences(parsed.data);
  if (problems.length > 0)
    throw new SnapshotError(`${source} is not a valid account snapshot: ${problems.slice(0, 5).join('; ')}`);
  return parsed.data;
}

export async function loadSnapshotFile(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SnapshotError(
      `cannot read snapshot ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return parseSnapshot(text, path);
}
