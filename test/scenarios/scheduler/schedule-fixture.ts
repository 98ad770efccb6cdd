// The example account ready for scheduler runs, and readers of the simulated state the tests assert on.

import { fileURLToPath } from 'node:url';
import { buildFullConfig, type Config } from '../../../lib/config';
import type { ScheduleResult } from '../../../lib/domain/scheduler/schedule-result';
import { USER_TAGS } from '../../../lib/domain/tag-keys';
import type { Runtime } from '../../../lib/runtime';
import { simRuntime } from '../../../lib/sim/sim-runtime';
import { createSimulatedAccount, type SimulatedAccount } from '../../../lib/sim/simulated-account';
import { loadSnapshotFile } from '../../../lib/sim/snapshot-load';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { runSchedule } from '../../../lib/use-cases/scheduler/schedule';

export const EXAMPLE_ACCOUNT = fileURLToPath(
  new URL('../../../examples/example-account.json', import.meta.url),
);

/** Ids of the example account (its dev gateway is scheduled Mon-Fri@07:00-19:00 Europe/Berlin). */
export const DEV = {
  vpc: 'vpc-44112025f96743120',
  nat: 'nat-7180befc6423033bd',
  eip: 'eipalloc-7180befc6423033bd',
  publicSubnetA: 'subnet-9e42d1ed4f20bedbd',
  publicSubnetB: 'subnet-61eb7b5d5344b5d2d',
  privateTable: 'rtb-f7874db8834a697a1',
} as const;

export const STAGING = { nat: 'nat-6fbc4fb8fb071f5ef', eip: 'eipalloc-6fbc4fb8fb071f5ef' } as const;

/** Monday 2026-11-16: outside the window in the evening, inside the next morning (Berlin is UTC+1). */
export const EVENING = '2026-11-16T18:30:00Z';
export const NEXT_MORNING = '2026-11-17T06:00:00Z';

export interface ScheduleAccount extends SimulatedAccount {
  runtime: Runtime;
  config: Config;
  /** One scheduler run with the simulated clock set to `at` (when given). */
  run(at?: string): Promise<ScheduleResult>;
}

export async function exampleSnapshot(): Promise<Snapshot> {
  return loadSnapshotFile(EXAMPLE_ACCOUNT);
}

export function scheduleAccount(
  snapshot: Snapshot,
  env: Record<string, string> = {},
  seed?: number,
): ScheduleAccount {
  const account = createSimulatedAccount(snapshot, seed === undefined ? {} : { seed });
  const runtime = simRuntime(account);
  const config = buildFullConfig({ AWS_REGION: snapshot.region, ...env });
  return {
    ...account,
    runtime,
    config,
    async run(at?: string) {
      if (at) account.sim.setClock(new Date(at));
      return runSchedule(runtime, config);
    },
  };
}

export async function exampleScheduleAccount(env: Record<string, string> = {}): Promise<ScheduleAccount> {
  return scheduleAccount(await exampleSnapshot(), env);
}

type State = Snapshot;

export function gatewayIn(state: State, id: string) {
  return state.natGateways.find((g) => g.natGatewayId === id);
}

export function eipIn(state: State, allocationId: string) {
  return state.elasticIps.find((e) => e.allocationId === allocationId);
}

export function tableIn(state: State, id: string) {
  return state.routeTables.find((t) => t.routeTableId === id);
}

export function defaultRouteOf(state: State, tableId: string) {
  return tableIn(state, tableId)?.routes.find((r) => r.destinationCidrBlock === '0.0.0.0/0');
}

/** Gateways of a VPC that exist (billed): pending, available or deleting. */
export function liveGatewaysIn(state: State, vpcId: string) {
  return state.natGateways.filter(
    (g) => g.vpcId === vpcId && (g.state === 'pending' || g.state === 'available' || g.state === 'deleting'),
  );
}

/** The snapshot without the resources a test expects to change, to compare the rest. */
export function untouchedPart(
  state: State,
  changing: { gateways: string[]; eips: string[]; tables: string[] },
) {
  return {
    natGateways: state.natGateways.filter(
      (g) => g.vpcId !== DEV.vpc && !changing.gateways.includes(g.natGatewayId),
    ),
    elasticIps: state.elasticIps.filter((e) => !changing.eips.includes(e.allocationId)),
    routeTables: state.routeTables.filter((t) => !changing.tables.includes(t.routeTableId)),
    subnets: state.subnets,
    vpcs: state.vpcs,
  };
}

export const DEV_B = { nat: 'nat-0b0b0b0b0b0b0b0b0', eip: 'eipalloc-0b0b0b0b0b0b0b0b0' } as const;

/** The example with the dev gateway in consolidate mode and an unscheduled second dev gateway in AZ b. */
export async function consolidatingSnapshot(): Promise<Snapshot> {
  const snapshot = await exampleSnapshot();
  const dev = snapshot.natGateways.find((g) => g.natGatewayId === DEV.nat);
  if (dev) dev.tags[USER_TAGS.offHours] = 'consolidate';
  snapshot.natGateways.push({
    natGatewayId: DEV_B.nat,
    vpcId: DEV.vpc,
    subnetId: DEV.publicSubnetB,
    state: 'available',
    connectivityType: 'public',
    allocationId: DEV_B.eip,
    privateIp: '10.1.1.20',
    createTime: '2025-03-01T09:00:00Z',
    tags: { Name: 'dev-nat-b' },
  });
  snapshot.elasticIps.push({ allocationId: DEV_B.eip, publicIp: '203.0.113.20', tags: {} });
  return snapshot;
}
