// Nightly EventBridge cron → traffic and cost analysis of every NAT gateway, figures tagged, report by SNS.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { awsRuntime } from '../lib/aws/aws-runtime';
import { lambdaClients, lambdaClock } from '../lib/aws/lambda-clients';
import { loadConfig } from '../lib/config';
import { type ScheduledEvent, scheduledEventSchema } from '../lib/events/scheduled-event';
import { logErrorOnce } from '../lib/lambda-middleware';
import { logger, metrics } from '../lib/observability';
import type { Runtime } from '../lib/runtime';
import { type NightlyOutcome, runNightlyAnalysis } from '../lib/use-cases/analyze';

const config = loadConfig();
const clients = lambdaClients();
const now = lambdaClock();

export async function analyzeHandler(event: ScheduledEvent, runtime?: Runtime) {
  const rt =
    runtime ??
    awsRuntime({
      region: config.core.region,
      maxAttempts: config.core.maxAttempts,
      apply: true,
      clients,
      now,
    });
  const outcome: NightlyOutcome = await runNightlyAnalysis(rt, config);
  const { result } = outcome;
  const summary = {
    trigger: event.time,
    gateways: result.natGateways.length,
    findings: result.natGateways.reduce((n, g) => n + g.findings.length, 0),
    projectedMonthlyCost: result.totals.projectedMonthlyCost,
    estimatedMonthlySavings: result.totals.estimatedMonthlySavings,
    taggedGateways: outcome.taggedGateways,
    published: outcome.published,
    warnings: result.warnings,
  };
  metrics.addMetric('GatewaysAnalyzed', MetricUnit.Count, summary.gateways);
  metrics.addMetric('Findings', MetricUnit.Count, summary.findings);
  metrics.addMetric('EstimatedMonthlySavingsUsd', MetricUnit.NoUnit, summary.estimatedMonthlySavings);
  logger.info('nightly analysis finished', { summary });
  return summary;
}

export const handler = middy((event: ScheduledEvent) => analyzeHandler(event))
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: scheduledEventSchema }));
