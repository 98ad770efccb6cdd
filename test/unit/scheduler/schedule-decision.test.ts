import { describe, expect, it } from 'vitest';
import {
  desiredState,
  gatewaySchedule,
  hoursUntilUp,
  keepUpUntil,
  offPeriodStart,
  type ScheduleSettings,
} from '../../../lib/domain/scheduler/schedule-decision';
import { parseSchedule, ScheduleParseError } from '../../../lib/domain/scheduler/schedule-window';

const BERLIN_WORKDAYS = parseSchedule('Mon-Fri@07:00-19:00', 'Europe/Berlin');
const SETTINGS: ScheduleSettings = { defaultTimezone: 'UTC', unparkLeadMinutes: 10, holidays: [] };

describe('desiredState', () => {
  it('should want the gateway up inside its window', () => {
    // Act
    const desired = desiredState(BERLIN_WORKDAYS, new Date('2026-11-16T12:00:00Z'), SETTINGS);

    // Assess
    expect(desired).toEqual({ up: true, reason: 'inside window Mon-Fri@07:00-19:00 (Europe/Berlin)' });
  });

  it('should want it down outside its window', () => {
    // Act
    const desired = desiredState(BERLIN_WORKDAYS, new Date('2026-11-16T18:00:00Z'), SETTINGS);

    // Assess
    expect(desired.up).toBe(false);
  });

  it('should want it up within the startup lead before the window opens, and not earlier', () => {
    // Act
    const inLead = desiredState(BERLIN_WORKDAYS, new Date('2026-11-17T05:50:00Z'), SETTINGS);
    const before = desiredState(BERLIN_WORKDAYS, new Date('2026-11-17T05:49:00Z'), SETTINGS);

    // Assess
    expect(inLead).toEqual({
      up: true,
      reason:
        'window Mon-Fri@07:00-19:00 (Europe/Berlin) opens at 2026-11-17T06:00:00Z, within the 10-minute startup lead',
    });
    expect(before.up).toBe(false);
  });

  it('should keep it down all day on a holiday of its own zone, even inside the window', () => {
    // Act
    const desired = desiredState(BERLIN_WORKDAYS, new Date('2026-12-24T10:00:00Z'), {
      ...SETTINGS,
      holidays: ['2026-12-24'],
    });

    // Assess
    expect(desired).toEqual({ up: false, reason: 'holiday 2026-12-24 in Europe/Berlin: parked all day' });
  });

  it('should not start the lead into a holiday', () => {
    // Act: 2026-12-24 07:00 Berlin is 06:00Z; ten minutes before it is still the 24th locally.
    const desired = desiredState(BERLIN_WORKDAYS, new Date('2026-12-24T05:55:00Z'), {
      ...SETTINGS,
      holidays: ['2026-12-24'],
    });

    // Assess
    expect(desired.up).toBe(false);
  });

  it('should want it up while keep-up-until lies ahead, and follow the schedule once it has passed', () => {
    // Prepare
    const until = new Date('2026-11-16T22:00:00Z');

    // Act
    const kept = desiredState(BERLIN_WORKDAYS, new Date('2026-11-16T21:59:00Z'), SETTINGS, { until });
    const after = desiredState(BERLIN_WORKDAYS, new Date('2026-11-16T22:00:00Z'), SETTINGS, { until });

    // Assess
    expect(kept).toEqual({
      up: true,
      reason: 'kept up until 2026-11-16T22:00:00Z by nat-optimizer:keep-up-until',
    });
    expect(after.up).toBe(false);
  });
});

describe('keepUpUntil', () => {
  it('should take the latest instant among the gateway and its EIP, and report a malformed one', () => {
    // Act
    const found = keepUpUntil([
      { 'nat-optimizer:keep-up-until': '2026-11-16T20:00:00Z' },
      { 'nat-optimizer:keep-up-until': '2026-11-16T23:00:00Z' },
      { 'nat-optimizer:keep-up-until': 'tonight' },
    ]);

    // Assess
    expect(found).toEqual({
      until: new Date('2026-11-16T23:00:00Z'),
      problem: 'invalid nat-optimizer:keep-up-until "tonight": not an ISO-8601 instant',
    });
  });
});

describe('gatewaySchedule', () => {
  it('should read the schedule, the zone (default from config) and the off-hours mode', () => {
    // Act
    const parsed = gatewaySchedule(
      { 'nat-optimizer:schedule': 'weekdays@08:00-18:00', 'nat-optimizer:off-hours': 'Consolidate' },
      'Europe/Paris',
    );

    // Assess
    expect(parsed.schedule.timezone).toBe('Europe/Paris');
    expect(parsed.mode).toBe('consolidate');
  });

  it('should reject an unknown off-hours mode naming the value', () => {
    // Act
    const parse = () =>
      gatewaySchedule(
        { 'nat-optimizer:schedule': 'daily@08:00-18:00', 'nat-optimizer:off-hours': 'stop' },
        'UTC',
      );

    // Assess
    expect(parse).toThrow(ScheduleParseError);
    expect(parse).toThrow('invalid nat-optimizer:off-hours "stop": expected park or consolidate');
  });
});

describe('off periods', () => {
  it('should date the current off period from the end of the last window', () => {
    // Act
    const start = offPeriodStart(BERLIN_WORKDAYS, new Date('2026-11-16T20:30:00Z'));

    // Assess
    expect(start).toEqual(new Date('2026-11-16T18:00:00Z'));
  });

  it('should count the hours until the next window, over a weekend', () => {
    // Act: Friday 19:00 Berlin to Monday 07:00 Berlin.
    const hours = hoursUntilUp(BERLIN_WORKDAYS, new Date('2026-11-20T18:00:00Z'));

    // Assess
    expect(hours).toBe(60);
  });
});
