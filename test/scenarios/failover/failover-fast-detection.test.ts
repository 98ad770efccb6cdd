// Fast detection end to end on the simulated clock: the probe's EMF lines, CloudWatch evaluating both alarms of the
// gateway, EventBridge invoking failover. Egress breaking moves 50 route tables within a minute; one lost probe
// check, or a gateway that carries no traffic, moves nothing.
import { describe, expect, it } from 'vitest';
import { alarmNameFor } from '../../../lib/domain/failover/failover-opt-in';
import { fastAlarmNameFor } from '../../../lib/domain/failover/fast-detection';
import { type DrillDelays, type OutageDrill, runOutageDrill } from '../../../lib/sim/egress-outage-drill';
import { syncFailoverAlarms } from '../../../lib/use-cases/failover/alarm-sync';
import { handleAlarmEvent } from '../../../lib/use-cases/failover/failover';
import {
  alarmEvent,
  deliver,
  type FailoverAccount,
  failoverAccount,
  IDS,
  minutesAfterCapture,
  tablesOn,
  withAlarms,
  withPrivateTables,
} from './failover-fixture';

/** prod-nat-a carries prod-private-a and these: 50 route tables. */
const EXTRA_TABLES = 49;
const PROBE = { url: 'https://aws.amazon.com/', timeoutMs: 3000, intervalSeconds: 5 };
/**
 * Assumed: a probe line counts 5 s after it is written; NAT gateway metrics of a minute arrive a minute after it
 * (later than a period, FILL(…, 0) in the metric alarm would read them as healthy); the function starts 1 s after
 * the state change.
 */
const DELAYS: DrillDelays = { emfMs: 5000, natMetricsMs: 60_000, invokeMs: 1000 };
const PACKETS_PER_MINUTE = 60_000;
const SECOND_MS = 1000;

async function account(fast: boolean): Promise<FailoverAccount> {
  const a = await failoverAccount({
    edit: withPrivateTables(EXTRA_TABLES),
    env: fast ? { NAT_OPTIMIZER_FAST_DETECTION: IDS.prodVpc } : {},
  });
  await syncFailoverAlarms(a.runtime, a.config);
  return a;
}

function drill(a: FailoverAccount, overrides: Partial<OutageDrill>): OutageDrill {
  return {
    natGatewayId: IDS.prodNatA,
    failAt: null,
    until: minutesAfterCapture(10),
    probe: PROBE,
    packetsPerMinute: PACKETS_PER_MINUTE,
    delays: DELAYS,
    onAlarm: (event) => handleAlarmEvent(a.runtime, a.config, event),
    ...overrides,
  };
}

function lastMovedAt(outcome: Awaited<ReturnType<typeof runOutageDrill>>): number {
  const failover = outcome.failovers.find((f) => f.result.routesMoved > 0);
  const timestamp = failover?.result.recoverySeconds ?? Number.NaN;
  const alarmAt = outcome.transitions.find(
    (t) => t.alarmName === failover?.alarmName && t.to === 'ALARM',
  )?.at;
  return (alarmAt?.getTime() ?? Number.NaN) + timestamp * SECOND_MS;
}

describe('fast detection', () => {
  it('should move the last of 50 route tables within 60 s of egress breaking', async () => {
    // Prepare
    const a = await account(true);
    const failAt = new Date(minutesAfterCapture(3).getTime() + 7 * SECOND_MS);

    // Act
    const outcome = await runOutageDrill(a.sim, drill(a, { failAt }));

    // Assess
    const moved = outcome.failovers.find((f) => f.result.routesMoved > 0);
    expect(moved?.alarmName).toBe(fastAlarmNameFor(IDS.prodNatA));
    expect(moved?.result.routesMoved).toBe(EXTRA_TABLES + 1);
    expect(tablesOn(a, IDS.prodNatA)).toEqual([]);
    expect(lastMovedAt(outcome) - failAt.getTime()).toBeLessThanOrEqual(60 * SECOND_MS);
    expect(a.sim.throttledCalls).toBe(0);
  });

  it('should not fail over when one probe check is lost', async () => {
    // Prepare
    const a = await account(true);
    const lostCheck = new Date(minutesAfterCapture(3).getTime() + 25 * SECOND_MS);

    // Act
    const outcome = await runOutageDrill(a.sim, drill(a, { lostChecks: [lostCheck] }));

    // Assess
    expect(outcome.failedChecks).toBe(1);
    expect(outcome.transitions.filter((t) => t.to === 'ALARM')).toEqual([]);
    expect(outcome.failovers).toEqual([]);
    expect(tablesOn(a, IDS.prodNatA)).toHaveLength(EXTRA_TABLES + 1);
  });

  it('should not fail over when two checks in a row are lost either: one failing 10-second period is not enough', async () => {
    // Prepare: checks at :20 and :25 fall in two periods, each with a good check besides.
    const a = await account(true);
    const base = minutesAfterCapture(3).getTime();
    const lostChecks = [new Date(base + 15 * SECOND_MS), new Date(base + 20 * SECOND_MS)];

    // Act
    const outcome = await runOutageDrill(a.sim, drill(a, { lostChecks }));

    // Assess
    expect(outcome.failedChecks).toBe(2);
    expect(outcome.failovers).toEqual([]);
  });

  it('should never fail over a gateway that carries no traffic and has no probe', async () => {
    // Prepare
    const a = await account(true);

    // Act
    const outcome = await runOutageDrill(
      a.sim,
      drill(a, { probe: null, packetsPerMinute: null, until: minutesAfterCapture(30) }),
    );

    // Assess
    expect(outcome.transitions.filter((t) => t.to === 'ALARM')).toEqual([]);
    expect(outcome.failovers).toEqual([]);
    expect(a.sim.state.alarms?.find((al) => al.alarmName === fastAlarmNameFor(IDS.prodNatA))?.state).toBe(
      'OK',
    );
    expect(a.sim.state.alarms?.find((al) => al.alarmName === alarmNameFor(IDS.prodNatA))?.state).toBe('OK');
  });

  it('should never fail over a gateway whose only traffic is a healthy probe', async () => {
    const a = await account(true);
    const outcome = await runOutageDrill(
      a.sim,
      drill(a, { packetsPerMinute: null, until: minutesAfterCapture(30) }),
    );
    expect(outcome.checks).toBeGreaterThan(300);
    expect(outcome.failovers).toEqual([]);
  });

  it('should still fail over on the metric alarm alone, minutes later, for a gateway without fast detection', async () => {
    // Prepare
    const a = await account(false);
    const failAt = new Date(minutesAfterCapture(3).getTime() + 7 * SECOND_MS);

    // Act
    const outcome = await runOutageDrill(a.sim, drill(a, { failAt }));

    // Assess
    const moved = outcome.failovers.find((f) => f.result.routesMoved > 0);
    expect(moved?.alarmName).toBe(alarmNameFor(IDS.prodNatA));
    expect(a.sim.state.alarms?.some((al) => al.alarmName === fastAlarmNameFor(IDS.prodNatA))).toBe(false);
    const seconds = (lastMovedAt(outcome) - failAt.getTime()) / SECOND_MS;
    expect(seconds).toBeGreaterThan(120);
    expect(seconds).toBeLessThan(300);
  });
});

describe('a gateway with two alarms', () => {
  async function failedOver(): Promise<FailoverAccount> {
    const a = await failoverAccount({ env: { NAT_OPTIMIZER_FAST_DETECTION: IDS.prodNatA } });
    await withAlarms(a);
    const fast = alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3));
    fast.detail.alarmName = fastAlarmNameFor(IDS.prodNatA);
    await handleAlarmEvent(a.runtime, a.config, deliver(a, fast));
    return a;
  }

  it('should keep the routes failed over while the metric alarm is in ALARM, although the fast alarm is OK', async () => {
    // Prepare
    const a = await failedOver();
    deliver(a, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(4)));
    const ok = alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(30));
    ok.detail.alarmName = fastAlarmNameFor(IDS.prodNatA);

    // Act
    const result = await handleAlarmEvent(a.runtime, a.config, deliver(a, ok));

    // Assess
    expect(result.alarmState).toBe('ALARM');
    expect(result.routesMoved).toBe(0);
    expect(result.reason).toContain("the gateway's other alarm keeps it ALARM");
    expect(tablesOn(a, IDS.prodNatA)).toEqual([]);
  });

  it('should move the routes back once both alarms are OK', async () => {
    // Prepare
    const a = await failedOver();
    const ok = alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(30));
    ok.detail.alarmName = fastAlarmNameFor(IDS.prodNatA);

    // Act
    const result = await handleAlarmEvent(a.runtime, a.config, deliver(a, ok));

    // Assess
    expect(result.outcome).toBe('failback');
    expect(tablesOn(a, IDS.prodNatA)).toContain(IDS.prodPrivateA);
  });
});
