// CloudWatch metrics of the simulated account: GetMetricData over the snapshot's hourly series.

import type {
  Dimension,
  GetMetricDataInput,
  MetricDataQuery,
  MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { MAX_METRIC_QUERIES_PER_REQUEST } from '../domain/aws-limits';
import { DAY_MS, HOUR_MS } from '../domain/time-units';
import type { SimAccount } from './sim-account';
import { gatewaySeries, zoneSeries } from './snapshot-metrics';

const MAX_DATAPOINTS_PER_RESPONSE = 100_800;
const SNAPSHOT_PERIOD_SECONDS = 3600;
const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;

/** CloudWatch keeps finer periods only for recent data (aws-facts.md); ask for them later and nothing comes back. */
function periodAllowed(periodSeconds: number, start: Date, now: Date): boolean {
  const age = now.getTime() - start.getTime();
  if (age > 63 * DAY_MS) return periodSeconds % 3600 === 0;
  if (age > 15 * DAY_MS) return periodSeconds % 300 === 0;
  return periodSeconds % 60 === 0;
}

interface Datapoint {
  at: number;
  value: number;
}

/**
 * CloudWatch matches a metric on its exact set of dimensions: a zonal gateway publishes with NatGatewayId alone, a
 * regional one with NatGatewayId and AvailabilityZone, and a query with any other set gets no datapoints.
 */
function hourlyValues(sim: SimAccount, dimensions: Dimension[], metricName: string): number[] | undefined {
  const names = dimensions.map((d) => d.Name ?? '').sort();
  const natGatewayId = dimensions.find((d) => d.Name === 'NatGatewayId')?.Value;
  if (!natGatewayId) return undefined;
  if (names.length === 1) return gatewaySeries(sim, natGatewayId)[metricName];
  const zone = dimensions.find((d) => d.Name === 'AvailabilityZone')?.Value;
  if (names.length === 2 && zone !== undefined) return zoneSeries(sim, natGatewayId, zone)[metricName];
  return undefined;
}

function seriesFor(sim: SimAccount, query: MetricDataQuery, start: Date, end: Date): Datapoint[] {
  const stat = query.MetricStat;
  const metric = stat?.Metric;
  if (!stat || !metric || metric.Namespace !== 'AWS/NATGateway') return [];
  const hourly = hourlyValues(sim, metric.Dimensions ?? [], metric.MetricName ?? '');
  const period = stat.Period ?? SNAPSHOT_PERIOD_SECONDS;
  if (!hourly || !periodAllowed(period, start, sim.now())) return [];
  const origin = Date.parse(sim.state.metrics.start);
  const isSum = stat.Stat === 'Sum';
  const points: Datapoint[] = [];
  // Buckets aligned on the period; each takes its share of the hourly buckets it overlaps.
  const periodMs = period * 1000;
  const first = Math.floor(start.getTime() / periodMs) * periodMs;
  for (let at = first; at < end.getTime(); at += periodMs) {
    let value = 0;
    let seen = false;
    const hourFrom = Math.floor((at - origin) / HOUR_MS);
    const hourTo = Math.ceil((at + periodMs - origin) / HOUR_MS);
    for (let h = Math.max(hourFrom, 0); h < Math.min(hourTo, hourly.length); h += 1) {
      const hourValue = hourly[h] ?? 0;
      const overlap =
        Math.min(at + periodMs, origin + (h + 1) * HOUR_MS) - Math.max(at, origin + h * HOUR_MS);
      if (overlap <= 0) continue;
      seen = true;
      value = isSum ? value + (hourValue * overlap) / HOUR_MS : Math.max(value, hourValue);
    }
    if (seen && at >= start.getTime()) points.push({ at, value });
  }
  return points;
}

export function registerCloudWatch(sim: SimAccount): void {
  sim.on<GetMetricDataInput>('CloudWatch', 'GetMetricData', (input) => {
    const queries = input.MetricDataQueries ?? [];
    if (queries.length === 0 || queries.length > MAX_METRIC_QUERIES_PER_REQUEST) {
      throw sim.error(
        'CloudWatch',
        'ValidationError',
        `MetricDataQueries must hold 1 to ${MAX_METRIC_QUERIES_PER_REQUEST} queries`,
      );
    }
    const bad = queries.find((q) => !q.Id || !QUERY_ID.test(q.Id));
    if (bad)
      throw sim.error(
        'CloudWatch',
        'ValidationError',
        `query id "${bad.Id}" must start with a lowercase letter`,
      );
    if (!input.StartTime || !input.EndTime || input.StartTime >= input.EndTime) {
      throw sim.error('CloudWatch', 'ValidationError', 'StartTime must be before EndTime');
    }
    const descending = input.ScanBy !== 'TimestampAscending';
    // NextToken = "<query index>:<datapoint offset>", so a page can stop inside a series like CloudWatch's does.
    const [startQuery, startOffset] = (input.NextToken ?? '0:0').split(':').map(Number);
    const results: MetricDataResult[] = [];
    let budget = Math.min(input.MaxDatapoints ?? MAX_DATAPOINTS_PER_RESPONSE, MAX_DATAPOINTS_PER_RESPONSE);
    for (let q = startQuery ?? 0; q < queries.length; q += 1) {
      const query = queries[q];
      if (!query || query.ReturnData === false) continue;
      const points = seriesFor(sim, query, input.StartTime, input.EndTime);
      if (descending) points.reverse();
      const offset = q === startQuery ? (startOffset ?? 0) : 0;
      const page = points.slice(offset, offset + budget);
      budget -= page.length;
      const complete = offset + page.length >= points.length;
      results.push({
        Id: query.Id,
        Label: query.Label ?? query.MetricStat?.Metric?.MetricName,
        Timestamps: page.map((p) => new Date(p.at)),
        Values: page.map((p) => p.value),
        StatusCode: complete ? 'Complete' : 'PartialData',
      });
      if (!complete)
        return { MetricDataResults: results, NextToken: `${q}:${offset + page.length}`, Messages: [] };
    }
    return { MetricDataResults: results, Messages: [] };
  });
}
