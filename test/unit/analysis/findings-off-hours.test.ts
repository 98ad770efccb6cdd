import { describe, expect, it } from 'vitest';
import type { NatGateway } from '../../../lib/domain/model';
import { parseSchedule, upHoursPerWeek } from '../../../lib/domain/scheduler/schedule-window';
import {
  defaultRouteTo,
  findingOf,
  GIB,
  hourly,
  inventory,
  natGateway,
  routeTable,
  run,
  trafficMetrics,
} from './analysis-builders';

const BUSY = 50 * GIB;
const QUIET = 0.01 * GIB;

function isWeekday(date: Date): boolean {
  const day = date.getUTCDay();
  return day >= 1 && day <= 5;
}

/** Runs the analysis on one routed gateway with the given hourly traffic. */
function analyzeProfile(
  bytes: (date: Date) => number,
  options: { gateway?: Partial<NatGateway>; timezone?: string } = {},
) {
  const account = inventory({
    natGateways: [natGateway('nat-1', { tags: { Name: 'staging' }, ...options.gateway })],
    routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-1')])],
  });
  const settings = options.timezone ? { offHoursTimezone: options.timezone } : {};
  return run({ inventory: account, metrics: { 'nat-1': trafficMetrics(hourly(bytes)) }, settings });
}

const officeHoursUtc = (date: Date) => {
  const hour = date.getUTCHours();
  return isWeekday(date) && hour >= 9 && hour < 17 ? BUSY : QUIET;
};

describe('OFF_HOURS_CANDIDATE', () => {
  it('should propose the busy hours plus an hour of margin on each side as the schedule', () => {
    // Act
    const result = analyzeProfile(officeHoursUtc);

    // Assess
    const finding = findingOf(result, 'nat-1', 'OFF_HOURS_CANDIDATE');
    expect(finding?.proposedSchedule).toBe('Mon-Fri@08:00-18:00');
    expect(finding?.details).toMatchObject({ timezone: 'UTC', parkedHoursPerWeek: 118 });
  });

  it('should value the parked hours at the hourly price over a 730-hour month', () => {
    // Act
    const result = analyzeProfile(officeHoursUtc);

    // Assess
    const finding = findingOf(result, 'nat-1', 'OFF_HOURS_CANDIDATE');
    expect(finding?.estimatedMonthlySavings).toBeCloseTo((118 / 168) * 730 * 0.045, 6);
    expect(finding?.message).toContain('tag it nat-optimizer:schedule=Mon-Fri@08:00-18:00');
  });

  it('should propose a schedule that parses back to the hours it keeps up', () => {
    // Act
    const result = analyzeProfile(officeHoursUtc);

    // Assess
    const proposed = findingOf(result, 'nat-1', 'OFF_HOURS_CANDIDATE')?.proposedSchedule ?? '';
    expect(upHoursPerWeek(parseSchedule(proposed, 'UTC'))).toBe(168 - 118);
  });

  it('should build the profile and the schedule in the configured time zone', () => {
    // Prepare: 08:00-17:00 UTC is 09:00-18:00 in Berlin in November
    const traffic = (date: Date) => {
      const hour = date.getUTCHours();
      return isWeekday(date) && hour >= 8 && hour < 17 ? BUSY : QUIET;
    };

    // Act
    const result = analyzeProfile(traffic, { timezone: 'Europe/Berlin' });

    // Assess
    const finding = findingOf(result, 'nat-1', 'OFF_HOURS_CANDIDATE');
    expect(finding?.proposedSchedule).toBe('Mon-Fri@08:00-19:00');
    expect(finding?.details?.timezone).toBe('Europe/Berlin');
    expect(finding?.message).toContain('nat-optimizer:timezone=Europe/Berlin');
  });

  it('should write a nightly busy stretch as one window crossing midnight', () => {
    // Prepare: batch jobs from 20:00 to 04:00 UTC every night
    const traffic = (date: Date) => {
      const hour = date.getUTCHours();
      return hour >= 20 || hour < 4 ? BUSY : QUIET;
    };

    // Act
    const result = analyzeProfile(traffic);

    // Assess
    const finding = findingOf(result, 'nat-1', 'OFF_HOURS_CANDIDATE');
    expect(finding?.proposedSchedule).toBe('daily@19:00-05:00');
    expect(finding?.details?.parkedHoursPerWeek).toBe(98);
  });

  it('should not fire on a round-the-clock profile whose nights are merely lower', () => {
    // Prepare
    const traffic = (date: Date) => (date.getUTCHours() < 7 ? 0.4 * BUSY : BUSY);

    // Act
    const result = analyzeProfile(traffic);

    // Assess
    expect(findingOf(result, 'nat-1', 'OFF_HOURS_CANDIDATE')).toBeUndefined();
  });

  it('should not fire when fewer hours than the minimum could be parked', () => {
    // Prepare: quiet only 01:00-05:00 → 2 parked hours a day, 14 a week
    const traffic = (date: Date) => {
      const hour = date.getUTCHours();
      return hour >= 1 && hour < 5 ? QUIET : BUSY;
    };

    // Act
    const result = analyzeProfile(traffic);

    // Assess
    expect(findingOf(result, 'nat-1', 'OFF_HOURS_CANDIDATE')).toBeUndefined();
  });

  it('should leave a gateway that already has a schedule tag alone', () => {
    // Act
    const result = analyzeProfile(officeHoursUtc, {
      gateway: { tags: { Name: 'dev', 'nat-optimizer:schedule': 'Mon-Fri@07:00-19:00' } },
    });

    // Assess
    expect(findingOf(result, 'nat-1', 'OFF_HOURS_CANDIDATE')).toBeUndefined();
  });

  it('should not fire with less than a week of data for the gateway', () => {
    // Act
    const result = analyzeProfile(officeHoursUtc, {
      gateway: { createTime: new Date('2026-11-10T00:00:00Z') },
    });

    // Assess
    expect(findingOf(result, 'nat-1', 'OFF_HOURS_CANDIDATE')).toBeUndefined();
  });
});
