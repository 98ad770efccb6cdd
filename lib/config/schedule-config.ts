// Settings of the off-hours scheduler (park / unpark).

import { validHoliday } from '../domain/scheduler/schedule-decision';
import type { SchedulePlanSettings } from '../domain/scheduler/schedule-plan';

import { ConfigError, defaultTimezone, type Env, listField, numberField, optionalString } from './env-fields';

export interface ScheduleConfig {
  settings: SchedulePlanSettings;
  /** Waits stop when the Lambda has less than this left; the next run carries on. */
  safetyMarginSeconds: number;
}

export const SCHEDULE_DEFAULTS = {
  unparkLeadMinutes: 10,
  guardMinutes: 15,
  guardMaxPostpones: 12,
  safetyMarginSeconds: 30,
} as const;

function holidays(env: Env): string[] {
  const name = 'NAT_OPTIMIZER_HOLIDAYS';
  const dates = listField(env, name);
  const bad = dates.find((date) => !validHoliday(date));
  if (bad !== undefined) throw new ConfigError(`${name} must list dates as YYYY-MM-DD, got "${bad}"`);
  return dates;
}

export function scheduleConfig(env: Env): ScheduleConfig {
  const guardBytes = 'NAT_OPTIMIZER_PARK_GUARD_BYTES';
  const thresholdBytes =
    optionalString(env, guardBytes) === undefined ? undefined : numberField(env, guardBytes, 0);
  return {
    settings: {
      defaultTimezone: defaultTimezone(env),
      unparkLeadMinutes: numberField(
        env,
        'NAT_OPTIMIZER_UNPARK_LEAD_MINUTES',
        SCHEDULE_DEFAULTS.unparkLeadMinutes,
        {
          max: 120,
        },
      ),
      holidays: holidays(env),
      guard: {
        ...(thresholdBytes === undefined ? {} : { thresholdBytes }),
        minutes: numberField(env, 'NAT_OPTIMIZER_PARK_GUARD_MINUTES', SCHEDULE_DEFAULTS.guardMinutes, {
          min: 1,
          max: 180,
          integer: true,
        }),
        maxPostpones: numberField(
          env,
          'NAT_OPTIMIZER_PARK_GUARD_MAX_POSTPONES',
          SCHEDULE_DEFAULTS.guardMaxPostpones,
          {
            max: 1000,
            integer: true,
          },
        ),
      },
    },
    safetyMarginSeconds: numberField(
      env,
      'NAT_OPTIMIZER_SAFETY_MARGIN_SECONDS',
      SCHEDULE_DEFAULTS.safetyMarginSeconds,
      {
        max: 600,
      },
    ),
  };
}
