// A token bucket on a caller's clock (milliseconds): full at first, one token per request, refilled continuously at
// its rate up to its capacity. EC2 throttles this way (ec2-request-limits.ts); the pacer and the simulated account
// both keep one per action, so the same arithmetic decides when a request may go and when AWS would refuse it.
import type { RequestLimit } from './ec2-request-limits';

const MS_PER_SECOND = 1000;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly limit: Pick<RequestLimit, 'capacity' | 'refillPerSecond'>,
    now: number,
  ) {
    this.tokens = limit.capacity;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    const added = ((now - this.updatedAt) / MS_PER_SECOND) * this.limit.refillPerSecond;
    this.tokens = Math.min(this.limit.capacity, this.tokens + added);
    this.updatedAt = now;
  }

  /** Takes one token if there is one. */
  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is there (0: now). */
  msUntilToken(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return ((1 - this.tokens) / this.limit.refillPerSecond) * MS_PER_SECOND;
  }

  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }
}
