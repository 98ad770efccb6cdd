// Calendar days of the daily cost alert in a time zone: the day, its history and its month, as instants.
// A day runs from local midnight to the next local midnight, so it lasts 23 or 25 hours when the clocks change.

import { DateTime } from 'luxon';
import type { MetricWindow } from '../metric-series';
import { CALENDAR_DATE, HOUR_MS } from '../time-units';

export interface CalendarDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
  /** Clock hours between the two midnights: 24, or 23/25 on a daylight-saving change. */
  hours: number;
}

export interface AlertCalendar {
  zone: string;
  day: CalendarDay;
  /** The days before `day`, oldest first. */
  history: CalendarDay[];
  /** Local calendar month of `day`: its first instant, its end, and its label YYYY-MM. */
  month: { label: string; start: Date; end: Date };
  /** One metric window covering the history and the month to date, so one GetMetricData pass serves both. */
  window: MetricWindow;
}

export class AlertDateError extends Error {
  override name = 'AlertDateError';
}

/**
 * Periods GetMetricData accepts, largest first. Hourly unless a zone's midnight falls inside a UTC hour
 * (Asia/Kolkata +05:30, Asia/Kathmandu +05:45): then the largest period that lands on every midnight.
 */
const PERIODS_SECONDS = [3600, 1800, 900, 300, 60] as const;

function calendarDay(start: DateTime): CalendarDay {
  const end = start.plus({ days: 1 }).startOf('day');
  return {
    date: start.toISODate() ?? '',
    start: start.toJSDate(),
    end: end.toJSDate(),
    hours: end.diff(start, 'hours').hours,
  };
}

function parseDate(date: string, zone: string): DateTime {
  const parsed = CALENDAR_DATE.test(date) ? DateTime.fromISO(date, { zone }) : undefined;
  if (!parsed?.isValid)
    throw new AlertDateError(`the alert date must be a calendar date YYYY-MM-DD, got "${date}"`);
  return parsed.startOf('day');
}

function periodFor(boundaries: Date[]): number {
  const fits = (seconds: number) => boundaries.every((b) => b.getTime() % (seconds * 1000) === 0);
  return PERIODS_SECONDS.find(fits) ?? 60;
}

export function alertCalendar(date: string, zone: string, historyDays: number): AlertCalendar {
  const start = parseDate(date, zone);
  const day = calendarDay(start);
  const history = Array.from({ length: historyDays }, (_, i) =>
    calendarDay(start.minus({ days: historyDays - i }).startOf('day')),
  );
  const monthStart = start.startOf('month');
  const month = {
    label: monthStart.toFormat('yyyy-MM'),
    start: monthStart.toJSDate(),
    end: monthStart.plus({ months: 1 }).startOf('month').toJSDate(),
  };
  const first = history[0]?.start ?? day.start;
  const windowStart = new Date(Math.min(first.getTime(), month.start.getTime()));
  const periodSeconds = periodFor([windowStart, day.start, day.end, ...history.map((h) => h.start)]);
  return { zone, day, history, month, window: { start: windowStart, end: day.end, periodSeconds } };
}

/** The last local day that has ended at `now`: yesterday in the zone. */
export function lastFullDay(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).minus({ days: 1 }).toISODate() ?? '';
}

/** A day can only be alerted on once it is over: its cost is not known before. */
export function assertDayOver(calendar: AlertCalendar, now: Date): void {
  if (calendar.day.end.getTime() > now.getTime()) {
    throw new AlertDateError(
      `${calendar.day.date} (${calendar.zone}) is not over yet: it ends at ${calendar.day.end.toISOString()}`,
    );
  }
}

/** Hours from the end of the day to the end of its month (what a month-end projection still has to run). */
export function remainingHoursInMonth(calendar: AlertCalendar): number {
  return (calendar.month.end.getTime() - calendar.day.end.getTime()) / HOUR_MS;
}
