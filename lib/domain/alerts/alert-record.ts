// Memory of sent alerts, kept in tag values, so a re-run, a retry or a duplicate invocation sends nothing new.
// Per gateway: `nat-optimizer:alerted` = `2026-11-15 anomaly threshold` (the last day alerted on, the kinds sent).
// Region-wide alerts (monthly budget, all-clear digest) have no resource of their own: their period is written
// on every live gateway, and one gateway carrying it (or a later period) means it went out.

import type { NatGateway } from '../model';
import { ALERT_TAGS } from '../tag-keys';
import { assertTagValue } from '../tag-values';
import { CALENDAR_DATE } from '../time-units';

import type { AlertCalendar } from './alert-calendar';
import { ALERT_KINDS, type AlertKind, type CostAlert, type TagWrite } from './alert-model';

export interface AlertRecord {
  date: string;
  kinds: AlertKind[];
}

const PERIOD = /^\d{4}-\d{2}(-\d{2})?$/;

function isKind(word: string): word is AlertKind {
  return (ALERT_KINDS as readonly string[]).includes(word);
}

export function encodeAlertRecord(record: AlertRecord): string {
  const kinds = ALERT_KINDS.filter((kind) => record.kinds.includes(kind));
  return assertTagValue(ALERT_TAGS.alerted, [record.date, ...kinds].join(' '));
}

/** A value that is not a record (edited by hand, truncated) counts as no record: the alert goes out again. */
export function decodeAlertRecord(value: string | undefined): AlertRecord | undefined {
  const [date, ...words] = (value ?? '').trim().split(/\s+/);
  if (!date || !CALENDAR_DATE.test(date) || !words.every(isKind)) return undefined;
  return { date, kinds: words.filter(isKind) };
}

/** This kind for this day went out, or anything for a later day (an older day is not alerted after a newer one). */
export function alreadyAlerted(record: AlertRecord | undefined, date: string, kind: AlertKind): boolean {
  if (!record) return false;
  return record.date > date || (record.date === date && record.kinds.includes(kind));
}

export function recordAfterSending(
  previous: AlertRecord | undefined,
  date: string,
  kinds: AlertKind[],
): AlertRecord {
  const kept = previous?.date === date ? previous.kinds : [];
  return { date, kinds: ALERT_KINDS.filter((kind) => kept.includes(kind) || kinds.includes(kind)) };
}

export function periodAlreadySent(values: ReadonlyArray<string | undefined>, period: string): boolean {
  return values.some((value) => {
    const text = value?.trim() ?? '';
    return PERIOD.test(text) && text.length === period.length && text >= period;
  });
}

/** What the region's gateways remember; `taggable` are those that can take tags (pending, available). */
export interface AlertMemory {
  calendar: AlertCalendar;
  gateways: ReadonlyMap<string, NatGateway>;
  taggable: readonly NatGateway[];
}

export function wasSent(alert: CostAlert, memory: AlertMemory): boolean {
  if (alert.natGatewayId === null) {
    const periods = memory.taggable.map((g) => g.tags[ALERT_TAGS.budgetAlerted]);
    return periodAlreadySent(periods, memory.calendar.month.label);
  }
  const record = decodeAlertRecord(memory.gateways.get(alert.natGatewayId)?.tags[ALERT_TAGS.alerted]);
  return alreadyAlerted(record, memory.calendar.day.date, alert.kind);
}

export function allClearSent(memory: AlertMemory): boolean {
  return periodAlreadySent(
    memory.taggable.map((g) => g.tags[ALERT_TAGS.allClearSent]),
    memory.calendar.day.date,
  );
}

/** The tags to write once the message went out: same values grouped so one CreateTags call covers many gateways. */
export function recordWrites(
  alerts: readonly CostAlert[],
  allClear: boolean,
  memory: AlertMemory,
): TagWrite[] {
  const { calendar } = memory;
  const taggable = new Map(memory.taggable.map((g) => [g.natGatewayId, g]));
  const kindsByGateway = new Map<string, AlertKind[]>();
  for (const alert of alerts) {
    // A gateway being deleted cannot take tags any more, and it will not be billed for another day.
    if (alert.natGatewayId === null || !taggable.has(alert.natGatewayId)) continue;
    kindsByGateway.set(alert.natGatewayId, [...(kindsByGateway.get(alert.natGatewayId) ?? []), alert.kind]);
  }
  const byValue = new Map<string, string[]>();
  for (const [id, kinds] of kindsByGateway) {
    const previous = decodeAlertRecord(taggable.get(id)?.tags[ALERT_TAGS.alerted]);
    const value = encodeAlertRecord(recordAfterSending(previous, calendar.day.date, kinds));
    byValue.set(value, [...(byValue.get(value) ?? []), id]);
  }
  const writes: TagWrite[] = [...byValue].map(([value, resourceIds]) => ({
    resourceIds,
    tags: { [ALERT_TAGS.alerted]: value },
  }));
  const ids = [...taggable.keys()];
  if (ids.length === 0) return writes;
  if (alerts.some((a) => a.reason === 'monthly-budget'))
    writes.push({ resourceIds: ids, tags: { [ALERT_TAGS.budgetAlerted]: calendar.month.label } });
  if (allClear) writes.push({ resourceIds: ids, tags: { [ALERT_TAGS.allClearSent]: calendar.day.date } });
  return writes;
}
