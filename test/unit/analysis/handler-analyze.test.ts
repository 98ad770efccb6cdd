// The analyze Lambda: the bare handler on a simulated account, and the wrapped one refusing a malformed event.
import { readFileSync } from 'node:fs';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EC2Client } from '@aws-sdk/client-ec2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledEventSchema } from '../../../lib/events/scheduled-event';
import { publishedMessages } from '../../../lib/sim/sns';
import { analysisAccount, exampleSnapshot, TOPIC_ARN } from '../../fixtures/analysis-account';

const SAMPLE_EVENT = new URL('../../../events/analyze-scheduled.json', import.meta.url);

const context: Context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'nat-optimizer-dev-analyze',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:nat-optimizer-dev-analyze',
  memoryLimitInMB: '512',
  awsRequestId: '7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b',
  logGroupName: '/aws/lambda/nat-optimizer-dev-analyze',
  logStreamName: '2026/11/16/[$LATEST]0123456789abcdef',
  getRemainingTimeInMillis: () => 300_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

function sampleEvent(): Record<string, unknown> {
  return JSON.parse(readFileSync(SAMPLE_EVENT, 'utf8'));
}

/** The event as Lambda hands it over: JSON that nothing has checked yet. */
function delivered(event: object) {
  return JSON.parse(JSON.stringify(event));
}

// handlers/analyze.ts reads its configuration when it is loaded.
async function loadHandler() {
  return import('../../../handlers/analyze');
}

describe('analyze handler', () => {
  const saved = { topic: process.env.NAT_OPTIMIZER_TOPIC_ARN, snapshot: process.env.NAT_OPTIMIZER_SNAPSHOT };

  beforeAll(() => {
    process.env.AWS_REGION = 'us-east-1';
    process.env.NAT_OPTIMIZER_TOPIC_ARN = TOPIC_ARN;
    delete process.env.NAT_OPTIMIZER_SNAPSHOT;
  });

  afterAll(() => {
    if (saved.topic === undefined) delete process.env.NAT_OPTIMIZER_TOPIC_ARN;
    else process.env.NAT_OPTIMIZER_TOPIC_ARN = saved.topic;
    if (saved.snapshot !== undefined) process.env.NAT_OPTIMIZER_SNAPSHOT = saved.snapshot;
  });

  it('should accept the sample nightly Scheduled Event', () => {
    // Act
    const parsed = scheduledEventSchema.safeParse(sampleEvent());

    // Assess
    expect(parsed.success).toBe(true);
  });

  it('should analyse every gateway, tag them and publish the report on the sample event', async () => {
    // Prepare
    const { analyzeHandler } = await loadHandler();
    const account = analysisAccount(await exampleSnapshot());
    const event = scheduledEventSchema.parse(sampleEvent());

    // Act
    const summary = await analyzeHandler(event, account.runtime);

    // Assess
    expect(summary).toMatchObject({
      trigger: '2026-11-16T02:00:00Z',
      gateways: 7,
      taggedGateways: 7,
      published: true,
    });
    expect(summary.findings).toBeGreaterThan(0);
    expect(summary.estimatedMonthlySavings).toBeGreaterThan(0);
    expect(publishedMessages(account.sim).map((m) => m.topicArn)).toEqual([TOPIC_ARN]);
  });

  it('should reject an event without detail-type with a parse error before any AWS call', async () => {
    // Prepare
    const ec2 = mockClient(EC2Client);
    const cloudwatch = mockClient(CloudWatchClient);
    const sns = mockClient(SNSClient);
    const { handler } = await loadHandler();
    const { 'detail-type': _dropped, ...malformed } = sampleEvent();

    // Act
    const invoking = handler(delivered(malformed), context);

    // Assess
    await expect(invoking).rejects.toMatchObject({ name: 'ParseError' });
    expect(ec2).not.toHaveReceivedAnyCommand();
    expect(cloudwatch).not.toHaveReceivedAnyCommand();
    expect(sns).not.toHaveReceivedAnyCommand();
    for (const mock of [ec2, cloudwatch, sns]) mock.restore();
  });

  it('should reject an event from another source with a parse error', async () => {
    // Prepare
    const { handler } = await loadHandler();

    // Act
    const invoking = handler(delivered({ ...sampleEvent(), source: 'custom.tool' }), context);

    // Assess
    await expect(invoking).rejects.toMatchObject({ name: 'ParseError' });
  });
});
