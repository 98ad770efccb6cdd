// Local mode (`serverless invoke local` with NAT_OPTIMIZER_SNAPSHOT): SDK clients answered by a simulated account
// loaded from a snapshot file. Built on its own into dist/local-sim.cjs (scripts/build-local-sim.mjs) and loaded at
// run time by lib/lambda-runtime.ts, so the deployed Lambda bundles never contain lib/sim.
import { readFileSync } from 'node:fs';
import type { AwsClients } from '../aws/clients';
import type { LocalSim } from '../lambda-runtime';
import { replayDeliveredEvent } from './alarm-event-replay';
import { createSimulatedAccount, SIM_WAIT_TIMINGS } from './simulated-account';
import { parseSnapshot, SnapshotError } from './snapshot-load';

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
    deliver: (event) => replayDeliveredEvent(account.sim, event),
  };
}
