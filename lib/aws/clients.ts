// AWS SDK clients, created once per process and passed in. The only place clients are configured.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { PricingClient } from '@aws-sdk/client-pricing';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  Pluggable,
  RetryStrategyV2,
} from '@smithy/types';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS } from '../config/core-config';
import { nameTimeouts } from './aws-timeouts';
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
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * EC2 requests wait for a token of EC2's own bucket for their action (request-pacing.ts): on the real clock by
   * default, on a simulated account's clock there; `off` sends them as they come.
   */
  ec2Pacing?: PacingClock | 'off';
  /**
   * Connection and request timeouts of every call (the request handler's connectionTimeout and requestTimeout;
   * the core configuration's defaults when absent): without them a call to an endpoint that accepts the
   * connection and never answers waits forever.
   */
  timeouts?: ClientTimeouts;
}

export interface ClientTimeouts {
  connectMs: number;
  requestMs: number;
}

const DEFAULT_TIMEOUTS: ClientTimeouts = {
  connectMs: DEFAULT_CONNECT_TIMEOUT_MS,
  requestMs: DEFAULT_REQUEST_TIMEOUT_MS,
};

/** A handler of its own for each client, so the timeouts apply to every request it sends (retries included). */
function requestHandler(timeouts: ClientTimeouts = DEFAULT_TIMEOUTS): NodeHttpHandler {
  return new NodeHttpHandler({
    connectionTimeout: timeouts.connectMs,
    requestTimeout: timeouts.requestMs,
    // Without it a request past requestTimeout only logs a warning and goes on waiting.
    throwOnRequestTimeout: true,
  });
}

/**
 * What every client shares: region, the SDK's standard retry strategy, where credentials come from, and (one per
 * client: call it for each) a request handler with the timeouts.
 */
function commonConfig(options: ClientOptions) {
  return {
    requestHandler: requestHandler(options.timeouts),
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
}

export function createClients(options: ClientOptions): AwsClients {
  const common = () => commonConfig(options);
  const ec2 = new EC2Client(common());
  const pacing = options.ec2Pacing ?? REAL_PACING_CLOCK;
  if (pacing !== 'off') paceEc2Requests(ec2, new RequestPacer(pacing));
  const clients: AwsClients = {
    ec2,
    cloudwatch: new CloudWatchClient(common()),
    logs: new CloudWatchLogsClient(common()),
    sns: new SNSClient(common()),
    eventbridge: new EventBridgeClient(common()),
    pricing: new PricingClient({ ...common(), region: PRICING_ENDPOINT_REGION }),
  };
  // A final timeout names its service (aws-timeouts.ts).
  nameTimeouts(clients.ec2.middlewareStack);
  nameTimeouts(clients.cloudwatch.middlewareStack);
  nameTimeouts(clients.logs.middlewareStack);
  nameTimeouts(clients.sns.middlewareStack);
  nameTimeouts(clients.eventbridge.middlewareStack);
  nameTimeouts(clients.pricing.middlewareStack);
  return clients;
}

/** What the hub of an organisation run talks to in its own account. */
export interface HubClients {
  organizations: OrganizationsClient;
  s3: S3Client;
  sns: SNSClient;
  sfn: SFNClient;
}

export function createHubClients(options: ClientOptions): HubClients {
  const common = () => commonConfig(options);
  const clients: HubClients = {
    organizations: new OrganizationsClient(common()),
    s3: new S3Client(common()),
    sns: new SNSClient(common()),
    sfn: new SFNClient(common()),
  };
  nameTimeouts(clients.organizations.middlewareStack);
  nameTimeouts(clients.s3.middlewareStack);
  nameTimeouts(clients.sns.middlewareStack);
  nameTimeouts(clients.sfn.middlewareStack);
  return clients;
}

export interface AssumedRole {
  roleArn: string;
  externalId: string;
  sessionName: string;
  /** The region of the STS endpoint (the hub's). */
  region: string;
  /** The hub's own credentials (a CLI profile); the default chain when absent. */
  profile?: string;
  /** Middleware for the STS client the provider creates (the tests answer AssumeRole with it). */
  stsPlugins?: Pluggable<object, object>[];
  /** The STS client's timeouts (the core configuration's defaults when absent). */
  timeouts?: ClientTimeouts;
}

/**
 * Credentials of a member account's role, assumed with STS on first use, shared by every client that gets them
 * (one AssumeRole per role for the run, whatever the number of regions and clients) and refreshed shortly before
 * they expire: fromTemporaryCredentials makes the call, the SDK's own identity memo keeps the result.
 */
export function assumedRoleCredentials(role: AssumedRole): AwsCredentialIdentityProvider {
  const provider = fromTemporaryCredentials({
    params: {
      RoleArn: role.roleArn,
      RoleSessionName: role.sessionName,
      ExternalId: role.externalId,
      DurationSeconds: ASSUMED_ROLE_SECONDS,
    },
    clientConfig: { region: role.region, requestHandler: requestHandler(role.timeouts) },
    ...(role.profile ? { masterCredentials: fromIni({ profile: role.profile }) } : {}),
    ...(role.stsPlugins ? { clientPlugins: role.stsPlugins } : {}),
  });
  const memoized = memoizeIdentityProvider(provider, isIdentityExpired, doesIdentityRequireRefresh);
  return memoized ?? provider;
}

/** One hour: the default maximum session of a role, and longer than any one target's job. */
const ASSUMED_ROLE_SECONDS = 3600;

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
