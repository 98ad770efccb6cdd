// The inputs of the hub's Task states, as the state machines in serverless.hub.yml build them.
import * as z from 'zod/mini';
import { ORG_JOBS } from '../domain/organization/org-targets';

const job = z.enum(ORG_JOBS);
const runId = z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,80}$/));
const date = z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));
const target = { accountId: z.string().check(z.regex(/^\d{12}$/)), region: z.string().check(z.minLength(1)) };

export const targetsEventSchema = z.object({
  job,
  runId,
  date,
  stateMachineArn: z.string().check(z.minLength(1)),
  executionArn: z.string().check(z.minLength(1)),
});

export const targetEventSchema = z.object({ job, runId, date, ...target });

export const failureEventSchema = z.object({
  job,
  runId,
  date,
  ...target,
  failure: z.object({ Error: z.optional(z.unknown()), Cause: z.optional(z.unknown()) }),
});

export const aggregateEventSchema = z.object({
  job,
  runId,
  date,
  at: z.iso.datetime({ offset: true }),
  targets: z.array(z.object(target)),
  skippedAccounts: z.array(z.object({ accountId: z.string(), reason: z.string() })),
  results: z.array(z.object({ status: z.string() })),
});
