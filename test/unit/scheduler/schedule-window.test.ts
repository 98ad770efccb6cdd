import { describe, expect, it } from 'vitest';
import {
  formatSchedule,
  isUp,
  isUpWithLead,
  nextTransition,
  parseSchedule,
  type Schedule,
  ScheduleParseError,
  upHoursPerWeek,
  upIntervals,
  type Weekday,
} from '../../../lib/domain/scheduler/schedule-window';
import { HOUR_MS } from '../../../lib/domain/time-units';

// In UTC, 2026-03-02 is a Monday and 2026-03-08 a Sunday.
const at = (iso: string) => new Date(iso);
const utc = (value: string) => parseSchedule(value, 'UTC');
const berlin = (value: string) => parseSchedule(value, 'Europe/Berlin');

function hoursOf(intervals: Array<{ start: Date; end: Date }>): number {
  return intervals.reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()), 0) / HOUR_MS;
}

function parseErrorOf(value: string, timezone = 'UTC'): ScheduleParseError {
  try {
    parseSchedule(value, timezone);
  } catch (error) {
    if (error instanceof ScheduleParseError) return error;
    throw error;
  }
  throw new Error(`expected "${value}" to be rejected`);
}

function daysOf(value: string): Weekday[] {
  return utc(value).windows.flatMap((window) => window.days);
}

describe('parseSchedule', () => {
  it('should parse a single day with its minutes since midnight', () => {
    // Prepare
    const value = 'Sat@09:00-13:30';

    // Act
    const schedule = utc(value);

    // Assess
    expect(schedule).toEqual({
      windows: [{ days: [6], startMinute: 540, endMinute: 810, text: 'Sat@09:00-13:30' }],
      timezone: 'UTC',
      text: 'Sat@09:00-13:30',
    });
  });

  it('should parse every single day name', () => {
    // Prepare
    const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

    // Act
    const days = names.map((name) => daysOf(`${name}@01:00-02:00`));

    // Assess
    expect(days).toEqual([[1], [2], [3], [4], [5], [6], [7]]);
  });

  it('should parse a day range', () => {
    // Act
    const days = daysOf('Mon-Fri@07:00-19:00');

    // Assess
    expect(days).toEqual([1, 2, 3, 4, 5]);
  });

  it('should parse a range that wraps past Sunday', () => {
    // Act
    const days = daysOf('Fri-Mon@07:00-19:00');

    // Assess
    expect(days).toEqual([1, 5, 6, 7]);
  });

  it('should parse daily as all seven days', () => {
    // Act
    const days = daysOf('daily@07:00-19:00');

    // Assess
    expect(days).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('should parse weekdays as Monday to Friday', () => {
    // Act
    const days = daysOf('weekdays@07:00-19:00');

    // Assess
    expect(days).toEqual([1, 2, 3, 4, 5]);
  });

  it('should parse weekends as Saturday and Sunday', () => {
    // Act
    const days = daysOf('weekends@07:00-19:00');

    // Assess
    expect(days).toEqual([6, 7]);
  });

  it('should parse a comma list of days and ranges (extension)', () => {
    // Act
    const days = daysOf('Mon,Wed,Fri-Sat@07:00-19:00');

    // Assess
    expect(days).toEqual([1, 3, 5, 6]);
  });

  it('should ignore the case of day names and keywords', () => {
    // Act
    const days = [daysOf('mon-FRI@07:00-19:00'), daysOf('Daily@07:00-19:00'), daysOf('WEEKENDS@07:00-19:00')];

    // Assess
    expect(days).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5, 6, 7],
      [6, 7],
    ]);
  });

  it('should accept 24:00 as an end', () => {
    // Act
    const [window] = utc('daily@00:00-24:00').windows;

    // Assess
    expect(window).toMatchObject({ startMinute: 0, endMinute: 1440 });
  });

  it('should keep an end before the start as a window crossing midnight', () => {
    // Act
    const [window] = utc('Fri@22:00-02:00').windows;

    // Assess
    expect(window).toMatchObject({ days: [5], startMinute: 1320, endMinute: 120 });
  });

  it('should parse several windows separated by whitespace', () => {
    // Act
    const schedule = utc('  Mon-Fri@07:00-19:00   Sat@09:00-13:00 ');

    // Assess
    expect(schedule.windows.map((window) => window.text)).toEqual(['Mon-Fri@07:00-19:00', 'Sat@09:00-13:00']);
    expect(schedule.text).toBe('Mon-Fri@07:00-19:00 Sat@09:00-13:00');
  });

  it.each([
    ['Mon-Fry@07:00-19:00', 'invalid schedule window "Mon-Fry@07:00-19:00": unknown day "Fry"'],
    ['Monday@07:00-19:00', 'unknown day "Monday"'],
    ['Mon@25:00-26:00', 'hour 25 out of range'],
    ['Mon@07:00-24:30', 'hour 24 out of range'],
    ['Mon@07:60-19:00', 'minute 60 out of range'],
    ['Mon@24:00-02:00', '24:00 is only allowed as an end time'],
    ['Mon@7:00-19:00', 'invalid start time "7:00", expected HH:MM'],
    ['Mon@07:00-1900', 'invalid end time "1900", expected HH:MM'],
    ['Mon07:00-19:00', 'invalid schedule window "Mon07:00-19:00": expected DAYS@HH:MM-HH:MM'],
    ['Mon@07:00@19:00', 'expected DAYS@HH:MM-HH:MM'],
    ['@07:00-19:00', 'missing DAYS before "@"'],
    ['Mon@07:00', 'expected HH:MM-HH:MM after "@", got "07:00"'],
    ['Mon@07:00-12:00-19:00', 'expected HH:MM-HH:MM after "@"'],
    ['Mon-@07:00-19:00', 'invalid day range "Mon-"'],
    ['Mon-Wed-Fri@07:00-19:00', 'invalid day range "Mon-Wed-Fri"'],
    ['Mon,,Fri@07:00-19:00', 'empty entry in day list "Mon,,Fri"'],
    ['Mon@09:00-09:00', 'empty window: start and end are both 09:00'],
    ['Mon@00:00-00:00', 'empty window: start and end are both 00:00'],
  ])('should reject %s naming the problem', (value, problem) => {
    // Act
    const error = parseErrorOf(value);

    // Assess
    expect(error.name).toBe('ScheduleParseError');
    expect(error.message).toContain(`invalid schedule window "${value}"`);
    expect(error.message).toContain(problem);
  });

  it('should name the offending window when one of several is malformed', () => {
    // Act
    const error = parseErrorOf('Mon-Fri@07:00-19:00 Sat@09:00-31:00');

    // Assess
    expect(error.message).toBe(
      'invalid schedule window "Sat@09:00-31:00": hour 31 out of range 00-23 (or 24:00 as an end) in "31:00"',
    );
  });

  it.each(['', '   '])('should reject the empty value %j', (value) => {
    // Act
    const error = parseErrorOf(value);

    // Assess
    expect(error.message).toContain('empty value');
  });

  it('should reject an unknown time zone', () => {
    // Act
    const error = parseErrorOf('daily@07:00-19:00', 'Mars/Olympus_Mons');

    // Assess
    expect(error).toBeInstanceOf(ScheduleParseError);
    expect(error.message).toBe('invalid schedule time zone "Mars/Olympus_Mons": unknown IANA time zone');
  });
});

describe('isUp', () => {
  it('should be up inside a window and down outside it', () => {
    // Prepare
    const schedule = utc('Mon-Fri@07:00-19:00');

    // Act
    const states = [
      '2026-03-02T06:59:59Z',
      '2026-03-02T07:00:00Z',
      '2026-03-02T18:59:59Z',
      '2026-03-02T19:00:00Z',
    ].map((iso) => isUp(schedule, at(iso)));

    // Assess
    expect(states).toEqual([false, true, true, false]);
  });

  it('should be down on a day outside the range', () => {
    // Act
    const up = isUp(utc('Mon-Fri@07:00-19:00'), at('2026-03-07T12:00:00Z'));

    // Assess
    expect(up).toBe(false);
  });

  it('should honour a wrapping range on its wrapped days', () => {
    // Prepare
    const schedule = utc('Fri-Mon@07:00-19:00');

    // Act
    const states = ['2026-03-01T12:00:00Z', '2026-03-02T12:00:00Z', '2026-03-03T12:00:00Z'].map((iso) =>
      isUp(schedule, at(iso)),
    );

    // Assess
    expect(states).toEqual([true, true, false]);
  });

  it('should stay up until midnight for a window ending at 24:00', () => {
    // Prepare
    const schedule = utc('Mon@18:00-24:00');

    // Act
    const states = ['2026-03-02T23:59:59Z', '2026-03-03T00:00:00Z'].map((iso) => isUp(schedule, at(iso)));

    // Assess
    expect(states).toEqual([true, false]);
  });

  it('should stay up into the next day for a window crossing midnight', () => {
    // Prepare
    const schedule = utc('Fri@22:00-02:00');

    // Act
    const states = [
      '2026-03-06T21:59:00Z',
      '2026-03-06T22:00:00Z',
      '2026-03-07T01:59:00Z',
      '2026-03-07T02:00:00Z',
    ].map((iso) => isUp(schedule, at(iso)));

    // Assess
    expect(states).toEqual([false, true, true, false]);
  });

  it('should carry a window crossing midnight from Sunday into Monday', () => {
    // Prepare
    const schedule = utc('Sun@22:00-06:00');

    // Act
    const states = ['2026-03-02T03:00:00Z', '2026-03-03T03:00:00Z'].map((iso) => isUp(schedule, at(iso)));

    // Assess
    expect(states).toEqual([true, false]);
  });

  it('should be up inside any of several windows', () => {
    // Prepare
    const schedule = utc('Mon-Fri@07:00-19:00 Sat@09:00-13:00');

    // Act
    const states = ['2026-03-07T10:00:00Z', '2026-03-07T14:00:00Z', '2026-03-06T08:00:00Z'].map((iso) =>
      isUp(schedule, at(iso)),
    );

    // Assess
    expect(states).toEqual([true, false, true]);
  });

  it('should evaluate windows on the wall clock of the schedule zone', () => {
    // Prepare
    const schedule = parseSchedule('Mon-Fri@07:00-19:00', 'America/New_York');

    // Act
    const states = [isUp(schedule, at('2026-03-02T11:59:00Z')), isUp(schedule, at('2026-03-02T12:00:00Z'))];

    // Assess
    expect(states).toEqual([false, true]);
  });
});

describe('daylight saving in Europe/Berlin', () => {
  it('should open Mon-Fri@07:00-19:00 at 06:00Z in winter', () => {
    // Act
    const [first] = upIntervals(
      berlin('Mon-Fri@07:00-19:00'),
      at('2026-03-27T00:00:00Z'),
      at('2026-03-28T00:00:00Z'),
    );

    // Assess
    expect(first).toEqual({ start: at('2026-03-27T06:00:00Z'), end: at('2026-03-27T18:00:00Z') });
  });

  it('should open Mon-Fri@07:00-19:00 at 05:00Z in summer', () => {
    // Act
    const [first] = upIntervals(
      berlin('Mon-Fri@07:00-19:00'),
      at('2026-03-30T00:00:00Z'),
      at('2026-03-31T00:00:00Z'),
    );

    // Assess
    expect(first).toEqual({ start: at('2026-03-30T05:00:00Z'), end: at('2026-03-30T17:00:00Z') });
  });

  it('should find the next opening across the spring-forward weekend', () => {
    // Prepare
    const fridayEvening = at('2026-03-27T20:00:00Z');

    // Act
    const next = nextTransition(berlin('Mon-Fri@07:00-19:00'), fridayEvening);

    // Assess
    expect(next).toEqual({ at: at('2026-03-30T05:00:00Z'), up: true });
  });

  it('should find the next opening across the fall-back weekend', () => {
    // Prepare
    const fridayEvening = at('2026-10-23T20:00:00Z');

    // Act
    const next = nextTransition(berlin('Mon-Fri@07:00-19:00'), fridayEvening);

    // Assess
    expect(next).toEqual({ at: at('2026-10-26T06:00:00Z'), up: true });
  });

  it('should keep a window crossing the spring-forward night one wall-clock hour short', () => {
    // Act
    const intervals = upIntervals(
      berlin('Sat@22:00-06:00'),
      at('2026-03-28T00:00:00Z'),
      at('2026-03-30T00:00:00Z'),
    );

    // Assess
    expect(intervals).toEqual([{ start: at('2026-03-28T21:00:00Z'), end: at('2026-03-29T04:00:00Z') }]);
  });

  it('should start a window whose start falls in the spring-forward gap at the end of the gap', () => {
    // Prepare
    const schedule = berlin('Sun@02:30-04:00');

    // Act
    const intervals = upIntervals(schedule, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'));

    // Assess
    expect(intervals).toEqual([{ start: at('2026-03-29T01:00:00Z'), end: at('2026-03-29T02:00:00Z') }]);
  });

  it('should be up from the first instant after the spring-forward gap', () => {
    // Prepare
    const schedule = berlin('Sun@02:30-04:00');

    // Act
    const states = [isUp(schedule, at('2026-03-29T00:59:59Z')), isUp(schedule, at('2026-03-29T01:00:00Z'))];

    // Assess
    expect(states).toEqual([false, true]);
  });

  it('should end a window whose end falls in the spring-forward gap at the end of the gap', () => {
    // Act
    const intervals = upIntervals(
      berlin('Sun@01:00-02:30'),
      at('2026-03-28T00:00:00Z'),
      at('2026-03-30T00:00:00Z'),
    );

    // Assess
    expect(intervals).toEqual([{ start: at('2026-03-29T00:00:00Z'), end: at('2026-03-29T01:00:00Z') }]);
  });

  it('should drop a window lying wholly inside the spring-forward gap that day', () => {
    // Act
    const intervals = upIntervals(
      berlin('Sun@02:10-02:50'),
      at('2026-03-28T00:00:00Z'),
      at('2026-03-30T00:00:00Z'),
    );

    // Assess
    expect(intervals).toEqual([]);
  });

  it('should start a window in the fall-back overlap at the first occurrence', () => {
    // Prepare
    const schedule = berlin('Sun@02:30-05:00');

    // Act
    const intervals = upIntervals(schedule, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'));

    // Assess
    expect(intervals).toEqual([{ start: at('2026-10-25T00:30:00Z'), end: at('2026-10-25T04:00:00Z') }]);
  });

  it('should end a window in the fall-back overlap at the first occurrence and stay down on the repeat', () => {
    // Prepare
    const schedule = berlin('Sun@01:00-02:30');

    // Act
    const states = ['2026-10-25T00:29:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:15:00Z'].map((iso) =>
      isUp(schedule, at(iso)),
    );

    // Assess
    expect(states).toEqual([true, false, false]);
  });

  it('should report the transition at the first occurrence of an overlapping local time', () => {
    // Act
    const next = nextTransition(berlin('Sun@01:00-02:30'), at('2026-10-24T23:30:00Z'));

    // Assess
    expect(next).toEqual({ at: at('2026-10-25T00:30:00Z'), up: false });
  });
});

describe('nextTransition', () => {
  it('should return the closing time when up', () => {
    // Act
    const next = nextTransition(utc('Mon-Fri@07:00-19:00'), at('2026-03-02T12:00:00Z'));

    // Assess
    expect(next).toEqual({ at: at('2026-03-02T19:00:00Z'), up: false });
  });

  it('should return the opening time when down', () => {
    // Act
    const next = nextTransition(utc('Mon-Fri@07:00-19:00'), at('2026-03-02T05:00:00Z'));

    // Assess
    expect(next).toEqual({ at: at('2026-03-02T07:00:00Z'), up: true });
  });

  it('should look strictly after now when now is a boundary', () => {
    // Act
    const next = nextTransition(utc('Mon-Fri@07:00-19:00'), at('2026-03-02T07:00:00Z'));

    // Assess
    expect(next).toEqual({ at: at('2026-03-02T19:00:00Z'), up: false });
  });

  it('should skip the boundary between touching windows', () => {
    // Prepare
    const schedule = utc('Mon@07:00-12:00 Mon@12:00-19:00');

    // Act
    const next = nextTransition(schedule, at('2026-03-02T08:00:00Z'));

    // Assess
    expect(next).toEqual({ at: at('2026-03-02T19:00:00Z'), up: false });
  });

  it('should close a Sunday window crossing midnight on Monday', () => {
    // Act
    const next = nextTransition(utc('Sun@22:00-06:00'), at('2026-03-08T23:00:00Z'));

    // Assess
    expect(next).toEqual({ at: at('2026-03-09T06:00:00Z'), up: false });
  });

  it('should return undefined when the state never flips', () => {
    // Act
    const next = nextTransition(utc('daily@00:00-24:00'), at('2026-03-02T12:00:00Z'));

    // Assess
    expect(next).toBeUndefined();
  });

  it('should return undefined when the next flip lies beyond the horizon', () => {
    // Act
    const next = nextTransition(utc('Sat@09:00-13:00'), at('2026-03-02T12:00:00Z'), 2);

    // Assess
    expect(next).toBeUndefined();
  });

  it('should find a weekly window within the default horizon', () => {
    // Act
    const next = nextTransition(utc('Mon@09:00-13:00'), at('2026-03-02T14:00:00Z'));

    // Assess
    expect(next).toEqual({ at: at('2026-03-09T09:00:00Z'), up: true });
  });

  it('should reject a non-positive horizon', () => {
    // Act
    const act = () => nextTransition(utc('Mon@09:00-13:00'), at('2026-03-02T14:00:00Z'), 0);

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('upIntervals', () => {
  it('should sum to 60 hours for Mon-Fri@07:00-19:00 over a full week', () => {
    // Act
    const intervals = upIntervals(
      utc('Mon-Fri@07:00-19:00'),
      at('2026-03-02T00:00:00Z'),
      at('2026-03-09T00:00:00Z'),
    );

    // Assess
    expect(intervals).toHaveLength(5);
    expect(hoursOf(intervals)).toBe(60);
  });

  it('should sum to 60 hours for Mon-Fri@07:00-19:00 over the local week of the spring-forward change', () => {
    // Prepare
    const from = at('2026-03-22T23:00:00Z'); // Mon 23 March 00:00 CET
    const to = at('2026-03-29T22:00:00Z'); // Mon 30 March 00:00 CEST

    // Act
    const intervals = upIntervals(berlin('Mon-Fri@07:00-19:00'), from, to);

    // Assess
    expect(hoursOf(intervals)).toBe(60);
  });

  it('should count the 23-hour day of the spring-forward week for an always-up schedule', () => {
    // Act
    const intervals = upIntervals(
      berlin('daily@00:00-24:00'),
      at('2026-03-22T23:00:00Z'),
      at('2026-03-29T22:00:00Z'),
    );

    // Assess
    expect(intervals).toHaveLength(1);
    expect(hoursOf(intervals)).toBe(167);
  });

  it('should count the 25-hour day of the fall-back week for an always-up schedule', () => {
    // Prepare
    const from = at('2026-10-18T22:00:00Z'); // Mon 19 October 00:00 CEST
    const to = at('2026-10-25T23:00:00Z'); // Mon 26 October 00:00 CET

    // Act
    const intervals = upIntervals(berlin('daily@00:00-24:00'), from, to);

    // Assess
    expect(hoursOf(intervals)).toBe(169);
  });

  it('should clip intervals to the requested range', () => {
    // Act
    const intervals = upIntervals(
      utc('Mon@07:00-19:00'),
      at('2026-03-02T10:00:00Z'),
      at('2026-03-02T12:00:00Z'),
    );

    // Assess
    expect(intervals).toEqual([{ start: at('2026-03-02T10:00:00Z'), end: at('2026-03-02T12:00:00Z') }]);
  });

  it('should union overlapping windows', () => {
    // Act
    const intervals = upIntervals(
      utc('Mon@07:00-12:00 Mon@10:00-19:00'),
      at('2026-03-02T00:00:00Z'),
      at('2026-03-03T00:00:00Z'),
    );

    // Assess
    expect(intervals).toEqual([{ start: at('2026-03-02T07:00:00Z'), end: at('2026-03-02T19:00:00Z') }]);
  });

  it('should include the Monday part of a window crossing midnight from the Sunday before the range', () => {
    // Act
    const intervals = upIntervals(
      utc('Sun@22:00-06:00'),
      at('2026-03-02T00:00:00Z'),
      at('2026-03-03T00:00:00Z'),
    );

    // Assess
    expect(intervals).toEqual([{ start: at('2026-03-02T00:00:00Z'), end: at('2026-03-02T06:00:00Z') }]);
  });

  it('should return nothing for an empty range', () => {
    // Act
    const intervals = upIntervals(
      utc('daily@00:00-24:00'),
      at('2026-03-02T00:00:00Z'),
      at('2026-03-02T00:00:00Z'),
    );

    // Assess
    expect(intervals).toEqual([]);
  });
});

describe('upHoursPerWeek', () => {
  it.each([
    ['Mon-Fri@07:00-19:00', 60],
    ['daily@00:00-24:00', 168],
    ['Sat@09:00-13:00', 4],
    ['Fri@22:00-02:00', 4],
    ['Mon-Fri@07:00-19:00 Mon-Fri@18:00-20:00', 65],
    ['Sun@22:00-06:00 Mon@05:00-07:00', 9],
  ])('should count %s as %d hours', (value, hours) => {
    // Act
    const result = upHoursPerWeek(utc(value));

    // Assess
    expect(result).toBe(hours);
  });
});

describe('isUpWithLead', () => {
  const schedule: Schedule = utc('Mon-Fri@07:00-19:00');

  it('should be up when a window opens within the lead time', () => {
    // Act
    const up = isUpWithLead(schedule, at('2026-03-02T06:50:00Z'), 15);

    // Assess
    expect(up).toBe(true);
  });

  it('should be up when the window opens exactly at the end of the lead time', () => {
    // Act
    const up = isUpWithLead(schedule, at('2026-03-02T06:45:00Z'), 15);

    // Assess
    expect(up).toBe(true);
  });

  it('should be down when the next window opens after the lead time', () => {
    // Act
    const up = isUpWithLead(schedule, at('2026-03-02T06:30:00Z'), 15);

    // Assess
    expect(up).toBe(false);
  });

  it('should be up inside a window whatever the lead', () => {
    // Act
    const up = isUpWithLead(schedule, at('2026-03-02T12:00:00Z'), 0);

    // Assess
    expect(up).toBe(true);
  });

  it('should apply the lead across a weekend and a DST change', () => {
    // Prepare
    const mondayBeforeOpening = at('2026-03-30T04:40:00Z'); // 06:40 CEST

    // Act
    const up = isUpWithLead(berlin('Mon-Fri@07:00-19:00'), mondayBeforeOpening, 20);

    // Assess
    expect(up).toBe(true);
  });

  it('should reject a negative lead', () => {
    // Act
    const act = () => isUpWithLead(schedule, at('2026-03-02T06:30:00Z'), -5);

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('formatSchedule', () => {
  it.each([
    [[{ days: [1, 2, 3, 4, 5], startMinute: 420, endMinute: 1140 }], 'Mon-Fri@07:00-19:00'],
    [[{ days: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440 }], 'daily@00:00-24:00'],
    [[{ days: [6], startMinute: 540, endMinute: 780 }], 'Sat@09:00-13:00'],
    [[{ days: [7, 1, 6], startMinute: 1320, endMinute: 360 }], 'Sat-Mon@22:00-06:00'],
    [[{ days: [1, 3, 4, 5], startMinute: 5, endMinute: 1439 }], 'Mon@00:05-23:59 Wed-Fri@00:05-23:59'],
  ] as Array<[Array<{ days: Weekday[]; startMinute: number; endMinute: number }>, string]>)(
    'should render %j as %s',
    (windows, text) => {
      // Act
      const result = formatSchedule(windows);

      // Assess
      expect(result).toBe(text);
    },
  );

  it('should join several windows with spaces', () => {
    // Act
    const text = formatSchedule([
      { days: [1, 2, 3, 4, 5], startMinute: 420, endMinute: 1140 },
      { days: [6], startMinute: 540, endMinute: 780 },
    ]);

    // Assess
    expect(text).toBe('Mon-Fri@07:00-19:00 Sat@09:00-13:00');
  });

  it('should round-trip through parseSchedule', () => {
    // Prepare
    const windows: Array<{ days: Weekday[]; startMinute: number; endMinute: number }> = [
      { days: [1, 2, 3, 4, 5], startMinute: 420, endMinute: 1140 },
      { days: [5, 6, 7, 1], startMinute: 1380, endMinute: 90 },
      { days: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440 },
    ];

    // Act
    const parsed = parseSchedule(formatSchedule(windows), 'UTC');

    // Assess
    expect(
      parsed.windows.map(({ days, startMinute, endMinute }) => ({ days, startMinute, endMinute })),
    ).toEqual([
      { days: [1, 2, 3, 4, 5], startMinute: 420, endMinute: 1140 },
      { days: [1, 5, 6, 7], startMinute: 1380, endMinute: 90 },
      { days: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440 },
    ]);
  });

  it('should round-trip non-contiguous days to the same up hours', () => {
    // Prepare
    const windows: Array<{ days: Weekday[]; startMinute: number; endMinute: number }> = [
      { days: [1, 3, 5], startMinute: 600, endMinute: 720 },
    ];

    // Act
    const parsed = parseSchedule(formatSchedule(windows), 'UTC');

    // Assess
    expect(parsed.windows.flatMap((window) => window.days)).toEqual([1, 3, 5]);
    expect(upHoursPerWeek(parsed)).toBe(6);
  });

  it.each([
    [[]],
    [[{ days: [], startMinute: 0, endMinute: 60 }]],
    [[{ days: [1], startMinute: 60, endMinute: 60 }]],
    [[{ days: [1], startMinute: 1440, endMinute: 60 }]],
    [[{ days: [1], startMinute: 0, endMinute: 1441 }]],
    [[{ days: [1], startMinute: 7.5, endMinute: 60 }]],
  ] as Array<[Array<{ days: Weekday[]; startMinute: number; endMinute: number }>]>)(
    'should refuse to render the invalid windows %j',
    (windows) => {
      // Act
      const act = () => formatSchedule(windows);

      // Assess
      expect(act).toThrow(RangeError);
    },
  );
});
