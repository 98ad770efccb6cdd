// Time: daylight-saving changes in the gateway's zone, and a replayed week against the window arithmetic.

import { describe, expect, it } from 'vitest';
import { parseSchedule, upIntervals } from '../../../lib/domain/scheduler/schedule-window';
import { USER_TAGS } from '../../../lib/domain/tag-keys';
import { HOUR_MS } from '../../../lib/domain/time-units';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { replaySchedule } from '../../../lib/use-cases/scheduler/schedule-replay';
import { DEV, exampleSnapshot, scheduleAccount } from './schedule-fixture';

const NO_LEAD = { NAT_OPTIMIZER_UNPARK_LEAD_MINUTES: '0' };
const STEP_MINUTES = 15;
const DELETION_HOURS = 60 / 3600;
const WEEK_FROM = new Date('2026-11-16T00:00:00Z');
const WEEK_TO = new Date('2026-11-23T00:00:00Z');

/** The example account moved to `capturedAt`, its dev gateway on a daily 07:00-19:00 Berlin schedule. */
async function dailyBerlin(capturedAt: string): Promise<Snapshot> {
  const snapshot = await exampleSnapshot();
  snapshot.capturedAt = capturedAt;
  const dev = snapshot.natGateways.find((g) => g.natGatewayId === DEV.nat);
  if (dev) dev.tags[USER_TAGS.schedule] = 'daily@07:00-19:00';
  return snapshot;
}

async function replayActions(snapshot: Snapshot, from: string, to: string) {
  const account = scheduleAccount(snapshot, NO_LEAD);
  const clock = { set: (at: Date) => account.sim.setClock(at) };
  const options = { from: new Date(from), to: new Date(to), stepMinutes: STEP_MINUTES };
  const result = await replaySchedule(account.runtime, account.config, clock, options);
  return result.actions.filter((a) => a.result === 'done').map((a) => `${a.at} ${a.action}`);
}

describe('schedule: daylight-saving changes in Europe/Berlin', () => {
  it('should move the park and unpark instants one hour earlier in UTC after the spring change (2026-03-29)', async () => {
    // Prepare
    const snapshot = await dailyBerlin('2026-03-28T00:00:00Z');

    // Act
    const actions = await replayActions(snapshot, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z');

    // Assess: 07:00/19:00 CET = 06:00Z/18:00Z on Saturday, 07:00/19:00 CEST = 05:00Z/17:00Z on Sunday.
    expect(actions).toEqual([
      '2026-03-28T00:00:00Z park',
      '2026-03-28T06:00:00Z unpark',
      '2026-03-28T18:00:00Z park',
      '2026-03-29T05:00:00Z unpark',
      '2026-03-29T17:00:00Z park',
    ]);
  });

  it('should move them one hour later in UTC after the autumn change (2026-10-25)', async () => {
    // Prepare
    const snapshot = await dailyBerlin('2026-10-24T00:00:00Z');

    // Act
    const actions = await replayActions(snapshot, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z');

    // Assess: CEST on Saturday (UTC+2), CET from Sunday 03:00 local (UTC+1).
    expect(actions).toEqual([
      '2026-10-24T00:00:00Z park',
      '2026-10-24T05:00:00Z unpark',
      '2026-10-24T17:00:00Z park',
      '2026-10-25T06:00:00Z unpark',
      '2026-10-25T18:00:00Z park',
    ]);
  });
});

/** One replayed week of the example account (Monday 2026-11-16 to the next Monday), shared by the tests below. */
let week: ReturnType<typeof replayWeek> | undefined;
async function replayWeek() {
  const account = scheduleAccount(await exampleSnapshot(), NO_LEAD);
  const clock = { set: (at: Date) => account.sim.setClock(at) };
  return replaySchedule(account.runtime, account.config, clock, {
    from: WEEK_FROM,
    to: WEEK_TO,
    stepMinutes: STEP_MINUTES,
  });
}

describe('schedule: a replayed week', () => {
  it('should report the gateway-hours saved that the window arithmetic predicts', async () => {
    // Prepare
    const schedule = parseSchedule('Mon-Fri@07:00-19:00', 'Europe/Berlin');
    const upHours = upIntervals(schedule, WEEK_FROM, WEEK_TO).reduce(
      (h, i) => h + (i.end.getTime() - i.start.getTime()) / HOUR_MS,
      0,
    );

    // Act
    week ??= replayWeek();
    const result = await week;

    // Assess: up exactly inside the windows, plus the minute each deletion takes (6 parks: Monday 00:00 and 5 evenings).
    const parks = result.actions.filter((a) => a.action === 'park' && a.result === 'done').length;
    const unparks = result.actions.filter((a) => a.action === 'unpark' && a.result === 'done').length;
    expect([upHours, parks, unparks]).toEqual([60, 6, 5]);
    const [dev] = result.gateways;
    expect(dev?.natGatewayId).toBe(DEV.nat);
    expect(dev?.hoursAllUp).toBe(168);
    expect(dev?.hoursSaved).toBeCloseTo(168 - upHours - parks * DELETION_HOURS, 6);
  });

  it('should bill each gateway lifetime in whole hours and price the saving at the region hourly rate', async () => {
    // Act
    week ??= replayWeek();
    const result = await week;

    // Assess: the original lives one minute (1 billed hour), each of 5 replacements 12 h 1 min (13 billed hours).
    const billedUp = 1 + 5 * 13;
    expect(result.totals.billedHoursSaved).toBe(168 - billedUp);
    expect(result.totals.dollarsSaved).toBeCloseTo((168 - billedUp) * 0.045, 6);
    expect(result.prices).toMatchObject({
      natGatewayHourly: 0.045,
      publicIpv4Hourly: 0.005,
      source: 'built-in',
    });
  });
});
