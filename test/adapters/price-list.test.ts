import 'aws-sdk-client-mock-vitest/extend';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchNatGatewayPrices } from '../../lib/aws/price-list';
import { PriceListParseError } from '../../lib/domain/pricing/price-list-parse';
import { priceListEntry } from '../unit/pricing/price-list-entries';

const pricing = mockClient(PricingClient);
const client = new PricingClient({ region: 'us-east-1' });

const hours = priceListEntry({
  usageType: 'EUC1-NatGateway-Hours',
  regionCode: 'eu-central-1',
  usd: '0.052',
  unit: 'Hrs',
});
const bytes = priceListEntry({
  usageType: 'EUC1-NatGateway-Bytes',
  regionCode: 'eu-central-1',
  usd: '0.052',
  unit: 'GB',
});

describe('fetchNatGatewayPrices', () => {
  afterEach(() => {
    pricing.reset();
  });

  it('should ask GetProducts for the NAT Gateway product family of the region', async () => {
    // Prepare
    pricing.on(GetProductsCommand).resolves({ PriceList: [hours, bytes] });

    // Act
    await fetchNatGatewayPrices(client, 'eu-central-1');

    // Assess
    expect(pricing).toHaveReceivedCommandWith(GetProductsCommand, {
      ServiceCode: 'AmazonEC2',
      Filters: [
        { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'NAT Gateway' },
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-central-1' },
      ],
    });
  });

  it('should read the prices across every page of the answer', async () => {
    // Prepare
    pricing
      .on(GetProductsCommand)
      .resolvesOnce({ PriceList: [hours], NextToken: 'page-2' })
      .resolvesOnce({ PriceList: [bytes] });

    // Act
    const prices = await fetchNatGatewayPrices(client, 'eu-central-1');

    // Assess
    expect(prices).toEqual({ natGatewayHourly: 0.052, natGatewayPerGb: 0.052 });
    expect(pricing).toHaveReceivedNthCommandWith(GetProductsCommand, 2, { NextToken: 'page-2' });
  });

  it('should accept entries boxed as String objects, as the SDK returns them', async () => {
    // Prepare
    pricing.on(GetProductsCommand).resolves({ PriceList: [new String(hours), new String(bytes)] });

    // Act
    const prices = await fetchNatGatewayPrices(client, 'eu-central-1');

    // Assess
    expect(prices).toEqual({ natGatewayHourly: 0.052, natGatewayPerGb: 0.052 });
  });

  it('should fail with the missing price named when the region has no NAT gateway products', async () => {
    // Prepare
    pricing.on(GetProductsCommand).resolves({ PriceList: [] });

    // Act
    const fetching = fetchNatGatewayPrices(client, 'eu-central-1');

    // Assess
    await expect(fetching).rejects.toThrow(PriceListParseError);
    await expect(fetching).rejects.toThrow(
      /NatGateway-Hours and NatGateway-Bytes price for region eu-central-1/,
    );
  });
});
