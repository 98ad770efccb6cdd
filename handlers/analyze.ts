// Nightly EventBridge cron → traffic and cost analysis of every NAT gateway, figures tagged, report by SNS.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { lambdaRuntime } from '../lib/aws/lambda-clients';
import { loadConfig } from '../lib/config';
import { type ScheduledEvent, scheduledEventSchema } from '../lib/events/scheduled-event';
import { logErrorOnce } from '../lib/lambda-middleware';
import { logger, metrics } from '../lib/observability';
import type { Runtime } from '../lib/runtime';
import { runNightly } from '../lib/use-cases/nightly';

const config = loadConfig();
/** Clients are created once per container, at cold start. */
const moduleRuntime = lambdaRuntime();

export async function analyzeHandler(event: ScheduledEvent, runtime?: Runtime) {
  const rt = runtime ?? moduleRuntime;
  const outcome = await runNightly(rt, config);
  const { result, alarmSync, endpoints } = outcome;
  const summary = {
    trigger: event.time,
    gateways: result.natGateways.length,
    findings: result.natGateways.reduce((n, g) => n + g.findings.length, 0),
    projectedMonthlyCost: result.totals.projectedMonthlyCost,
    estimatedMonthlySavings: result.totals.estimatedMonthlySavings,
    taggedGateways: outcome.taggedGateways,
    published: outcome.published,
    warnings: result.warnings,
    alarmSync:
      'error' in alarmSync
        ? alarmSync
        : {
            created: alarmSync.created.length,
            updated: alarmSync.updated.length,
            deleted: alarmSync.deleted.length,
          },
  };
  metrics.addMetric('GatewaysAnalyzed', MetricUnit.Count, summary.gateways);
  metrics.addMetric('Findings', MetricUnit.Count, summary.findings);
  metrics.addMetric('EstimatedMonthlySavingsUsd', MetricUnit.NoUnit, summary.estimatedMonthlySavings);
  if ('error' in alarmSync) logger.error('failover alarm sync failed', { summary });
  else logger.info('nightly analysis finished', { summary });
  return summary;
}

export const handler = middy((event: ScheduledEvent) => analyzeHandler(event))
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: scheduledEventSchema }));
