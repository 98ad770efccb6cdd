// Client-side pacing of EC2 requests to EC2's own token buckets (ec2-request-limits.ts), so that a burst of our
// own calls (100 route tables failing over at once) never runs a bucket dry: each attempt waits for a token of its
// action's bucket before it is sent. Other callers in the account share AWS's buckets; what they cause is still
// retried by the SDK's retry strategy.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types';
import { ec2BucketKey, ec2RequestLimit } from './ec2-request-limits';
import { TokenBucket } from './token-bucket';

/** Where the pacer reads the time and how it waits: the real clock on AWS, the simulated one on a snapshot. */
export interface PacingClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const REAL_PACING_CLOCK: PacingClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A request sent the instant its token is due may reach AWS a hair early by AWS's clock: wait this much longer. */
const MARGIN_MS = 2;

interface Lane {
  bucket: TokenBucket;
  /** Requests of one action take their turn one after the other, so only one of them is ever waiting. */
  queue: Promise<void>;
}

export class RequestPacer {
  private readonly lanes = new Map<string, Lane>();
  /** Milliseconds spent waiting for tokens, all actions together. */
  waitedMs = 0;

  constructor(private readonly clock: PacingClock) {}

  acquire(action: string, input?: unknown): Promise<void> {
    const key = ec2BucketKey(action, input);
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = {
        bucket: new TokenBucket(ec2RequestLimit(action, input), this.clock.now()),
        queue: Promise.resolve(),
      };
      this.lanes.set(key, lane);
    }
    const { bucket } = lane;
    const turn = lane.queue.then(async () => {
      for (;;) {
        const now = this.clock.now();
        if (bucket.tryTake(now)) return;
        const wait = bucket.msUntilToken(now) + MARGIN_MS;
        this.waitedMs += wait;
        await this.clock.sleep(wait);
      }
    });
    lane.queue = turn.catch(() => undefined);
    return turn;
  }
}

const PACING_MIDDLEWARE = 'natOptimizerEc2RequestPacing';

/** Every attempt (retries included: each one costs AWS a token) waits for its token. */
export function paceEc2Requests(ec2: EC2Client, pacer: RequestPacer): void {
  const pace: FinalizeRequestMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    await pacer.acquire((context.commandName ?? '').replace(/Command$/, ''), args.input);
    return next(args);
  };
  ec2.middlewareStack.addRelativeTo(pace, {
    name: PACING_MIDDLEWARE,
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    override: true,
  });
}
