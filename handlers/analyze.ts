// Nightly EventBridge cron → traffic and cost analysis of every NAT gateway, figures tagged, report by SNS.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { loadConfig } from '../lib/config';
import { type ScheduledEvent, scheduledEventSchema } from '../lib/events/scheduled-event';
import { logErrorOnce } from '../lib/lambda-middleware';
import { lambdaRuntime } from '../lib/lambda-runtime';
import { logger, metrics } from '../lib/observability';
import type { Runtime } from '../lib/runtime';
import { nightlySummary, runNightly } from '../lib/use-cases/analysis/nightly';

/** Only this function's settings are validated: a bad value elsewhere cannot stop it. */
const config = loadConfig('analyze');
/** Clients are created once per container, at cold start. */
const moduleRuntime = lambdaRuntime(config.core);

export async function analyzeHandler(event: ScheduledEvent, runtime?: Runtime) {
  const rt = runtime ?? moduleRuntime;
  const outcome = await runNightly(rt, config);
  const summary = nightlySummary(outcome, event.time);
  metrics.addMetric('GatewaysAnalyzed', MetricUnit.Count, summary.gateways);
  metrics.addMetric('Findings', MetricUnit.Count, summary.findings);
  metrics.addMetric('EstimatedMonthlySavingsUsd', MetricUnit.NoUnit, summary.estimatedMonthlySavings);
  if (summary.endpoints)
    metrics.addMetric('GatewayEndpointsCreated', MetricUnit.Count, summary.endpoints.created);
  if ('error' in summary.alarmSync) logger.error('failover alarm sync failed', { summary });
  else logger.info('nightly analysis finished', { summary });
  return summary;
}

export const handler = middy((event: ScheduledEvent) => analyzeHandler(event))
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: scheduledEventSchema }));
