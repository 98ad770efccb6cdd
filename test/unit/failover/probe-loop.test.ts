// One probe invocation: checks every few seconds until its budget is spent, each published as soon as it is known.
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../lib/aws/egress-probe';
import { probeCheckOffsets } from '../../../lib/domain/failover/probe-schedule';
import { runProbeLoop } from '../../../lib/use-cases/failover/egress-probe-loop';

const PROBE = { intervalSeconds: 5, timeoutMs: 2000, natGatewayId: 'nat-0aaaaaaaaaaaaaaaa' };

function result(success: boolean): ProbeResult {
  return {
    natGatewayId: PROBE.natGatewayId,
    url: 'https://example.com/',
    success,
    status: success ? 200 : null,
    elapsedMs: 1,
  };
}

describe('probeCheckOffsets', () => {
  it('should check every 5 s while a timed-out check still ends 2 s before the budget', () => {
    expect(
      probeCheckOffsets({ budgetMs: 65_000, intervalMs: 5000, timeoutMs: 3000, marginMs: 2000 }),
    ).toEqual([
      0, 5000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 45_000, 50_000, 55_000, 60_000,
    ]);
  });

  it('should always make the first check, even with no time to spare', () => {
    expect(probeCheckOffsets({ budgetMs: 0, intervalMs: 5000, timeoutMs: 3000, marginMs: 2000 })).toEqual([
      0,
    ]);
  });

  it('should make one check a minute at an interval of 60 s', () => {
    expect(
      probeCheckOffsets({ budgetMs: 60_000, intervalMs: 60_000, timeoutMs: 3000, marginMs: 2000 }),
    ).toEqual([0]);
  });
});

describe('runProbeLoop', () => {
  it('should publish every check at once, timestamped when it started, on the schedule', async () => {
    // Prepare
    let clock = 1_000_000;
    const published: Array<{ success: boolean; at: number; publishedAt: number }> = [];
    const outcomes = [true, false, true];

    // Act
    const summary = await runProbeLoop(PROBE, 15_000, {
      check: async () => {
        clock += 300;
        return result(outcomes.shift() ?? true);
      },
      publish: (r, at) => published.push({ success: r.success, at: at.getTime(), publishedAt: clock }),
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });

    // Assess
    expect(published).toEqual([
      { success: true, at: 1_000_000, publishedAt: 1_000_300 },
      { success: false, at: 1_005_000, publishedAt: 1_005_300 },
      { success: true, at: 1_010_000, publishedAt: 1_010_300 },
    ]);
    expect(summary).toMatchObject({ checks: 3, failures: 1, last: { success: true } });
  });
});
