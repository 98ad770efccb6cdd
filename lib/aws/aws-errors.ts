// Telling AWS's answers apart from our own faults.

/** AWS's error code of an SDK service error (the SDK puts it in `name`). */
export function awsErrorCode(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/**
 * An answer from an AWS service (after the SDK's retries), as opposed to a crash or a bug of ours. Only service
 * exceptions carry `$fault`; the SDK adds `$metadata` to any error that crosses its retry step.
 */
export function isAwsServiceError(error: unknown): error is Error {
  return error instanceof Error && '$fault' in error;
}
