// AWS SDK clients, created once per process and passed in. The only place clients are configured.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { PricingClient } from '@aws-sdk/client-pricing';
import { SNSClient } from '@aws-sdk/client-sns';
import { fromIni } from '@aws-sdk/credential-providers';
import type { RetryStrategyV2 } from '@smithy/types';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { type PacingClock, paceEc2Requests, REAL_PACING_CLOCK, RequestPacer } from './request-pacing';

export interface AwsClients {
  ec2: EC2Client;
  cloudwatch: CloudWatchClient;
  logs: CloudWatchLogsClient;
  sns: SNSClient;
  eventbridge: EventBridgeClient;
  pricing: PricingClient;
}

/** The Price List API is served from a few regions only; us-east-1 is one of them. */
const PRICING_ENDPOINT_REGION = 'us-east-1';

export interface ClientOptions {
  region: string;
  profile?: string;
  /** Total attempts per call, first one included (SDK default: 3). */
  maxAttempts: number;
  /** Replaces the SDK's back-off (used by the simulated account so retries cost no wall time). */
  retryStrategy?: RetryStrategyV2;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /**
   * EC2 requests wait for a token of EC2's own bucket for their action (request-pacing.ts): on the real clock by
   * default, on a simulated account's clock there; `off` sends them as they come.
   */
  ec2Pacing?: PacingClock | 'off';
}

export function createClients(options: ClientOptions): AwsClients {
  const common = {
    region: options.region,
    maxAttempts: options.maxAttempts,
    retryMode: 'standard',
    ...(options.retryStrategy ? { retryStrategy: options.retryStrategy } : {}),
    ...(options.credentials
      ? { credentials: options.credentials }
      : options.profile
        ? { credentials: fromIni({ profile: options.profile }) }
        : {}),
  };
  const ec2 = new EC2Client(common);
  const pacing = options.ec2Pacing ?? REAL_PACING_CLOCK;
  if (pacing !== 'off') paceEc2Requests(ec2, new RequestPacer(pacing));
  return {
    ec2,
    cloudwatch: new CloudWatchClient(common),
    logs: new CloudWatchLogsClient(common),
    sns: new SNSClient(common),
    eventbridge: new EventBridgeClient(common),
    pricing: new PricingClient({ ...common, region: PRICING_ENDPOINT_REGION }),
  };
}

/** Retries with the SDK's own strategy but a fixed, tiny delay: for a simulated account only. */
export function immediateRetryStrategy(maxAttempts: number): RetryStrategyV2 {
  return new ConfiguredRetryStrategy(maxAttempts, () => 1);
}

/** How long waiters poll: AWS's cadence for real accounts; milliseconds for the simulated one. */
export interface WaitTimings {
  minDelaySeconds: number;
  maxDelaySeconds: number;
  maxWaitSeconds: number;
}

export const AWS_WAIT_TIMINGS: WaitTimings = {
  minDelaySeconds: 15,
  maxDelaySeconds: 30,
  maxWaitSeconds: 600,
};
