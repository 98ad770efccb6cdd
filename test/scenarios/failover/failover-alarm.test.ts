// ALARM moves every route table of the failing gateway to a healthy one in another AZ; OK moves exactly those back.
import { describe, expect, it } from 'vitest';
import { ROUTE_TABLE_TAGS } from '../../../lib/domain/tag-keys';
import { handleAlarmEvent, recheckFailovers } from '../../../lib/use-cases/failover/failover';
import {
  alarmEvent,
  defaultTarget,
  deliver,
  failoverAccount,
  IDS,
  minutesAfterCapture,
  tableTags,
  withAlarms,
  withImplicitMainSubnet,
} from './failover-fixture';

async function prodAccount() {
  const account = await failoverAccount({ edit: withImplicitMainSubnet });
  await withAlarms(account);
  return account;
}

const ALARM_AT = minutesAfterCapture(3);
const OK_AT = minutesAfterCapture(20);

describe('failover on ALARM and failback on OK', () => {
  it('should move every table of the failing gateway, the main table with implicit subnets included, to another AZ', async () => {
    // Prepare
    const account = await prodAccount();

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', ALARM_AT)),
    );

    // Assess
    expect(result.outcome).toBe('failover');
    expect(result.target).toBe(IDS.prodNatB);
    expect(result.actions.map((a) => [a.routeTableId, a.from, a.to, a.result]).sort()).toEqual(
      [
        [IDS.prodMain, IDS.prodNatA, IDS.prodNatB, 'done'],
        [IDS.prodPrivateA, IDS.prodNatA, IDS.prodNatB, 'done'],
      ].sort(),
    );
    expect(defaultTarget(account, IDS.prodMain)).toBe(IDS.prodNatB);
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatB);
  });

  it('should record on each moved table where it came from, where it went and when', async () => {
    // Prepare
    const account = await prodAccount();

    // Act
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', ALARM_AT)),
    );

    // Assess
    expect(tableTags(account, IDS.prodMain)).toMatchObject({
      [ROUTE_TABLE_TAGS.failoverFrom]: IDS.prodNatA,
      [ROUTE_TABLE_TAGS.failoverTo]: IDS.prodNatB,
      [ROUTE_TABLE_TAGS.failoverAt]: '2026-11-16T00:03:00Z',
    });
    expect(tableTags(account, IDS.prodPrivateB)).not.toHaveProperty(ROUTE_TABLE_TAGS.failoverFrom);
  });

  it('should move exactly the failed-over tables back on OK, leaving the target gateway own tables alone', async () => {
    // Prepare
    const account = await prodAccount();
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', ALARM_AT)),
    );

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'OK', OK_AT)),
    );

    // Assess
    expect(result.outcome).toBe('failback');
    expect(result.actions.map((a) => a.routeTableId).sort()).toEqual([IDS.prodMain, IDS.prodPrivateA].sort());
    expect(defaultTarget(account, IDS.prodMain)).toBe(IDS.prodNatA);
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatA);
    expect(defaultTarget(account, IDS.prodPrivateB)).toBe(IDS.prodNatB);
    expect(
      Object.keys(tableTags(account, IDS.prodMain)).filter((k) => k.startsWith('nat-optimizer:')),
    ).toEqual([]);
  });

  it('should leave the same state when the same ALARM event is delivered twice', async () => {
    // Prepare
    const account = await prodAccount();
    const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', ALARM_AT));
    await handleAlarmEvent(account.runtime, account.config, event);
    const afterFirst = structuredClone(account.sim.state.routeTables);

    // Act
    const second = await handleAlarmEvent(account.runtime, account.config, deliver(account, event));

    // Assess
    expect(second.routesMoved).toBe(0);
    expect(account.sim.state.routeTables).toEqual(afterFirst);
    expect(account.sim.callCount('EC2.ReplaceRoute')).toBe(2);
  });

  it('should leave the routes on the gateway when OK is delivered before the older ALARM', async () => {
    // Prepare
    const account = await prodAccount();
    const alarm = alarmEvent(IDS.prodNatA, 'ALARM', ALARM_AT);
    const ok = alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(5));

    // Act
    await handleAlarmEvent(account.runtime, account.config, deliver(account, ok));
    const late = await handleAlarmEvent(account.runtime, account.config, deliver(account, alarm));

    // Assess
    expect(late.alarmState).toBe('OK');
    expect(late.routesMoved).toBe(0);
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatA);
    expect(defaultTarget(account, IDS.prodMain)).toBe(IDS.prodNatA);
  });

  it('should not move routes back on an OK within the minimum hold, and say until when', async () => {
    // Prepare
    const account = await prodAccount();
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', ALARM_AT)),
    );

    // Act
    const early = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(6))),
    );

    // Assess
    expect(early.outcome).toBe('none');
    expect(early.actions.every((a) => a.result === 'skipped')).toBe(true);
    expect(early.actions[0]?.reason).toContain('moves back after 2026-11-16T00:13:00.000Z');
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatB);
  });

  it('should fail back from the 5-minute recheck once the hold has passed and the alarm is still OK', async () => {
    // Prepare
    const account = await prodAccount();
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', ALARM_AT)),
    );
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(6))),
    );
    account.sim.setClock(minutesAfterCapture(15));

    // Act
    const recheck = await recheckFailovers(account.runtime, account.config);

    // Assess
    expect(recheck.routesMoved).toBe(2);
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatA);
    expect(defaultTarget(account, IDS.prodMain)).toBe(IDS.prodNatA);
  });

  it('should end with the routes on the recovered gateway after ALARM, early OK, a stale ALARM repeat and a recheck', async () => {
    // Prepare
    const account = await prodAccount();
    const alarm = alarmEvent(IDS.prodNatA, 'ALARM', ALARM_AT);
    await handleAlarmEvent(account.runtime, account.config, deliver(account, alarm));
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(6))),
    );

    // Act
    const stale = await handleAlarmEvent(account.runtime, account.config, deliver(account, alarm));
    account.sim.setClock(minutesAfterCapture(15));
    await recheckFailovers(account.runtime, account.config);

    // Assess
    expect(stale.routesMoved).toBe(0);
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatA);
    expect(tableTags(account, IDS.prodPrivateA)).not.toHaveProperty(ROUTE_TABLE_TAGS.failoverFrom);
  });

  it('should change nothing on INSUFFICIENT_DATA and say why', async () => {
    // Prepare
    const account = await prodAccount();

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'INSUFFICIENT_DATA', ALARM_AT)),
    );

    // Assess
    expect(result.outcome).toBe('none');
    expect(result.reason).toContain('insufficient data');
    expect(account.sim.callCount('EC2.ReplaceRoute')).toBe(0);
  });
});
