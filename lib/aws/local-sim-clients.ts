// Local mode (`serverless invoke local` with NAT_OPTIMIZER_SNAPSHOT): SDK clients answered by a simulated account
// loaded from a snapshot file. Built on its own into dist/local-sim.cjs (scripts/build-local-sim.mjs) and loaded at
// run time by lambda-clients.ts, so the deployed Lambda bundles never contain lib/sim.
import { readFileSync } from 'node:fs';
import { createSimulatedAccount, SIM_WAIT_TIMINGS } from '../sim/simulated-account';
import { parseSnapshot, SnapshotError } from '../sim/snapshot-load';
import type { AwsClients, WaitTimings } from './clients';

export interface LocalSim {
  clients: AwsClients;
  /** The simulated account's clock: starts at the snapshot's capturedAt. */
  now: () => Date;
  /** The snapshot's region: the handler must run in it. */
  region: string;
  /** Waiters poll in milliseconds: each poll moves the simulated clock instead. */
  waits: WaitTimings;
}

/**
 * Loads the snapshot and makes `clients` answer from it. Pass the caller's own clients when this module is a
 * separate bundle (dist/local-sim.cjs): the SDK's paginators accept only clients of their own SDK copy.
 * Without `clients`, the simulated account's own are returned.
 */
export function createLocalSimClients(snapshotPath: string, clients?: AwsClients): LocalSim {
  let text: string;
  try {
    text = readFileSync(snapshotPath, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new SnapshotError(`cannot read snapshot ${snapshotPath}: ${code}`);
  }
  const snapshot = parseSnapshot(text, snapshotPath);
  const account = createSimulatedAccount(snapshot);
  if (clients) account.sim.attach(clients);
  return {
    clients: clients ?? account.clients,
    now: () => account.sim.now(),
    region: snapshot.region,
    waits: SIM_WAIT_TIMINGS,
  };
}
