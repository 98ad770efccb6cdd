import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulatedAccount } from '../../../lib/sim/simulated-account';
import { parseSnapshot, SnapshotError } from '../../../lib/sim/snapshot-load';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { EXAMPLE_ACCOUNT } from '../../fixtures/analysis-account';

const EXAMPLE_TEXT = readFileSync(EXAMPLE_ACCOUNT, 'utf8');

function example(): Snapshot {
  return parseSnapshot(EXAMPLE_TEXT);
}

function rejection(snapshot: unknown): string {
  try {
    parseSnapshot(JSON.stringify(snapshot), 'edited.json');
  } catch (error) {
    if (error instanceof SnapshotError) return error.message;
    throw error;
  }
  throw new Error('the snapshot was accepted');
}

describe('parseSnapshot', () => {
  it('should accept the bundled example account', () => {
    // Act
    const snapshot = example();

    // Assess
    expect(snapshot).toMatchObject({ accountId: '111122223333', region: 'us-east-1' });
    expect(snapshot.natGateways).toHaveLength(7);
  });

  it('should keep unknown fields at every level and write them back out unchanged', () => {
    // Prepare
    const snapshot = example();
    const gateway = snapshot.natGateways[0];
    const route = snapshot.routeTables[2]?.routes[1];
    const edited = {
      ...snapshot,
      comment: 'captured by hand',
      natGateways: [{ ...gateway, owner: 'team-net' }, ...snapshot.natGateways.slice(1)],
      routeTables: snapshot.routeTables.map((table, i) =>
        i === 2 ? { ...table, routes: [table.routes[0], { ...route, origin: 'CreateRoute' }] } : table,
      ),
      metrics: { ...snapshot.metrics, source: 'cloudwatch' },
    };

    // Act
    const account = createSimulatedAccount(parseSnapshot(JSON.stringify(edited)));
    const written = JSON.parse(JSON.stringify(account.sim.toSnapshot()));

    // Assess
    expect(written).toMatchObject({ comment: 'captured by hand', metrics: { source: 'cloudwatch' } });
    expect(written.natGateways[0]).toMatchObject({ owner: 'team-net' });
    expect(written.routeTables[2].routes[1]).toMatchObject({ origin: 'CreateRoute' });
    expect(parseSnapshot(JSON.stringify(written))).toEqual(written);
  });

  it('should write back the snapshot it read when nothing happened, endpoints with empty tags', () => {
    // Prepare
    const read = JSON.parse(EXAMPLE_TEXT);
    const endpoints: Array<Record<string, unknown>> = read.vpcEndpoints;

    // Act
    const written = createSimulatedAccount(example()).sim.toSnapshot();

    // Assess
    expect(JSON.parse(JSON.stringify(written))).toEqual({
      ...read,
      vpcEndpoints: endpoints.map((endpoint) => ({ tags: {}, ...endpoint })),
    });
  });

  it('should name the source and say the text is not JSON', () => {
    // Act
    const parsing = () => parseSnapshot('{"format": ', 'broken.json');

    // Assess
    expect(parsing).toThrow(SnapshotError);
    expect(parsing).toThrow(/^broken\.json is not valid JSON/);
  });

  it('should name a missing required field', () => {
    // Prepare
    const { natGateways: _dropped, ...snapshot } = example();

    // Act
    const message = rejection(snapshot);

    // Assess
    expect(message).toMatch(/^edited\.json is not a valid account snapshot: natGateways: /);
  });

  it('should name the format field when the format is another one', () => {
    // Act
    const message = rejection({ ...example(), format: 'nat-optimizer/account-snapshot@2' });

    // Assess
    expect(message).toContain('format:');
  });

  it('should name the route that has two targets', () => {
    // Prepare
    const snapshot = example();
    const route = snapshot.routeTables[2]?.routes[1];
    if (route) route.gatewayId = 'igw-a9afb1aa2ffccdfd9';

    // Act
    const message = rejection(snapshot);

    // Assess
    expect(message).toContain('routeTables[2].routes[1]: a route needs exactly one target, found 2');
  });

  it('should name the field and value of a metric that is negative', () => {
    // Prepare
    const snapshot = example();
    const series = Object.values(snapshot.metrics.natGateways)[0]?.BytesInFromSource;
    if (series) series[5] = -1;

    // Act
    const message = rejection(snapshot);

    // Assess
    expect(message).toMatch(/metrics\.natGateways\.nat-[0-9a-f]+\.BytesInFromSource\[5\]/);
  });

  it('should name a duplicate gateway id', () => {
    // Prepare
    const snapshot = example();
    const first = snapshot.natGateways[0];
    if (first) snapshot.natGateways.push(structuredClone(first));

    // Act
    const message = rejection(snapshot);

    // Assess
    expect(message).toContain(`natGateways[7].natGatewayId: duplicate id ${first?.natGatewayId}`);
  });

  it('should name a duplicate route table id', () => {
    // Prepare
    const snapshot = example();
    const [first, second] = snapshot.routeTables;
    if (first && second) second.routeTableId = first.routeTableId;

    // Act
    const message = rejection(snapshot);

    // Assess
    expect(message).toContain(`routeTables[1].routeTableId: duplicate id ${first?.routeTableId}`);
  });

  it.each([
    [
      'a subnet of an unknown VPC',
      (s: Snapshot) => Object.assign(s.subnets[0] ?? {}, { vpcId: 'vpc-0000' }),
      'subnets[0].vpcId: unknown VPC vpc-0000',
    ],
    [
      'a route table listing an unknown subnet',
      (s: Snapshot) => s.routeTables[2]?.subnetIds.push('subnet-0000'),
      'routeTables[2].subnetIds[1]: unknown subnet subnet-0000',
    ],
    [
      'a gateway in an unknown subnet',
      (s: Snapshot) => Object.assign(s.natGateways[0] ?? {}, { subnetId: 'subnet-0000' }),
      'natGateways[0].subnetId: unknown subnet subnet-0000',
    ],
    [
      'a gateway whose subnet is in another VPC',
      (s: Snapshot) => Object.assign(s.natGateways[0] ?? {}, { vpcId: 'vpc-44112025f96743120' }),
      'natGateways[0].subnetId: subnet subnet-ec27db37a26404781 is in vpc-a9afb1aa2ffccdfd9, not vpc-44112025f96743120',
    ],
    [
      'a public gateway with an unknown Elastic IP',
      (s: Snapshot) => Object.assign(s.natGateways[0] ?? {}, { allocationId: 'eipalloc-0000' }),
      'natGateways[0].allocationId: unknown Elastic IP eipalloc-0000',
    ],
    [
      'a route to an unknown VPC endpoint',
      (s: Snapshot) => Object.assign(s.routeTables[10]?.routes[2] ?? {}, { vpcEndpointId: 'vpce-0000' }),
      'routeTables[10].routes[2].vpcEndpointId: unknown VPC endpoint vpce-0000',
    ],
    [
      'an endpoint on an unknown route table',
      (s: Snapshot) => s.vpcEndpoints[0]?.routeTableIds.push('rtb-0000'),
      'vpcEndpoints[0].routeTableIds[2]: unknown route table rtb-0000',
    ],
    [
      'an internet gateway of an unknown VPC',
      (s: Snapshot) => Object.assign(s.internetGateways[0] ?? {}, { vpcId: 'vpc-0000' }),
      'internetGateways[0].vpcId: unknown VPC vpc-0000',
    ],
  ])('should name %s', (_case, edit, expected) => {
    // Prepare
    const snapshot = example();
    edit(snapshot);

    // Act
    const message = rejection(snapshot);

    // Assess
    expect(message).toContain(expected);
  });

  it('should refuse a second main route table in a VPC', () => {
    // Prepare
    const snapshot = example();
    const table = snapshot.routeTables[1];
    if (table) table.main = true;

    // Act
    const message = rejection(snapshot);

    // Assess
    expect(message).toContain(`routeTables: VPC ${table?.vpcId} has 2 main route tables`);
  });
});
