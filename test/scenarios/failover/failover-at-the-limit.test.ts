// Moves at EC2's own rate limits: 100 route tables fail over and back with EC2's token buckets on, in one tag call
// each way, never throttled by our own requests, in the time the ReplaceRoute bucket allows (simulated clock).
import { describe, expect, it } from 'vitest';
import { ROUTE_TABLE_TAGS } from '../../../lib/domain/tag-keys';
import { SimulatedCrashError } from '../../../lib/sim/sim-errors';
import { handleAlarmEvent, recheckFailovers } from '../../../lib/use-cases/failover/failover';
import {
  alarmEvent,
  deliver,
  failoverAccount,
  IDS,
  minutesAfterCapture,
  tablesOn,
  tableTags,
  withAlarms,
  withPrivateTables,
} from './failover-fixture';

/** prod-nat-a carries prod-private-a and these: 100 route tables in all. */
const EXTRA_TABLES = 99;
const TABLES = EXTRA_TABLES + 1;
const BUCKET = 50;
const REFILL_PER_SECOND = 5;

describe('failover at EC2 rate limits', () => {
  it('should move 100 tables with one CreateTags and 100 ReplaceRoute, never throttled', async () => {
    // Prepare
    const account = await failoverAccount({ edit: withPrivateTables(EXTRA_TABLES) });
    await withAlarms(account);
    const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3)));
    account.sim.resetCallCounts();

    // Act
    const result = await handleAlarmEvent(account.runtime, account.config, event);

    // Assess
    expect(result.routesMoved).toBe(TABLES);
    expect(result.actions.filter((a) => a.result === 'failed')).toEqual([]);
    expect(account.sim.callCount('EC2.CreateTags')).toBe(1);
    expect(account.sim.callCount('EC2.ReplaceRoute')).toBe(TABLES);
    expect(account.sim.callCount()).toBeLessThanOrEqual(TABLES + 10);
    expect(Object.fromEntries(account.sim.calls)).toEqual({
      // The reads: 114 route tables in the account are two pages of 100.
      'EC2.DescribeVpcs': 1,
      'EC2.DescribeSubnets': 1,
      'EC2.DescribeRouteTables': 2,
      'EC2.DescribeNatGateways': 1,
      'EC2.DescribeAddresses': 1,
      'CloudWatch.DescribeAlarms': 1,
      // The moves.
      'EC2.CreateTags': 1,
      'EC2.ReplaceRoute': TABLES,
      // The notifications.
      'SNS.Publish': 1,
      'EventBridge.PutEvents': 1,
    });
    expect(account.sim.throttledCalls).toBe(0);
    expect(tablesOn(account, IDS.prodNatA)).toEqual([]);
  });

  it('should take the bucket-limited time on the simulated clock: 50 at once, then 5 per second', async () => {
    // Prepare
    const account = await failoverAccount({ edit: withPrivateTables(EXTRA_TABLES) });
    await withAlarms(account);
    const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3)));

    // Act
    const result = await handleAlarmEvent(account.runtime, account.config, event);

    // Assess
    const minimum = (TABLES - BUCKET) / REFILL_PER_SECOND;
    expect(result.recoverySeconds).toBeGreaterThanOrEqual(minimum);
    expect(result.recoverySeconds).toBeLessThanOrEqual(minimum * 1.2);
  });

  it('should move 100 tables back with one DeleteTags, never throttled', async () => {
    // Prepare
    const account = await failoverAccount({ edit: withPrivateTables(EXTRA_TABLES) });
    await withAlarms(account);
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );
    const ok = deliver(account, alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(30)));
    account.sim.resetCallCounts();

    // Act
    const result = await handleAlarmEvent(account.runtime, account.config, ok);

    // Assess
    expect(result.routesMoved).toBe(TABLES);
    expect(account.sim.callCount('EC2.DeleteTags')).toBe(1);
    expect(account.sim.throttledCalls).toBe(0);
    expect(tablesOn(account, IDS.prodNatA)).toHaveLength(TABLES);
    expect(tableTags(account, IDS.prodPrivateA)).not.toHaveProperty(ROUTE_TABLE_TAGS.failoverFrom);
  });

  it('should have tagged every table before moving any route, so a crash after the tag call is finished later', async () => {
    // Prepare
    const account = await failoverAccount({ edit: withPrivateTables(EXTRA_TABLES) });
    await withAlarms(account);
    const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3)));
    const stop = account.sim.afterEachCall((call) => {
      if (call.command === 'CreateTags') throw new SimulatedCrashError('Lambda died after the tag call');
    });
    await expect(handleAlarmEvent(account.runtime, account.config, event)).rejects.toThrow(
      SimulatedCrashError,
    );
    stop();
    const taggedBeforeAnyMove = tablesOn(account, IDS.prodNatA).filter(
      (id) => tableTags(account, id)[ROUTE_TABLE_TAGS.failoverFrom] === IDS.prodNatA,
    );

    // Act
    account.sim.advance(60);
    await recheckFailovers(account.runtime, account.config);

    // Assess
    expect(taggedBeforeAnyMove).toHaveLength(TABLES);
    expect(tablesOn(account, IDS.prodNatA)).toEqual([]);
  });

  it('should still move every table when another tool drained the ReplaceRoute bucket: the SDK retries', async () => {
    // Prepare
    const account = await failoverAccount({ edit: withPrivateTables(20), clock: 'real-time' });
    await withAlarms(account);
    const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3)));
    account.sim.ec2Throttle.drain('ReplaceRoute', account.sim.now().getTime());

    // Act
    const result = await handleAlarmEvent(account.runtime, account.config, event);

    // Assess
    expect(account.sim.ec2Throttle.refused).toBeGreaterThan(0);
    expect(result.actions.filter((a) => a.result === 'failed')).toEqual([]);
    expect(result.routesMoved).toBe(21);
  });
});
