// Every minute, from a private subnet: can we reach the internet through our NAT gateway? The answer goes out as
// the EgressProbeSuccess metric (EMF log line: no CloudWatch API call, so it works while egress is down).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { type ProbeFetch, probeEgress } from '../lib/aws/egress-probe';
import { loadConfig } from '../lib/config';
import { PROBE_METRIC } from '../lib/domain/failover/failover-alarm-spec';
import { NAT_GATEWAY_DIMENSION } from '../lib/domain/failover/failover-event';
import { type ScheduledEvent, scheduledEventSchema } from '../lib/events/scheduled-event';
import { logErrorOnce } from '../lib/lambda-middleware';
import { logger, metrics } from '../lib/observability';

/** Only this function's settings are validated: a bad value elsewhere cannot stop it. */
const config = loadConfig('egressProbe');

export async function egressProbeHandler(event: ScheduledEvent, fetchFn: ProbeFetch = fetch) {
  const result = await probeEgress(config.probe, fetchFn);
  if (result.natGatewayId) {
    metrics.addDimension(NAT_GATEWAY_DIMENSION, result.natGatewayId);
    metrics.addMetric(PROBE_METRIC, MetricUnit.Count, result.success ? 1 : 0);
  }
  logger.info(result.natGatewayId ? 'egress probe finished' : 'egress probe has no NAT gateway configured', {
    trigger: event.time,
    result,
  });
  return result;
}

export const handler = middy((event: ScheduledEvent) => egressProbeHandler(event))
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics))
  .use(logErrorOnce(logger))
  .use(parser({ schema: scheduledEventSchema }));
