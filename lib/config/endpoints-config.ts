// Settings of flow-log attribution and gateway endpoints.
import { parseEndpointPolicy } from '../domain/endpoints/endpoint-policy';
import { analysisWindowDays } from './analysis-config';
import {
  booleanField,
  ConfigError,
  describeError,
  type Env,
  numberField,
  optionalString,
} from './env-fields';

/** Retention values CloudWatch Logs accepts (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** The log group a deployed stack creates and its nightly run queries (sls/resources/flow-logs.yml). */
export function stackFlowLogGroup(stage: string): string {
  return `/nat-optimizer/${stage}/nat-flow-logs`;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export function isRoleArn(text: string): boolean {
  return ROLE_ARN.test(text);
}
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const LOG_GROUP_NAME = /^[\w\-/.#]{1,512}$/;

export interface EndpointsConfig {
  /** Log group the NAT flow logs deliver to; absent: no attribution (savings of endpoint findings unknown). */
  flowLogGroupName?: string;
  /** Role VPC Flow Logs assumes to write into the group (CreateFlowLogs DeliverLogsPermissionArn). */
  flowLogRoleArn?: string;
  flowLogRetentionDays: number;
  /** How long one attribution query may run before it is stopped and the analysis goes on without it. */
  flowLogQueryTimeoutSeconds: number;
  /** AWS Organizations id: the default endpoint policy then also allows the organisation's resources. */
  organizationId?: string;
  /** The nightly run creates missing S3/DynamoDB gateway endpoints itself (off: the CLI does it on request). */
  autoApply: boolean;
  /** Endpoint policy for the endpoints auto-apply creates, replacing the default one. */
  autoApplyPolicy?: string;
}

function policyField(env: Env, name: string): string | undefined {
  const text = optionalString(env, name);
  if (text === undefined) return undefined;
  try {
    return parseEndpointPolicy(text, name);
  } catch (error) {
    throw new ConfigError(describeError(error));
  }
}

function matching(env: Env, name: string, pattern: RegExp, expected: string): string | undefined {
  const value = optionalString(env, name);
  if (value !== undefined && !pattern.test(value))
    throw new ConfigError(`${name} must be ${expected}, got "${value}"`);
  return value;
}

export function endpointsConfig(env: Env): EndpointsConfig {
  const analysisDays = analysisWindowDays(env);
  const flowLogGroupName = matching(env, 'NAT_OPTIMIZER_FLOW_LOG_GROUP', LOG_GROUP_NAME, 'a log group name');
  const flowLogRoleArn = matching(env, 'NAT_OPTIMIZER_FLOW_LOG_ROLE_ARN', ROLE_ARN, 'an IAM role ARN');
  const organizationId = matching(
    env,
    'NAT_OPTIMIZER_ORG_ID',
    ORGANIZATION_ID,
    'an AWS Organizations id (o-…)',
  );
  const autoApplyPolicy = policyField(env, 'NAT_OPTIMIZER_ENDPOINT_POLICY');
  const retention = numberField(env, 'NAT_OPTIMIZER_FLOW_LOG_RETENTION_DAYS', 30, { min: 1, integer: true });
  if (!LOG_RETENTION_DAYS.some((days) => days === retention)) {
    throw new ConfigError(
      `NAT_OPTIMIZER_FLOW_LOG_RETENTION_DAYS must be one of ${LOG_RETENTION_DAYS.join(', ')}, got "${retention}"`,
    );
  }
  if (retention < analysisDays) {
    throw new ConfigError(
      `NAT_OPTIMIZER_FLOW_LOG_RETENTION_DAYS (${retention}) must cover the analysis window of ${analysisDays} days`,
    );
  }
  return {
    ...(flowLogGroupName ? { flowLogGroupName } : {}),
    ...(flowLogRoleArn ? { flowLogRoleArn } : {}),
    flowLogRetentionDays: retention,
    flowLogQueryTimeoutSeconds: numberField(env, 'NAT_OPTIMIZER_FLOW_LOG_QUERY_TIMEOUT_SECONDS', 180, {
      min: 10,
      max: 840,
      integer: true,
    }),
    ...(organizationId ? { organizationId } : {}),
    autoApply: booleanField(env, 'NAT_OPTIMIZER_AUTO_APPLY_ENDPOINTS', false),
    ...(autoApplyPolicy ? { autoApplyPolicy } : {}),
  };
}
