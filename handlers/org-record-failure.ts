// Hub state machine, a Map item's Catch → the target's failure and its reason, kept with the run's results.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type * as z from 'zod/mini';
import { loadConfig } from '../lib/config';
import { failureEventSchema } from '../lib/events/org-events';
import { logErrorOnce } from '../lib/lambda-middleware';
import { logger } from '../lib/observability';
import { awsHubDeps } from '../lib/use-cases/organization/hub-aws-deps';
import { type HubDeps, recordFailureStep } from '../lib/use-cases/organization/hub-steps';

const moduleDeps = awsHubDeps(loadConfig('orgRecordFailure'));

export async function orgRecordFailureHandler(
  event: z.infer<typeof failureEventSchema>,
  deps: HubDeps = moduleDeps,
) {
  const output = await recordFailureStep(event, deps);
  logger.warn('target failed', {
    job: event.job,
    accountId: event.accountId,
    region: event.region,
    failure: event.failure,
  });
  return output;
}

export const handler = middy((event: z.infer<typeof failureEventSchema>) => orgRecordFailureHandler(event))
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: failureEventSchema }));
