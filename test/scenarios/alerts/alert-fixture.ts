// The example account prepared for the daily cost alert: one gateway's traffic multiplied on its last day.

import { GIB } from '../../../lib/domain/pricing/cost-model';
import { HOURS_PER_DAY } from '../../../lib/domain/time-units';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { runCostAlert } from '../../../lib/use-cases/alerts/cost-alert';
import {
  type AnalysisAccount,
  analysisAccount,
  gatewayIdByName,
  TOPIC_ARN,
} from '../../fixtures/analysis-account';

export { TOPIC_ARN };
export const HOURLY = 0.045;
export const PER_GB = 0.045;
const BYTE_METRICS = ['BytesInFromSource', 'BytesInFromDestination'] as const;

/** Multiplies a gateway's bytes, both directions, on day `dayIndex` of the snapshot (0 = its first day, 13 = 2026-11-15). */
export function multiplyDay(snapshot: Snapshot, name: string, factor: number, dayIndex = 13): string {
  const id = gatewayIdByName(snapshot, name);
  for (const metric of BYTE_METRICS) {
    const values = snapshot.metrics.natGateways[id]?.[metric] ?? [];
    for (let h = dayIndex * HOURS_PER_DAY; h < (dayIndex + 1) * HOURS_PER_DAY; h += 1) {
      values[h] = (values[h] ?? 0) * factor;
    }
  }
  return id;
}

/** Day costs of a gateway by the cost model's formula, one per snapshot day: 24 h × hourly + GiB × per-GB. */
export function formulaDayCosts(snapshot: Snapshot, id: string): number[] {
  const series = snapshot.metrics.natGateways[id] ?? {};
  const days = (series.BytesInFromSource?.length ?? 0) / HOURS_PER_DAY;
  return Array.from({ length: days }, (_, day) => {
    let bytes = 0;
    for (const metric of BYTE_METRICS) {
      const values = series[metric] ?? [];
      for (let h = day * HOURS_PER_DAY; h < (day + 1) * HOURS_PER_DAY; h += 1) bytes += values[h] ?? 0;
    }
    return HOURS_PER_DAY * HOURLY + (bytes / GIB) * PER_GB;
  });
}

export function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function alertAccount(snapshot: Snapshot, env: Record<string, string> = {}): AnalysisAccount {
  return analysisAccount(snapshot, { NAT_OPTIMIZER_TOPIC_ARN: TOPIC_ARN, ...env });
}

export function runAlert(account: AnalysisAccount, date?: string) {
  return runCostAlert(account.runtime, account.config, {
    attribution: account.attribution,
    ...(date ? { date } : {}),
  });
}

export function tagsOf(account: AnalysisAccount, id: string): Record<string, string> {
  return account.sim.state.natGateways.find((g) => g.natGatewayId === id)?.tags ?? {};
}
