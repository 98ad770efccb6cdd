// CloudWatch alarm state change (EventBridge) or the 5-minute recheck → route tables moved off a failing NAT
// gateway to a healthy one in another AZ, or back once its alarm is OK and the minimum hold has passed.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { loadConfig } from '../lib/config';
import { type FailoverTrigger, failoverTriggerSchema } from '../lib/domain/failover/failover-event';
import { logErrorOnce } from '../lib/lambda-middleware';
import { lambdaEventArrived, lambdaRuntime } from '../lib/lambda-runtime';
import { logger, metrics } from '../lib/observability';
import type { Runtime } from '../lib/runtime';
import { failoverFigures, handleFailoverTrigger } from '../lib/use-cases/failover/failover';

/** Only this function's settings are validated: a bad value elsewhere cannot stop it. */
const config = loadConfig('failover');
/** Clients are created once per container, at cold start. */
const moduleRuntime = lambdaRuntime(config.core);

export async function failoverHandler(event: FailoverTrigger, runtime?: Runtime) {
  const rt = runtime ?? moduleRuntime;
  const result = await handleFailoverTrigger(rt, config, event);
  const figures = failoverFigures(result);
  metrics.addMetric('RoutesMoved', MetricUnit.Count, figures.routesMoved);
  for (const seconds of figures.recoverySeconds)
    metrics.addMetric('RecoverySeconds', MetricUnit.Seconds, seconds);
  logger.info('failover finished', { trigger: event['detail-type'], ...figures, result });
  return result;
}

export const handler = middy((event: FailoverTrigger) => {
  lambdaEventArrived(config.core, event);
  return failoverHandler(event);
})
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: failoverTriggerSchema }));
