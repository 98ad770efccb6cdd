// The likely cause of a costly day, read from the metrics: which direction of traffic grew against the usual day.
import { type GatewayDailyCost, median } from './daily-cost';

export type TrafficDirection = 'from-source' | 'from-destination';

export interface TrafficCause {
  /** The direction that grew the most in bytes; undefined when neither grew or there is no history. */
  grew?: TrafficDirection;
  today: Record<TrafficDirection, number>;
  /** Median bytes per history day in each direction; undefined without history. */
  usual?: Record<TrafficDirection, number>;
}

export function trafficCause(cost: GatewayDailyCost): TrafficCause {
  const today = {
    'from-source': cost.day.bytesFromSource,
    'from-destination': cost.day.bytesFromDestination,
  };
  const source = median(cost.history.map((d) => d.bytesFromSource));
  const destination = median(cost.history.map((d) => d.bytesFromDestination));
  if (source === undefined || destination === undefined) return { today };
  const usual = { 'from-source': source, 'from-destination': destination };
  const sourceGrowth = today['from-source'] - source;
  const destinationGrowth = today['from-destination'] - destination;
  if (sourceGrowth <= 0 && destinationGrowth <= 0) return { today, usual };
  return { today, usual, grew: sourceGrowth >= destinationGrowth ? 'from-source' : 'from-destination' };
}
