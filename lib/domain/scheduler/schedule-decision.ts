// Whether an opted-in gateway must be up at `now`: its schedule, the startup lead, holidays and the keep-up override.

import { DateTime } from 'luxon';
import type { Tags } from '../model';
import { KEEP_UP_UNTIL_TAG, USER_TAGS } from '../tag-keys';
import { encodeInstant } from '../tag-values';
import { CALENDAR_DATE, DAY_MS, HOUR_MS, MINUTES_PER_DAY } from '../time-units';

import {
  isUp,
  nextTransition,
  parseSchedule,
  type Schedule,
  ScheduleParseError,
  upIntervals,
} from './schedule-window';

/** How far back to look for the end of the last window (a schedule has at least one window a week). */
const LOOKBACK_MS = 8 * DAY_MS;

export type OffHoursMode = 'park' | 'consolidate';

export interface ScheduleSettings {
  /** Zone of schedules without a nat-optimizer:timezone tag. */
  defaultTimezone: string;
  /** Unpark this many minutes before a window opens. */
  unparkLeadMinutes: number;
  /** Local dates (YYYY-MM-DD, in each gateway's zone) on which gateways stay parked all day. */
  holidays: readonly string[];
}

export interface GatewaySchedule {
  schedule: Schedule;
  mode: OffHoursMode;
}

export interface DesiredState {
  up: boolean;
  reason: string;
}

/** The schedule and off-hours mode in a gateway's tags. Throws ScheduleParseError naming the bad value. */
export function gatewaySchedule(tags: Tags, defaultTimezone: string): GatewaySchedule {
  const text = tags[USER_TAGS.schedule] ?? '';
  const schedule = parseSchedule(text, tags[USER_TAGS.timezone] ?? defaultTimezone);
  const modeText = (tags[USER_TAGS.offHours] ?? 'park').trim().toLowerCase();
  if (modeText !== 'park' && modeText !== 'consolidate') {
    throw new ScheduleParseError(
      `invalid ${USER_TAGS.offHours} "${tags[USER_TAGS.offHours]}": expected park or consolidate`,
    );
  }
  return { schedule, mode: modeText };
}

/** The latest keep-up-until instant among these tag sets; a malformed one is a problem the caller reports. */
export function keepUpUntil(tagSets: Tags[]): { until?: Date; problem?: string } {
  let until: Date | undefined;
  let problem: string | undefined;
  for (const tags of tagSets) {
    const text = tags[KEEP_UP_UNTIL_TAG];
    if (text === undefined) continue;
    const at = new Date(text);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(at.getTime())) {
      problem = `invalid ${KEEP_UP_UNTIL_TAG} "${text}": not an ISO-8601 instant`;
    } else if (!until || at > until) {
      until = at;
    }
  }
  return { ...(until ? { until } : {}), ...(problem ? { problem } : {}) };
}

export function isHoliday(schedule: Schedule, at: Date, holidays: readonly string[]): boolean {
  return holidays.includes(localDate(schedule, at));
}

function localDate(schedule: Schedule, at: Date): string {
  return DateTime.fromJSDate(at, { zone: schedule.timezone }).toFormat('yyyy-MM-dd');
}

export function validHoliday(date: string): boolean {
  return CALENDAR_DATE.test(date) && DateTime.fromISO(date).isValid;
}

export function desiredState(
  schedule: Schedule,
  now: Date,
  settings: ScheduleSettings,
  override: { until?: Date } = {},
): DesiredState {
  const where = `${schedule.text} (${schedule.timezone})`;
  if (override.until && override.until > now) {
    return { up: true, reason: `kept up until ${encodeInstant(override.until)} by ${KEEP_UP_UNTIL_TAG}` };
  }
  if (isHoliday(schedule, now, settings.holidays)) {
    return {
      up: false,
      reason: `holiday ${localDate(schedule, now)} in ${schedule.timezone}: parked all day`,
    };
  }
  if (isUp(schedule, now)) return { up: true, reason: `inside window ${where}` };
  const lead = settings.unparkLeadMinutes;
  const next = lead > 0 ? nextTransition(schedule, now, lead / MINUTES_PER_DAY) : undefined;
  if (next?.up && !isHoliday(schedule, next.at, settings.holidays)) {
    return {
      up: true,
      reason: `window ${where} opens at ${encodeInstant(next.at)}, within the ${lead}-minute startup lead`,
    };
  }
  return { up: false, reason: `outside window ${where}` };
}

/**
 * Start of the current off period: the end of the last window before `now`, or local midnight when a holiday
 * keeps the gateway down inside a window. Keys the traffic guard's postpone count.
 */
export function offPeriodStart(schedule: Schedule, now: Date): Date {
  const last = upIntervals(schedule, new Date(now.getTime() - LOOKBACK_MS), now).at(-1);
  if (!last) return new Date(now.getTime() - LOOKBACK_MS);
  if (last.end.getTime() < now.getTime()) return last.end;
  return DateTime.fromJSDate(now, { zone: schedule.timezone }).startOf('day').toJSDate();
}

/** Hours from `now` until the schedule next wants the gateway up (bounded by a week and a day). */
export function hoursUntilUp(schedule: Schedule, now: Date): number {
  const next = upIntervals(schedule, now, new Date(now.getTime() + LOOKBACK_MS)).find((i) => i.start > now);
  const until = next ? next.start.getTime() : now.getTime() + LOOKBACK_MS;
  return (until - now.getTime()) / HOUR_MS;
}
