// Settings every AWS-facing job shares: where it runs, how it retries, where it reports.
import { ConfigError, type Env, numberField, optionalString, requiredString } from './env-fields';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;
const EVENT_BUS =
  /^([/.\-_A-Za-z0-9]{1,256}|arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/[/.\-_A-Za-z0-9]{1,256})$/;

export interface CoreConfig {
  region: string;
  /** SNS topic for reports and alerts; absent: nothing is published. */
  topicArn?: string;
  eventBusName: string;
  /** Total attempts per AWS call (the SDK's standard retry strategy). */
  maxAttempts: number;
  /** Local mode: a snapshot file the Lambda clients answer from instead of AWS (docs/local-invoke.md). */
  localSnapshot?: string;
}

function matching(
  name: string,
  value: string | undefined,
  pattern: RegExp,
  expected: string,
): string | undefined {
  if (value !== undefined && !pattern.test(value))
    throw new ConfigError(`${name} must be ${expected}, got "${value}"`);
  return value;
}

export function coreConfig(env: Env): CoreConfig {
  const region = requiredString(env, 'AWS_REGION');
  matching('AWS_REGION', region, REGION, 'an AWS region code such as us-east-1');
  const topicArn = matching(
    'NAT_OPTIMIZER_TOPIC_ARN',
    optionalString(env, 'NAT_OPTIMIZER_TOPIC_ARN'),
    SNS_TOPIC_ARN,
    'an SNS topic ARN such as arn:aws:sns:us-east-1:111122223333:nat-optimizer',
  );
  const eventBusName = matching(
    'NAT_OPTIMIZER_EVENT_BUS',
    optionalString(env, 'NAT_OPTIMIZER_EVENT_BUS'),
    EVENT_BUS,
    'an EventBridge bus name or ARN',
  );
  const localSnapshot = optionalString(env, 'NAT_OPTIMIZER_SNAPSHOT');
  return {
    region,
    ...(topicArn ? { topicArn } : {}),
    ...(localSnapshot ? { localSnapshot } : {}),
    eventBusName: eventBusName ?? 'default',
    maxAttempts: numberField(env, 'NAT_OPTIMIZER_MAX_ATTEMPTS', 5, { min: 1, max: 20, integer: true }),
  };
}
