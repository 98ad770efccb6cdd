// Outbound notifications: SNS messages for people, EventBridge events for machines.
import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';

export const EVENT_SOURCE = 'nat-optimizer';
const MAX_EVENTS_PER_CALL = 10;

export class NotificationError extends Error {
  override name = 'NotificationError';
}

export interface OutgoingMessage {
  subject: string;
  body: string;
  /** String attributes subscribers can filter on (severity, kind, region…). */
  attributes?: Record<string, string>;
}

export async function publishMessage(
  sns: SNSClient,
  topicArn: string,
  message: OutgoingMessage,
): Promise<string> {
  const result = await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Subject: message.subject,
      Message: message.body,
      MessageAttributes: Object.fromEntries(
        Object.entries(message.attributes ?? {}).map(([name, value]) => [
          name,
          { DataType: 'String', StringValue: value },
        ]),
      ),
    }),
  );
  return result.MessageId ?? '';
}

export interface OutgoingEvent {
  detailType: string;
  detail: object;
  resources?: string[];
}

/** Sends events ten at a time; an entry EventBridge refuses is an error, not a silent loss. */
export async function putEvents(
  eventbridge: EventBridgeClient,
  events: OutgoingEvent[],
  busName = 'default',
): Promise<void> {
  for (let i = 0; i < events.length; i += MAX_EVENTS_PER_CALL) {
    const batch = events.slice(i, i + MAX_EVENTS_PER_CALL);
    const result = await eventbridge.send(
      new PutEventsCommand({
        Entries: batch.map((event) => ({
          Source: EVENT_SOURCE,
          DetailType: event.detailType,
          Detail: JSON.stringify(event.detail),
          Resources: event.resources ?? [],
          EventBusName: busName,
        })),
      }),
    );
    if ((result.FailedEntryCount ?? 0) > 0) {
      const reasons = (result.Entries ?? []).flatMap((e) =>
        e.ErrorCode ? [`${e.ErrorCode}: ${e.ErrorMessage}`] : [],
      );
      throw new NotificationError(
        `EventBridge refused ${result.FailedEntryCount} event(s): ${reasons.join('; ')}`,
      );
    }
  }
}
