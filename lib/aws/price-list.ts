// NAT gateway prices of one region from the AWS Price List API (GetProducts).
import { type PricingClient, paginateGetProducts } from '@aws-sdk/client-pricing';
import * as z from 'zod/mini';
import { parseNatGatewayPrices } from '../domain/pricing/price-list-parse';
import type { NatGatewayPrices } from '../domain/pricing/prices';

const SERVICE_CODE = 'AmazonEC2';
const PRODUCT_FAMILY = 'NAT Gateway';
const PAGE_SIZE = 100;

// The SDK hands each entry back as a boxed JSON string (LazyJsonString); plain strings are accepted too.
const priceListPageSchema = z.optional(
  z.array(
    z.union([
      z.string(),
      z.pipe(
        z.instanceof(String),
        z.transform((boxed) => boxed.toString()),
      ),
    ]),
  ),
);

/** The client must target a Price List endpoint region (us-east-1); `region` is the region priced. */
export async function fetchNatGatewayPrices(
  client: PricingClient,
  region: string,
): Promise<NatGatewayPrices> {
  const priceList: string[] = [];
  const pages = paginateGetProducts(
    { client, pageSize: PAGE_SIZE },
    {
      ServiceCode: SERVICE_CODE,
      FormatVersion: 'aws_v1',
      Filters: [
        { Type: 'TERM_MATCH', Field: 'productFamily', Value: PRODUCT_FAMILY },
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: region },
      ],
    },
  );
  for await (const page of pages) priceList.push(...(priceListPageSchema.parse(page.PriceList) ?? []));
  return parseNatGatewayPrices(priceList, region);
}
