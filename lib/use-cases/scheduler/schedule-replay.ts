// Replays a period on a simulated account: one scheduler run per step, every action reported, and the
// gateway-hours and dollars parking saved against leaving every opted-in gateway up.

import { loadInventory } from '../../aws/inventory';
import type { ConfigOf } from '../../config';
import type { Inventory, NatGateway } from '../../domain/model';
import { LIVE_STATES } from '../../domain/model';
import { resolvePrices } from '../../domain/pricing/prices';
import {
  type GatewayInstance,
  type LineageSavings,
  lineageSavings,
} from '../../domain/scheduler/park-savings';
import { buildUnits } from '../../domain/scheduler/park-units';
import type { ReplayResult } from '../../domain/scheduler/schedule-result';
import { RESTORES_TAG } from '../../domain/tag-keys';
import { encodeInstant } from '../../domain/tag-values';

import { MINUTE_MS } from '../../domain/time-units';
import type { Runtime } from '../../runtime';
import { runSchedule } from './schedule';

/** Sets the simulated clock (refusing the past). */
export interface ReplayClock {
  set(at: Date): void;
}

export interface ReplayOptions {
  from: Date;
  to: Date;
  stepMinutes: number;
}

interface Observed {
  lineage: string;
  gateway: NatGateway;
  lastSeen: Date;
}

export async function replaySchedule(
  runtime: Runtime,
  config: ConfigOf<'core' | 'schedule' | 'pricing'>,
  clock: ReplayClock,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const { from, to, stepMinutes } = options;
  clock.set(from);
  const inventory = await loadInventory(runtime.clients.ec2, runtime.region, { routingOnly: true });
  const lineageOf = new Map(buildUnits(inventory).map((u) => [u.natGatewayId, u.natGatewayId]));
  const lineages = [...lineageOf.keys()];
  const observed = new Map<string, Observed>();
  let visible = new Set<string>();
  const observe = ({ natGateways: gateways }: Inventory) => {
    visible = new Set(gateways.map((g) => g.natGatewayId));
    for (const gateway of gateways) {
      const lineage = lineageOf.get(gateway.natGatewayId) ?? lineageOf.get(gateway.tags[RESTORES_TAG] ?? '');
      if (!lineage) continue;
      lineageOf.set(gateway.natGatewayId, lineage);
      observed.set(gateway.natGatewayId, { lineage, gateway, lastSeen: runtime.now() });
    }
  };
  observe(inventory);
  const actions: ReplayResult['actions'] = [];
  const totalRuns = Math.ceil((to.getTime() - from.getTime()) / (stepMinutes * MINUTE_MS));
  let runs = 0;
  for (let t = from.getTime(); t < to.getTime(); t += stepMinutes * MINUTE_MS) {
    clock.set(new Date(Math.max(t, runtime.now().getTime())));
    runtime.progress.update(`replaying the scheduler at ${encodeInstant(runtime.now())}`, runs, totalRuns);
    const result = await runSchedule(runtime, config, { onInventory: observe });
    runs += 1;
    for (const action of result.actions) {
      if (action.action !== 'none' || action.result === 'failed') actions.push({ ...action, at: result.at });
    }
  }
  runtime.progress.done();
  observe(await loadInventory(runtime.clients.ec2, runtime.region, { routingOnly: true }));
  const prices = resolvePrices(runtime.region, config.pricing.overrides);
  const instances = [...observed.values()].flatMap((o) =>
    instanceOf(o, from, to, visible.has(o.gateway.natGatewayId)),
  );
  const gateways = lineages.map((lineage) => lineageSavings(lineage, instances, { from, to }, prices));
  return {
    from: encodeInstant(from),
    to: encodeInstant(to),
    stepMinutes,
    runs,
    prices: {
      natGatewayHourly: prices.natGatewayHourly,
      publicIpv4Hourly: prices.publicIpv4Hourly,
      source: prices.source,
    },
    actions,
    gateways,
    totals: totalOf(gateways),
  };
}

/** The interval a gateway was billed: from its creation (or the period's start) to its deletion (or the end). */
function instanceOf(o: Observed, from: Date, to: Date, stillListed: boolean): GatewayInstance[] {
  const { gateway } = o;
  if (gateway.state === 'failed') return [];
  const start = gateway.createTime && gateway.createTime > from ? gateway.createTime : from;
  const live = LIVE_STATES.has(gateway.state);
  const end = gateway.deleteTime ?? (live && stillListed ? to : o.lastSeen);
  const publicIpv4Count =
    gateway.connectivityType === 'public' ? 1 + gateway.secondaryAllocationIds.length : 0;
  return [{ natGatewayId: gateway.natGatewayId, lineage: o.lineage, start, end, publicIpv4Count }];
}

function totalOf(gateways: LineageSavings[]): ReplayResult['totals'] {
  const sum = (pick: (g: LineageSavings) => number) => gateways.reduce((total, g) => total + pick(g), 0);
  return {
    hoursAllUp: sum((g) => g.hoursAllUp),
    hoursUp: sum((g) => g.hoursUp),
    hoursSaved: sum((g) => g.hoursSaved),
    billedHoursAllUp: sum((g) => g.billedHoursAllUp),
    billedHoursUp: sum((g) => g.billedHoursUp),
    billedHoursSaved: sum((g) => g.billedHoursSaved),
    dollarsSaved: sum((g) => g.dollarsSaved),
    publicIpv4WhileParked: sum((g) => g.publicIpv4WhileParked),
  };
}
