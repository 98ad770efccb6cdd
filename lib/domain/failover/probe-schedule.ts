// When one probe invocation checks: every `intervalMs` from its start, as long as a check that times out still
// ends, with a margin, before the invocation's time budget (alterNAT's way: one invocation a minute looping every
// few seconds, since EventBridge schedules run at most once a minute).

export interface ProbeScheduleInput {
  /** Milliseconds the invocation may run (Lambda: remaining time at the start). */
  budgetMs: number;
  intervalMs: number;
  /** A failing check lasts this long (the request's timeout). */
  timeoutMs: number;
  /** Kept free at the end: the last check's line must be written before Lambda stops the function. */
  marginMs: number;
}

/** Offsets from the invocation's start, in milliseconds; always at least the first check. */
export function probeCheckOffsets(input: ProbeScheduleInput): number[] {
  const offsets = [0];
  for (
    let at = input.intervalMs;
    at + input.timeoutMs + input.marginMs <= input.budgetMs;
    at += input.intervalMs
  )
    offsets.push(at);
  return offsets;
}

/** The last check's line must be written before Lambda stops the function. */
export const PROBE_END_MARGIN_MS = 2000;
