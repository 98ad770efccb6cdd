// Reads NAT gateway prices out of Price List API `GetProducts` entries (each one a JSON string).
import * as z from 'zod/mini';
import type { NatGatewayPrices } from './prices';

export class PriceListParseError extends Error {
  override name = 'PriceListParseError';
}

const priceDimensionSchema = z.object({
  unit: z.optional(z.string()),
  beginRange: z.optional(z.string()),
  pricePerUnit: z.record(z.string(), z.string()),
});

const priceListEntrySchema = z.object({
  product: z.object({
    productFamily: z.optional(z.string()),
    attributes: z.object({ usagetype: z.string(), regionCode: z.optional(z.string()) }),
  }),
  terms: z.object({
    OnDemand: z.optional(
      z.record(z.string(), z.object({ priceDimensions: z.record(z.string(), priceDimensionSchema) })),
    ),
  }),
});

type PriceListEntry = z.infer<typeof priceListEntrySchema>;

/**
 * `NatGateway-Hours` in us-east-1, `USE2-NatGateway-Hours` elsewhere. Anchoring the name keeps out
 * `RegionalNatGateway-*` and provisioned-bandwidth rows, which are other products.
 */
const USAGE_TYPE = /^(?:[A-Z0-9]+-)?NatGateway-(Hours|Bytes)$/;
const FIRST_TIER = '0';

export function parseNatGatewayPrices(priceList: readonly string[], region: string): NatGatewayPrices {
  const found: { Hours?: number; Bytes?: number } = {};
  for (const [index, raw] of priceList.entries()) {
    const entry = parseEntry(raw, index);
    const kind = USAGE_TYPE.exec(entry.product.attributes.usagetype)?.[1];
    const entryRegion = entry.product.attributes.regionCode;
    if ((kind !== 'Hours' && kind !== 'Bytes') || (entryRegion !== undefined && entryRegion !== region))
      continue;
    const price = onDemandUsd(entry);
    const previous = found[kind];
    if (previous !== undefined && previous !== price) {
      throw new PriceListParseError(
        `Price List returned two different on-demand prices for ${entry.product.attributes.usagetype} in ${region}: ` +
          `${previous} and ${price} USD`,
      );
    }
    found[kind] = price;
  }
  if (found.Hours === undefined || found.Bytes === undefined) {
    const missing = [
      found.Hours === undefined ? 'NatGateway-Hours' : '',
      found.Bytes === undefined ? 'NatGateway-Bytes' : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new PriceListParseError(`Price List has no on-demand ${missing} price for region ${region}`);
  }
  return { natGatewayHourly: found.Hours, natGatewayPerGb: found.Bytes };
}

function parseEntry(raw: string, index: number): PriceListEntry {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new PriceListParseError(
      `Price List entry ${index} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const result = priceListEntrySchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PriceListParseError(
      `Price List entry ${index} has an unexpected shape at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    );
  }
  return result.data;
}

/** The first-tier USD price of the entry's OnDemand term. */
function onDemandUsd(entry: PriceListEntry): number {
  const usageType = entry.product.attributes.usagetype;
  const dimensions = Object.values(entry.terms.OnDemand ?? {}).flatMap((term) =>
    Object.values(term.priceDimensions),
  );
  const dimension = dimensions.find((d) => (d.beginRange ?? FIRST_TIER) === FIRST_TIER);
  const usd = dimension?.pricePerUnit.USD;
  const price = usd === undefined ? Number.NaN : Number(usd);
  if (!Number.isFinite(price) || price < 0) {
    throw new PriceListParseError(
      `Price List entry for ${usageType} has no on-demand USD price (got ${usd ?? 'none'})`,
    );
  }
  return price;
}
