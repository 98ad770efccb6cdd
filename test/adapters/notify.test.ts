import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EVENT_SOURCE,
  NotificationError,
  type OutgoingEvent,
  publishMessage,
  putEvents,
} from '../../lib/aws/notify';

const snsMock = mockClient(SNSClient);
const eventBridgeMock = mockClient(EventBridgeClient);
const sns = new SNSClient({ region: 'us-east-1' });
const eventbridge = new EventBridgeClient({ region: 'us-east-1' });

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:nat-optimizer';

function events(count: number): OutgoingEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    detailType: 'NAT Gateway Parked',
    detail: { natGatewayId: `nat-${i}` },
    resources: [`arn:aws:ec2:us-east-1:111122223333:natgateway/nat-${i}`],
  }));
}

describe('publishMessage', () => {
  afterEach(() => {
    snsMock.reset();
  });

  it('should publish subject, body and String attributes to the topic', async () => {
    // Prepare
    snsMock.on(PublishCommand).resolves({ MessageId: 'msg-1' });

    // Act
    const messageId = await publishMessage(sns, TOPIC, {
      subject: 'NAT gateways: $808/month to save',
      body: 'report body',
      attributes: { kind: 'report', region: 'us-east-1' },
    });

    // Assess
    expect(messageId).toBe('msg-1');
    expect(snsMock).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: TOPIC,
      Subject: 'NAT gateways: $808/month to save',
      Message: 'report body',
      MessageAttributes: {
        kind: { DataType: 'String', StringValue: 'report' },
        region: { DataType: 'String', StringValue: 'us-east-1' },
      },
    });
  });
});

describe('putEvents', () => {
  afterEach(() => {
    eventBridgeMock.reset();
  });

  it('should send 23 events in batches of at most 10', async () => {
    // Prepare
    eventBridgeMock.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });

    // Act
    await putEvents(eventbridge, events(23));

    // Assess
    const sizes = eventBridgeMock
      .commandCalls(PutEventsCommand)
      .map((call) => call.args[0].input.Entries?.length);
    expect(sizes).toEqual([10, 10, 3]);
  });

  it('should send each event with the nat-optimizer source, JSON detail and the given bus', async () => {
    // Prepare
    eventBridgeMock.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });

    // Act
    await putEvents(eventbridge, events(1), 'ops-bus');

    // Assess
    expect(eventBridgeMock).toHaveReceivedCommandWith(PutEventsCommand, {
      Entries: [
        {
          Source: EVENT_SOURCE,
          DetailType: 'NAT Gateway Parked',
          Detail: '{"natGatewayId":"nat-0"}',
          Resources: ['arn:aws:ec2:us-east-1:111122223333:natgateway/nat-0'],
          EventBusName: 'ops-bus',
        },
      ],
    });
  });

  it('should throw NotificationError naming the error code when EventBridge refuses an entry', async () => {
    // Prepare
    eventBridgeMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e-1' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });

    // Act
    const sending = putEvents(eventbridge, events(2));

    // Assess
    await expect(sending).rejects.toThrow(NotificationError);
    await expect(sending).rejects.toThrow(/InternalFailure: try again/);
  });

  it('should stop at the first refused batch and send no later batch', async () => {
    // Prepare
    eventBridgeMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });

    // Act
    const sending = putEvents(eventbridge, events(15));

    // Assess
    await expect(sending).rejects.toThrow(NotificationError);
    expect(eventBridgeMock).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });
});
