// The cost-alert Lambda: configuration checked at cold start, one use-case per scheduled event.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduledEventSchema } from '../../../lib/events/scheduled-event';
import { publishedMessages } from '../../../lib/sim/sns';
import { exampleSnapshot } from '../../fixtures/analysis-account';
import { alertAccount, multiplyDay, TOPIC_ARN } from './alert-fixture';

const scheduled = scheduledEventSchema.parse(
  JSON.parse(readFileSync(new URL('../../../events/cost-alert-scheduled.json', import.meta.url), 'utf8')),
);
const rerun = scheduledEventSchema.parse(
  JSON.parse(readFileSync(new URL('../../../events/cost-alert-rerun.json', import.meta.url), 'utf8')),
);
const saved = { ...process.env };

function withEnv(env: Record<string, string>) {
  Object.assign(process.env, { NAT_OPTIMIZER_TOPIC_ARN: TOPIC_ARN, ...env });
  vi.resetModules();
  return import('../../../handlers/cost-alert');
}

async function jumpedAccount() {
  const snapshot = await exampleSnapshot();
  multiplyDay(snapshot, 'prod-nat-b', 5);
  return alertAccount(snapshot);
}

describe('cost-alert handler', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  afterEach(() => {
    process.env = { ...saved };
  });

  it('should refuse to start on an invalid threshold, naming the variable and the value', async () => {
    // Act
    const loading = withEnv({ NAT_OPTIMIZER_ANOMALY_MULTIPLIER: 'lots' });

    // Assess
    await expect(loading).rejects.toThrow(
      'NAT_OPTIMIZER_ANOMALY_MULTIPLIER must be a number from 1 to 100, got "lots"',
    );
  });

  it('should refuse to start without a topic to publish to', async () => {
    // Prepare
    delete process.env.NAT_OPTIMIZER_TOPIC_ARN;
    vi.resetModules();

    // Act
    const loading = import('../../../handlers/cost-alert');

    // Assess
    await expect(loading).rejects.toThrow('NAT_OPTIMIZER_TOPIC_ARN environment variable is not set');
  });

  it('should alert on the last full day and publish to the configured topic', async () => {
    // Prepare
    const { costAlertHandler } = await withEnv({});
    const account = await jumpedAccount();

    // Act
    const summary = await costAlertHandler(scheduled, account.runtime);

    // Assess
    expect(summary).toMatchObject({ date: '2026-11-15', result: 'sent', suppressed: 0 });
    expect(summary.alerts).toEqual([expect.stringMatching(/^anomaly nat-\w+ \d+\.\d+$/)]);
    expect(publishedMessages(account.sim).map((m) => m.topicArn)).toEqual([TOPIC_ARN]);
  });

  it('should alert on the day given in the event detail', async () => {
    // Prepare
    const { costAlertHandler } = await withEnv({});
    const account = await jumpedAccount();

    // Act
    const summary = await costAlertHandler(rerun, account.runtime);

    // Assess
    expect(summary.date).toBe('2026-11-14');
  });

  it('should refuse an event whose date is not a day', async () => {
    // Prepare
    const { costAlertHandler } = await withEnv({});
    const account = await jumpedAccount();

    // Act
    const attempt = costAlertHandler({ ...scheduled, detail: { date: 'yesterday' } }, account.runtime);

    // Assess
    await expect(attempt).rejects.toThrow(/date/);
    expect(publishedMessages(account.sim)).toEqual([]);
  });
});
