// Every failover and failback is announced by SNS (what, why, routes, from, to) and EventBridge, with its figures.
import { describe, expect, it } from 'vitest';
import { failoverHandler } from '../../../handlers/failover';
import { recordedEvents } from '../../../lib/sim/eventbridge';
import { publishedMessages } from '../../../lib/sim/sns';
import { handleAlarmEvent } from '../../../lib/use-cases/failover/failover';
import {
  alarmEvent,
  deliver,
  failoverAccount,
  IDS,
  minutesAfterCapture,
  TOPIC_ARN,
  withAlarms,
} from './failover-fixture';

async function failedOver() {
  const account = await failoverAccount();
  await withAlarms(account);
  const result = await handleAlarmEvent(
    account.runtime,
    account.config,
    deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
  );
  return { account, result };
}

describe('failover notifications', () => {
  it('should publish what moved, why, which route table, from and to', async () => {
    // Prepare, Act
    const { account } = await failedOver();

    // Assess
    const [message] = publishedMessages(account.sim);
    expect(message?.topicArn).toBe(TOPIC_ARN);
    expect(message?.subject).toBe(
      `[nat-optimizer] Failover: 1 route table ${IDS.prodNatA} -> ${IDS.prodNatB}`,
    );
    expect(message?.message).toContain(`Why: ${IDS.prodNatA} is in ALARM`);
    expect(message?.message).toContain(`${IDS.prodPrivateA}: ${IDS.prodNatA} → ${IDS.prodNatB}  done`);
    expect(message?.attributes.kind?.StringValue).toBe('failover');
  });

  it('should put a NAT Gateway Failover event with the moved route tables', async () => {
    // Prepare, Act
    const { account } = await failedOver();

    // Assess
    const [event] = recordedEvents(account.sim);
    expect(event).toMatchObject({
      source: 'nat-optimizer',
      detailType: 'NAT Gateway Failover',
      detail: {
        natGatewayId: IDS.prodNatA,
        target: IDS.prodNatB,
        actions: [{ routeTableId: IDS.prodPrivateA, from: IDS.prodNatA, to: IDS.prodNatB, result: 'done' }],
      },
    });
  });

  it('should announce the failback as well', async () => {
    // Prepare
    const { account } = await failedOver();

    // Act
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'OK', minutesAfterCapture(20))),
    );

    // Assess
    expect(publishedMessages(account.sim).map((m) => m.subject)).toEqual([
      `[nat-optimizer] Failover: 1 route table ${IDS.prodNatA} -> ${IDS.prodNatB}`,
      `[nat-optimizer] Failback: 1 route table back to ${IDS.prodNatA}`,
    ]);
    expect(recordedEvents(account.sim).map((e) => e.detailType)).toEqual([
      'NAT Gateway Failover',
      'NAT Gateway Failback',
    ]);
  });

  it('should measure recovery from the alarm state timestamp to the last route replaced', async () => {
    // Prepare
    const account = await failoverAccount();
    await withAlarms(account);
    const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3)));
    account.sim.setClock(new Date(minutesAfterCapture(3).getTime() + 42_000));

    // Act
    const result = await handleAlarmEvent(account.runtime, account.config, event);

    // Assess
    expect(result.recoverySeconds).toBe(42);
  });

  it('should announce nothing when an event changes nothing', async () => {
    // Prepare
    const { account } = await failedOver();

    // Act
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );

    // Assess
    expect(publishedMessages(account.sim)).toHaveLength(1);
  });

  it('should return the Contract 3 summary from the Lambda handler for an alarm event', async () => {
    // Prepare
    const account = await failoverAccount();
    await withAlarms(account);
    const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3)));

    // Act
    const result = await failoverHandler(event, account.runtime);

    // Assess
    expect(result).toMatchObject({
      alarmName: `nat-optimizer-failover-${IDS.prodNatA}`,
      natGatewayId: IDS.prodNatA,
      state: 'ALARM',
      actions: [{ routeTableId: IDS.prodPrivateA, from: IDS.prodNatA, to: IDS.prodNatB, result: 'done' }],
    });
  });
});
