// Hub state machine, last step → the organisation report from every target's result, its one SNS message, the
// report (JSON and HTML) next to the results, and for the alert job the memory tags on the alerted targets.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type * as z from 'zod/mini';
import { loadConfig } from '../lib/config';
import { aggregateEventSchema } from '../lib/events/org-events';
import { logErrorOnce } from '../lib/lambda-middleware';
import { logger, metrics } from '../lib/observability';
import { awsHubDeps } from '../lib/use-cases/organization/hub-aws-deps';
import { aggregateStep, type HubDeps } from '../lib/use-cases/organization/hub-steps';

const moduleDeps = awsHubDeps(loadConfig('orgAggregate'));

export async function orgAggregateHandler(
  event: z.infer<typeof aggregateEventSchema>,
  deps: HubDeps = moduleDeps,
) {
  const { output } = await aggregateStep(event, deps);
  metrics.addMetric('OrgTargets', MetricUnit.Count, output.targets);
  metrics.addMetric('OrgTargetsFailed', MetricUnit.Count, output.failed);
  if (output.job === 'analyze')
    metrics.addMetric(
      'OrgEstimatedMonthlySavingsUsd',
      MetricUnit.NoUnit,
      output.totals.estimatedMonthlySavings,
    );
  if (output.failed > 0) logger.warn('organisation run finished with failed targets', { output });
  else logger.info('organisation run finished', { output });
  return output;
}

export const handler = middy((event: z.infer<typeof aggregateEventSchema>) => orgAggregateHandler(event))
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: aggregateEventSchema }));
