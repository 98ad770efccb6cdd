// Where the hub keeps each target's full result during a run: the state machine carries only the status of each
// target, so a run's size is not bound by Step Functions' 256 KiB payload. Implemented on S3 (lib/aws) and in
// memory (lib/sim); one contract test holds both to the same behaviour.

import type { TargetResult } from './org-result';
import type { OrgJob, OrgTarget } from './org-targets';

export interface ResultStore {
  put(key: string, result: TargetResult): Promise<void>;
  /** undefined when nothing was stored under the key. */
  get(key: string): Promise<TargetResult | undefined>;
  /** A finished report (JSON, HTML) next to the run's results. */
  putText(key: string, body: string, contentType: string): Promise<void>;
}

export class ResultStoreError extends Error {
  override name = 'ResultStoreError';
}

const RUN_ID = /^[A-Za-z0-9_.:-]{1,80}$/;

/** `runs/<runId>/<job>/<account>/<region>.json`: one object per target and run. */
export function resultKey(runId: string, job: OrgJob, target: OrgTarget): string {
  if (!RUN_ID.test(runId))
    throw new ResultStoreError(`run id "${runId}" must be 1-80 of A-Z a-z 0-9 _ . : -`);
  return `runs/${runId}/${job}/${target.accountId}/${target.region}.json`;
}

/** What a stored object must look like to be read back as a target's result. */
export function isTargetResult(value: unknown): value is TargetResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.accountId === 'string' &&
    typeof v.region === 'string' &&
    (v.status === 'done' || v.status === 'failed') &&
    Array.isArray(v.natGateways) &&
    typeof v.totals === 'object' &&
    v.totals !== null
  );
}
