// Evaluation of a parsed `nat-optimizer:schedule` against instants: pure, `now` is always a parameter.
//
// Windows are wall-clock times in the schedule's IANA zone, turned into instants per local date, so a
// 23- or 25-hour day keeps its windows at the same local times. Local times that do not exist once:
// - spring-forward gap: the boundary moves to the first instant after the gap (02:30 → 03:00 in Berlin);
// - fall-back overlap: the boundary is the first occurrence (02:30 CEST, not 02:30 CET).
// isUp, nextTransition and upIntervals all derive from the same intervals, so they never disagree.

import { DateTime, IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS, MINUTES_PER_DAY } from '../time-units';
import { type Schedule, ScheduleParseError, type ScheduleWindow } from './schedule-parse';

export type { Schedule, ScheduleWindow, Weekday, WindowSpec } from './schedule-parse';
export { formatSchedule, parseSchedule, ScheduleParseError } from './schedule-parse';

export interface Transition {
  at: Date;
  up: boolean;
}

/** Half-open [start, end) in epoch milliseconds. */
interface Span {
  start: number;
  end: number;
}

const WEEK_MINUTES = 7 * MINUTES_PER_DAY;
const DEFAULT_HORIZON_DAYS = 8;

export function isUp(schedule: Schedule, now: Date): boolean {
  const t = millisOf(now, 'now');
  const zone = zoneOf(schedule);
  const today = localDay(zone, t);
  // Yesterday for windows crossing midnight; tomorrow for zones that fall back across midnight.
  return spansForDays(schedule, zone, today - 1, today + 1).some((span) => span.start <= t && t < span.end);
}

/** The first instant strictly after `now`, and no later than `now + horizonDays`, where the desired state flips. */
export function nextTransition(
  schedule: Schedule,
  now: Date,
  horizonDays: number = DEFAULT_HORIZON_DAYS,
): Transition | undefined {
  if (!Number.isFinite(horizonDays) || horizonDays <= 0) {
    throw new RangeError(`horizonDays must be a positive number, got ${horizonDays}`);
  }
  const t = millisOf(now, 'now');
  const limit = t + horizonDays * DAY_MS;
  for (const span of spansBetween(schedule, t, limit)) {
    if (span.start > t) return span.start <= limit ? { at: new Date(span.start), up: true } : undefined;
    if (t < span.end) return span.end <= limit ? { at: new Date(span.end), up: false } : undefined;
  }
  return undefined;
}

/** Merged intervals within [from, to) during which the gateway must be up, clipped to that range. */
export function upIntervals(schedule: Schedule, from: Date, to: Date): Array<{ start: Date; end: Date }> {
  const start = millisOf(from, 'from');
  const end = millisOf(to, 'to');
  if (end <= start) return [];
  return spansBetween(schedule, start, end)
    .filter((span) => span.end > start && span.start < end)
    .map((span) => ({
      start: new Date(Math.max(span.start, start)),
      end: new Date(Math.min(span.end, end)),
    }));
}

/** Nominal hours up per week, on wall-clock time (a DST week is not special). */
export function upHoursPerWeek(schedule: Schedule): number {
  const spans = schedule.windows.flatMap((window) => window.days.flatMap((day) => weekSpans(window, day)));
  return mergeSpans(spans).reduce((sum, span) => sum + span.end - span.start, 0) / 60;
}

/** Up now, or a window opens within the next `leadMinutes` (the gateway needs time to start). */
export function isUpWithLead(schedule: Schedule, now: Date, leadMinutes: number): boolean {
  if (!Number.isFinite(leadMinutes) || leadMinutes < 0) {
    throw new RangeError(`leadMinutes must be a non-negative number, got ${leadMinutes}`);
  }
  if (isUp(schedule, now)) return true;
  if (leadMinutes === 0) return false;
  return nextTransition(schedule, now, leadMinutes / MINUTES_PER_DAY)?.up === true;
}

function millisOf(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is an invalid date`);
  return t;
}

function zoneOf(schedule: Schedule): IANAZone {
  const zone = IANAZone.create(schedule.timezone);
  if (!zone.isValid) {
    throw new ScheduleParseError(`invalid schedule time zone "${schedule.timezone}": unknown IANA time zone`);
  }
  return zone;
}

/** Local calendar date of an instant, as days since 1970-01-01. */
function localDay(zone: IANAZone, t: number): number {
  const local = DateTime.fromMillis(t, { zone });
  return Date.UTC(local.year, local.month - 1, local.day) / DAY_MS;
}

function weekdayOf(day: number): number {
  return DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).weekday;
}

/** Spans of every local date whose windows can reach into [from, to]. */
function spansBetween(schedule: Schedule, from: number, to: number): Span[] {
  const zone = zoneOf(schedule);
  return spansForDays(schedule, zone, localDay(zone, from) - 2, localDay(zone, to) + 1);
}

function spansForDays(schedule: Schedule, zone: IANAZone, firstDay: number, lastDay: number): Span[] {
  const spans: Span[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = weekdayOf(day);
    for (const window of schedule.windows) {
      if (!window.days.some((d) => d === weekday)) continue;
      const endDay = window.endMinute <= window.startMinute ? day + 1 : day;
      const start = resolveLocal(zone, day, window.startMinute);
      const end = resolveLocal(zone, endDay, window.endMinute);
      // A window lying wholly inside a spring-forward gap never happens that day.
      if (end > start) spans.push({ start, end });
    }
  }
  return mergeSpans(spans);
}

/** The instant the local clock reads `minute` on local `day`: first occurrence in an overlap, gap end in a gap. */
function resolveLocal(zone: IANAZone, day: number, minute: number): number {
  const wall = day * DAY_MS + minute * MINUTE_MS;
  // Transitions are months apart, so the offsets a day either side bracket any change near `wall`.
  const before = zone.offset(wall - DAY_MS);
  const after = zone.offset(wall + DAY_MS);
  const matches = [before, zone.offset(wall), after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((t) => wall - t === zone.offset(t) * MINUTE_MS);
  if (matches.length > 0) return Math.min(...matches);
  return offsetChange(zone, wall - after * MINUTE_MS, wall - before * MINUTE_MS);
}

/** First millisecond in (lo, hi] whose offset differs from lo's: the end of a spring-forward gap. */
function offsetChange(zone: IANAZone, lo: number, hi: number): number {
  const loOffset = zone.offset(lo);
  let low = lo;
  let high = hi;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (zone.offset(mid) === loOffset) low = mid;
    else high = mid;
  }
  return high;
}

function weekSpans(window: ScheduleWindow, day: number): Span[] {
  const start = (day - 1) * MINUTES_PER_DAY + window.startMinute;
  const crosses = window.endMinute <= window.startMinute;
  const end = (day - 1) * MINUTES_PER_DAY + window.endMinute + (crosses ? MINUTES_PER_DAY : 0);
  if (end <= WEEK_MINUTES) return [{ start, end }];
  // Sunday into Monday wraps to the start of the week.
  return [
    { start, end: WEEK_MINUTES },
    { start: 0, end: end - WEEK_MINUTES },
  ];
}

/** Sorted, with overlapping or touching spans joined. */
function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
