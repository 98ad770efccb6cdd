// A private NAT gateway (no Elastic IP): its park record lives on its route tables; it comes back with its IP.
import { describe, expect, it } from 'vitest';
import { readRecord } from '../../../lib/domain/scheduler/park-record';
import { USER_TAGS } from '../../../lib/domain/tag-keys';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import {
  DEV,
  EVENING,
  exampleSnapshot,
  gatewayIn,
  liveGatewaysIn,
  NEXT_MORNING,
  scheduleAccount,
  tableIn,
} from './schedule-fixture';

const PRIVATE_NAT = 'nat-0c0c0c0c0c0c0c0c0';
const PRIVATE_TABLE = 'rtb-0c0c0c0c0c0c0c0c0';
const DEV_PRIVATE_SUBNET_A = 'subnet-4afd2f72ece9f3b57';
const PEER_CIDR = '10.50.0.0/16';

/** The example plus a scheduled private gateway in dev-private-a, reached through its own table for 10.50.0.0/16. */
async function withPrivateGateway(routeFromDevTable = false): Promise<Snapshot> {
  const snapshot = await exampleSnapshot();
  snapshot.natGateways.push({
    natGatewayId: PRIVATE_NAT,
    vpcId: DEV.vpc,
    subnetId: DEV_PRIVATE_SUBNET_A,
    state: 'available',
    connectivityType: 'private',
    privateIp: '10.1.100.50',
    createTime: '2025-03-01T09:00:00Z',
    tags: {
      Name: 'dev-private-nat',
      [USER_TAGS.schedule]: 'weekdays@07:00-19:00',
      [USER_TAGS.timezone]: 'Europe/Berlin',
    },
  });
  const route = { destinationCidrBlock: PEER_CIDR, natGatewayId: PRIVATE_NAT };
  if (routeFromDevTable) tableOf(snapshot, DEV.privateTable).routes.push(route);
  else {
    snapshot.routeTables.push({
      routeTableId: PRIVATE_TABLE,
      vpcId: DEV.vpc,
      main: false,
      subnetIds: [],
      tags: { Name: 'dev-to-peer' },
      routes: [{ destinationCidrBlock: '10.1.0.0/16', gatewayId: 'local' }, route],
    });
  }
  return snapshot;
}

function tableOf(snapshot: Snapshot, id: string): Snapshot['routeTables'][number] {
  const table = snapshot.routeTables.find((t) => t.routeTableId === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
}

describe('schedule: private NAT gateway', () => {
  it('should keep the park record on its route table and blackhole its route', async () => {
    // Prepare
    const account = scheduleAccount(await withPrivateGateway());

    // Act
    await account.run(EVENING);

    // Assess
    expect(gatewayIn(account.sim.state, PRIVATE_NAT)?.state).toBe('deleted');
    const table = tableIn(account.sim.state, PRIVATE_TABLE);
    expect(readRecord(table?.tags ?? {}, 'test')).toMatchObject({
      natGatewayId: PRIVATE_NAT,
      connectivityType: 'private',
      privateIp: '10.1.100.50',
      subnetId: DEV_PRIVATE_SUBNET_A,
    });
    expect(table?.routes[1]).toMatchObject({ natGatewayId: PRIVATE_NAT, state: 'blackhole' });
  });

  it('should recreate it with the same private IP and point its route back', async () => {
    // Prepare
    const account = scheduleAccount(await withPrivateGateway());
    await account.run(EVENING);

    // Act
    await account.run(NEXT_MORNING);

    // Assess
    const back = liveGatewaysIn(account.sim.state, DEV.vpc).find((g) => g.connectivityType === 'private');
    expect(back).toMatchObject({
      state: 'available',
      privateIp: '10.1.100.50',
      subnetId: DEV_PRIVATE_SUBNET_A,
    });
    expect(tableIn(account.sim.state, PRIVATE_TABLE)).toMatchObject({
      tags: { Name: 'dev-to-peer' },
      routes: [expect.anything(), { destinationCidrBlock: PEER_CIDR, natGatewayId: back?.natGatewayId }],
    });
  });

  it('should not park a second gateway whose routes share a route table with a gateway parking now', async () => {
    // Prepare
    const account = scheduleAccount(await withPrivateGateway(true));

    // Act
    const result = await account.run(EVENING);

    // Assess: the first gateway (by id) takes the shared table; the other waits for it to come back.
    const states = [PRIVATE_NAT, DEV.nat].map((id) => gatewayIn(account.sim.state, id)?.state);
    expect(states).toEqual(['deleted', 'available']);
    const waiting = result.actions.find((a) => a.natGatewayId === DEV.nat);
    expect(waiting).toMatchObject({ action: 'park', result: 'skipped' });
    expect(waiting?.reason).toContain(
      `route table ${DEV.privateTable} is held by the park of ${PRIVATE_NAT}`,
    );
  });
});
