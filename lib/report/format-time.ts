// Dates of the analysis window as people read them. Everything is UTC: the result's instants are UTC.

import { HOURS_PER_DAY } from '../domain/time-units';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026-11-02 00:00 UTC"; a string that is not a date is shown as it came. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  return `${day} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())} UTC`;
}

/** "Mon 2 Nov" */
export function formatDayLabel(date: Date): string {
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** "06:00" */
export function formatHourLabel(date: Date): string {
  return `${pad2(date.getUTCHours())}:00`;
}

/** "14 days" for whole days, else "36 hours". */
export function formatWindowLength(hours: number): string {
  if (hours > 0 && hours % HOURS_PER_DAY === 0) {
    const days = hours / HOURS_PER_DAY;
    return `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** "2026-11-02 00:00 UTC to 2026-11-16 00:00 UTC (14 days)" */
export function formatWindow(window: { start: string; end: string; hours: number }): string {
  return `${formatUtc(window.start)} to ${formatUtc(window.end)} (${formatWindowLength(window.hours)})`;
}

/** "14 d" or "36 h": for narrow column headers. */
export function formatWindowShort(hours: number): string {
  return hours > 0 && hours % HOURS_PER_DAY === 0 ? `${hours / HOURS_PER_DAY} d` : `${hours} h`;
}
