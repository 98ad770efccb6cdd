import { describe, expect, it } from 'vitest';
import { PriceListParseError, parseNatGatewayPrices } from '../../../lib/domain/pricing/price-list-parse';
import { priceListEntry } from './price-list-entries';

describe('parseNatGatewayPrices', () => {
  it('should read the hourly and per-GB on-demand prices of the region', () => {
    // Prepare
    const entries = [
      priceListEntry({
        usageType: 'USE2-NatGateway-Hours',
        regionCode: 'us-east-2',
        usd: '0.0450000000',
        unit: 'Hrs',
      }),
      priceListEntry({
        usageType: 'USE2-NatGateway-Bytes',
        regionCode: 'us-east-2',
        usd: '0.0450000000',
        unit: 'GB',
      }),
    ];

    // Act
    const prices = parseNatGatewayPrices(entries, 'us-east-2');

    // Assess
    expect(prices).toEqual({ natGatewayHourly: 0.045, natGatewayPerGb: 0.045 });
  });

  it('should accept the unprefixed usage types of us-east-1', () => {
    // Prepare
    const entries = [
      priceListEntry({ usageType: 'NatGateway-Hours', regionCode: 'us-east-1', usd: '0.045', unit: 'Hrs' }),
      priceListEntry({ usageType: 'NatGateway-Bytes', regionCode: 'us-east-1', usd: '0.045', unit: 'GB' }),
    ];

    // Act
    const prices = parseNatGatewayPrices(entries, 'us-east-1');

    // Assess
    expect(prices).toEqual({ natGatewayHourly: 0.045, natGatewayPerGb: 0.045 });
  });

  it('should ignore regional NAT gateway and provisioned-bandwidth rows', () => {
    // Prepare
    const entries = [
      priceListEntry({
        usageType: 'EU-RegionalNatGateway-Hours',
        regionCode: 'eu-west-1',
        usd: '0.9',
        unit: 'Hrs',
      }),
      priceListEntry({
        usageType: 'EU-NatGateway-Prvd-Gbps',
        regionCode: 'eu-west-1',
        usd: '7.5',
        unit: 'Gbps-Hrs',
      }),
      priceListEntry({
        usageType: 'EU-NatGateway-Hours',
        regionCode: 'eu-west-1',
        usd: '0.048',
        unit: 'Hrs',
      }),
      priceListEntry({
        usageType: 'EU-RegionalNatGateway-Bytes',
        regionCode: 'eu-west-1',
        usd: '0.9',
        unit: 'GB',
      }),
      priceListEntry({ usageType: 'EU-NatGateway-Bytes', regionCode: 'eu-west-1', usd: '0.048', unit: 'GB' }),
    ];

    // Act
    const prices = parseNatGatewayPrices(entries, 'eu-west-1');

    // Assess
    expect(prices).toEqual({ natGatewayHourly: 0.048, natGatewayPerGb: 0.048 });
  });

  it('should name the missing usage type when the list lacks one', () => {
    // Prepare
    const entries = [
      priceListEntry({ usageType: 'NatGateway-Hours', regionCode: 'us-east-1', usd: '0.045', unit: 'Hrs' }),
    ];

    // Act
    const parse = () => parseNatGatewayPrices(entries, 'us-east-1');

    // Assess
    expect(parse).toThrow(PriceListParseError);
    expect(parse).toThrow('Price List has no on-demand NatGateway-Bytes price for region us-east-1');
  });

  it('should reject an entry that is not JSON', () => {
    // Act
    const parse = () => parseNatGatewayPrices(['{"product":'], 'us-east-1');

    // Assess
    expect(parse).toThrow(/Price List entry 0 is not JSON/);
  });

  it('should reject a NAT gateway entry without a USD price', () => {
    // Prepare
    const entries = [
      priceListEntry({ usageType: 'NatGateway-Hours', regionCode: 'us-east-1', usd: 'n/a', unit: 'Hrs' }),
    ];

    // Act
    const parse = () => parseNatGatewayPrices(entries, 'us-east-1');

    // Assess
    expect(parse).toThrow('Price List entry for NatGateway-Hours has no on-demand USD price (got n/a)');
  });
});
