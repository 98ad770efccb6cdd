// Hour-of-week traffic profile of a gateway and the schedule that keeps it up during its busy hours.

import { DateTime } from 'luxon';
import type { Weekday, WindowSpec } from '../../scheduler/schedule-window';
import { DAYS_PER_WEEK, HOUR_MS, HOURS_PER_DAY, HOURS_PER_WEEK, MINUTES_PER_HOUR } from '../../time-units';

export interface SeriesPlacement {
  start: Date;
  periodSeconds: number;
  /** Only buckets starting inside [from, until) count: the hours the gateway existed. */
  from: number;
  until: number;
}

/** Every gateway of a run shares the same buckets: their local hour of the week is worked out once per zone. */
const hourOfWeekCache = new Map<string, Map<number, number>>();
const CACHE_LIMIT = 100_000;

function hourOfWeek(t: number, timezone: string): number {
  const zone = hourOfWeekCache.get(timezone) ?? new Map<number, number>();
  hourOfWeekCache.set(timezone, zone);
  let key = zone.get(t);
  if (key === undefined) {
    const local = DateTime.fromMillis(t, { zone: timezone });
    key = (local.weekday - 1) * HOURS_PER_DAY + local.hour;
    if (zone.size >= CACHE_LIMIT) zone.clear();
    zone.set(t, key);
  }
  return key;
}

/**
 * Mean bytes per clock hour for each hour of the week (index 0 = Monday 00:00 local time in `timezone`).
 * Undefined when some hour of the week has no sample at all (less than a week of data).
 */
export function hourOfWeekMeans(
  values: readonly number[],
  placement: SeriesPlacement,
  timezone: string,
): number[] | undefined {
  const sums = new Array<number>(HOURS_PER_WEEK).fill(0);
  const hoursSeen = Array.from({ length: HOURS_PER_WEEK }, () => new Set<number>());
  const periodMs = placement.periodSeconds * 1000;
  for (const [index, value] of values.entries()) {
    const t = placement.start.getTime() + index * periodMs;
    if (t < placement.from || t >= placement.until) continue;
    const key = hourOfWeek(t, timezone);
    sums[key] = (sums[key] ?? 0) + value;
    hoursSeen[key]?.add(Math.floor(t / HOUR_MS));
  }
  if (hoursSeen.some((seen) => seen.size === 0)) return undefined;
  return sums.map((sum, key) => sum / (hoursSeen[key]?.size ?? 1));
}

/** Busy hours, widened by `marginHours` on each side (around the week, Sunday into Monday). */
export function upHours(busy: readonly boolean[], marginHours: number): boolean[] {
  return busy.map((_, hour) => {
    for (let offset = -marginHours; offset <= marginHours; offset++) {
      if (busy[(hour + offset + HOURS_PER_WEEK) % HOURS_PER_WEEK]) return true;
    }
    return false;
  });
}

interface DayRun {
  day: Weekday;
  startHour: number;
  endHour: number;
}

/** Schedule windows covering exactly the up hours; a run through midnight becomes one crossing window. */
export function windowsFor(up: readonly boolean[]): WindowSpec[] {
  const runs = dailyRuns(up);
  const merged: DayRun[] = [];
  const absorbed = new Set<DayRun>();
  for (const run of runs) {
    if (absorbed.has(run)) continue;
    const next = run.endHour === HOURS_PER_DAY && run.startHour > 0 ? continuation(runs, run) : undefined;
    if (next) {
      absorbed.add(next);
      merged.push({ day: run.day, startHour: run.startHour, endHour: next.endHour });
    } else merged.push(run);
  }
  const byTimes = new Map<string, WindowSpec>();
  for (const run of merged.filter((r) => !absorbed.has(r))) {
    const key = `${run.startHour}-${run.endHour}`;
    const window = byTimes.get(key);
    if (window) window.days.push(run.day);
    else {
      byTimes.set(key, {
        days: [run.day],
        startMinute: run.startHour * MINUTES_PER_HOUR,
        endMinute: run.endHour * MINUTES_PER_HOUR,
      });
    }
  }
  return [...byTimes.values()];
}

/** The next day's run starting at midnight, if it can join `run` as a window that crosses midnight. */
function continuation(runs: readonly DayRun[], run: DayRun): DayRun | undefined {
  const nextDay = (run.day % DAYS_PER_WEEK) + 1;
  return runs.find(
    (r) => r.day === nextDay && r.startHour === 0 && r.endHour < HOURS_PER_DAY && r.endHour < run.startHour,
  );
}

function dailyRuns(up: readonly boolean[]): DayRun[] {
  const runs: DayRun[] = [];
  for (const day of [1, 2, 3, 4, 5, 6, 7] as const) {
    const base = (day - 1) * HOURS_PER_DAY;
    let startHour: number | undefined;
    for (let hour = 0; hour <= HOURS_PER_DAY; hour++) {
      const isUp = hour < HOURS_PER_DAY && up[base + hour] === true;
      if (isUp && startHour === undefined) startHour = hour;
      if (!isUp && startHour !== undefined) {
        runs.push({ day, startHour, endHour: hour });
        startHour = undefined;
      }
    }
  }
  return runs;
}
