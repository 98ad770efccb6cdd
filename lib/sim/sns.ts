// SNS of the simulated account: Publish is validated like AWS's and recorded.

import type { PublishInput } from '@aws-sdk/client-sns';
import { MAX_SNS_SUBJECT_CHARS } from '../domain/aws-limits';
import type { SimAccount } from './sim-account';

const MAX_MESSAGE_BYTES = 262_144;
const MAX_MESSAGE_ATTRIBUTES = 10;

export interface PublishedMessage {
  topicArn: string;
  subject?: string;
  message: string;
  attributes: Record<string, { DataType: string; StringValue?: string }>;
  at: string;
}

const published = new WeakMap<SimAccount, PublishedMessage[]>();

export function publishedMessages(sim: SimAccount): PublishedMessage[] {
  return published.get(sim) ?? [];
}

export function registerSns(sim: SimAccount): void {
  const messages: PublishedMessage[] = [];
  published.set(sim, messages);
  sim.on<PublishInput>('SNS', 'Publish', (input) => {
    const invalid = (message: string) =>
      sim.error('SNS', 'InvalidParameter', `Invalid parameter: ${message}`);
    if (!input.TopicArn?.startsWith('arn:aws:sns:')) throw invalid('TopicArn');
    if (!input.Message) throw invalid('Empty message');
    if (Buffer.byteLength(input.Message, 'utf8') > MAX_MESSAGE_BYTES) {
      throw invalid('Message too long');
    }
    if (input.Subject !== undefined) {
      if (
        input.Subject.length > MAX_SNS_SUBJECT_CHARS ||
        // printable ASCII only: no line breaks, control characters or other scripts
        !/^[\x20-\x7e]+$/.test(input.Subject) ||
        input.Subject.trim() === ''
      ) {
        throw invalid('Subject');
      }
    }
    const attributes = input.MessageAttributes ?? {};
    if (Object.keys(attributes).length > MAX_MESSAGE_ATTRIBUTES) throw invalid('too many message attributes');
    for (const [name, value] of Object.entries(attributes)) {
      if (!['String', 'Number', 'String.Array', 'Binary'].includes(value.DataType ?? '')) {
        throw invalid(`MessageAttributes.${name}.DataType`);
      }
      if (value.DataType !== 'Binary' && !value.StringValue)
        throw invalid(`MessageAttributes.${name}.StringValue`);
    }
    const entry: PublishedMessage = {
      topicArn: input.TopicArn,
      message: input.Message,
      attributes: Object.fromEntries(
        Object.entries(attributes).map(([k, v]) => [
          k,
          { DataType: v.DataType ?? 'String', StringValue: v.StringValue },
        ]),
      ),
      at: sim.now().toISOString(),
      ...(input.Subject !== undefined ? { subject: input.Subject } : {}),
    };
    messages.push(entry);
    return { MessageId: `sim-message-${messages.length}` };
  });
}
