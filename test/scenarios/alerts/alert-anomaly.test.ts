// The daily cost alert on the example account where one gateway's traffic jumps on the last day.

import { describe, expect, it } from 'vitest';
import { ALERT_TAGS } from '../../../lib/domain/tag-keys';

import { publishedMessages } from '../../../lib/sim/sns';
import { exampleSnapshot, gatewayIdByName } from '../../fixtures/analysis-account';
import { alertAccount, formulaDayCosts, medianOf, multiplyDay, runAlert } from './alert-fixture';

const JUMP = 5;
const LAST_DAY = 13;

async function jumpedAccount() {
  const snapshot = await exampleSnapshot();
  const jumped = multiplyDay(snapshot, 'prod-nat-b', JUMP);
  const overBudget = gatewayIdByName(snapshot, 'prod-nat-a');
  const budgetTagged = snapshot.natGateways.find((g) => g.natGatewayId === overBudget);
  if (budgetTagged) budgetTagged.tags[ALERT_TAGS.dailyBudget] = '30';
  return { snapshot, jumped, overBudget, account: alertAccount(snapshot) };
}

describe('cost alert on a traffic jump', () => {
  it('should raise an anomaly naming the gateway with its day cost to the cent and its baseline', async () => {
    // Prepare
    const { snapshot, jumped, account } = await jumpedAccount();
    const costs = formulaDayCosts(snapshot, jumped);

    // Act
    const result = await runAlert(account);

    // Assess
    const anomaly = result.alerts.find((a) => a.kind === 'anomaly');
    expect(result.date).toBe('2026-11-15');
    expect(anomaly).toMatchObject({ natGatewayId: jumped, name: 'prod-nat-b' });
    expect(anomaly?.cost).toBeCloseTo(costs[LAST_DAY] ?? 0, 2);
    expect(anomaly?.baseline).toBeCloseTo(medianOf(costs.slice(0, LAST_DAY)), 2);
    expect(anomaly?.message).toContain(`Usual day: $${medianOf(costs.slice(0, LAST_DAY)).toFixed(2)}`);
  });

  it('should raise a threshold alert for the gateway above its daily-budget tag', async () => {
    // Prepare
    const { snapshot, overBudget, account } = await jumpedAccount();
    const costs = formulaDayCosts(snapshot, overBudget);

    // Act
    const result = await runAlert(account);

    // Assess
    const threshold = result.alerts.find((a) => a.kind === 'threshold');
    expect(threshold).toMatchObject({ natGatewayId: overBudget, reason: 'daily-budget-tag', limit: 30 });
    expect(threshold?.cost).toBeCloseTo(costs[LAST_DAY] ?? 0, 2);
  });

  it('should leave every gateway within its limits without an alert', async () => {
    // Prepare
    const { jumped, overBudget, account } = await jumpedAccount();

    // Act
    const result = await runAlert(account);

    // Assess
    expect(result.alerts.map((a) => `${a.kind} ${a.natGatewayId}`).sort()).toEqual(
      [`anomaly ${jumped}`, `threshold ${overBudget}`].sort(),
    );
  });

  it('should publish one message with the most important alert in the subject', async () => {
    // Prepare
    const { account } = await jumpedAccount();

    // Act
    await runAlert(account);

    // Assess
    const messages = publishedMessages(account.sim);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.subject).toBe(
      'NAT cost over budget: prod-nat-a us-east-1 $38.34 on 2026-11-15 (budget $30.00) +1 more',
    );
    expect(messages[0]?.message).toContain('ANOMALY - prod-nat-b');
  });

  it('should say which direction of traffic grew and link the missing S3 endpoint', async () => {
    // Prepare
    const { account } = await jumpedAccount();

    // Act
    const result = await runAlert(account);

    // Assess
    const text = result.alerts.find((a) => a.kind === 'anomaly')?.message.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain(
      'Likely cause: traffic coming back in from the internet (BytesInFromDestination) grew',
    );
    expect(text).toContain('- GATEWAY_ENDPOINT_S3: prod-nat-b');
  });

  it('should report a malformed budget tag naming its value and still alert on the others', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();
    const jumped = multiplyDay(snapshot, 'prod-nat-b', JUMP);
    const broken = snapshot.natGateways.find((g) => g.tags.Name === 'prod-nat-c');
    if (broken) broken.tags[ALERT_TAGS.dailyBudget] = 'ten dollars';
    const account = alertAccount(snapshot);

    // Act
    const result = await runAlert(account);

    // Assess
    expect(result.tagProblems).toEqual([
      { natGatewayId: broken?.natGatewayId, message: expect.stringContaining('got "ten dollars"') },
    ]);
    expect(result.alerts.map((a) => a.natGatewayId)).toEqual([jumped]);
    expect(publishedMessages(account.sim)[0]?.message).toContain('got "ten dollars"');
  });
});
