// Memory of sent alerts, kept in tag values, so a re-run, a retry or a duplicate invocation sends nothing new.

import { ALERT_TAGS } from './alert-tags';
import { assertTagValue } from './tag-keys';

export const ALERT_KINDS = ['threshold', 'anomaly'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The last day a gateway was alerted on and which kinds went out for it. */
export interface AlertRecord {
  date: string;
  kinds: AlertKind[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
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
  if (!date || !DATE.test(date) || !words.every(isKind)) return undefined;
  return { date, kinds: words.filter(isKind) };
}

/** Sent already: this kind for this day, or anything for a later day (an older day is not alerted after a newer one). */
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

/**
 * Region-wide alerts (the monthly budget, the all-clear digest) are remembered on every live gateway as a
 * period (YYYY-MM or YYYY-MM-DD); one gateway carrying this period or a later one means it was sent.
 */
export function periodAlreadySent(values: ReadonlyArray<string | undefined>, period: string): boolean {
  return values.some((value) => {
    const text = value?.trim() ?? '';
    return PERIOD.test(text) && text.length === period.length && text >= period;
  });
}
