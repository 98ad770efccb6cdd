// Errors the simulated account raises, shaped exactly like the SDK's parsed service errors.
import { CloudWatchServiceException } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsServiceException } from '@aws-sdk/client-cloudwatch-logs';
import { EC2ServiceException } from '@aws-sdk/client-ec2';
import { EventBridgeServiceException } from '@aws-sdk/client-eventbridge';
import { SNSServiceException } from '@aws-sdk/client-sns';

export type SimService = 'EC2' | 'CloudWatch' | 'CloudWatchLogs' | 'SNS' | 'EventBridge';

const EXCEPTIONS = {
  EC2: EC2ServiceException,
  CloudWatch: CloudWatchServiceException,
  CloudWatchLogs: CloudWatchLogsServiceException,
  SNS: SNSServiceException,
  EventBridge: EventBridgeServiceException,
} as const;

/** The throttling code each service answers with; all are in the SDK's list of retryable throttling errors. */
export const THROTTLING_CODES: Record<SimService, string> = {
  EC2: 'RequestLimitExceeded',
  CloudWatch: 'Throttling',
  CloudWatchLogs: 'ThrottlingException',
  SNS: 'Throttling',
  EventBridge: 'ThrottlingException',
};

export function awsError(service: SimService, code: string, message: string, httpStatusCode = 400): Error {
  const Exception = EXCEPTIONS[service];
  return new Exception({
    name: code,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, requestId: `sim-${code}` },
    message,
  });
}

/** Thrown by a test's hook to stand for a Lambda that died between two steps. Not an AWS error: never retried. */
export class SimulatedCrashError extends Error {
  override name = 'SimulatedCrashError';
}

export class SimUnsupportedCommandError extends Error {
  override name = 'SimUnsupportedCommandError';
}

export class SimClockError extends Error {
  override name = 'SimClockError';
}
