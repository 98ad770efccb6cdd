// The simulated account's clock. `frozen` (the default) moves only when told to (a waiter's poll, a sleep, --at),
// so a gateway that takes minutes to come up costs no wall time. `real-time` also runs with the process's own
// clock, for benchmarks that measure how long real calls and their back-off take (token buckets refill with it).
import { SimClockError } from './sim-errors';

export type SimClockMode = 'frozen' | 'real-time';

const MS_PER_SECOND = 1000;

export class SimClock {
  /** Simulated epoch milliseconds = offset (+ the process clock in real-time mode). */
  private offset: number;

  constructor(
    start: number,
    readonly mode: SimClockMode = 'frozen',
  ) {
    this.offset = start - this.running();
  }

  private running(): number {
    return this.mode === 'real-time' ? performance.now() : 0;
  }

  nowMs(): number {
    return this.offset + this.running();
  }

  /** Moves the clock forward; an earlier instant is refused (the past cannot be replayed on this state). */
  set(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new SimClockError('simulated clock: invalid instant');
    const now = this.nowMs();
    if (at.getTime() < now) {
      throw new SimClockError(
        `simulated clock: ${at.toISOString()} is earlier than the account's time ${new Date(now).toISOString()}`,
      );
    }
    this.offset += at.getTime() - now;
  }

  /**
   * Waits `ms` of simulated time: a real wait in real-time mode; in frozen mode the clock jumps (`advance` settles
   * what became due) and the caller goes on at once.
   */
  async sleep(ms: number, advance: (seconds: number) => void): Promise<void> {
    if (this.mode === 'real-time') {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return;
    }
    advance(ms / MS_PER_SECOND);
    await Promise.resolve();
  }
}
