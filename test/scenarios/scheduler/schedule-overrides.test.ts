// The traffic guard, the keep-up override, holidays, failover's hold and consolidate mode.

import { describe, expect, it } from 'vitest';
import { PARK_POSTPONED_TAG, ROUTE_TABLE_TAGS, USER_TAGS } from '../../../lib/domain/tag-keys';
import { HOUR_MS } from '../../../lib/domain/time-units';
import type { SimAccount } from '../../../lib/sim/sim-account';
import {
  consolidatingSnapshot,
  DEV,
  DEV_B,
  defaultRouteOf,
  EVENING,
  eipIn,
  exampleScheduleAccount,
  exampleSnapshot,
  gatewayIn,
  liveGatewaysIn,
  NEXT_MORNING,
  scheduleAccount,
} from './schedule-fixture';

const GUARD = { NAT_OPTIMIZER_PARK_GUARD_BYTES: '1000000', NAT_OPTIMIZER_PARK_GUARD_MINUTES: '15' };
const BUSY_HOUR_BYTES = 6e9;
const PARK_AT = '2026-11-16T18:05:00Z';

/** Traffic through the dev gateway in the hours around `at` (the snapshot's series end at capturedAt). */
function setTrafficAround(sim: SimAccount, at: string, bytesPerHour: number): void {
  const series = sim.state.metrics.natGateways[DEV.nat];
  const hour = Math.floor((Date.parse(at) - Date.parse(sim.state.metrics.start)) / HOUR_MS);
  for (const name of ['BytesInFromSource', 'BytesInFromDestination'] as const) {
    const values = series?.[name];
    if (!values) throw new Error(`no ${name} series`);
    while (values.length <= hour) values.push(0);
    values[hour - 1] = name === 'BytesInFromSource' ? bytesPerHour : 0;
    values[hour] = name === 'BytesInFromSource' ? bytesPerHour : 0;
  }
}

describe('schedule: traffic guard', () => {
  it('should postpone the park while traffic is above the threshold, then park once it falls', async () => {
    // Prepare
    const account = await exampleScheduleAccount(GUARD);
    setTrafficAround(account.sim, PARK_AT, BUSY_HOUR_BYTES);

    // Act
    const busy = await account.run(PARK_AT);
    setTrafficAround(account.sim, PARK_AT, 0);
    const quiet = await account.run('2026-11-16T18:10:00Z');

    // Assess
    expect(busy.actions[0]).toMatchObject({ action: 'park', result: 'skipped' });
    expect(busy.actions[0]?.reason).toContain('park postponed (1 of 12)');
    expect(busy.summary.postponed).toBe(1);
    expect(quiet.actions[0]).toMatchObject({ action: 'park', result: 'done' });
    expect(gatewayIn(account.sim.state, DEV.nat)?.state).toBe('deleted');
  });

  it('should count postponements on the EIP and park anyway at the limit', async () => {
    // Prepare
    const account = await exampleScheduleAccount({ ...GUARD, NAT_OPTIMIZER_PARK_GUARD_MAX_POSTPONES: '1' });
    setTrafficAround(account.sim, PARK_AT, BUSY_HOUR_BYTES);
    await account.run(PARK_AT);
    const counted = eipIn(account.sim.state, DEV.eip)?.tags[PARK_POSTPONED_TAG];

    // Act
    const second = await account.run('2026-11-16T18:10:00Z');

    // Assess
    expect(counted).toBe('1@2026-11-16T18:00:00Z');
    expect(second.actions[0]).toMatchObject({ action: 'park', result: 'done' });
    expect(second.actions[0]?.reason).toContain('already postponed 1 times (limit 1)');
  });
});

describe('schedule: overrides', () => {
  it('should keep a gateway up past its window while nat-optimizer:keep-up-until lies ahead', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();
    const dev = snapshot.natGateways.find((g) => g.natGatewayId === DEV.nat);
    if (dev) dev.tags['nat-optimizer:keep-up-until'] = '2026-11-16T22:00:00Z';
    const account = scheduleAccount(snapshot);

    // Act
    const kept = await account.run(EVENING);
    const after = await account.run('2026-11-16T22:00:00Z');

    // Assess
    expect(kept.actions[0]).toMatchObject({ action: 'none' });
    expect(kept.actions[0]?.reason).toContain('kept up until 2026-11-16T22:00:00Z');
    expect(after.actions[0]).toMatchObject({ action: 'park', result: 'done' });
  });

  it('should leave a gateway as it is when its keep-up-until is malformed, and say so', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();
    const dev = snapshot.natGateways.find((g) => g.natGatewayId === DEV.nat);
    if (dev) dev.tags['nat-optimizer:keep-up-until'] = 'tonight';
    const account = scheduleAccount(snapshot);

    // Act
    const result = await account.run(EVENING);

    // Assess
    expect(result.actions[0]).toMatchObject({ action: 'none', result: 'skipped' });
    expect(result.actions[0]?.reason).toContain('invalid nat-optimizer:keep-up-until "tonight"');
    expect(gatewayIn(account.sim.state, DEV.nat)?.state).toBe('available');
  });

  it('should bring a parked gateway back at once when keep-up-until is set on its EIP', async () => {
    // Prepare
    const account = await exampleScheduleAccount();
    await account.run(EVENING);
    const eip = eipIn(account.sim.state, DEV.eip);
    if (eip) eip.tags['nat-optimizer:keep-up-until'] = '2026-11-17T01:00:00Z';

    // Act
    const result = await account.run('2026-11-16T20:00:00Z');

    // Assess
    expect(result.actions[0]).toMatchObject({ action: 'unpark', result: 'done' });
    expect(liveGatewaysIn(account.sim.state, DEV.vpc).map((g) => g.state)).toEqual(['available']);
  });

  it('should keep the gateway parked all day on a configured holiday', async () => {
    // Prepare
    const account = await exampleScheduleAccount({ NAT_OPTIMIZER_HOLIDAYS: '2026-11-17,2026-12-24' });
    await account.run(EVENING);

    // Act
    const result = await account.run('2026-11-17T10:00:00Z');

    // Assess
    expect(result.actions[0]).toMatchObject({ action: 'none' });
    expect(result.actions[0]?.reason).toContain('holiday 2026-11-17 in Europe/Berlin');
    expect(liveGatewaysIn(account.sim.state, DEV.vpc)).toEqual([]);
  });
});

describe('schedule: failover and consolidate', () => {
  it('should not park a gateway whose route table failover has moved to it', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();
    const table = snapshot.routeTables.find((t) => t.routeTableId === DEV.privateTable);
    if (table)
      Object.assign(table.tags, {
        [ROUTE_TABLE_TAGS.failoverTo]: DEV.nat,
        [ROUTE_TABLE_TAGS.failoverFrom]: 'nat-0aaaaaaaaaaaaaaaa',
      });
    const account = scheduleAccount(snapshot);

    // Act
    const result = await account.run(EVENING);

    // Assess
    expect(result.actions[0]).toMatchObject({ action: 'park', result: 'skipped' });
    expect(result.actions[0]?.reason).toContain('failover holds it');
    expect(gatewayIn(account.sim.state, DEV.nat)?.state).toBe('available');
  });

  it('should not delete a gateway that failover moved a route table onto after the run read the account', async () => {
    // Prepare: failover acts between the scheduler's read and its delete (they run as separate functions).
    const account = scheduleAccount(await exampleSnapshot());
    const stop = account.sim.afterEachCall((call) => {
      if (call.command !== 'CreateTags') return;
      const table = account.sim.state.routeTables.find((t) => t.routeTableId === DEV.privateTable);
      if (table) Object.assign(table.tags, { [ROUTE_TABLE_TAGS.failoverFrom]: 'nat-0aaaaaaaaaaaaaaaa' });
    });

    // Act
    const result = await account.run(EVENING);
    stop();

    // Assess
    expect(result.actions[0]).toMatchObject({ action: 'park', result: 'skipped' });
    expect(result.actions[0]?.reason).toContain('failover moved');
    expect(gatewayIn(account.sim.state, DEV.nat)?.state).toBe('available');
  });

  it('should still restore the routes on the parked gateway of a table that carries failover tags', async () => {
    // Prepare: parked overnight; meanwhile someone tagged its route table as failed over.
    const parked = scheduleAccount(await exampleSnapshot());
    await parked.run(EVENING);
    const snapshot = parked.sim.toSnapshot();
    const table = snapshot.routeTables.find((t) => t.routeTableId === DEV.privateTable);
    if (table) Object.assign(table.tags, { [ROUTE_TABLE_TAGS.failoverFrom]: 'nat-0aaaaaaaaaaaaaaaa' });
    const account = scheduleAccount(snapshot);

    // Act
    const morning = await account.run(NEXT_MORNING);

    // Assess
    const recreated = morning.actions[0]?.newNatGatewayId;
    expect(morning.actions[0]).toMatchObject({ action: 'unpark', result: 'done' });
    expect(defaultRouteOf(account.sim.state, DEV.privateTable)?.natGatewayId).toBe(recreated);
  });

  it('should move the routes to the other AZ gateway before parking in consolidate mode, and back after', async () => {
    // Prepare
    const devB = DEV_B.nat;
    const account = scheduleAccount(await consolidatingSnapshot());

    // Act
    const evening = await account.run(EVENING);
    const parkedRoute = structuredClone(defaultRouteOf(account.sim.state, DEV.privateTable));
    await account.run(NEXT_MORNING);

    // Assess
    expect(evening.actions[0]).toMatchObject({ action: 'consolidate', result: 'done' });
    expect(evening.actions[0]?.reason).toContain(`routes move to ${devB}`);
    expect(evening.actions[0]?.reason).toContain('cross-AZ transfer at $0.01/GB each way');
    expect(parkedRoute).toEqual({ destinationCidrBlock: '0.0.0.0/0', natGatewayId: devB });
    const recreated = liveGatewaysIn(account.sim.state, DEV.vpc).find((g) => g.natGatewayId !== devB);
    expect(defaultRouteOf(account.sim.state, DEV.privateTable)?.natGatewayId).toBe(recreated?.natGatewayId);
  });

  it('should refuse consolidate mode when no gateway of the VPC stays up in another AZ', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();
    const dev = snapshot.natGateways.find((g) => g.natGatewayId === DEV.nat);
    if (dev) dev.tags[USER_TAGS.offHours] = 'consolidate';
    const account = scheduleAccount(snapshot);

    // Act
    const result = await account.run(EVENING);

    // Assess
    expect(result.actions[0]).toMatchObject({ action: 'consolidate', result: 'skipped' });
    expect(result.actions[0]?.reason).toContain('no available gateway that stays up in another AZ');
    expect(gatewayIn(account.sim.state, DEV.nat)?.state).toBe('available');
  });
});
