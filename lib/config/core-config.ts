// Settings every AWS-facing job shares: where it runs, how it retries, where it reports.
import { ConfigError, type Env, numberField, optionalString, requiredString } from './env-fields';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;
const EVENT_BUS =
  /^([/.\-_A-Za-z0-9]{1,256}|arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/[/.\-_A-Za-z0-9]{1,256})$/;

/**
 * An endpoint that never answers fails a call after maxAttempts × the request timeout plus the SDK's back-off:
 * with the defaults (5 × 8 s) a command gives up within about 42 s.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 8000;

export interface CoreConfig {
  region: string;
  /** SNS topic for reports and alerts; absent: nothing is published. */
  topicArn?: string;
  eventBusName: string;
  /** Total attempts per AWS call (the SDK's standard retry strategy). */
  maxAttempts: number;
  /** Milliseconds a connection to an AWS endpoint may take to open (the SDK request handler's connectionTimeout). */
  connectTimeoutMs: number;
  /** Milliseconds one attempt of an AWS call may take, answer included (requestTimeout); each retry gets as long. */
  requestTimeoutMs: number;
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
    connectTimeoutMs: numberField(env, 'NAT_OPTIMIZER_CONNECT_TIMEOUT_MS', DEFAULT_CONNECT_TIMEOUT_MS, {
      min: 100,
      max: 60_000,
      integer: true,
    }),
    requestTimeoutMs: numberField(env, 'NAT_OPTIMIZER_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, {
      min: 1000,
      max: 300_000,
      integer: true,
    }),
  };
}

/** The clients' timeouts, as lib/aws/clients.ts takes them. */
export function clientTimeouts(core: CoreConfig): { connectMs: number; requestMs: number } {
  return { connectMs: core.connectTimeoutMs, requestMs: core.requestTimeoutMs };
}
