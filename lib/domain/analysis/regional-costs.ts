// What a regional NAT gateway costs: each hour is billed once per AZ it is configured in, and its processed bytes
// are the sum of its per-AZ series (it publishes with NatGatewayId and AvailabilityZone, never NatGatewayId alone).

import {
  type MetricSeries,
  type NatMetricName,
  processedBytesSeries,
  type ZoneMetrics,
} from '../metric-series';
import { gatewayZones, isRegional, type NatGateway } from '../model';
import { gatewayCost } from '../pricing/cost-model';

export { billedZones } from '../pricing/cost-model';

import type { Prices } from '../pricing/prices';
import type { ZoneCost } from './analysis-result';

export type SeriesByMetric = Partial<Record<NatMetricName, MetricSeries>>;

/**
 * Why a regional gateway's traffic is unknown, or undefined when it was read: no AZ to ask for, or no datapoint in
 * any of its AZ series. Unknown traffic is not zero traffic: no finding may treat it as idle.
 */
export function unreadableMetrics(gateway: NatGateway, zoneMetrics: ZoneMetrics): string | undefined {
  if (!isRegional(gateway)) return undefined;
  const zones = gatewayZones(gateway);
  if (zones.length === 0)
    return 'DescribeNatGateways lists no AZ for it, so its per-AZ metrics (NatGatewayId + AvailabilityZone) could not be asked for';
  const series = zones.flatMap((zone) => Object.values(zoneMetrics[gateway.natGatewayId]?.[zone] ?? {}));
  if (!series.some((s) => s !== undefined && s.present > 0))
    return `CloudWatch returned no datapoints for it with the NatGatewayId and AvailabilityZone dimensions (${zones.join(', ')})`;
  return undefined;
}

/** Per-AZ split of a regional gateway's cost over `hours` billed hours; empty for a zonal gateway. */
export function zoneCosts(
  gateway: NatGateway,
  zoneMetrics: ZoneMetrics,
  hours: number,
  prices: Prices,
): ZoneCost[] {
  if (!isRegional(gateway)) return [];
  return gatewayZones(gateway).map((availabilityZone) => {
    const metrics: SeriesByMetric = zoneMetrics[gateway.natGatewayId]?.[availabilityZone] ?? {};
    const processedBytes = processedBytesSeries(metrics).reduce((sum, bytes) => sum + bytes, 0);
    return { availabilityZone, processedBytes, cost: gatewayCost(hours, processedBytes, prices) };
  });
}
