import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRICES, resolvePrices, UnknownRegionPriceError } from '../../../lib/domain/pricing/prices';
import { priceSourceLabel } from '../../../lib/report/analysis-summary';

describe('resolvePrices', () => {
  it('should use the built-in table when nothing else is given', () => {
    // Act
    const prices = resolvePrices('eu-central-1', {});

    // Assess
    expect(prices).toEqual({
      natGatewayHourly: 0.052,
      natGatewayPerGb: 0.052,
      publicIpv4Hourly: 0.005,
      crossAzPerGb: 0.01,
      source: 'built-in',
      sources: { natGatewayHourly: 'built-in', natGatewayPerGb: 'built-in' },
    });
  });

  it('should prefer prices fetched from the Price List API over the built-in table', () => {
    // Act
    const prices = resolvePrices('us-east-1', {}, { natGatewayHourly: 0.046, natGatewayPerGb: 0.044 });

    // Assess
    expect(prices).toMatchObject({
      natGatewayHourly: 0.046,
      natGatewayPerGb: 0.044,
      source: 'price-list-api',
    });
  });

  it('should prefer an override over fetched prices and fill its missing field from them', () => {
    // Act
    const prices = resolvePrices(
      'us-east-1',
      { 'us-east-1': { natGatewayHourly: 0.03 } },
      { natGatewayHourly: 0.046, natGatewayPerGb: 0.044 },
    );

    // Assess
    expect(prices).toMatchObject({ natGatewayHourly: 0.03, natGatewayPerGb: 0.044, source: 'override' });
  });

  it('should say which price a half override set and where the other came from', () => {
    // Act
    const prices = resolvePrices('us-east-1', { 'us-east-1': { natGatewayHourly: 0.03 } });

    // Assess
    expect(prices.sources).toEqual({ natGatewayHourly: 'override', natGatewayPerGb: 'built-in' });
    expect(priceSourceLabel(prices)).toBe(
      'hourly: price override from configuration; per GB: built-in price table',
    );
  });

  it('should ignore overrides of other regions', () => {
    // Act
    const prices = resolvePrices('us-east-2', {
      'us-east-1': { natGatewayHourly: 0.03, natGatewayPerGb: 0.03 },
    });

    // Assess
    expect(prices).toMatchObject({ natGatewayHourly: 0.045, natGatewayPerGb: 0.045, source: 'built-in' });
  });

  it('should price a region missing from the table when the override gives both prices', () => {
    // Act
    const prices = resolvePrices('sa-east-1', {
      'sa-east-1': { natGatewayHourly: 0.093, natGatewayPerGb: 0.093 },
    });

    // Assess
    expect(prices).toMatchObject({ natGatewayHourly: 0.093, natGatewayPerGb: 0.093, source: 'override' });
  });

  it('should name the region and the way out when no price is known', () => {
    // Act
    const resolve = () => resolvePrices('sa-east-1', {});

    // Assess
    expect(resolve).toThrow(UnknownRegionPriceError);
    expect(resolve).toThrow(/sa-east-1.*price override.*natGatewayHourly and natGatewayPerGb/);
  });

  it('should refuse a half override for a region without any other price', () => {
    // Act
    const resolve = () => resolvePrices('sa-east-1', { 'sa-east-1': { natGatewayHourly: 0.093 } });

    // Assess
    expect(resolve).toThrow(UnknownRegionPriceError);
  });

  it('should hold the AWS example price for us-east-1 in the built-in table', () => {
    // Assess
    expect(BUILT_IN_PRICES['us-east-1']).toEqual({ natGatewayHourly: 0.045, natGatewayPerGb: 0.045 });
  });
});
