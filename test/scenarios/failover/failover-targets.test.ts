// No target is ever a gateway that is not available, is in ALARM, is in another VPC, or is parked.

import { describe, expect, it } from 'vitest';
import type { AlarmStateValue } from '../../../lib/domain/failover/failover-event';
import { FAILOVER_TAGS, ROUTE_TABLE_TAGS, USER_TAGS } from '../../../lib/domain/tag-keys';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { publishedMessages } from '../../../lib/sim/sns';
import { handleAlarmEvent } from '../../../lib/use-cases/failover/failover';
import {
  alarmEvent,
  defaultTarget,
  deliver,
  failoverAccount,
  gatewayOf,
  IDS,
  minutesAfterCapture,
  withAlarms,
} from './failover-fixture';

type Condition = 'healthy' | 'pending' | 'in ALARM' | 'parked';
const CONDITIONS: Condition[] = ['healthy', 'pending', 'in ALARM', 'parked'];
/** Long enough that a gateway created just before the snapshot is still pending when the alarm fires. */
const PROVISION_SECONDS = 3600;

/** Puts a prod gateway in a condition; a parked gateway is deleted and a table remembers it (as the scheduler does). */
function condition(snapshot: Snapshot, natGatewayId: string, what: Condition): void {
  const gateway = gatewayOf(snapshot, natGatewayId);
  if (what === 'pending') {
    gateway.state = 'pending';
    gateway.createTime = '2026-11-15T23:59:00Z';
  }
  if (what === 'parked') {
    gateway.state = 'deleted';
    gateway.deleteTime = '2026-11-15T22:00:00Z';
    const table = snapshot.routeTables.find((t) => t.routes.some((r) => r.natGatewayId === natGatewayId));
    if (table) table.tags[ROUTE_TABLE_TAGS.parkedGateway] = natGatewayId;
  }
}

async function failProdA(b: Condition, c: Condition) {
  const account = await failoverAccount({
    edit: (s) => {
      condition(s, IDS.prodNatB, b);
      condition(s, IDS.prodNatC, c);
    },
    timings: { natProvisionSeconds: PROVISION_SECONDS },
  });
  const states: Record<string, AlarmStateValue> = {};
  if (b === 'in ALARM') states[IDS.prodNatB] = 'ALARM';
  if (c === 'in ALARM') states[IDS.prodNatC] = 'ALARM';
  await withAlarms(account, states);
  const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3)));
  return { account, result: await handleAlarmEvent(account.runtime, account.config, event) };
}

describe('failover target choice on the simulated account', () => {
  for (const b of CONDITIONS) {
    for (const c of CONDITIONS) {
      it(`should target only a healthy gateway when prod-nat-b is ${b} and prod-nat-c is ${c}`, async () => {
        // Prepare, Act
        const { account, result } = await failProdA(b, c);

        // Assess
        const expected = b === 'healthy' ? IDS.prodNatB : c === 'healthy' ? IDS.prodNatC : IDS.prodNatA;
        expect(defaultTarget(account, IDS.prodPrivateA)).toBe(expected);
        expect(result.outcome).toBe(expected === IDS.prodNatA ? 'no-target' : 'failover');
      });
    }
  }

  it('should never target a gateway of another VPC: a single-gateway VPC has no failover target', async () => {
    // Prepare
    const account = await failoverAccount({
      edit: (s) => (gatewayOf(s, IDS.devNat).tags[USER_TAGS.failover] = 'on'),
    });
    await withAlarms(account);

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.devNat, 'ALARM', minutesAfterCapture(3))),
    );

    // Assess
    expect(result.outcome).toBe('no-target');
    expect(defaultTarget(account, IDS.devPrivate)).toBe(IDS.devNat);
    expect(account.sim.callCount('EC2.ReplaceRoute')).toBe(0);
  });

  it('should alert loudly by SNS when no healthy target exists', async () => {
    // Prepare, Act
    const { account } = await failProdA('in ALARM', 'pending');

    // Assess
    const [message] = publishedMessages(account.sim);
    expect(message?.subject).toContain('ACTION NEEDED');
    expect(message?.message).toContain('NOTHING WAS MOVED');
    expect(message?.attributes.severity?.StringValue).toBe('critical');
  });

  it('should prefer the gateway named by nat-optimizer:failover-target when it is healthy', async () => {
    // Prepare
    const account = await failoverAccount({
      edit: (s) => (gatewayOf(s, IDS.prodNatA).tags[FAILOVER_TAGS.target] = IDS.prodNatC),
    });
    await withAlarms(account);

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );

    // Assess
    expect(result.target).toBe(IDS.prodNatC);
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatC);
  });

  it('should pass over a preferred target in ALARM and say why', async () => {
    // Prepare
    const account = await failoverAccount({
      edit: (s) => (gatewayOf(s, IDS.prodNatA).tags[FAILOVER_TAGS.target] = IDS.prodNatC),
    });
    await withAlarms(account, { [IDS.prodNatC]: 'ALARM' });

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );

    // Assess
    expect(result.target).toBe(IDS.prodNatB);
    expect(result.rejectedTargets).toContainEqual({
      natGatewayId: IDS.prodNatC,
      reason: `preferred by ${FAILOVER_TAGS.target}, but its own alarm is in ALARM`,
    });
  });

  it('should ignore an alarm whose gateway is not tagged for failover, saying why', async () => {
    // Prepare
    const account = await failoverAccount();
    await withAlarms(account);

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.stagingNat, 'ALARM', minutesAfterCapture(3))),
    );

    // Assess
    expect(result.outcome).toBe('ignored');
    expect(result.reason).toContain('is not tagged nat-optimizer:failover=on');
    expect(account.sim.callCount('EC2.ReplaceRoute')).toBe(0);
  });
});
