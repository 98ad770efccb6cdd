// Where prices come from: per-region overrides, and whether to ask the AWS Price List API. Read by every job that
// computes a cost (the nightly analysis, the daily alert, the endpoints command, a schedule replay).
import * as z from 'zod/mini';
import type { PriceOverride } from '../domain/pricing/prices';
import { booleanField, type Env, jsonField } from './env-fields';

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

export interface PricingConfig {
  /** Replaces the built-in table and the Price List API for a region, price by price. */
  overrides: Readonly<Record<string, PriceOverride>>;
  /** Ask the AWS Price List API for current prices (else the built-in table, unless overridden). */
  refresh: boolean;
}

export function pricingConfig(env: Env): PricingConfig {
  return {
    overrides: jsonField(env, PRICE_OVERRIDES_VARIABLE, {}, (json) => priceOverridesSchema.parse(json)),
    refresh: booleanField(env, REFRESH_PRICES_VARIABLE, false),
  };
}
