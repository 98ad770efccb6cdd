// Throttling, a table that cannot be changed, and a crash between two steps: every route still ends where it must.
import { describe, expect, it } from 'vitest';
import { ROUTE_TABLE_TAGS } from '../../../lib/domain/tag-keys';
import { SimulatedCrashError } from '../../../lib/sim/sim-errors';
import { handleAlarmEvent, recheckFailovers } from '../../../lib/use-cases/failover/failover';
import {
  alarmEvent,
  defaultTarget,
  deliver,
  failoverAccount,
  IDS,
  minutesAfterCapture,
  tablesOn,
  tableTags,
  withAlarms,
  withPrivateTables,
} from './failover-fixture';

const EXTRA_TABLES = 40;
const THROTTLE_RATE = 0.3;
/** A route table holds at most 50 tags; failover adds three. */
const NEARLY_FULL_TAGS = 48;

describe('failover under faults', () => {
  it('should move every route when 30 % of the calls are throttled', async () => {
    // Prepare
    const account = await failoverAccount({ edit: withPrivateTables(EXTRA_TABLES), seed: 7 });
    await withAlarms(account);
    account.sim.injectFaults({ throttleRate: THROTTLE_RATE }, 7);

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );

    // Assess
    expect(account.sim.throttledCalls).toBeGreaterThan(0);
    expect(result.routesMoved).toBe(EXTRA_TABLES + 1);
    expect(tablesOn(account, IDS.prodNatA)).toEqual([]);
    expect(tablesOn(account, IDS.prodNatB)).toHaveLength(EXTRA_TABLES + 2);
  });

  it('should move the other tables and report the one that failed with its AWS error code', async () => {
    // Prepare
    const account = await failoverAccount({
      edit: (snapshot) => {
        withPrivateTables(5)(snapshot);
        const full = snapshot.routeTables.find((t) => t.routeTableId === IDS.prodPrivateA);
        for (let i = 0; full && Object.keys(full.tags).length < NEARLY_FULL_TAGS; i += 1)
          full.tags[`team:${i}`] = 'x';
      },
    });
    await withAlarms(account);

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );

    // Assess
    const failed = result.actions.filter((a) => a.result === 'failed');
    expect(failed).toEqual([
      expect.objectContaining({
        routeTableId: IDS.prodPrivateA,
        error: 'TagLimitExceeded',
        to: IDS.prodNatB,
      }),
    ]);
    expect(result.routesMoved).toBe(5);
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatA);
    expect(tablesOn(account, IDS.prodNatA)).toEqual([IDS.prodPrivateA]);
  });

  it('should finish a failover that crashed after its first route replacement on the next run', async () => {
    // Prepare
    const account = await failoverAccount({ edit: withPrivateTables(6) });
    await withAlarms(account);
    const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3)));
    const stop = account.sim.afterEachCall((call) => {
      if (call.command === 'ReplaceRoute')
        throw new SimulatedCrashError('Lambda died after a route replacement');
    });
    await expect(handleAlarmEvent(account.runtime, account.config, event)).rejects.toThrow(
      SimulatedCrashError,
    );
    stop();

    // Act
    await handleAlarmEvent(account.runtime, account.config, event);

    // Assess
    expect(tablesOn(account, IDS.prodNatA)).toEqual([]);
    for (const table of tablesOn(account, IDS.prodNatB).filter((id) => id !== IDS.prodPrivateB)) {
      expect(tableTags(account, table)[ROUTE_TABLE_TAGS.failoverFrom]).toBe(IDS.prodNatA);
    }
  });

  it('should finish a failback that crashed between moving a route back and clearing its tags', async () => {
    // Prepare
    const account = await failoverAccount();
    await withAlarms(account);
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );
    const stop = account.sim.afterEachCall((call) => {
      if (call.command === 'ReplaceRoute') throw new SimulatedCrashError('Lambda died before DeleteTags');
    });
    const ok = deliver(account, alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(20)));
    await expect(handleAlarmEvent(account.runtime, account.config, ok)).rejects.toThrow(SimulatedCrashError);
    stop();

    // Act
    await recheckFailovers(account.runtime, account.config);

    // Assess
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatA);
    expect(tableTags(account, IDS.prodPrivateA)).not.toHaveProperty(ROUTE_TABLE_TAGS.failoverFrom);
    expect(tableTags(account, IDS.prodPrivateA)).not.toHaveProperty(ROUTE_TABLE_TAGS.failoverAt);
  });

  it('should still fail back a table whose second move crashed between its tags and its route', async () => {
    // Prepare: A fails over to B; then B fails too and the move on to C dies after the tags were written.
    const account = await failoverAccount();
    await withAlarms(account);
    const failA = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3)));
    await handleAlarmEvent(account.runtime, account.config, failA);
    const stop = account.sim.afterEachCall((call) => {
      if (call.command === 'CreateTags') throw new SimulatedCrashError('Lambda died before the route moved');
    });
    const failB = deliver(account, alarmEvent(IDS.prodNatB, 'ALARM', minutesAfterCapture(6)));
    await expect(handleAlarmEvent(account.runtime, account.config, failB)).rejects.toThrow(
      SimulatedCrashError,
    );
    stop();
    deliver(account, alarmEvent(IDS.prodNatB, 'OK', minutesAfterCapture(25)));

    // Act
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(30))),
    );

    // Assess
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatA);
    expect(Object.keys(tableTags(account, IDS.prodPrivateA)).filter((k) => k.includes('failover'))).toEqual(
      [],
    );
  });
});
