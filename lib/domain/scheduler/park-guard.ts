// The traffic guard ("hybrid" strategy): a gateway still carrying traffic when its window closes is parked later.

import { PARK_POSTPONED_TAG } from '../tag-keys';
import { encodeInstant } from '../tag-values';

export interface GuardSettings {
  /** Processed bytes in the last `minutes` above which a park is postponed; undefined: guard off. */
  thresholdBytes?: number;
  minutes: number;
  /** After this many postponements in one off period the gateway is parked anyway. */
  maxPostpones: number;
}

export type GuardVerdict =
  | { postpone: false; note?: string }
  | { postpone: true; reason: string; tags: Record<string, string> };

/** How many times the park was postponed in the off period that began at `offStart`. */
export function postponedCount(value: string | undefined, offStart: Date): number {
  const match = /^(\d+)@(.+)$/.exec(value ?? '');
  if (!match || match[2] !== encodeInstant(offStart)) return 0;
  return Number(match[1]);
}

export function guardVerdict(
  recentBytes: number | undefined,
  postponedValue: string | undefined,
  offStart: Date,
  settings: GuardSettings,
): GuardVerdict {
  const threshold = settings.thresholdBytes;
  if (threshold === undefined || recentBytes === undefined) return { postpone: false };
  const traffic = `${recentBytes} bytes in the last ${settings.minutes} minutes`;
  if (recentBytes <= threshold)
    return { postpone: false, note: `traffic guard: ${traffic}, at or below ${threshold}` };
  const count = postponedCount(postponedValue, offStart);
  if (count >= settings.maxPostpones) {
    return {
      postpone: false,
      note: `traffic guard: ${traffic} above ${threshold}, but already postponed ${count} times (limit ${settings.maxPostpones})`,
    };
  }
  return {
    postpone: true,
    reason: `traffic guard: ${traffic} above ${threshold}; park postponed (${count + 1} of ${settings.maxPostpones}), retried on the next run`,
    tags: { [PARK_POSTPONED_TAG]: `${count + 1}@${encodeInstant(offStart)}` },
  };
}
