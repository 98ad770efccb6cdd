// Test helper: GetProducts PriceList entries in the shape AWS returns (one JSON string per product).

export interface EntrySpec {
  usageType: string;
  regionCode: string;
  usd: string;
  unit: string;
}

export function priceListEntry(spec: EntrySpec): string {
  const sku = `SKU${spec.usageType
    .replace(/[^A-Z0-9]/gi, '')
    .toUpperCase()
    .slice(0, 10)}`;
  const offer = `${sku}.JRTCKXETXF`;
  return JSON.stringify({
    product: {
      productFamily: 'NAT Gateway',
      attributes: {
        regionCode: spec.regionCode,
        servicecode: 'AmazonEC2',
        usagetype: spec.usageType,
        locationType: 'AWS Region',
        location: 'Somewhere',
        servicename: 'Amazon Elastic Compute Cloud',
        operation: 'NatGateway',
        groupDescription:
          spec.unit === 'Hrs'
            ? 'Hourly charge for NAT Gateways'
            : 'Charge for per GB data processed by NAT Gateways',
        group: 'NGW:NatGateway',
      },
      sku,
    },
    serviceCode: 'AmazonEC2',
    terms: {
      OnDemand: {
        [offer]: {
          priceDimensions: {
            [`${offer}.6YS6EN2CT7`]: {
              unit: spec.unit,
              endRange: 'Inf',
              description: `$${spec.usd} per NAT Gateway ${spec.unit}`,
              appliesTo: [],
              rateCode: `${offer}.6YS6EN2CT7`,
              beginRange: '0',
              pricePerUnit: { USD: spec.usd },
            },
          },
          sku,
          effectiveDate: '2026-10-01T00:00:00Z',
          offerTermCode: 'JRTCKXETXF',
          termAttributes: {},
        },
      },
    },
    version: '20261001000000',
    publicationDate: '2026-10-01T00:00:00Z',
  });
}
