// EC2's request throttling in the simulated account: one token bucket per action, sized and refilled as the EC2
// documentation says (lib/aws/ec2-request-limits.ts), on the simulated clock. An empty bucket answers
// RequestLimitExceeded (HTTP 503), which the SDK's retry strategy retries like AWS's own.
import { ec2BucketKey, ec2RequestLimit } from '../aws/ec2-request-limits';
import { TokenBucket } from '../aws/token-bucket';
import { awsError } from './sim-errors';

/** `aws`: EC2's documented buckets; `off`: every request goes through (unit-speed tests). */
export type SimRateLimits = 'aws' | 'off';

const THROTTLED_STATUS = 503;

export class Ec2Throttle {
  private readonly buckets = new Map<string, TokenBucket>();
  /** Requests refused because their bucket was empty. */
  refused = 0;

  constructor(readonly mode: SimRateLimits) {}

  /** Takes a token for the request, or throws EC2's throttling error. */
  admit(action: string, input: unknown, now: number): void {
    if (this.mode === 'off') return;
    if (this.bucketOf(action, input, now).tryTake(now)) return;
    this.refused += 1;
    throw awsError('EC2', 'RequestLimitExceeded', 'Request limit exceeded.', THROTTLED_STATUS);
  }

  private bucketOf(action: string, input: unknown, now: number): TokenBucket {
    const key = ec2BucketKey(action, input);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(ec2RequestLimit(action, input), now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Empties an action's bucket, as another caller in the account would (tests, benchmarks). */
  drain(action: string, now: number, input?: unknown): void {
    while (this.tokens(action, now, input) >= 1) this.bucketOf(action, input, now).tryTake(now);
  }

  /** Tokens left in an action's bucket now (a full bucket if the action was never called). */
  tokens(action: string, now: number, input?: unknown): number {
    return (
      this.buckets.get(ec2BucketKey(action, input))?.available(now) ?? ec2RequestLimit(action, input).capacity
    );
  }

  reset(): void {
    this.buckets.clear();
    this.refused = 0;
  }
}
