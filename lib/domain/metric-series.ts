// CloudWatch metrics of NAT gateways as the domain consumes them.

import { DAY_MS, HOUR_MS, SECONDS_PER_HOUR } from './time-units';
export const NAT_METRICS = [
  'BytesInFromSource',
  'BytesInFromDestination',
  'BytesOutToDestination',
  'BytesOutToSource',
  'PacketsInFromSource',
  'PacketsInFromDestination',
  'PacketsOutToDestination',
  'PacketsOutToSource',
  'ConnectionAttemptCount',
  'ConnectionEstablishedCount',
  'ErrorPortAllocation',
  'IdleTimeoutCount',
  'PacketsDropCount',
  'ActiveConnectionCount',
] as const;

export type NatMetricName = (typeof NAT_METRICS)[number];

/**
 * The metrics the nightly analysis reads: processed bytes (cost), packets in and drops (PACKET_DROPS), port
 * allocation errors. Fetching only these keeps GetMetricData requests (and their price) to what is used.
 */
export const ANALYSIS_METRICS: readonly NatMetricName[] = [
  'BytesInFromSource',
  'BytesInFromDestination',
  'PacketsInFromSource',
  'PacketsInFromDestination',
  'PacketsDropCount',
  'ErrorPortAllocation',
];

/** The statistic AWS documents as meaningful for each metric. */
export function statisticFor(metric: string): 'Sum' | 'Maximum' {
  return metric === 'ActiveConnectionCount' ? 'Maximum' : 'Sum';
}

/** One value per period bucket, aligned on `start`; a bucket with no datapoint is 0 (Sum) — see `present`. */
export interface MetricSeries {
  start: Date;
  periodSeconds: number;
  values: number[];
  /** How many buckets had a datapoint at all: zero means CloudWatch had no data for the metric. */
  present: number;
}

/** metricsByGateway[natGatewayId][metricName] */
export type GatewayMetrics = Record<string, Partial<Record<NatMetricName, MetricSeries>>>;

/** A regional gateway's series kept per AZ: zoneMetrics[natGatewayId][availabilityZone][metricName]. */
export type ZoneMetrics = Record<string, Record<string, Partial<Record<NatMetricName, MetricSeries>>>>;

export interface MetricWindow {
  start: Date;
  end: Date;
  periodSeconds: number;
}

export function windowHours(window: MetricWindow): number {
  return (window.end.getTime() - window.start.getTime()) / HOUR_MS;
}

export function sumOf(series: MetricSeries | undefined): number {
  if (!series) return 0;
  let total = 0;
  for (const value of series.values) total += value;
  return total;
}

/** Bytes AWS bills as processed: every byte entering the gateway, from either side. */
export function processedBytesSeries(metrics: Partial<Record<NatMetricName, MetricSeries>>): number[] {
  const fromSource = metrics.BytesInFromSource?.values ?? [];
  const fromDestination = metrics.BytesInFromDestination?.values ?? [];
  const length = Math.max(fromSource.length, fromDestination.length);
  return Array.from({ length }, (_, i) => (fromSource[i] ?? 0) + (fromDestination[i] ?? 0));
}

/** Attribution of processed bytes to AWS services (from flow logs), over the metric window. */
export interface ServiceTraffic {
  S3: number;
  DYNAMODB: number;
  OTHER: number;
}
export type TrafficByService = Record<string, ServiceTraffic>;

/** Hourly buckets: what the analysis and the alerts read. */
export const HOURLY_PERIOD_SECONDS = SECONDS_PER_HOUR;

/** The window ends at the last full hour before `now`. */
export function analysisWindow(now: Date, days: number): MetricWindow {
  const end = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  return { start: new Date(end.getTime() - days * DAY_MS), end, periodSeconds: HOURLY_PERIOD_SECONDS };
}
