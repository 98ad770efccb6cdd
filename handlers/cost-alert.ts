// Daily EventBridge cron → each NAT gateway's cost for the last full day; one SNS message when something is wrong.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import * as z from 'zod/mini';
import { ConfigError, loadConfig } from '../lib/config';
import { type ScheduledEvent, scheduledEventSchema } from '../lib/events/scheduled-event';
import { logErrorOnce } from '../lib/lambda-middleware';
import { lambdaRuntime } from '../lib/lambda-runtime';
import { logger, metrics } from '../lib/observability';
import type { Runtime } from '../lib/runtime';
import { runCostAlert } from '../lib/use-cases/alerts/cost-alert';

/** Only this function's settings are validated: a bad value elsewhere cannot stop it. */
const config = loadConfig('costAlert');
if (!config.core.topicArn) throw new ConfigError('NAT_OPTIMIZER_TOPIC_ARN environment variable is not set');
/** Clients are created once per container, at cold start. */
const moduleRuntime = lambdaRuntime(config.core);
/** A re-run for a given day: invoke with the scheduled event and `"detail": {"date": "YYYY-MM-DD"}`. */
const detailSchema = z.object({ date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))) });

export async function costAlertHandler(event: ScheduledEvent, runtime?: Runtime) {
  const rt = runtime ?? moduleRuntime;
  const { date } = detailSchema.parse(event.detail);
  const result = await runCostAlert(rt, config, date ? { date } : {});
  const summary = {
    trigger: event.time,
    date: result.date,
    result: result.result,
    alerts: result.alerts.map((a) => `${a.kind} ${a.natGatewayId ?? result.region} ${a.cost}`),
    suppressed: result.suppressed.length,
    subject: result.notification?.subject ?? null,
    tagProblems: result.tagProblems.map((p) => p.message),
    projectedMonthEnd: result.totals.projectedMonthEnd,
  };
  metrics.addMetric('CostAlertsSent', MetricUnit.Count, result.published ? result.alerts.length : 0);
  metrics.addMetric('ProjectedMonthEndUsd', MetricUnit.NoUnit, result.totals.projectedMonthEnd);
  logger.info('daily cost alert finished', { summary });
  return summary;
}

export const handler = middy((event: ScheduledEvent) => costAlertHandler(event))
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: scheduledEventSchema }));
