// EventBridge of the simulated account: PutEvents is validated like AWS's and recorded.
import type { PutEventsRequest, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import type { SimAccount } from './sim-account';

const MAX_ENTRIES = 10;
const MAX_BATCH_BYTES = 262_144;

export interface RecordedEvent {
  source: string;
  detailType: string;
  detail: unknown;
  resources: string[];
  eventBusName: string;
  at: string;
}

const recorded = new WeakMap<SimAccount, RecordedEvent[]>();

export function recordedEvents(sim: SimAccount): RecordedEvent[] {
  return recorded.get(sim) ?? [];
}

export function registerEventBridge(sim: SimAccount): void {
  const events: RecordedEvent[] = [];
  recorded.set(sim, events);
  sim.on<PutEventsRequest>('EventBridge', 'PutEvents', (input) => {
    const entries = input.Entries ?? [];
    if (entries.length === 0 || entries.length > MAX_ENTRIES) {
      throw sim.error('EventBridge', 'ValidationException', `Entries must hold 1 to ${MAX_ENTRIES} events`);
    }
    const size = entries.reduce((total, e) => total + Buffer.byteLength(JSON.stringify(e), 'utf8'), 0);
    if (size > MAX_BATCH_BYTES)
      throw sim.error('EventBridge', 'ValidationException', 'Total size of the entries exceeds 256 KB');
    let failed = 0;
    const results: PutEventsResultEntry[] = entries.map((entry, index) => {
      let detail: unknown;
      try {
        detail = JSON.parse(entry.Detail ?? '');
      } catch {
        failed += 1;
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
      }
      if (!entry.Source || entry.Source.startsWith('aws.') || !entry.DetailType) {
        failed += 1;
        return {
          ErrorCode: 'InvalidArgument',
          ErrorMessage: 'Source and DetailType are required; aws. is reserved',
        };
      }
      events.push({
        source: entry.Source,
        detailType: entry.DetailType,
        detail,
        resources: entry.Resources ?? [],
        eventBusName: entry.EventBusName ?? 'default',
        at: sim.now().toISOString(),
      });
      return { EventId: `sim-event-${events.length}-${index}` };
    });
    return { FailedEntryCount: failed, Entries: results };
  });
}
