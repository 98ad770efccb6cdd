// Shared Lambda middleware: one error log with context, then the error goes on to Lambda (retries, destinations).
import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';

export function logErrorOnce(logger: Logger): MiddlewareObj {
  return {
    onError: async (request) => {
      logger.error('invocation failed', { error: request.error });
    },
  };
}
