// Settings of the organisation hub (serverless.hub.yml). All optional here: the single-account stack has none,
// and each hub function asks for the ones it needs (requireOrgSetting), with an error naming the variable.
import { ORG_JOBS, type OrgJob, parseTagFilter, type TargetsError } from '../domain/organization/org-targets';
import { ConfigError, type Env, listField, numberField, optionalString } from './env-fields';

export interface OrgConfig {
  /** JSON targets list ({accounts, regions} and/or {targets}); absent: the organisation is listed. */
  targetsJson?: string;
  /** With the organisation listing: OU ids, tag filter, excluded accounts, regions. */
  parentIds: string[];
  accountTags: Record<string, string>;
  excludeAccountIds: string[];
  regions: string[];
  rolePrefix: string;
  externalId?: string;
  bucket?: string;
  /** Which job a target function runs. */
  job?: OrgJob;
  concurrency: number;
}

function job(env: Env): OrgJob | undefined {
  const value = optionalString(env, 'NAT_OPTIMIZER_ORG_JOB');
  if (value === undefined) return undefined;
  const known = ORG_JOBS.find((j) => j === value);
  if (!known)
    throw new ConfigError(`NAT_OPTIMIZER_ORG_JOB must be one of ${ORG_JOBS.join(', ')}, got "${value}"`);
  return known;
}

export function orgConfig(env: Env): OrgConfig {
  let accountTags: Record<string, string>;
  try {
    accountTags = parseTagFilter(listField(env, 'NAT_OPTIMIZER_ORG_ACCOUNT_TAGS'));
  } catch (error) {
    throw new ConfigError(`NAT_OPTIMIZER_ORG_ACCOUNT_TAGS: ${(error as TargetsError).message}`);
  }
  const targetsJson = optionalString(env, 'NAT_OPTIMIZER_ORG_TARGETS');
  const externalId = optionalString(env, 'NAT_OPTIMIZER_ORG_EXTERNAL_ID');
  const bucket = optionalString(env, 'NAT_OPTIMIZER_ORG_BUCKET');
  const orgJob = job(env);
  return {
    ...(targetsJson ? { targetsJson } : {}),
    parentIds: listField(env, 'NAT_OPTIMIZER_ORG_OUS'),
    accountTags,
    excludeAccountIds: listField(env, 'NAT_OPTIMIZER_ORG_EXCLUDE_ACCOUNTS'),
    regions: listField(env, 'NAT_OPTIMIZER_ORG_REGIONS'),
    rolePrefix: optionalString(env, 'NAT_OPTIMIZER_ORG_ROLE_PREFIX') ?? 'nat-optimizer-org',
    ...(externalId ? { externalId } : {}),
    ...(bucket ? { bucket } : {}),
    ...(orgJob ? { job: orgJob } : {}),
    concurrency: numberField(env, 'NAT_OPTIMIZER_ORG_CONCURRENCY', 10, { min: 1, max: 40, integer: true }),
  };
}

/** A setting a hub function cannot run without. */
export function requireOrgSetting<T>(value: T | undefined, variable: string): T {
  if (value === undefined) throw new ConfigError(`${variable} environment variable is not set`);
  return value;
}
