// The snapshot's metric series of one gateway: a zonal gateway's by metric name, a regional gateway's per AZ
// (metrics.natGateways[<id>].byAvailabilityZone[<az>][<metric>], Contract 2).
import type { SimAccount } from './sim-account';

export type SeriesByMetric = Record<string, number[]>;

/** The series published with the NatGatewayId dimension alone (what a zonal gateway has). */
export function gatewaySeries(sim: SimAccount, natGatewayId: string): SeriesByMetric {
  const entry = sim.state.metrics.natGateways[natGatewayId];
  const series: SeriesByMetric = {};
  for (const [name, values] of Object.entries(entry ?? {})) if (Array.isArray(values)) series[name] = values;
  return series;
}

/** The series published with NatGatewayId and AvailabilityZone (a regional gateway's, one AZ). */
export function zoneSeries(sim: SimAccount, natGatewayId: string, availabilityZone: string): SeriesByMetric {
  return sim.state.metrics.natGateways[natGatewayId]?.byAvailabilityZone?.[availabilityZone] ?? {};
}

/** AZs a regional gateway has series for. */
export function seriesZones(sim: SimAccount, natGatewayId: string): string[] {
  return Object.keys(sim.state.metrics.natGateways[natGatewayId]?.byAvailabilityZone ?? {}).sort();
}

/** Every byte the gateway saw, whatever the dimensions: its own series, or its AZ series added up. */
export function totalSeries(sim: SimAccount, natGatewayId: string): SeriesByMetric {
  const zones = seriesZones(sim, natGatewayId);
  if (zones.length === 0) return gatewaySeries(sim, natGatewayId);
  const total: SeriesByMetric = {};
  for (const zone of zones) {
    for (const [name, values] of Object.entries(zoneSeries(sim, natGatewayId, zone))) {
      const sum = total[name] ?? [];
      values.forEach((value, i) => {
        sum[i] = (sum[i] ?? 0) + value;
      });
      total[name] = sum;
    }
  }
  return total;
}
