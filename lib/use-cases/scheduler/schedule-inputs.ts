// What the scheduler measures before deciding: recent traffic of gateways about to park, and alarms in ALARM.

import { describeAlarms } from '../../aws/alarms';
import { fetchGatewayMetrics, metricRequestsFor } from '../../aws/metrics';
import { FAILOVER_ALARM_PREFIX } from '../../domain/failover/failover-opt-in';
import { type NatMetricName, processedBytesSeries } from '../../domain/metric-series';
import { isRegional, type NatGateway } from '../../domain/model';
import type { SchedulePlanSettings } from '../../domain/scheduler/schedule-plan';

import { MINUTE_MS } from '../../domain/time-units';
import type { Runtime } from '../../runtime';

/** One-minute buckets: CloudWatch keeps them for recent data. */
const GUARD_PERIOD_SECONDS = 60;
const GUARD_METRICS: readonly NatMetricName[] = ['BytesInFromSource', 'BytesInFromDestination'];

/** Processed bytes (in from either side) of each gateway over the guard's last minutes. */
export async function recentTraffic(
  runtime: Runtime,
  natGatewayIds: string[],
  now: Date,
  settings: SchedulePlanSettings,
  gateways: readonly NatGateway[] = [],
): Promise<Map<string, number>> {
  if (natGatewayIds.length === 0) return new Map();
  const window = {
    start: new Date(now.getTime() - settings.guard.minutes * MINUTE_MS),
    end: now,
    periodSeconds: GUARD_PERIOD_SECONDS,
  };
  // A regional gateway's bytes are asked for per AZ (NatGatewayId + AvailabilityZone) and added up.
  const regional = gateways.filter((g) => isRegional(g) && natGatewayIds.includes(g.natGatewayId));
  const zonal = natGatewayIds.filter((id) => !regional.some((g) => g.natGatewayId === id));
  const requests = [
    ...zonal.flatMap((natGatewayId) => GUARD_METRICS.map((metric) => ({ natGatewayId, metric }))),
    ...metricRequestsFor(regional, GUARD_METRICS).requests,
  ];
  const metrics = await fetchGatewayMetrics(runtime.clients.cloudwatch, requests, window);
  return new Map(
    natGatewayIds.map((id) => [
      id,
      processedBytesSeries(metrics[id] ?? {}).reduce((sum, bytes) => sum + bytes, 0),
    ]),
  );
}

/** Gateways whose failover health alarm is in ALARM: never a consolidation target. */
export async function alarmingGateways(runtime: Runtime): Promise<Set<string>> {
  const alarms = await describeAlarms(runtime.clients.cloudwatch, FAILOVER_ALARM_PREFIX);
  return new Set(alarms.flatMap((a) => (a.state === 'ALARM' && a.natGatewayId ? [a.natGatewayId] : [])));
}
