// The example account ready for failover: alarms synced, events built, route targets read back.

import { buildFullConfig, type Config } from '../../../lib/config';
import type { AlarmStateChangeEvent, AlarmStateValue } from '../../../lib/domain/failover/failover-event';
import { alarmNameFor } from '../../../lib/domain/failover/failover-opt-in';
import { DEFAULT_ROUTE } from '../../../lib/domain/model';
import { MINUTE_MS } from '../../../lib/domain/time-units';
import type { Runtime } from '../../../lib/runtime';
import { applyAlarmStateChange } from '../../../lib/sim/alarms';
import type { SimRateLimits } from '../../../lib/sim/ec2-throttling';
import type { SimTimings } from '../../../lib/sim/sim-account';
import type { SimClockMode } from '../../../lib/sim/sim-clock';
import { simRuntime } from '../../../lib/sim/sim-runtime';
import { createSimulatedAccount, type SimulatedAccount } from '../../../lib/sim/simulated-account';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { syncFailoverAlarms } from '../../../lib/use-cases/failover/alarm-sync';
import { exampleSnapshot, TOPIC_ARN } from '../../fixtures/analysis-account';

export { TOPIC_ARN };

export const IDS = {
  prodVpc: 'vpc-a9afb1aa2ffccdfd9',
  prodNatA: 'nat-c96c07fb2aecb9170',
  prodNatB: 'nat-aff0cc138b95e1039',
  prodNatC: 'nat-3091f24355ccdb5ba',
  prodPrivateA: 'rtb-b1b27c28bc73a921a',
  prodPrivateB: 'rtb-18dd0b2cd61e20914',
  prodPrivateC: 'rtb-90550c5481ecea062',
  prodMain: 'rtb-60eeaf854308da5ec',
  devVpc: 'vpc-44112025f96743120',
  devNat: 'nat-7180befc6423033bd',
  devPrivate: 'rtb-f7874db8834a697a1',
  devPublicSubnetB: 'subnet-61eb7b5d5344b5d2d',
  stagingNat: 'nat-6fbc4fb8fb071f5ef',
  /** Added by `withImplicitMainSubnet`: a prod subnet with no explicit association. */
  implicitSubnet: 'subnet-0f1a2b3c4d5e6f708',
} as const;

export const CAPTURED_AT = Date.parse('2026-11-16T00:00:00Z');

export interface FailoverAccount extends SimulatedAccount {
  runtime: Runtime;
  config: Config;
}

/** The prod main table sends 0.0.0.0/0 through prod-nat-a, for a new subnet that has no explicit association. */
export function withImplicitMainSubnet(snapshot: Snapshot): void {
  snapshot.subnets.push({
    subnetId: IDS.implicitSubnet,
    vpcId: IDS.prodVpc,
    availabilityZone: 'us-east-1a',
    cidrBlock: '10.0.200.0/24',
    tags: { Name: 'prod-batch-a' },
  });
  const main = snapshot.routeTables.find((t) => t.routeTableId === IDS.prodMain);
  main?.routes.push({ destinationCidrBlock: DEFAULT_ROUTE, natGatewayId: IDS.prodNatA });
}

export function gatewayOf(snapshot: Snapshot, natGatewayId: string): Snapshot['natGateways'][number] {
  const gateway = snapshot.natGateways.find((g) => g.natGatewayId === natGatewayId);
  if (!gateway) throw new Error(`no gateway ${natGatewayId}`);
  return gateway;
}

export async function failoverAccount(
  options: {
    edit?: (snapshot: Snapshot) => void;
    env?: Record<string, string>;
    timings?: Partial<SimTimings>;
    seed?: number;
    clock?: SimClockMode;
    rateLimits?: SimRateLimits;
  } = {},
): Promise<FailoverAccount> {
  const snapshot = await exampleSnapshot();
  options.edit?.(snapshot);
  const account = createSimulatedAccount(snapshot, {
    ...(options.timings ? { timings: options.timings } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  const config = buildFullConfig({
    AWS_REGION: snapshot.region,
    NAT_OPTIMIZER_TOPIC_ARN: TOPIC_ARN,
    ...options.env,
  });
  return { ...account, runtime: simRuntime(account), config };
}

/** Alarms for every gateway tagged for failover, as the nightly sync leaves them, in the given states. */
export async function withAlarms(
  account: FailoverAccount,
  states: Record<string, AlarmStateValue> = {},
): Promise<void> {
  await syncFailoverAlarms(account.runtime, account.config);
  for (const alarm of account.sim.state.alarms ?? []) {
    alarm.state = states[alarm.natGatewayId] ?? 'OK';
    alarm.stateUpdatedAt = account.sim.now().toISOString();
  }
}

/**
 * A CloudWatch Alarm State Change event for a gateway's alarm, shaped like the ones in events/; with an AZ, the alarm
 * of a regional gateway in that AZ (its metrics carry NatGatewayId and AvailabilityZone).
 */
export function alarmEvent(
  natGatewayId: string,
  state: AlarmStateValue,
  at: Date,
  availabilityZone?: string,
): AlarmStateChangeEvent {
  const alarmName = availabilityZone
    ? `${alarmNameFor(natGatewayId)}-${availabilityZone}`
    : alarmNameFor(natGatewayId);
  return {
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    account: '111122223333',
    region: 'us-east-1',
    time: at.toISOString(),
    resources: [`arn:aws:cloudwatch:us-east-1:111122223333:alarm:${alarmName}`],
    detail: {
      alarmName,
      state: { value: state, reason: `Threshold Crossed (test): ${state}`, timestamp: at.toISOString() },
      configuration: {
        metrics: [
          {
            id: 'drops',
            returnData: false,
            metricStat: {
              metric: {
                namespace: 'AWS/NATGateway',
                name: 'PacketsDropCount',
                dimensions: {
                  NatGatewayId: natGatewayId,
                  ...(availabilityZone ? { AvailabilityZone: availabilityZone } : {}),
                },
              },
              period: 60,
              stat: 'Sum',
            },
          },
          { id: 'failing', returnData: true, expression: 'IF(drops > 0, 1, 0)' },
        ],
      },
    },
  };
}

/** What CloudWatch does before EventBridge delivers: the alarm takes the event's state (unless it changed later). */
export function deliver(account: FailoverAccount, event: AlarmStateChangeEvent): AlarmStateChangeEvent {
  const natGatewayId = event.detail.alarmName.replace(/^nat-optimizer-failover-/, '');
  applyAlarmStateChange(account.sim, {
    alarmName: event.detail.alarmName,
    natGatewayId,
    state: event.detail.state.value,
    at: new Date(event.detail.state.timestamp),
  });
  const at = new Date(event.time);
  if (at > account.sim.now()) account.sim.setClock(at);
  return event;
}

export function minutesAfterCapture(minutes: number): Date {
  return new Date(CAPTURED_AT + minutes * MINUTE_MS);
}

export function defaultTarget(account: SimulatedAccount, routeTableId: string): string | undefined {
  const table = account.sim.state.routeTables.find((t) => t.routeTableId === routeTableId);
  const route = table?.routes.find((r) => r.destinationCidrBlock === DEFAULT_ROUTE);
  const target = route?.natGatewayId ?? route?.gatewayId;
  return typeof target === 'string' ? target : undefined;
}

export function tableTags(account: SimulatedAccount, routeTableId: string): Record<string, string> {
  return account.sim.state.routeTables.find((t) => t.routeTableId === routeTableId)?.tags ?? {};
}

/** `count` more private route tables in the prod VPC, each with its own subnet in us-east-1a, all through prod-nat-a. */
export function withPrivateTables(count: number): (snapshot: Snapshot) => void {
  return (snapshot) => {
    for (let i = 0; i < count; i += 1) {
      const suffix = i.toString(16).padStart(4, '0');
      const subnetId = `subnet-0ab${suffix}0000000000`;
      snapshot.subnets.push({
        subnetId,
        vpcId: IDS.prodVpc,
        availabilityZone: 'us-east-1a',
        cidrBlock: `10.0.${(i % 100) + 110}.${Math.floor(i / 100) * 16}/28`,
        tags: {},
      });
      snapshot.routeTables.push({
        routeTableId: `rtb-0ab${suffix}0000000000`,
        vpcId: IDS.prodVpc,
        main: false,
        subnetIds: [subnetId],
        tags: { Name: `prod-private-extra-${i}` },
        routes: [
          { destinationCidrBlock: '10.0.0.0/16', gatewayId: 'local' },
          { destinationCidrBlock: DEFAULT_ROUTE, natGatewayId: IDS.prodNatA },
        ],
      });
    }
  };
}

export function tablesOn(account: SimulatedAccount, natGatewayId: string): string[] {
  return account.sim.state.routeTables
    .filter((t) =>
      t.routes.some((r) => r.destinationCidrBlock === DEFAULT_ROUTE && r.natGatewayId === natGatewayId),
    )
    .map((t) => t.routeTableId);
}
