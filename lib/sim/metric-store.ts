// Metric datapoints of the simulated account with the time they become visible: what CloudWatch Logs extracts
// from EMF lines (the egress probe's), and per-minute datapoints a scenario publishes for AWS/NATGateway. Alarms
// evaluate on them (alarm-evaluator.ts); the snapshot's hourly series (cloudwatch.ts) are a separate matter.
// EMF: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
import { z } from 'zod';

export interface MetricId {
  namespace: string;
  metricName: string;
  dimensions: Readonly<Record<string, string>>;
}

export interface StoredDatapoint extends MetricId {
  /** Epoch milliseconds the value is for. */
  timestamp: number;
  value: number;
  /** 1: high resolution (kept to the second); 60: kept per minute. */
  storageResolution: 1 | 60;
  /** Epoch milliseconds from which queries and alarms see it. */
  visibleAt: number;
}

export type Statistic = 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount';

const STATISTICS: readonly Statistic[] = ['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount'];
const MINUTE_MS = 60_000;
const SECOND_MS = 1000;

export function isStatistic(value: string): value is Statistic {
  return STATISTICS.some((s) => s === value);
}

const emfDocument = z.looseObject({
  _aws: z.object({
    Timestamp: z.number(),
    CloudWatchMetrics: z.array(
      z.object({
        Namespace: z.string().min(1),
        Dimensions: z.array(z.array(z.string())),
        Metrics: z.array(
          z.object({
            Name: z.string().min(1),
            Unit: z.string().optional(),
            StorageResolution: z.union([z.literal(1), z.literal(60)]).optional(),
          }),
        ),
      }),
    ),
  }),
});

function sameDimensions(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function aggregate(values: number[], statistic: Statistic): number | null {
  if (values.length === 0) return null;
  switch (statistic) {
    case 'Sum':
      return values.reduce((s, v) => s + v, 0);
    case 'Average':
      return values.reduce((s, v) => s + v, 0) / values.length;
    case 'Maximum':
      return Math.max(...values);
    case 'Minimum':
      return Math.min(...values);
    case 'SampleCount':
      return values.length;
  }
}

export class SimMetricStore {
  private readonly points: StoredDatapoint[] = [];
  /** EMF lines that were not valid EMF: CloudWatch keeps them as log lines but extracts no metric. */
  rejectedLines = 0;

  put(point: StoredDatapoint): void {
    // A standard-resolution value is stored per minute: finer periods see it at the minute only.
    const step = point.storageResolution === 1 ? SECOND_MS : MINUTE_MS;
    this.points.push({ ...point, timestamp: Math.floor(point.timestamp / step) * step });
  }

  /**
   * A log line as CloudWatch Logs reads it: valid EMF becomes one datapoint per metric and dimension set, visible
   * from `visibleAt` (the line's delivery plus extraction); anything else extracts nothing.
   */
  ingestEmf(line: string, visibleAt: number): number {
    let parsed: z.infer<typeof emfDocument>;
    try {
      parsed = emfDocument.parse(JSON.parse(line));
    } catch {
      this.rejectedLines += 1;
      return 0;
    }
    let added = 0;
    const root: Record<string, unknown> = parsed;
    for (const directive of parsed._aws.CloudWatchMetrics) {
      for (const dimensionSet of directive.Dimensions) {
        const dimensions = Object.fromEntries(dimensionSet.map((name) => [name, String(root[name] ?? '')]));
        for (const metric of directive.Metrics) {
          const value = root[metric.Name];
          for (const v of Array.isArray(value) ? value : [value]) {
            if (typeof v !== 'number') continue;
            this.put({
              namespace: directive.Namespace,
              metricName: metric.Name,
              dimensions,
              timestamp: parsed._aws.Timestamp,
              value: v,
              storageResolution: metric.StorageResolution ?? 60,
              visibleAt,
            });
            added += 1;
          }
        }
      }
    }
    return added;
  }

  /** The statistic over [start, end) of what is visible at `asOf`; null when there is no datapoint. */
  statistic(metric: MetricId, statistic: Statistic, start: number, end: number, asOf: number): number | null {
    const values = this.points
      .filter(
        (p) =>
          p.visibleAt <= asOf &&
          p.timestamp >= start &&
          p.timestamp < end &&
          p.metricName === metric.metricName &&
          p.namespace === metric.namespace &&
          sameDimensions(p.dimensions, metric.dimensions),
      )
      .map((p) => p.value);
    return aggregate(values, statistic);
  }

  get size(): number {
    return this.points.length;
  }
}
