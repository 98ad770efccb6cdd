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
} from '../domain/metric-series';

/** Requests in flight at once: well under CloudWatch's 50 GetMetricData requests/s per region. */
const CONCURRENT_REQUESTS = 4;

export interface MetricRequest {
  natGatewayId: string;
  metric: NatMetricName;
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
        Dimensions: [{ Name: 'NatGatewayId', Value: request.natGatewayId }],
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
  const periodMs = window.periodSeconds * 1000;
  const buckets = Math.ceil((window.end.getTime() - window.start.getTime()) / periodMs);
  const result: GatewayMetrics = {};
  for (const request of requests) {
    result[request.natGatewayId] ??= {};
    const perGateway = result[request.natGatewayId];
    if (perGateway) perGateway[request.metric] = emptySeries(window, buckets);
  }
  const batches = chunk(requests, MAX_METRIC_QUERIES_PER_REQUEST);
  const limit = pLimit(CONCURRENT_REQUESTS);
  await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        const byId = new Map(batch.map((request, i) => [`m${i}`, request]));
        const pages = paginateGetMetricData(
          { client: cloudwatch },
          {
            MetricDataQueries: batch.map((request, i) => query(request, `m${i}`, window.periodSeconds)),
            StartTime: window.start,
            EndTime: window.end,
            ScanBy: 'TimestampAscending',
          },
        );
        for await (const page of pages) {
          for (const data of page.MetricDataResults ?? []) {
            const request = byId.get(data.Id ?? '');
            const series = request ? result[request.natGatewayId]?.[request.metric] : undefined;
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
  return result;
}
