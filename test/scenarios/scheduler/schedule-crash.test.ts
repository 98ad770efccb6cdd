// A crash after any step of a park or an unpark, then a normal run: the tags alone lead to the right state.

import { describe, expect, it } from 'vitest';
import { readRecord } from '../../../lib/domain/scheduler/park-record';
import { RESTORES_TAG } from '../../../lib/domain/tag-keys';

import { MINUTE_MS } from '../../../lib/domain/time-units';
import type { SimAccount } from '../../../lib/sim/sim-account';
import { SimulatedCrashError } from '../../../lib/sim/sim-errors';
import { crashAfter, recordMutations } from './crash-steps';
import {
  consolidatingSnapshot,
  DEV,
  DEV_B,
  defaultRouteOf,
  EVENING,
  eipIn,
  exampleScheduleAccount,
  gatewayIn,
  liveGatewaysIn,
  NEXT_MORNING,
  scheduleAccount,
  tableIn,
} from './schedule-fixture';

const PARK_STEPS = ['CreateTags', 'CreateTags', 'DeleteNatGateway', 'CreateTags', 'CreateTags'];
const UNPARK_STEPS = ['CreateNatGateway', 'CreateTags', 'ReplaceRoute', 'DeleteTags', 'DeleteTags'];
const FIVE_MINUTES_LATER = (at: string) => new Date(Date.parse(at) + 5 * MINUTE_MS).toISOString();

function expectParked(sim: SimAccount): void {
  expect(gatewayIn(sim.state, DEV.nat)?.state).toBe('deleted');
  expect(liveGatewaysIn(sim.state, DEV.vpc)).toEqual([]);
  expect(readRecord(eipIn(sim.state, DEV.eip)?.tags ?? {}, 'test')?.state).toBe('parked');
  expect(defaultRouteOf(sim.state, DEV.privateTable)).toMatchObject({
    natGatewayId: DEV.nat,
    state: 'blackhole',
  });
}

function expectUnparked(sim: SimAccount): void {
  const live = liveGatewaysIn(sim.state, DEV.vpc);
  expect(live).toHaveLength(1);
  expect(live[0]).toMatchObject({ state: 'available', allocationId: DEV.eip, subnetId: DEV.publicSubnetA });
  const created = sim.state.natGateways.filter((g) => g.tags[RESTORES_TAG] === DEV.nat);
  expect(created.map((g) => g.natGatewayId)).toEqual([live[0]?.natGatewayId]);
  expect(defaultRouteOf(sim.state, DEV.privateTable)).toEqual({
    destinationCidrBlock: '0.0.0.0/0',
    natGatewayId: live[0]?.natGatewayId,
  });
  expect(eipIn(sim.state, DEV.eip)?.tags).toEqual({ Name: 'dev-nat-a-eip' });
  expect(tableIn(sim.state, DEV.privateTable)?.tags).toEqual({ Name: 'dev-private' });
}

describe('schedule: crash safety of a park', () => {
  it('should take exactly these changing steps when nothing goes wrong', async () => {
    // Prepare
    const account = await exampleScheduleAccount();
    const seen = recordMutations(account.sim);

    // Act
    await account.run(EVENING);

    // Assess
    expect(seen).toEqual(PARK_STEPS);
  });

  it.each(PARK_STEPS.map((step, i) => [i + 1, step]))(
    'should end parked when a crash follows step %i (%s) and a normal run comes next',
    async (n) => {
      // Prepare
      const account = await exampleScheduleAccount();
      const stop = crashAfter(account.sim, Number(n));
      await expect(account.run(EVENING)).rejects.toBeInstanceOf(SimulatedCrashError);
      stop();

      // Act
      await account.run(FIVE_MINUTES_LATER(EVENING));

      // Assess
      expectParked(account.sim);
      expect(eipIn(account.sim.state, DEV.eip)?.publicIp).toBe('203.0.113.13');
    },
  );

  it('should undo a park cut short before the delete when the next run is inside the window', async () => {
    // Prepare
    const account = await exampleScheduleAccount();
    const stop = crashAfter(account.sim, 2);
    await expect(account.run(EVENING)).rejects.toBeInstanceOf(SimulatedCrashError);
    stop();

    // Act
    const result = await account.run(NEXT_MORNING);

    // Assess
    expect(result.actions[0]).toMatchObject({ action: 'unpark', result: 'done' });
    expect(gatewayIn(account.sim.state, DEV.nat)?.state).toBe('available');
    expect(defaultRouteOf(account.sim.state, DEV.privateTable)).toEqual({
      destinationCidrBlock: '0.0.0.0/0',
      natGatewayId: DEV.nat,
    });
    expect(eipIn(account.sim.state, DEV.eip)?.tags).toEqual({ Name: 'dev-nat-a-eip' });
    expect(tableIn(account.sim.state, DEV.privateTable)?.tags).toEqual({ Name: 'dev-private' });
  });
});

describe('schedule: crash safety of an unpark', () => {
  it('should take exactly these changing steps when nothing goes wrong', async () => {
    // Prepare
    const account = await exampleScheduleAccount();
    await account.run(EVENING);
    const seen = recordMutations(account.sim);

    // Act
    await account.run(NEXT_MORNING);

    // Assess
    expect(seen).toEqual(UNPARK_STEPS);
  });

  it.each(UNPARK_STEPS.map((step, i) => [i + 1, step]))(
    'should end with one gateway carrying the routes when a crash follows step %i (%s)',
    async (n) => {
      // Prepare
      const account = await exampleScheduleAccount();
      await account.run(EVENING);
      const stop = crashAfter(account.sim, Number(n));
      await expect(account.run(NEXT_MORNING)).rejects.toBeInstanceOf(SimulatedCrashError);
      stop();

      // Act
      await account.run(FIVE_MINUTES_LATER(NEXT_MORNING));

      // Assess
      expectUnparked(account.sim);
    },
  );
});

const CONSOLIDATE_STEPS = [
  'CreateTags',
  'CreateTags',
  'CreateTags',
  'ReplaceRoute',
  'DeleteNatGateway',
  'CreateTags',
  'CreateTags',
];

describe('schedule: crash safety in consolidate mode', () => {
  it('should take exactly these changing steps when nothing goes wrong', async () => {
    // Prepare
    const account = scheduleAccount(await consolidatingSnapshot());
    const seen = recordMutations(account.sim);

    // Act
    await account.run(EVENING);

    // Assess
    expect(seen).toEqual(CONSOLIDATE_STEPS);
  });

  it.each(CONSOLIDATE_STEPS.map((step, i) => [i + 1, step]))(
    'should end with the routes on the other AZ gateway when a crash follows step %i (%s)',
    async (n) => {
      // Prepare
      const account = scheduleAccount(await consolidatingSnapshot());
      const stop = crashAfter(account.sim, Number(n));
      await expect(account.run(EVENING)).rejects.toBeInstanceOf(SimulatedCrashError);
      stop();

      // Act
      await account.run(FIVE_MINUTES_LATER(EVENING));

      // Assess
      expect(gatewayIn(account.sim.state, DEV.nat)?.state).toBe('deleted');
      expect(defaultRouteOf(account.sim.state, DEV.privateTable)).toEqual({
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: DEV_B.nat,
      });
    },
  );

  it.each(UNPARK_STEPS.map((step, i) => [i + 1, step]))(
    'should bring the routes back from the other AZ when a crash follows unpark step %i (%s)',
    async (n) => {
      // Prepare
      const account = scheduleAccount(await consolidatingSnapshot());
      await account.run(EVENING);
      const stop = crashAfter(account.sim, Number(n));
      await expect(account.run(NEXT_MORNING)).rejects.toBeInstanceOf(SimulatedCrashError);
      stop();

      // Act
      await account.run(FIVE_MINUTES_LATER(NEXT_MORNING));

      // Assess
      const back = liveGatewaysIn(account.sim.state, DEV.vpc).filter((g) => g.natGatewayId !== DEV_B.nat);
      expect(back.map((g) => [g.state, g.allocationId])).toEqual([['available', DEV.eip]]);
      expect(defaultRouteOf(account.sim.state, DEV.privateTable)?.natGatewayId).toBe(back[0]?.natGatewayId);
      expect(tableIn(account.sim.state, DEV.privateTable)?.tags).toEqual({ Name: 'dev-private' });
    },
  );
});
