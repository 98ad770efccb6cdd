// Settings every handler shares.
import { type Env, numberField, optionalString, requiredString, timezoneField } from './env-fields';

export interface CoreConfig {
  region: string;
  /** SNS topic for reports and alerts; absent: nothing is published. */
  topicArn?: string;
  eventBusName: string;
  /** Zone for schedules without a nat-optimizer:timezone tag, and for "days". */
  defaultTimezone: string;
  /** Total attempts per AWS call (the SDK's standard retry strategy). */
  maxAttempts: number;
}

export function coreConfig(env: Env): CoreConfig {
  const topicArn = optionalString(env, 'NAT_OPTIMIZER_TOPIC_ARN');
  return {
    region: requiredString(env, 'AWS_REGION'),
    ...(topicArn ? { topicArn } : {}),
    eventBusName: optionalString(env, 'NAT_OPTIMIZER_EVENT_BUS') ?? 'default',
    defaultTimezone: timezoneField(env, 'NAT_OPTIMIZER_TIMEZONE', 'UTC'),
    maxAttempts: numberField(env, 'NAT_OPTIMIZER_MAX_ATTEMPTS', 5, { min: 1, max: 20, integer: true }),
  };
}
