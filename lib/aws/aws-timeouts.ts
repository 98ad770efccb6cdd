// A call that timed out (after the SDK's retries) says which service and operation did not answer: the SDK's own
// TimeoutError only says how many milliseconds passed.
import type { HandlerExecutionContext, MiddlewareStack } from '@smithy/types';

export class AwsTimeoutError extends Error {
  override name = 'AwsTimeoutError';
  constructor(
    readonly service: string,
    readonly operation: string,
    cause: Error,
    attempts: number | undefined,
  ) {
    super(
      `${service} did not answer ${operation}${attempts ? ` (${attempts} attempt${attempts === 1 ? '' : 's'})` : ''}: ` +
        `${cause.message.replace(/\.+$/, '')}. Check the endpoint and the network path to it; the timeouts are ` +
        'NAT_OPTIMIZER_CONNECT_TIMEOUT_MS and NAT_OPTIMIZER_REQUEST_TIMEOUT_MS',
      { cause },
    );
  }
}

/** Node and the SDK's request handler name a connection or request that took too long like this. */
const TIMEOUT_NAMES: ReadonlySet<string> = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const TIMEOUT_CODES: ReadonlySet<string> = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function isTimeout(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? error.code : undefined;
  return TIMEOUT_NAMES.has(error.name) || (typeof code === 'string' && TIMEOUT_CODES.has(code));
}

function attemptsOf(error: Error): number | undefined {
  const metadata = '$metadata' in error ? error.$metadata : undefined;
  if (typeof metadata !== 'object' || metadata === null || !('attempts' in metadata)) return undefined;
  return typeof metadata.attempts === 'number' ? metadata.attempts : undefined;
}

/** EC2Client, DescribeVpcsCommand → EC2, DescribeVpcs. */
function names(context: HandlerExecutionContext): { service: string; operation: string } {
  return {
    service: (context.clientName ?? 'AWS').replace(/Client$/, ''),
    operation: (context.commandName ?? 'a call').replace(/Command$/, ''),
  };
}

/** Wraps every call of the client (outside its retries) so a final timeout names the service. */
export function nameTimeouts<Input extends object, Output extends object>(
  stack: MiddlewareStack<Input, Output>,
): void {
  stack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (!isTimeout(error)) throw error;
        const { service, operation } = names(context);
        throw new AwsTimeoutError(service, operation, error, attemptsOf(error));
      }
    },
    { step: 'initialize', name: 'natOptimizerNameTimeouts', priority: 'high' },
  );
}
