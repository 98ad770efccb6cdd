// NAT gateway metrics with GetMetricData: up to 500 queries per request, following NextToken, never a call per metric.

import {
  type CloudWatchClient,
  type MetricDataQuery,
  paginateGetMetricData,
} from '@aws-sdk/client-cloudwatch';
import pLimit from 'p-limit';
import { MAX_METRIC_QUERIES_PER_REQUEST } from '../domain/aws-limits';
import {
  type GatewayMetrics,
  type MetricSeries,
  type MetricWindow,
  type NatMetricName,
  statisticFor,
  type ZoneMetrics,
} from '../domain/metric-series';
import { gatewayZones, isRegional, type NatGateway } from '../domain/model';

/** Requests in flight at once: well under CloudWatch's 50 GetMetricData requests/s per region. */
const CONCURRENT_REQUESTS = 4;

export interface MetricRequest {
  natGatewayId: string;
  metric: NatMetricName;
  /** Regional gateways publish per AZ: NatGatewayId and AvailabilityZone together, never NatGatewayId alone. */
  availabilityZone?: string;
}

/** What to ask CloudWatch for each gateway: one query per metric, per AZ for a regional gateway. */
export function metricRequestsFor(
  gateways: readonly NatGateway[],
  metrics: readonly NatMetricName[],
): { requests: MetricRequest[]; unreadable: string[] } {
  const requests: MetricRequest[] = [];
  const unreadable: string[] = [];
  for (const gateway of gateways) {
    const { natGatewayId } = gateway;
    if (!isRegional(gateway)) {
      requests.push(...metrics.map((metric) => ({ natGatewayId, metric })));
      continue;
    }
    const zones = gatewayZones(gateway);
    if (zones.length === 0) unreadable.push(natGatewayId);
    for (const availabilityZone of zones)
      requests.push(...metrics.map((metric) => ({ natGatewayId, metric, availabilityZone })));
  }
  return { requests, unreadable };
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function query(request: MetricRequest, id: string, periodSeconds: number): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/NATGateway',
        MetricName: request.metric,
        Dimensions: [
          { Name: 'NatGatewayId', Value: request.natGatewayId },
          ...(request.availabilityZone
            ? [{ Name: 'AvailabilityZone', Value: request.availabilityZone }]
            : []),
        ],
      },
      Period: periodSeconds,
      Stat: statisticFor(request.metric),
    },
    ReturnData: true,
  };
}

function emptySeries(window: MetricWindow, buckets: number): MetricSeries {
  return {
    start: window.start,
    periodSeconds: window.periodSeconds,
    values: new Array(buckets).fill(0),
    present: 0,
  };
}

/** Every requested (gateway, metric) pair, aligned on the window's buckets; missing datapoints count as 0. */
export async function fetchGatewayMetrics(
  cloudwatch: CloudWatchClient,
  requests: MetricRequest[],
  window: MetricWindow,
): Promise<GatewayMetrics> {
  return (await fetchMetricsByZone(cloudwatch, requests, window)).byGateway;
}

/**
 * The same, keeping a regional gateway's AZ series apart (`byZone`) beside their sum per gateway (`byGateway`:
 * Sum statistics added, Maximum the largest of the AZs).
 */
export async function fetchMetricsByZone(
  cloudwatch: CloudWatchClient,
  requests: MetricRequest[],
  window: MetricWindow,
): Promise<{ byGateway: GatewayMetrics; byZone: ZoneMetrics }> {
  const fetched = await fetchSeries(cloudwatch, requests, window);
  const byGateway: GatewayMetrics = {};
  const byZone: ZoneMetrics = {};
  for (const { request, series } of fetched) {
    const perGateway = byGateway[request.natGatewayId] ?? {};
    perGateway[request.metric] = combine(perGateway[request.metric], series, request.metric);
    byGateway[request.natGatewayId] = perGateway;
    if (request.availabilityZone === undefined) continue;
    const zones = byZone[request.natGatewayId] ?? {};
    zones[request.availabilityZone] = { ...zones[request.availabilityZone], [request.metric]: series };
    byZone[request.natGatewayId] = zones;
  }
  return { byGateway, byZone };
}

function combine(total: MetricSeries | undefined, series: MetricSeries, metric: NatMetricName): MetricSeries {
  if (!total) return { ...series, values: [...series.values], present: series.present };
  const maximum = statisticFor(metric) === 'Maximum';
  const values = total.values.map((value, i) => {
    const other = series.values[i] ?? 0;
    return maximum ? Math.max(value, other) : value + other;
  });
  return { ...total, values, present: Math.max(total.present, series.present) };
}

async function fetchSeries(
  cloudwatch: CloudWatchClient,
  requests: MetricRequest[],
  window: MetricWindow,
): Promise<Array<{ request: MetricRequest; series: MetricSeries }>> {
  const periodMs = window.periodSeconds * 1000;
  const buckets = Math.ceil((window.end.getTime() - window.start.getTime()) / periodMs);
  const fetched = requests.map((request) => ({ request, series: emptySeries(window, buckets) }));
  const batches = chunk(fetched, MAX_METRIC_QUERIES_PER_REQUEST);
  const limit = pLimit(CONCURRENT_REQUESTS);
  await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        const byId = new Map(batch.map((entry, i) => [`m${i}`, entry.series]));
        const pages = paginateGetMetricData(
          { client: cloudwatch },
          {
            MetricDataQueries: batch.map((entry, i) => query(entry.request, `m${i}`, window.periodSeconds)),
            StartTime: window.start,
            EndTime: window.end,
            ScanBy: 'TimestampAscending',
          },
        );
        for await (const page of pages) {
          for (const data of page.MetricDataResults ?? []) {
            const series = byId.get(data.Id ?? '');
            if (!series) continue;
            (data.Timestamps ?? []).forEach((timestamp, i) => {
              const bucket = Math.floor((timestamp.getTime() - window.start.getTime()) / periodMs);
              const value = data.Values?.[i];
              if (bucket < 0 || bucket >= buckets || value === undefined) return;
              series.values[bucket] = value;
              series.present += 1;
            });
          }
        }
      }),
    ),
  );
  return fetched;
}
