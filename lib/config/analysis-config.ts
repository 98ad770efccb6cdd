// Settings of the nightly analysis.
import * as z from 'zod/mini';
import { type AnalysisSettings, DEFAULT_ANALYSIS_SETTINGS } from '../domain/analysis-settings';
import { booleanField, type Env, jsonField, numberField, timezoneField } from './env-fields';

const GIB = 2 ** 30;

export const PRICE_OVERRIDES_VARIABLE = 'NAT_OPTIMIZER_PRICE_OVERRIDES';
export const REFRESH_PRICES_VARIABLE = 'NAT_OPTIMIZER_REFRESH_PRICES';

const priceOverridesSchema = z.record(
  z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'keys must be region codes such as eu-west-1')),
  z.strictObject(
    {
      natGatewayHourly: z.optional(
        z.number('must be a number').check(z.positive('must be a positive number')),
      ),
      natGatewayPerGb: z.optional(z.number('must be a number').check(z.nonnegative('must not be negative'))),
    },
    { error: 'must be an object with only natGatewayHourly and natGatewayPerGb' },
  ),
);

export interface AnalysisConfig {
  settings: AnalysisSettings;
  /** Days of metrics one analysis looks at, ending at the last full hour. */
  windowDays: number;
  /** Ask the AWS Price List API for current prices (else the built-in table, unless overridden). */
  refreshPrices: boolean;
}

export function analysisConfig(env: Env, defaultTimezone: string): AnalysisConfig {
  const d = DEFAULT_ANALYSIS_SETTINGS;
  return {
    windowDays: numberField(env, 'NAT_OPTIMIZER_ANALYSIS_DAYS', 14, { min: 1, max: 62, integer: true }),
    refreshPrices: booleanField(env, REFRESH_PRICES_VARIABLE, false),
    settings: {
      idleBytesThreshold: numberField(env, 'NAT_OPTIMIZER_IDLE_GIB', d.idleBytesThreshold / GIB) * GIB,
      offHoursQuietFraction: numberField(env, 'NAT_OPTIMIZER_QUIET_FRACTION', d.offHoursQuietFraction, {
        max: 1,
      }),
      offHoursMinSavingHours: numberField(env, 'NAT_OPTIMIZER_MIN_PARKED_HOURS', d.offHoursMinSavingHours, {
        max: 168,
      }),
      offHoursTimezone: timezoneField(env, 'NAT_OPTIMIZER_TIMEZONE', defaultTimezone),
      portAllocationErrorThreshold: numberField(
        env,
        'NAT_OPTIMIZER_PORT_ERRORS_THRESHOLD',
        d.portAllocationErrorThreshold,
      ),
      packetDropRatioThreshold: numberField(
        env,
        'NAT_OPTIMIZER_DROP_RATIO_THRESHOLD',
        d.packetDropRatioThreshold,
        {
          max: 1,
        },
      ),
      priceOverrides: jsonField(env, PRICE_OVERRIDES_VARIABLE, {}, (json) =>
        priceOverridesSchema.parse(json),
      ),
    },
  };
}
