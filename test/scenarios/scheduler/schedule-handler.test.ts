// The Lambda handler on the simulated account: one summary, events, and waits bounded by the time left.
import { describe, expect, it } from 'vitest';
import scheduled from '../../../events/schedule-scheduled.json';
import { scheduleHandler } from '../../../handlers/schedule';
import { scheduledEventSchema } from '../../../lib/events/scheduled-event';
import { recordedEvents } from '../../../lib/sim/eventbridge';
import { DEV, EVENING, exampleScheduleAccount, liveGatewaysIn, NEXT_MORNING } from './schedule-fixture';

const event = scheduledEventSchema.parse(scheduled);
const PLENTY_OF_TIME = () => 300;

describe('schedule handler', () => {
  it('should park the dev gateway and summarise the run', async () => {
    // Prepare
    const account = await exampleScheduleAccount();
    account.sim.setClock(new Date(EVENING));

    // Act
    const summary = await scheduleHandler(event, PLENTY_OF_TIME, account.runtime);

    // Assess
    expect(summary).toMatchObject({ parked: 1, unparked: 0, failed: 0, actions: [`park ${DEV.nat}: done`] });
    expect(recordedEvents(account.sim).map((e) => e.detailType)).toEqual(['NAT Gateway Parked']);
  });

  it('should stop waiting when the invocation is nearly out of time and let the next run finish', async () => {
    // Prepare
    const account = await exampleScheduleAccount();
    await account.run(EVENING);
    account.sim.setClock(new Date(NEXT_MORNING));

    // Act
    const first = await scheduleHandler(event, () => 10, account.runtime);
    const pending = liveGatewaysIn(account.sim.state, DEV.vpc).map((g) => g.state);
    account.sim.advance(300);
    const second = await scheduleHandler(event, PLENTY_OF_TIME, account.runtime);

    // Assess
    expect(first.actions[0]).toMatch(/^unpark .*: skipped$/);
    expect(pending).toEqual(['pending']);
    expect(second).toMatchObject({ unparked: 1 });
    expect(liveGatewaysIn(account.sim.state, DEV.vpc).map((g) => g.state)).toEqual(['available']);
    expect(recordedEvents(account.sim).map((e) => e.detailType)).toEqual([
      'NAT Gateway Parked',
      'NAT Gateway Unparked',
    ]);
  });

  it('should reject an event that is not a scheduled event', async () => {
    // Prepare
    const other = await import('../../../events/schedule-not-scheduled.json');

    // Act
    const parsed = scheduledEventSchema.safeParse(other.default);

    // Assess
    expect(parsed.success).toBe(false);
  });
});
