// Lengths of time, defined once: milliseconds for JavaScript instants, counts for calendars and schedules.

export const MS_PER_SECOND = 1000;
export const SECONDS_PER_MINUTE = 60;
export const MINUTE_MS = SECONDS_PER_MINUTE * MS_PER_SECOND;
export const MINUTES_PER_HOUR = 60;
export const HOUR_MS = MINUTES_PER_HOUR * MINUTE_MS;
export const SECONDS_PER_HOUR = MINUTES_PER_HOUR * SECONDS_PER_MINUTE;
export const HOURS_PER_DAY = 24;
export const DAY_MS = HOURS_PER_DAY * HOUR_MS;
export const MINUTES_PER_DAY = HOURS_PER_DAY * MINUTES_PER_HOUR;
export const DAYS_PER_WEEK = 7;
export const HOURS_PER_WEEK = HOURS_PER_DAY * DAYS_PER_WEEK;

/** A calendar date as tags, settings and flags write it: YYYY-MM-DD (validity is checked by luxon). */
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
