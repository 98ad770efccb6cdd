// The prices of a run's region, shared by every job that computes a cost: an override, the Price List API (on a
// real account, when asked) or the built-in table. A region without any is bad input, named with the fix.
import { fetchNatGatewayPrices } from '../aws/price-list';
import type { ConfigOf } from '../config';
import { PRICE_OVERRIDES_VARIABLE, REFRESH_PRICES_VARIABLE } from '../config/pricing-config';
import { type Prices, resolvePrices, UnknownRegionPriceError } from '../domain/pricing/prices';
import { BadInputError } from '../errors';
import type { Runtime } from '../runtime';

/** No price is known for the region: says which settings give one. */
export class MissingPriceError extends BadInputError {
  override name = 'MissingPriceError';

  constructor(readonly region: string) {
    super(
      `No NAT gateway price is known for region ${region}: set ${PRICE_OVERRIDES_VARIABLE} to ` +
        `'{"${region}":{"natGatewayHourly":<USD per hour>,"natGatewayPerGb":<USD per GB>}}' ` +
        `(stage parameter priceOverrides when deployed), or ${REFRESH_PRICES_VARIABLE}=true to ask the AWS Price List API`,
    );
  }
}

/**
 * The prices of the run's region, settled before anything is read so that a region without a price stops the
 * run at once. A simulated account has no Price List API (and a snapshot run must never reach AWS): there the
 * refresh is skipped with a warning.
 */
export async function runPrices(
  runtime: Runtime,
  config: ConfigOf<'pricing'>,
): Promise<{ prices: Prices; warning?: string }> {
  const { refresh: refreshPrices, overrides } = config.pricing;
  const refresh = refreshPrices && !runtime.simulated;
  const fetched = refresh ? await fetchNatGatewayPrices(runtime.clients.pricing, runtime.region) : undefined;
  let prices: Prices;
  try {
    prices = resolvePrices(runtime.region, overrides, fetched);
  } catch (error) {
    if (error instanceof UnknownRegionPriceError) throw new MissingPriceError(runtime.region);
    throw error;
  }
  if (refreshPrices && !refresh) {
    return {
      prices,
      warning: `${REFRESH_PRICES_VARIABLE} is ignored on a simulated account: ${prices.source} prices used`,
    };
  }
  return { prices };
}
