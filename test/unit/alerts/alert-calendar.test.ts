import { describe, expect, it } from 'vitest';
import {
  AlertDateError,
  alertCalendar,
  assertDayOver,
  lastFullDay,
  remainingHoursInMonth,
} from '../../../lib/domain/alerts/alert-calendar';

describe('alertCalendar', () => {
  it('should make a UTC day run from midnight to midnight, 24 hours', () => {
    // Act
    const calendar = alertCalendar('2026-11-15', 'UTC', 14);

    // Assess
    expect(calendar.day).toEqual({
      date: '2026-11-15',
      start: new Date('2026-11-15T00:00:00Z'),
      end: new Date('2026-11-16T00:00:00Z'),
      hours: 24,
    });
  });

  it('should give the 14 previous days, oldest first', () => {
    // Act
    const calendar = alertCalendar('2026-11-15', 'UTC', 14);

    // Assess
    expect(calendar.history.map((d) => d.date)).toEqual(
      Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('should make the day of the autumn clock change in Berlin 25 hours long', () => {
    // Act
    const calendar = alertCalendar('2026-10-25', 'Europe/Berlin', 14);

    // Assess
    expect(calendar.day).toMatchObject({
      start: new Date('2026-10-24T22:00:00Z'),
      end: new Date('2026-10-25T23:00:00Z'),
      hours: 25,
    });
  });

  it('should make the day of the spring clock change in Berlin 23 hours long', () => {
    // Act
    const calendar = alertCalendar('2026-03-29', 'Europe/Berlin', 14);

    // Assess
    expect(calendar.day.hours).toBe(23);
  });

  it('should start the metric window at the month start when the month began before the history', () => {
    // Act
    const calendar = alertCalendar('2026-11-30', 'UTC', 14);

    // Assess
    expect(calendar.window).toEqual({
      start: new Date('2026-11-01T00:00:00Z'),
      end: new Date('2026-12-01T00:00:00Z'),
      periodSeconds: 3600,
    });
  });

  it('should start the metric window at the history when the month began after it', () => {
    // Act
    const calendar = alertCalendar('2026-11-03', 'UTC', 14);

    // Assess
    expect(calendar.window.start).toEqual(new Date('2026-10-20T00:00:00Z'));
    expect(calendar.month).toEqual({
      label: '2026-11',
      start: new Date('2026-11-01T00:00:00Z'),
      end: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('should ask for half-hour buckets in a zone whose midnight falls on the half hour', () => {
    // Act
    const calendar = alertCalendar('2026-11-15', 'Asia/Kolkata', 14);

    // Assess
    expect(calendar.day.start).toEqual(new Date('2026-11-14T18:30:00Z'));
    expect(calendar.window.periodSeconds).toBe(1800);
  });

  it('should refuse a date that is not a calendar day, naming it', () => {
    // Act
    const attempt = () => alertCalendar('2026-02-30', 'UTC', 14);

    // Assess
    expect(attempt).toThrow(AlertDateError);
    expect(attempt).toThrow('"2026-02-30"');
  });

  it('should count the hours left in the month after the day', () => {
    // Act
    const hours = remainingHoursInMonth(alertCalendar('2026-11-15', 'UTC', 14));

    // Assess
    expect(hours).toBe(15 * 24);
  });
});

describe('lastFullDay', () => {
  it('should be yesterday in the zone', () => {
    // Act
    const day = lastFullDay(new Date('2026-11-16T00:00:00Z'), 'UTC');

    // Assess
    expect(day).toBe('2026-11-15');
  });

  it('should follow the zone, not UTC', () => {
    // Act
    const day = lastFullDay(new Date('2026-11-16T07:00:00Z'), 'America/Los_Angeles');

    // Assess
    expect(day).toBe('2026-11-14');
  });
});

describe('assertDayOver', () => {
  it('should refuse a day that has not ended yet', () => {
    // Prepare
    const calendar = alertCalendar('2026-11-16', 'UTC', 14);

    // Act
    const attempt = () => assertDayOver(calendar, new Date('2026-11-16T12:00:00Z'));

    // Assess
    expect(attempt).toThrow(/2026-11-16 \(UTC\) is not over yet/);
  });
});
