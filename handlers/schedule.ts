// EventBridge cron every few minutes → park the opted-in NAT gateways outside their windows, unpark them inside.

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { loadConfig } from '../lib/config';
import { MS_PER_SECOND } from '../lib/domain/time-units';
import { type ScheduledEvent, scheduledEventSchema } from '../lib/events/scheduled-event';
import { logErrorOnce } from '../lib/lambda-middleware';
import { lambdaRuntime } from '../lib/lambda-runtime';
import { logger, metrics } from '../lib/observability';
import type { Runtime } from '../lib/runtime';
import { runSchedule } from '../lib/use-cases/scheduler/schedule';

/** Only this function's settings are validated: a bad value elsewhere cannot stop it. */
const config = loadConfig('schedule');
/** Clients are created once per container, at cold start. */
const moduleRuntime = lambdaRuntime(config.core);

/** `secondsLeft`: the invocation's remaining time, so waits stop before Lambda's timeout (the next run goes on). */
export async function scheduleHandler(event: ScheduledEvent, secondsLeft: () => number, runtime?: Runtime) {
  const rt = runtime ?? moduleRuntime;
  const result = await runSchedule(rt, config, { secondsLeft });
  const summary = {
    trigger: event.time,
    at: result.at,
    ...result.summary,
    actions: result.actions
      .filter((a) => a.action !== 'none' || a.result === 'failed')
      .map(
        (a) =>
          `${a.action} ${a.natGatewayId}${a.newNatGatewayId ? `→${a.newNatGatewayId}` : ''}: ${a.result}`,
      ),
    problems: result.actions
      .filter((a) => a.result === 'failed')
      .map((a) => `${a.natGatewayId}: ${a.reason}`),
  };
  metrics.addMetric('GatewaysParked', MetricUnit.Count, result.summary.parked);
  metrics.addMetric('GatewaysUnparked', MetricUnit.Count, result.summary.unparked);
  metrics.addMetric('EstimatedHoursSaved', MetricUnit.NoUnit, result.summary.estimatedHoursSaved);
  metrics.addMetric('ScheduleFailures', MetricUnit.Count, result.summary.failed);
  if (summary.problems.length > 0) logger.warn('scheduler run finished with failures', { summary });
  else logger.info('scheduler run finished', { summary });
  return summary;
}

export const handler = middy((event: ScheduledEvent, context: Context) =>
  scheduleHandler(event, () => context.getRemainingTimeInMillis() / MS_PER_SECOND),
)
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: scheduledEventSchema }));
