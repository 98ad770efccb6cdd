// Park outside the window, unpark inside it, on the example account's dev gateway.

import { describe, expect, it } from 'vitest';
import { readRecord } from '../../../lib/domain/scheduler/park-record';
import { MANAGED_TAG, PARK_TAGS, RESTORES_TAG } from '../../../lib/domain/tag-keys';
import { recordedEvents } from '../../../lib/sim/eventbridge';
import {
  DEV,
  defaultRouteOf,
  EVENING,
  eipIn,
  exampleScheduleAccount,
  exampleSnapshot,
  gatewayIn,
  liveGatewaysIn,
  NEXT_MORNING,
  tableIn,
  untouchedPart,
} from './schedule-fixture';

const DEV_TAGS = {
  Name: 'dev-nat-a',
  'nat-optimizer:schedule': 'Mon-Fri@07:00-19:00',
  'nat-optimizer:timezone': 'Europe/Berlin',
  env: 'dev',
};

describe('schedule: park outside the window', () => {
  it('should delete the dev gateway and report a done park of its route table', async () => {
    // Prepare
    const account = await exampleScheduleAccount();

    // Act
    const result = await account.run(EVENING);

    // Assess
    expect(result.actions).toEqual([
      expect.objectContaining({
        natGatewayId: DEV.nat,
        action: 'park',
        result: 'done',
        routeTableIds: [DEV.privateTable],
      }),
    ]);
    expect(gatewayIn(account.sim.state, DEV.nat)?.state).toBe('deleted');
    expect(liveGatewaysIn(account.sim.state, DEV.vpc)).toEqual([]);
  });

  it('should keep the Elastic IP allocated and tagged with everything unpark needs', async () => {
    // Prepare
    const account = await exampleScheduleAccount();

    // Act
    await account.run(EVENING);

    // Assess
    const eip = eipIn(account.sim.state, DEV.eip);
    expect(eip?.publicIp).toBe('203.0.113.13');
    const record = readRecord(eip?.tags ?? {}, 'test');
    expect(record).toMatchObject({
      natGatewayId: DEV.nat,
      state: 'parked',
      subnetId: DEV.publicSubnetA,
      connectivityType: 'public',
      privateIp: '10.1.0.13',
      secondary: [],
      tags: DEV_TAGS,
    });
    expect(account.sim.callCount('EC2.ReleaseAddress')).toBe(0);
  });

  it('should leave the route blackholed on the deleted gateway and tag the table with it', async () => {
    // Prepare
    const account = await exampleScheduleAccount();

    // Act
    await account.run(EVENING);

    // Assess
    expect(defaultRouteOf(account.sim.state, DEV.privateTable)).toMatchObject({
      natGatewayId: DEV.nat,
      state: 'blackhole',
    });
    expect(tableIn(account.sim.state, DEV.privateTable)?.tags[PARK_TAGS.parkedGateway]).toBe(DEV.nat);
  });

  it('should publish a NAT Gateway Parked event from nat-optimizer', async () => {
    // Prepare
    const account = await exampleScheduleAccount();

    // Act
    await account.run(EVENING);

    // Assess
    const events = recordedEvents(account.sim);
    expect(events.map((e) => [e.source, e.detailType])).toEqual([['nat-optimizer', 'NAT Gateway Parked']]);
    expect(events[0]?.detail).toMatchObject({
      natGatewayId: DEV.nat,
      action: 'park',
      routeTableIds: [DEV.privateTable],
    });
  });
});

describe('schedule: unpark inside the window', () => {
  it('should recreate one gateway in the same subnet with the same EIP and the old tags', async () => {
    // Prepare
    const account = await exampleScheduleAccount();
    await account.run(EVENING);

    // Act
    const result = await account.run(NEXT_MORNING);

    // Assess
    const live = liveGatewaysIn(account.sim.state, DEV.vpc);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ state: 'available', subnetId: DEV.publicSubnetA, allocationId: DEV.eip });
    expect(live[0]?.tags).toEqual({
      ...DEV_TAGS,
      [MANAGED_TAG.key]: MANAGED_TAG.value,
      [RESTORES_TAG]: DEV.nat,
    });
    expect(result.actions[0]).toMatchObject({
      action: 'unpark',
      result: 'done',
      newNatGatewayId: live[0]?.natGatewayId,
    });
  });

  it('should point the recorded route table at the new gateway and clear the park record', async () => {
    // Prepare
    const account = await exampleScheduleAccount();
    await account.run(EVENING);

    // Act
    await account.run(NEXT_MORNING);

    // Assess
    const [live] = liveGatewaysIn(account.sim.state, DEV.vpc);
    expect(defaultRouteOf(account.sim.state, DEV.privateTable)).toEqual({
      destinationCidrBlock: '0.0.0.0/0',
      natGatewayId: live?.natGatewayId,
    });
    expect(tableIn(account.sim.state, DEV.privateTable)?.tags).toEqual({ Name: 'dev-private' });
    expect(eipIn(account.sim.state, DEV.eip)?.tags).toEqual({ Name: 'dev-nat-a-eip' });
  });

  it('should never touch the gateways, addresses and tables of gateways without a schedule', async () => {
    // Prepare
    const before = await exampleSnapshot();
    const account = await exampleScheduleAccount();
    const changing = { gateways: [], eips: [DEV.eip], tables: [DEV.privateTable] };

    // Act
    await account.run(EVENING);
    await account.run(NEXT_MORNING);

    // Assess
    const after = account.sim.toSnapshot();
    expect(untouchedPart(after, changing)).toEqual(untouchedPart(before, changing));
  });

  it('should do nothing on a second run inside the same window', async () => {
    // Prepare
    const account = await exampleScheduleAccount();
    await account.run(EVENING);
    await account.run(NEXT_MORNING);
    const state = structuredClone(account.sim.state);

    // Act
    const result = await account.run('2026-11-17T06:05:00Z');

    // Assess
    expect(result.actions.map((a) => [a.action, a.result])).toEqual([['none', 'skipped']]);
    expect(account.sim.state.natGateways).toEqual(state.natGateways);
  });
});
