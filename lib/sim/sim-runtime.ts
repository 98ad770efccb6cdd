// A Runtime whose clients, clock and waits are the simulated account's.

import type { TrafficAttribution } from '../domain/analysis/traffic-attribution';
import type { MetricWindow, TrafficByService } from '../domain/metric-series';
import { HOUR_MS } from '../domain/time-units';
import { type Progress, type Runtime, SILENT_PROGRESS } from '../runtime';

import type { SimAccount } from './sim-account';
import { SIM_WAIT_TIMINGS, type SimulatedAccount } from './simulated-account';
import { totalSeries } from './snapshot-metrics';

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

/** Share of a gateway's processed bytes (over all snapshot hours) that falls inside the window. */
function windowShare(sim: SimAccount, natGatewayId: string, window: MetricWindow): number {
  const metrics = totalSeries(sim, natGatewayId);
  const origin = Date.parse(sim.state.metrics.start);
  const fromSource = metrics.BytesInFromSource ?? [];
  const fromDestination = metrics.BytesInFromDestination ?? [];
  let total = 0;
  let inside = 0;
  for (let h = 0; h < Math.max(fromSource.length, fromDestination.length); h += 1) {
    const bytes = (fromSource[h] ?? 0) + (fromDestination[h] ?? 0);
    const at = origin + h * HOUR_MS;
    total += bytes;
    if (at >= window.start.getTime() && at < window.end.getTime()) inside += bytes;
  }
  return total > 0 ? inside / total : 0;
}

/**
 * The snapshot's `trafficByService` stands for flow-log attribution. It covers the snapshot's metric hours; an
 * analysis over another window gets each gateway's figures scaled by the share of its traffic in that window.
 */
export function snapshotAttribution(sim: SimAccount): TrafficAttribution {
  return {
    attribute: async (_inventory, window) => {
      const attributed = sim.state.trafficByService;
      if (!attributed) {
        return {
          warning: 'the snapshot has no trafficByService: S3/DynamoDB endpoint savings cannot be computed',
        };
      }
      const traffic: TrafficByService = {};
      for (const [natGatewayId, bytes] of Object.entries(attributed)) {
        const share = windowShare(sim, natGatewayId, window);
        traffic[natGatewayId] = {
          S3: bytes.S3 * share,
          DYNAMODB: bytes.DYNAMODB * share,
          OTHER: bytes.OTHER * share,
        };
      }
      return { traffic };
    },
  };
}
