// Syntax of the `nat-optimizer:schedule` tag: parsing into windows and rendering them back as canonical text.
//
// Value: windows separated by whitespace, each `DAYS@HH:MM-HH:MM`, during which the gateway must be up.
// DAYS is `Mon`…`Sun`, a range `Mon-Fri` (may wrap: `Fri-Mon`), `daily`, `weekdays` or `weekends`, any case.
// Extension beyond the documented contract: a comma list of those terms, e.g. `Mon,Wed,Fri` or `Mon,Wed-Fri`.
// `24:00` is allowed only as an end; an end at or before the start crosses midnight into the next day.

import { IANAZone } from 'luxon';
import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from '../time-units';

/** ISO weekday: Mon=1 … Sun=7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface ScheduleWindow {
  days: Weekday[];
  /** Minutes since local midnight. */
  startMinute: number;
  /** Minutes since local midnight, up to 1440 (24:00); at or before startMinute means the window crosses midnight. */
  endMinute: number;
  /** The window as written in the tag. */
  text: string;
}

export interface Schedule {
  windows: ScheduleWindow[];
  /** IANA time zone the windows are wall-clock times of. */
  timezone: string;
  text: string;
}

export type WindowSpec = Pick<ScheduleWindow, 'days' | 'startMinute' | 'endMinute'>;

export class ScheduleParseError extends Error {
  override name = 'ScheduleParseError';
}

const ALL_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const DAY_BY_NAME = new Map<string, Weekday>(
  DAY_NAMES.map((name, i) => [name.toLowerCase(), (i + 1) as Weekday]),
);
// A Map rather than an object literal so that `constructor` or `toString` are not mistaken for keywords.
const DAY_KEYWORDS = new Map<string, readonly Weekday[]>([
  ['daily', ALL_DAYS],
  ['weekdays', [1, 2, 3, 4, 5]],
  ['weekends', [6, 7]],
]);
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;
const WINDOW_SYNTAX = 'DAYS@HH:MM-HH:MM';

export function parseSchedule(value: string, timezone: string): Schedule {
  const tokens = value
    .trim()
    .split(/\s+/)
    .filter((token) => token.length > 0);
  if (tokens.length === 0) {
    throw new ScheduleParseError(
      `invalid schedule "${value}": empty value, expected one or more ${WINDOW_SYNTAX} windows`,
    );
  }
  const zone = timezone.trim();
  if (!IANAZone.isValidZone(zone)) {
    throw new ScheduleParseError(`invalid schedule time zone "${timezone}": unknown IANA time zone`);
  }
  return { windows: tokens.map(parseWindow), timezone: zone, text: tokens.join(' ') };
}

function invalidWindow(text: string, problem: string): ScheduleParseError {
  return new ScheduleParseError(`invalid schedule window "${text}": ${problem}`);
}

function parseWindow(text: string): ScheduleWindow {
  const parts = text.split('@');
  const [daysText = '', timesText = ''] = parts;
  if (parts.length !== 2) throw invalidWindow(text, `expected ${WINDOW_SYNTAX}`);
  if (daysText === '') throw invalidWindow(text, `missing DAYS before "@", expected ${WINDOW_SYNTAX}`);
  const times = timesText.split('-');
  const [startText = '', endText = ''] = times;
  if (times.length !== 2) {
    throw invalidWindow(text, `expected HH:MM-HH:MM after "@", got "${timesText}"`);
  }
  const days = parseDays(daysText, text);
  const startMinute = parseTime(startText, 'start', text);
  const endMinute = parseTime(endText, 'end', text);
  if (startMinute === endMinute) {
    throw invalidWindow(text, `empty window: start and end are both ${startText}`);
  }
  return { days, startMinute, endMinute, text };
}

function parseTime(timeText: string, role: 'start' | 'end', windowText: string): number {
  const match = TIME_PATTERN.exec(timeText);
  if (!match) {
    throw invalidWindow(
      windowText,
      `invalid ${role} time "${timeText}", expected HH:MM with two digits each`,
    );
  }
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (minute > 59) throw invalidWindow(windowText, `minute ${minute} out of range 00-59 in "${timeText}"`);
  if (hour === 24 && minute === 0) {
    if (role === 'start') throw invalidWindow(windowText, '24:00 is only allowed as an end time');
    return MINUTES_PER_DAY;
  }
  if (hour > 23) {
    throw invalidWindow(windowText, `hour ${hour} out of range 00-23 (or 24:00 as an end) in "${timeText}"`);
  }
  return hour * MINUTES_PER_HOUR + minute;
}

function parseDays(daysText: string, windowText: string): Weekday[] {
  const days = new Set<Weekday>();
  for (const term of daysText.split(',')) {
    if (term === '') throw invalidWindow(windowText, `empty entry in day list "${daysText}"`);
    for (const day of parseDayTerm(term, windowText)) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

function parseDayTerm(term: string, windowText: string): readonly Weekday[] {
  const keyword = DAY_KEYWORDS.get(term.toLowerCase());
  if (keyword) return keyword;
  const ends = term.split('-');
  const [first = '', last = ''] = ends;
  if (ends.length === 1) return [parseDay(first, windowText)];
  if (ends.length !== 2 || first === '' || last === '') {
    throw invalidWindow(windowText, `invalid day range "${term}", expected e.g. Mon-Fri`);
  }
  return dayRange(parseDay(first, windowText), parseDay(last, windowText));
}

function parseDay(name: string, windowText: string): Weekday {
  const day = DAY_BY_NAME.get(name.toLowerCase());
  if (day === undefined) throw invalidWindow(windowText, `unknown day "${name}"`);
  return day;
}

/** Inclusive, wrapping past Sunday: Fri-Mon is Fri, Sat, Sun, Mon. */
function dayRange(first: Weekday, last: Weekday): Weekday[] {
  const days: Weekday[] = [first];
  for (let day = first; day !== last; ) {
    day = nextDay(day);
    days.push(day);
  }
  return days;
}

function nextDay(day: Weekday): Weekday {
  return ((day % 7) + 1) as Weekday;
}

function previousDay(day: Weekday): Weekday {
  return (((day + 5) % 7) + 1) as Weekday;
}

/**
 * Canonical text for windows, accepted by parseSchedule. Each contiguous run of days (wrapping past Sunday)
 * becomes its own window, so the output needs no comma-list extension: `Mon-Fri@07:00-19:00 Sat@09:00-13:00`.
 */
export function formatSchedule(windows: readonly WindowSpec[]): string {
  if (windows.length === 0) throw new RangeError('cannot format a schedule without windows');
  return windows.flatMap(formatWindow).join(' ');
}

function formatWindow(window: WindowSpec): string[] {
  const { days, startMinute, endMinute } = window;
  if (days.length === 0 || !days.every((day) => ALL_DAYS.includes(day))) {
    throw new RangeError(
      `window days must be a non-empty list of ISO weekdays 1-7, got [${days.join(', ')}]`,
    );
  }
  if (!isMinute(startMinute, 0, MINUTES_PER_DAY - 1)) {
    throw new RangeError(`window startMinute must be an integer 0-1439, got ${startMinute}`);
  }
  if (!isMinute(endMinute, 0, MINUTES_PER_DAY) || endMinute === startMinute) {
    throw new RangeError(
      `window endMinute must be an integer 0-1440 other than startMinute, got ${endMinute}`,
    );
  }
  const times = `${formatMinute(startMinute)}-${formatMinute(endMinute)}`;
  return dayRuns(days).map((run) => `${run}@${times}`);
}

function isMinute(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function formatMinute(minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

function dayRuns(days: readonly Weekday[]): string[] {
  const present = new Set(days);
  if (present.size === 7) return ['daily'];
  const starts = [...present].sort((a, b) => a - b).filter((day) => !present.has(previousDay(day)));
  return starts.map((first) => {
    let last = first;
    while (present.has(nextDay(last))) last = nextDay(last);
    return last === first ? dayName(first) : `${dayName(first)}-${dayName(last)}`;
  });
}

function dayName(day: Weekday): string {
  return DAY_NAMES[day - 1] ?? String(day);
}
