// The egress probe: one HTTPS HEAD through the NAT gateway the probe's subnets route to. Any HTTP answer, even
// an error status, proves packets left and came back; only a timeout or a network error counts as a failure.
// Each check becomes one EMF log line: no CloudWatch API call, so it gets out while the NAT egress is down (Lambda
// ships a function's logs on its own path, not through the function's VPC routes).
import { MetricResolution, type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ProbeConfig } from '../config/probe-config';
import { PROBE_METRIC } from '../domain/failover/failover-alarm-spec';
import { NAT_GATEWAY_DIMENSION } from '../domain/failover/failover-event';
import { describeError } from '../errors';

export type ProbeFetch = (
  url: string,
  init: { method: 'HEAD'; signal: AbortSignal; redirect: 'manual' },
) => Promise<{ status: number }>;

export interface ProbeResult {
  natGatewayId: string | null;
  url: string;
  success: boolean;
  status: number | null;
  elapsedMs: number;
  error?: string;
}

export async function probeEgress(
  config: ProbeConfig,
  fetchFn: ProbeFetch,
  clock: () => number = () => performance.now(),
): Promise<ProbeResult> {
  const started = clock();
  const base = { natGatewayId: config.natGatewayId ?? null, url: config.url };
  try {
    const response = await fetchFn(config.url, {
      method: 'HEAD',
      signal: AbortSignal.timeout(config.timeoutMs),
      redirect: 'manual',
    });
    return { ...base, success: true, status: response.status, elapsedMs: clock() - started };
  } catch (error) {
    const reason = describeError(error);
    return { ...base, success: false, status: null, elapsedMs: clock() - started, error: reason };
  }
}

/**
 * One check as one EMF line (Powertools' serializer): EgressProbeSuccess 1 or 0 at a storage resolution of 1 s
 * (what a 10-second alarm needs), timestamped when the check started. Null without a gateway to name.
 */
export function probeMetricLine(metrics: Metrics, result: ProbeResult, at: Date): string | null {
  if (!result.natGatewayId) return null;
  try {
    metrics.addDimension(NAT_GATEWAY_DIMENSION, result.natGatewayId);
    metrics.addMetric(PROBE_METRIC, MetricUnit.Count, result.success ? 1 : 0, MetricResolution.High);
    metrics.setTimestamp(at);
    return JSON.stringify(metrics.serializeMetrics());
  } finally {
    metrics.clearMetrics();
    metrics.clearDimensions();
  }
}
