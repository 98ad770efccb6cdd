// Hub state machine, first step → the account/region pairs of the run (configured list or AWS Organizations).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type * as z from 'zod/mini';
import { loadConfig } from '../lib/config';
import { targetsEventSchema } from '../lib/events/org-events';
import { logErrorOnce } from '../lib/lambda-middleware';
import { logger } from '../lib/observability';
import { awsHubDeps } from '../lib/use-cases/organization/hub-aws-deps';
import { type HubDeps, targetsStep } from '../lib/use-cases/organization/hub-steps';

const moduleDeps = awsHubDeps(loadConfig('orgTargets'));

export async function orgTargetsHandler(
  event: z.infer<typeof targetsEventSchema>,
  deps: HubDeps = moduleDeps,
) {
  const output = await targetsStep(event, deps);
  logger.info('organisation targets listed', {
    job: output.job,
    runId: output.runId,
    targets: output.targets.length,
    skippedAccounts: output.skippedAccounts.length,
  });
  return output;
}

export const handler = middy((event: z.infer<typeof targetsEventSchema>) => orgTargetsHandler(event))
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: targetsEventSchema }));
