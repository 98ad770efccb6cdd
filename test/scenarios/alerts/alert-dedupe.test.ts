// Never the same alert twice: what was sent is remembered in tags, written only after the message went out.

import { describe, expect, it } from 'vitest';
import { ALERT_TAGS } from '../../../lib/domain/tag-keys';

import { ALERT_EVENT_DETAIL_TYPE } from '../../../lib/report/alert-output';
import { recordedEvents } from '../../../lib/sim/eventbridge';
import { SimulatedCrashError } from '../../../lib/sim/sim-errors';
import { publishedMessages } from '../../../lib/sim/sns';
import { runCostAlert } from '../../../lib/use-cases/alerts/cost-alert';
import { exampleSnapshot } from '../../fixtures/analysis-account';
import { alertAccount, multiplyDay, runAlert, TOPIC_ARN, tagsOf } from './alert-fixture';

async function jumped(days: number[] = [13]) {
  const snapshot = await exampleSnapshot();
  let id = '';
  for (const day of days) id = multiplyDay(snapshot, 'prod-nat-b', 5, day);
  return { id, account: alertAccount(snapshot) };
}

describe('cost alert deduplication', () => {
  it('should publish once when the same day runs twice', async () => {
    // Prepare
    const { account } = await jumped();

    // Act
    const first = await runAlert(account);
    const second = await runAlert(account);

    // Assess
    expect(publishedMessages(account.sim)).toHaveLength(1);
    expect(first).toMatchObject({ published: true, result: 'sent' });
    expect(second).toMatchObject({ published: false, result: 'nothing-to-send', alerts: [] });
    expect(second.suppressed).toEqual([
      expect.objectContaining({ kind: 'anomaly', reason: 'already sent for 2026-11-15' }),
    ]);
  });

  it('should remember the day and kind on the gateway once the message is out', async () => {
    // Prepare
    const { id, account } = await jumped();

    // Act
    await runAlert(account);

    // Assess
    expect(tagsOf(account, id)[ALERT_TAGS.alerted]).toBe('2026-11-15 anomaly');
  });

  it('should send one EventBridge event per alert', async () => {
    // Prepare
    const { id, account } = await jumped();

    // Act
    await runAlert(account);

    // Assess
    expect(recordedEvents(account.sim)).toEqual([
      expect.objectContaining({
        source: 'nat-optimizer',
        detailType: ALERT_EVENT_DETAIL_TYPE,
        detail: expect.objectContaining({
          natGatewayId: id,
          kind: 'anomaly',
          date: '2026-11-15',
          region: 'us-east-1',
        }),
      }),
    ]);
  });

  it('should alert on a new kind the same day', async () => {
    // Prepare
    const { id, account } = await jumped();
    await runAlert(account);
    const gateway = account.sim.state.natGateways.find((g) => g.natGatewayId === id);
    if (gateway) gateway.tags[ALERT_TAGS.dailyBudget] = '50';

    // Act
    const again = await runAlert(account);

    // Assess
    expect(again.alerts.map((a) => a.kind)).toEqual(['threshold']);
    expect(publishedMessages(account.sim).map((m) => m.attributes.kind?.StringValue)).toEqual([
      'anomaly',
      'threshold',
    ]);
    expect(tagsOf(account, id)[ALERT_TAGS.alerted]).toBe('2026-11-15 threshold anomaly');
  });

  it('should alert again on a new day', async () => {
    // Prepare
    const { account } = await jumped([12, 13]);
    await runAlert(account, '2026-11-14');

    // Act
    const next = await runAlert(account, '2026-11-15');

    // Assess
    expect(next.alerts.map((a) => a.kind)).toEqual(['anomaly']);
    expect(publishedMessages(account.sim)).toHaveLength(2);
  });

  it('should write no memory tag when publishing fails, so the next run sends it', async () => {
    // Prepare
    const { id, account } = await jumped();
    account.sim.injectFaults({ throttleRate: 1, commands: ['Publish'] });
    const failed = await runAlert(account).catch((error: unknown) => error);
    account.sim.clearFaults();

    // Act
    const retried = await runAlert(account);

    // Assess
    expect(failed).toBeInstanceOf(Error);
    expect(retried.published).toBe(true);
    expect(publishedMessages(account.sim)).toHaveLength(1);
    expect(tagsOf(account, id)[ALERT_TAGS.alerted]).toBe('2026-11-15 anomaly');
  });

  it('should send again after a crash between the publish and the tag write (at least once)', async () => {
    // Prepare
    const { account } = await jumped();
    const stop = account.sim.afterEachCall((call) => {
      if (call.command === 'Publish') throw new SimulatedCrashError('crash after publishing');
    });
    await runAlert(account).catch(() => undefined);
    stop();

    // Act
    await runAlert(account);
    await runAlert(account);

    // Assess
    expect(publishedMessages(account.sim).map((m) => m.topicArn)).toEqual([TOPIC_ARN, TOPIC_ARN]);
  });

  it('should only say what it would send when changes are not applied (a real account without --apply)', async () => {
    // Prepare
    const { id, account } = await jumped();
    const readOnly = { ...account.runtime, apply: false };

    // Act
    const result = await runCostAlert(readOnly, account.config, { attribution: account.attribution });

    // Assess
    expect(result).toMatchObject({ result: 'planned', published: false, events: 0 });
    expect(result.notification?.subject).toContain('prod-nat-b');
    expect(publishedMessages(account.sim)).toEqual([]);
    expect(tagsOf(account, id)[ALERT_TAGS.alerted]).toBeUndefined();
  });
});
