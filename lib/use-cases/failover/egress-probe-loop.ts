// One egress-probe invocation: checks on the probe schedule until its time budget runs out, each result published
// the moment it is known (an EMF line, so the high-resolution alarm sees it within seconds, not at the end of the
// invocation).
import type { ProbeResult } from '../../aws/egress-probe';
import { PROBE_END_MARGIN_MS, probeCheckOffsets } from '../../domain/failover/probe-schedule';

export interface ProbeLoopPorts {
  check: () => Promise<ProbeResult>;
  /** `at`: when the check started (the datapoint's timestamp). */
  publish: (result: ProbeResult, at: Date) => void;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface ProbeLoopSummary {
  natGatewayId: string | null;
  checks: number;
  failures: number;
  /** The last check's result. */
  last: ProbeResult | null;
}

const MS_PER_SECOND = 1000;

export async function runProbeLoop(
  probe: { intervalSeconds: number; timeoutMs: number; natGatewayId?: string },
  budgetMs: number,
  ports: ProbeLoopPorts,
): Promise<ProbeLoopSummary> {
  const started = ports.now();
  const offsets = probeCheckOffsets({
    budgetMs,
    intervalMs: probe.intervalSeconds * MS_PER_SECOND,
    timeoutMs: probe.timeoutMs,
    marginMs: PROBE_END_MARGIN_MS,
  });
  const summary: ProbeLoopSummary = {
    natGatewayId: probe.natGatewayId ?? null,
    checks: 0,
    failures: 0,
    last: null,
  };
  for (const offset of offsets) {
    const wait = started + offset - ports.now();
    if (wait > 0) await ports.sleep(wait);
    const at = new Date(ports.now());
    const result = await ports.check();
    ports.publish(result, at);
    summary.checks += 1;
    if (!result.success) summary.failures += 1;
    summary.last = result;
  }
  return summary;
}
