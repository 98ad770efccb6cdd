// NAT gateway prices per region and where each price came from.

export interface NatGatewayPrices {
  natGatewayHourly: number;
  natGatewayPerGb: number;
}

export type PriceSource = 'built-in' | 'override' | 'price-list-api';

export interface Prices {
  natGatewayHourly: number;
  natGatewayPerGb: number;
  publicIpv4Hourly: number;
  crossAzPerGb: number;
  /** Where the NAT prices came from: `override` as soon as one of them is overridden (see `sources`). */
  source: PriceSource;
  /** The source of each NAT price, for an override that sets only one of them. */
  sources: { natGatewayHourly: PriceSource; natGatewayPerGb: PriceSource };
}

export interface PriceOverride {
  natGatewayHourly?: number;
  natGatewayPerGb?: number;
}

/** USD, on-demand; see docs/analysis.md for the sources of each row. */
export const BUILT_IN_PRICES: Readonly<Record<string, NatGatewayPrices>> = Object.freeze({
  'us-east-1': { natGatewayHourly: 0.045, natGatewayPerGb: 0.045 },
  'us-east-2': { natGatewayHourly: 0.045, natGatewayPerGb: 0.045 },
  'eu-west-1': { natGatewayHourly: 0.048, natGatewayPerGb: 0.048 },
  'eu-west-2': { natGatewayHourly: 0.05, natGatewayPerGb: 0.05 },
  'eu-central-1': { natGatewayHourly: 0.052, natGatewayPerGb: 0.052 },
  'ap-south-1': { natGatewayHourly: 0.056, natGatewayPerGb: 0.056 },
  'ap-southeast-1': { natGatewayHourly: 0.059, natGatewayPerGb: 0.059 },
  'ap-northeast-1': { natGatewayHourly: 0.062, natGatewayPerGb: 0.062 },
});

/** Per public IPv4 address and hour, in use or idle (a parked gateway's Elastic IP still costs this). */
export const PUBLIC_IPV4_HOURLY = 0.005;
/** Cross-AZ data transfer, charged in each direction. */
export const CROSS_AZ_PER_GB = 0.01;
/** Cross-AZ transfer is billed on both sides: out of one AZ and into the other. */
export const CROSS_AZ_DIRECTIONS = 2;

export class UnknownRegionPriceError extends Error {
  override name = 'UnknownRegionPriceError';

  constructor(readonly region: string) {
    super(
      `No NAT gateway price is known for region ${region}: set a price override for ${region} ` +
        '(natGatewayHourly and natGatewayPerGb, USD) in the configuration, or enable the Price List API refresh',
    );
  }
}

/** Precedence: an override for the region (any field) > the Price List API > the built-in table. */
export function resolvePrices(
  region: string,
  overrides: Readonly<Record<string, PriceOverride>>,
  fetched?: NatGatewayPrices,
): Prices {
  const base = fetched ?? BUILT_IN_PRICES[region];
  const baseSource: PriceSource = fetched ? 'price-list-api' : 'built-in';
  const override = overrides[region];
  const common = { publicIpv4Hourly: PUBLIC_IPV4_HOURLY, crossAzPerGb: CROSS_AZ_PER_GB };
  if (override && (override.natGatewayHourly !== undefined || override.natGatewayPerGb !== undefined)) {
    const natGatewayHourly = override.natGatewayHourly ?? base?.natGatewayHourly;
    const natGatewayPerGb = override.natGatewayPerGb ?? base?.natGatewayPerGb;
    if (natGatewayHourly === undefined || natGatewayPerGb === undefined)
      throw new UnknownRegionPriceError(region);
    const sources = {
      natGatewayHourly: override.natGatewayHourly !== undefined ? 'override' : baseSource,
      natGatewayPerGb: override.natGatewayPerGb !== undefined ? 'override' : baseSource,
    } as const;
    return { natGatewayHourly, natGatewayPerGb, ...common, source: 'override', sources };
  }
  if (!base) throw new UnknownRegionPriceError(region);
  const sources = { natGatewayHourly: baseSource, natGatewayPerGb: baseSource };
  return { ...base, ...common, source: baseSource, sources };
}
