// Hub state machine, one Map item → the job (NAT_OPTIMIZER_ORG_JOB) on one account/region through its member role.
// An error is thrown on: the state machine retries throttling and Lambda faults, and records anything else.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { loadConfig } from '../lib/config';
import { requireOrgSetting } from '../lib/config/org-config';
import { targetEventSchema } from '../lib/events/org-events';
import { logErrorOnce } from '../lib/lambda-middleware';
import { logger } from '../lib/observability';
import { awsHubDeps } from '../lib/use-cases/organization/hub-aws-deps';
import { type HubDeps, HubStepError, targetStep } from '../lib/use-cases/organization/hub-steps';

const config = loadConfig('orgTarget');
const job = requireOrgSetting(config.org.job, 'NAT_OPTIMIZER_ORG_JOB');
const moduleDeps = awsHubDeps(config);
const MS_PER_SECOND = 1000;

export async function orgTargetHandler(
  event: z.infer<typeof targetEventSchema>,
  secondsLeft: () => number,
  deps: HubDeps = moduleDeps,
  functionJob = job,
) {
  // Each job's function assumes only that job's member role.
  if (event.job !== functionJob)
    throw new HubStepError(`this function runs ${functionJob}, not ${event.job}`);
  const output = await targetStep(event, deps, secondsLeft);
  logger.info('target done', {
    job: event.job,
    accountId: event.accountId,
    region: event.region,
    key: output.key,
  });
  return output;
}

export const handler = middy((event: z.infer<typeof targetEventSchema>, context: Context) =>
  orgTargetHandler(event, () => context.getRemainingTimeInMillis() / MS_PER_SECOND),
)
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: targetEventSchema }));
