// A Runtime whose clients, clock and waits are the simulated account's.

import { type Progress, type Runtime, SILENT_PROGRESS } from '../runtime';
import type { TrafficAttribution } from '../use-cases/analyze';
import type { SimAccount } from './sim-account';
import { SIM_WAIT_TIMINGS, type SimulatedAccount } from './simulated-account';

export function simRuntime(account: SimulatedAccount, progress: Progress = SILENT_PROGRESS): Runtime {
  return {
    clients: account.clients,
    region: account.sim.state.region,
    now: () => account.sim.now(),
    waits: SIM_WAIT_TIMINGS,
    apply: true,
    simulated: true,
    progress,
  };
}

/** The snapshot's `trafficByService` stands for flow-log attribution. */
export function snapshotAttribution(sim: SimAccount): TrafficAttribution {
  return {
    attribute: async () =>
      sim.state.trafficByService
        ? { traffic: structuredClone(sim.state.trafficByService) }
        : {
            warning: 'the snapshot has no trafficByService: S3/DynamoDB endpoint savings cannot be computed',
          },
  };
}
