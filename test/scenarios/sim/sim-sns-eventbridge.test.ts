import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { recordedEvents } from '../../../lib/sim/eventbridge';
import { publishedMessages } from '../../../lib/sim/sns';
import { exampleAccount } from './sim-ec2-fixture';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:nat-optimizer';

describe('simulated SNS and EventBridge', () => {
  it('should record a published message with its subject and String attributes', async () => {
    // Prepare
    const { sim, clients } = await exampleAccount();

    // Act
    await clients.sns.send(
      new PublishCommand({
        TopicArn: TOPIC,
        Subject: 'NAT report us-east-1',
        Message: 'body',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'report' } },
      }),
    );

    // Assess
    expect(publishedMessages(sim)).toEqual([
      expect.objectContaining({
        subject: 'NAT report us-east-1',
        message: 'body',
        attributes: { kind: { DataType: 'String', StringValue: 'report' } },
      }),
    ]);
  });

  it.each([
    ['a line break', 'first\nsecond'],
    ['a character outside ASCII', 'Failover nat-a → nat-b'],
    ['100 characters', 'x'.repeat(100)],
  ])('should refuse a subject with %s, as SNS does', async (_, subject) => {
    // Prepare
    const { sim, clients } = await exampleAccount();

    // Act
    const publish = clients.sns.send(
      new PublishCommand({ TopicArn: TOPIC, Subject: subject, Message: 'body' }),
    );

    // Assess
    await expect(publish).rejects.toMatchObject({ name: 'InvalidParameter' });
    expect(publishedMessages(sim)).toEqual([]);
  });

  it('should refuse a message over 256 KB', async () => {
    // Prepare
    const { clients } = await exampleAccount();

    // Act
    const publish = clients.sns.send(new PublishCommand({ TopicArn: TOPIC, Message: 'x'.repeat(262_145) }));

    // Assess
    await expect(publish).rejects.toMatchObject({ name: 'InvalidParameter' });
  });

  it('should refuse more than 10 events in one PutEvents call', async () => {
    // Prepare
    const { clients } = await exampleAccount();
    const entry = { Source: 'nat-optimizer', DetailType: 'Test', Detail: '{}' };

    // Act
    const put = clients.eventbridge.send(new PutEventsCommand({ Entries: new Array(11).fill(entry) }));

    // Assess
    await expect(put).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('should fail an entry whose source is reserved for AWS and record the others', async () => {
    // Prepare
    const { sim, clients } = await exampleAccount();

    // Act
    const result = await clients.eventbridge.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'aws.ec2', DetailType: 'Test', Detail: '{}' },
          { Source: 'nat-optimizer', DetailType: 'NAT Gateway Parked', Detail: '{"natGatewayId":"nat-1"}' },
        ],
      }),
    );

    // Assess
    expect(result.FailedEntryCount).toBe(1);
    expect(recordedEvents(sim).map((e) => [e.source, e.detail])).toEqual([
      ['nat-optimizer', { natGatewayId: 'nat-1' }],
    ]);
  });
});
