// Settings of the organisation hub (serverless.hub.yml). All optional here: the single-account stack has none,
// and each hub function asks for the ones it needs (requireOrgSetting), with an error naming the variable.
import {
  ORG_JOBS,
  type OrgJob,
  parseTagFilter,
  targetsFileSchema,
  targetsFromFile,
} from '../domain/organization/org-targets';
import { ConfigError, describeError, type Env, listField, optionalString } from './env-fields';

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
}

const PATTERNS = {
  NAT_OPTIMIZER_ORG_OUS: [
    /^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/,
    'OU ids (ou-…) or a root id (r-…)',
  ],
  NAT_OPTIMIZER_ORG_EXCLUDE_ACCOUNTS: [/^\d{12}$/, '12-digit account ids'],
  NAT_OPTIMIZER_ORG_REGIONS: [/^[a-z]{2}(-[a-z]+)+-\d+$/, 'region codes such as eu-west-1'],
} as const;
/** IAM's rules: role names (the prefix leaves room for "-schedule"), external ids, S3 bucket names, tag keys. */
const ROLE_PREFIX = /^[\w+=,.@-]{1,50}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function checkedList(env: Env, name: keyof typeof PATTERNS): string[] {
  const [pattern, expected] = PATTERNS[name];
  const values = listField(env, name);
  const bad = values.find((v) => !pattern.test(v));
  if (bad !== undefined) throw new ConfigError(`${name} must be ${expected}, got "${bad}"`);
  return values;
}

function checked(env: Env, name: string, pattern: RegExp, expected: string): string | undefined {
  const value = optionalString(env, name);
  if (value !== undefined && !pattern.test(value))
    throw new ConfigError(`${name} must be ${expected}, got "${value}"`);
  return value;
}

function job(env: Env): OrgJob | undefined {
  const value = optionalString(env, 'NAT_OPTIMIZER_ORG_JOB');
  if (value === undefined) return undefined;
  const known = ORG_JOBS.find((j) => j === value);
  if (!known)
    throw new ConfigError(`NAT_OPTIMIZER_ORG_JOB must be one of ${ORG_JOBS.join(', ')}, got "${value}"`);
  return known;
}

function accountTags(env: Env): Record<string, string> {
  const name = 'NAT_OPTIMIZER_ORG_ACCOUNT_TAGS';
  let tags: Record<string, string>;
  try {
    tags = parseTagFilter(listField(env, name));
  } catch (error) {
    throw new ConfigError(`${name}: ${describeError(error)}`);
  }
  const bad = Object.entries(tags).find(([k, v]) => !TAG_TEXT.test(k) || (v !== '*' && !TAG_TEXT.test(v)));
  if (bad) throw new ConfigError(`${name} must be key=value tag filters, got "${bad[0]}=${bad[1]}"`);
  return tags;
}

/** The JSON list is checked here, so a function with a bad list stops at cold start, naming the variable. */
function targetsJson(env: Env): string | undefined {
  const name = 'NAT_OPTIMIZER_ORG_TARGETS';
  const text = optionalString(env, name);
  if (text === undefined) return undefined;
  try {
    targetsFromFile(targetsFileSchema.parse(JSON.parse(text)));
  } catch (error) {
    throw new ConfigError(
      `${name} is not a targets list (${describeError(error)}), got "${text.slice(0, 80)}"`,
    );
  }
  return text;
}

export function orgConfig(env: Env): OrgConfig {
  const targets = targetsJson(env);
  const externalId = checked(
    env,
    'NAT_OPTIMIZER_ORG_EXTERNAL_ID',
    EXTERNAL_ID,
    '2-1224 of A-Z a-z 0-9 + = , . @ : / - _',
  );
  const bucket = checked(env, 'NAT_OPTIMIZER_ORG_BUCKET', BUCKET, 'an S3 bucket name');
  const prefix = checked(
    env,
    'NAT_OPTIMIZER_ORG_ROLE_PREFIX',
    ROLE_PREFIX,
    'a role name prefix (1-50 of A-Z a-z 0-9 + = , . @ - _)',
  );
  const orgJob = job(env);
  return {
    ...(targets ? { targetsJson: targets } : {}),
    parentIds: checkedList(env, 'NAT_OPTIMIZER_ORG_OUS'),
    accountTags: accountTags(env),
    excludeAccountIds: checkedList(env, 'NAT_OPTIMIZER_ORG_EXCLUDE_ACCOUNTS'),
    regions: checkedList(env, 'NAT_OPTIMIZER_ORG_REGIONS'),
    rolePrefix: prefix ?? 'nat-optimizer-org',
    ...(externalId ? { externalId } : {}),
    ...(bucket ? { bucket } : {}),
    ...(orgJob ? { job: orgJob } : {}),
  };
}

/** A setting a hub function cannot run without. */
export function requireOrgSetting<T>(value: T | undefined, variable: string): T {
  if (value === undefined) throw new ConfigError(`${variable} environment variable is not set`);
  return value;
}
