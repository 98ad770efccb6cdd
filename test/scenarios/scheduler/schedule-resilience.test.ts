// Throttling, a recreated gateway that fails, and bad tags: the scheduler still ends where it should.

import { describe, expect, it } from 'vitest';
import { readRecord } from '../../../lib/domain/scheduler/park-record';
import { MANAGED_TAG, PARK_TAGS, RESTORES_TAG, USER_TAGS } from '../../../lib/domain/tag-keys';
import {
  DEV,
  defaultRouteOf,
  EVENING,
  eipIn,
  exampleSnapshot,
  gatewayIn,
  liveGatewaysIn,
  NEXT_MORNING,
  STAGING,
  scheduleAccount,
  tableIn,
} from './schedule-fixture';

const THROTTLE_RATE = 0.3;

describe('schedule: throttling', () => {
  it('should park and unpark correctly with 30 % of calls throttled', async () => {
    // Prepare
    const account = scheduleAccount(await exampleSnapshot(), {}, 7);
    account.sim.injectFaults({ throttleRate: THROTTLE_RATE }, 7);

    // Act
    const evening = await account.run(EVENING);
    const parked = structuredClone(account.sim.state);
    const morning = await account.run(NEXT_MORNING);

    // Assess
    expect(account.sim.throttledCalls).toBeGreaterThan(10);
    expect([evening.actions[0]?.result, morning.actions[0]?.result]).toEqual(['done', 'done']);
    expect(gatewayIn(parked, DEV.nat)?.state).toBe('deleted');
    const live = liveGatewaysIn(account.sim.state, DEV.vpc);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ state: 'available', allocationId: DEV.eip });
    expect(defaultRouteOf(account.sim.state, DEV.privateTable)?.natGatewayId).toBe(live[0]?.natGatewayId);
  });
});

describe('schedule: a recreated gateway that fails', () => {
  it('should clean up the failed gateway and recreate it with a new token on the next run', async () => {
    // Prepare: parked, then a replacement that failed with Resource.AlreadyAssociated (the EIP was still held).
    const parked = scheduleAccount(await exampleSnapshot());
    await parked.run(EVENING);
    const snapshot = parked.sim.toSnapshot();
    const failedId = 'nat-0f00000000000fa11';
    snapshot.natGateways.push({
      natGatewayId: failedId,
      vpcId: DEV.vpc,
      subnetId: DEV.publicSubnetA,
      state: 'failed',
      failureCode: 'Resource.AlreadyAssociated',
      connectivityType: 'public',
      allocationId: DEV.eip,
      privateIp: '10.1.0.20',
      createTime: '2026-11-17T05:58:00Z',
      tags: {
        [USER_TAGS.schedule]: 'Mon-Fri@07:00-19:00',
        [MANAGED_TAG.key]: 'true',
        [RESTORES_TAG]: DEV.nat,
      },
    });
    const account = scheduleAccount(snapshot);

    // Act
    const first = await account.run(NEXT_MORNING);
    const second = await account.run('2026-11-17T06:05:00Z');

    // Assess
    expect(first.actions[0]).toMatchObject({ action: 'unpark', result: 'failed' });
    expect(first.actions[0]?.reason).toContain('Resource.AlreadyAssociated');
    expect(gatewayIn(account.sim.state, failedId)?.state).toBe('deleted');
    expect(second.actions[0]).toMatchObject({ action: 'unpark', result: 'done' });
    expect(second.actions[0]?.steps[0]).toContain('-1)');
    const live = liveGatewaysIn(account.sim.state, DEV.vpc);
    expect(live.map((g) => [g.state, g.allocationId])).toEqual([['available', DEV.eip]]);
    expect(eipIn(account.sim.state, DEV.eip)?.tags).toEqual({ Name: 'dev-nat-a-eip' });
  });
  it('should count the next attempt from the record when earlier failed replacements are no longer listed', async () => {
    // Prepare: the record says attempt 2, and only that attempt's failed gateway is still visible.
    const parked = scheduleAccount(await exampleSnapshot());
    await parked.run(EVENING);
    const snapshot = parked.sim.toSnapshot();
    const eip = snapshot.elasticIps.find((e) => e.allocationId === DEV.eip);
    if (eip) eip.tags[PARK_TAGS.unparkAttempt] = '2';
    snapshot.natGateways.push({
      natGatewayId: 'nat-0f00000000000fa12',
      vpcId: DEV.vpc,
      subnetId: DEV.publicSubnetA,
      state: 'failed',
      failureCode: 'InternalError',
      connectivityType: 'public',
      allocationId: DEV.eip,
      privateIp: '10.1.0.21',
      createTime: '2026-11-17T05:58:00Z',
      tags: {
        [USER_TAGS.schedule]: 'Mon-Fri@07:00-19:00',
        [MANAGED_TAG.key]: 'true',
        [RESTORES_TAG]: DEV.nat,
      },
    });
    const account = scheduleAccount(snapshot);

    // Act
    await account.run(NEXT_MORNING);

    // Assess: attempt 2's token is spent; the next create must use a fresh one.
    expect(eipIn(account.sim.state, DEV.eip)?.tags[PARK_TAGS.unparkAttempt]).toBe('3');
  });
});

describe('schedule: malformed schedule or zone', () => {
  it.each([
    [
      'a malformed schedule',
      { [USER_TAGS.schedule]: 'Mon-Fri@7-19' },
      'invalid schedule window "Mon-Fri@7-19"',
    ],
    ['an unknown time zone', { [USER_TAGS.timezone]: 'Europe/Berlim' }, 'unknown IANA time zone'],
  ])(
    'should report %s and leave that gateway exactly as it was while the others proceed',
    async (_, tags, message) => {
      // Prepare
      const snapshot = await exampleSnapshot();
      const dev = snapshot.natGateways.find((g) => g.natGatewayId === DEV.nat);
      const staging = snapshot.natGateways.find((g) => g.natGatewayId === STAGING.nat);
      if (!dev || !staging) throw new Error('example account changed');
      Object.assign(dev.tags, tags);
      staging.tags[USER_TAGS.schedule] = 'weekdays@08:00-18:00';
      const account = scheduleAccount(snapshot);
      const before = structuredClone(account.sim.state);

      // Act
      const result = await account.run(EVENING);

      // Assess
      const devAction = result.actions.find((a) => a.natGatewayId === DEV.nat);
      expect(devAction).toMatchObject({ action: 'none', result: 'skipped', routeTableIds: [] });
      expect(devAction?.reason).toContain(message);
      expect(gatewayIn(account.sim.state, DEV.nat)).toEqual(gatewayIn(before, DEV.nat));
      expect(eipIn(account.sim.state, DEV.eip)).toEqual(eipIn(before, DEV.eip));
      expect(tableIn(account.sim.state, DEV.privateTable)).toEqual(tableIn(before, DEV.privateTable));
      expect(result.actions.find((a) => a.natGatewayId === STAGING.nat)).toMatchObject({
        action: 'park',
        result: 'done',
      });
      expect(readRecord(eipIn(account.sim.state, STAGING.eip)?.tags ?? {}, 'test')?.natGatewayId).toBe(
        STAGING.nat,
      );
    },
  );

  it('should leave a parked gateway with a damaged record alone and say why', async () => {
    // Prepare
    const account = scheduleAccount(await exampleSnapshot());
    await account.run(EVENING);
    const eip = eipIn(account.sim.state, DEV.eip);
    if (!eip) throw new Error('no EIP');
    eip.tags[PARK_TAGS.parkedSubnet] = 'not-a-subnet';
    const before = structuredClone(account.sim.state);
    account.sim.resetCallCounts();

    // Act
    const result = await account.run(NEXT_MORNING);

    // Assess
    expect(result.actions).toEqual([
      expect.objectContaining({ natGatewayId: DEV.nat, action: 'none', result: 'skipped' }),
    ]);
    expect(result.actions[0]?.reason).toContain('damaged park record');
    expect(liveGatewaysIn(account.sim.state, DEV.vpc)).toEqual([]);
    expect(
      ['CreateNatGateway', 'CreateTags', 'DeleteTags', 'ReplaceRoute'].map((c) =>
        account.sim.callCount(`EC2.${c}`),
      ),
    ).toEqual([0, 0, 0, 0]);
    expect(account.sim.state.elasticIps).toEqual(before.elasticIps);
    expect(account.sim.state.routeTables).toEqual(before.routeTables);
  });
});
