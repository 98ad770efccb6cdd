// What the crash-safety tests watch and break: the EC2 calls that change something, and a crash right after one.
import type { SimAccount } from '../../../lib/sim/sim-account';
import { SimulatedCrashError } from '../../../lib/sim/sim-errors';

export const MUTATING = new Set([
  'CreateTags',
  'DeleteTags',
  'DeleteNatGateway',
  'CreateNatGateway',
  'ReplaceRoute',
  'CreateRoute',
]);

/** The changing EC2 calls the account receives from now on, in order. */
export function recordMutations(sim: SimAccount): string[] {
  const seen: string[] = [];
  sim.afterEachCall((call) => {
    if (call.service === 'EC2' && MUTATING.has(call.command)) seen.push(call.command);
  });
  return seen;
}

/** Throws SimulatedCrashError right after the n-th (1-based) EC2 call that changes something. */
export function crashAfter(sim: SimAccount, n: number): () => void {
  let count = 0;
  return sim.afterEachCall((call) => {
    if (call.service !== 'EC2' || !MUTATING.has(call.command)) return;
    count += 1;
    if (count === n) throw new SimulatedCrashError(`crash after ${call.command}`);
  });
}
