// What a use-case needs from the world: clients, the clock, how long to wait, where to report. Built once per process.
import type { AwsClients, WaitTimings } from './aws/clients';

export interface Progress {
  /** Called as work advances; a terminal shows it, Lambda ignores it. */
  update(label: string, done: number, total: number): void;
  done(): void;
}

export const SILENT_PROGRESS: Progress = { update: () => undefined, done: () => undefined };

export interface Runtime {
  clients: AwsClients;
  region: string;
  /** The clock: the real one on AWS, the simulated account's on a snapshot. */
  now: () => Date;
  waits: WaitTimings;
  /** Whether changes are carried out (false: plan only). */
  apply: boolean;
  /** True on a simulated account. */
  simulated: boolean;
  progress: Progress;
}
