// A Runtime on a real account: the default credential chain (or a profile), the real clock, AWS's waiter cadence.
import { type Progress, type Runtime, SILENT_PROGRESS } from '../runtime';
import { AWS_WAIT_TIMINGS, type AwsClients, createClients, type WaitTimings } from './clients';

export interface AwsRuntimeOptions {
  region: string;
  profile?: string;
  maxAttempts: number;
  /** Connection and request timeouts of the clients it creates. */
  timeouts?: { connectMs: number; requestMs: number };
  apply: boolean;
  progress?: Progress;
  /** Reuse clients created at module scope (Lambda) instead of creating new ones. */
  clients?: AwsClients;
  /** The clock; the real one unless local mode runs on a simulated account's. */
  now?: () => Date;
  /** How waiters poll; AWS's cadence unless local mode runs on a simulated account. */
  waits?: WaitTimings;
}

export function awsRuntime(options: AwsRuntimeOptions): Runtime {
  return {
    clients:
      options.clients ??
      createClients({
        region: options.region,
        maxAttempts: options.maxAttempts,
        ...(options.timeouts ? { timeouts: options.timeouts } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
      }),
    region: options.region,
    now: options.now ?? (() => new Date()),
    waits: options.waits ?? AWS_WAIT_TIMINGS,
    apply: options.apply,
    simulated: false,
    progress: options.progress ?? SILENT_PROGRESS,
  };
}
