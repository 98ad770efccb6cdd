// Hundreds of gateways alerting at once: still one message, within SNS's limits, and a few batched API calls.
import { describe, expect, it } from 'vitest';
import { HOURS_PER_DAY } from '../../../lib/domain/time-units';
import { recordedEvents } from '../../../lib/sim/eventbridge';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { publishedMessages } from '../../../lib/sim/sns';
import { exampleSnapshot, scaledSnapshot } from '../../fixtures/analysis-account';
import { alertAccount, runAlert } from './alert-fixture';

const GENERATED = 300;
const SNS_SUBJECT_LIMIT = 100;
const SNS_MESSAGE_LIMIT = 256 * 1024;
const EVENTS_PER_CALL = 10;

/** Every generated gateway's last day ×5. */
function allJump(snapshot: Snapshot): Snapshot {
  for (const [id, series] of Object.entries(snapshot.metrics.natGateways)) {
    if (!snapshot.natGateways.some((g) => g.natGatewayId === id && g.tags.Name?.startsWith('generated-')))
      continue;
    for (const values of [series.BytesInFromSource ?? [], series.BytesInFromDestination ?? []]) {
      for (let h = values.length - HOURS_PER_DAY; h < values.length; h += 1) values[h] = (values[h] ?? 0) * 5;
    }
  }
  return snapshot;
}

async function largeRun() {
  const account = alertAccount(allJump(scaledSnapshot(await exampleSnapshot(), GENERATED)));
  const result = await runAlert(account);
  return { account, result };
}

describe('cost alert on an account with hundreds of gateways', () => {
  it('should send one message with a subject under 100 characters and a body under 256 KB', async () => {
    // Act
    const { account, result } = await largeRun();

    // Assess
    const messages = publishedMessages(account.sim);
    expect(result.alerts).toHaveLength(GENERATED);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.subject?.length).toBeLessThan(SNS_SUBJECT_LIMIT);
    expect(messages[0]?.subject).toContain(`+${GENERATED - 1} more`);
    expect(Buffer.byteLength(messages[0]?.message ?? '', 'utf8')).toBeLessThan(SNS_MESSAGE_LIMIT);
  });

  it('should send severity, kind and region as String attributes', async () => {
    // Act
    const { account } = await largeRun();

    // Assess
    expect(publishedMessages(account.sim)[0]?.attributes).toMatchObject({
      severity: { DataType: 'String', StringValue: 'medium' },
      kind: { DataType: 'String', StringValue: 'anomaly' },
      region: { DataType: 'String', StringValue: 'us-east-1' },
    });
  });

  it('should send an event per alert ten to a call', async () => {
    // Act
    const { account } = await largeRun();

    // Assess
    expect(recordedEvents(account.sim)).toHaveLength(GENERATED);
    expect(account.sim.callCount('EventBridge.PutEvents')).toBe(GENERATED / EVENTS_PER_CALL);
  });

  it('should fetch the metrics of every day in one batched pass and tag the alerted gateways in one call', async () => {
    // Act
    const { account } = await largeRun();

    // Assess
    expect(account.sim.callCount('CloudWatch.GetMetricData')).toBeLessThanOrEqual(4);
    expect(account.sim.callCount('EC2.CreateTags')).toBe(1);
  });
});
