import { describe, expect, it } from 'vitest';
import { egressProbeHandler } from '../../../handlers/egress-probe';
import { type ProbeFetch, probeEgress } from '../../../lib/aws/egress-probe';

const CONFIG = { url: 'https://example.com/health', timeoutMs: 500, natGatewayId: 'nat-0aaaaaaaaaaaaaaaa' };
const SCHEDULED = {
  'detail-type': 'Scheduled Event' as const,
  source: 'aws.events' as const,
  time: '2026-11-16T00:05:00Z',
  resources: [],
  detail: {},
};

function clockFrom(values: number[]): () => number {
  return () => values.shift() ?? 0;
}

describe('probeEgress', () => {
  it('should count any HTTP answer, even an error status, as egress working', async () => {
    // Prepare
    const fetchFn: ProbeFetch = async () => ({ status: 503 });

    // Act
    const result = await probeEgress(CONFIG, fetchFn, clockFrom([100, 142]));

    // Assess
    expect(result).toEqual({
      natGatewayId: 'nat-0aaaaaaaaaaaaaaaa',
      url: 'https://example.com/health',
      success: true,
      status: 503,
      elapsedMs: 42,
    });
  });

  it('should send a HEAD without following redirects, with the configured timeout', async () => {
    // Prepare
    const seen: Array<{ url: string; method: string; redirect: string; aborted: boolean }> = [];
    const fetchFn: ProbeFetch = async (url, init) => {
      seen.push({ url, method: init.method, redirect: init.redirect, aborted: init.signal.aborted });
      return { status: 200 };
    };

    // Act
    await probeEgress(CONFIG, fetchFn);

    // Assess
    expect(seen).toEqual([
      { url: 'https://example.com/health', method: 'HEAD', redirect: 'manual', aborted: false },
    ]);
  });

  it('should report a timeout as a failure with its reason', async () => {
    // Prepare
    const fetchFn: ProbeFetch = async () => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    };

    // Act
    const result = await probeEgress(CONFIG, fetchFn);

    // Assess
    expect(result).toMatchObject({
      success: false,
      status: null,
      error: 'TimeoutError: The operation was aborted due to timeout',
    });
  });

  it('should report from the Lambda handler without reaching the network', async () => {
    // Prepare
    const fetchFn: ProbeFetch = async () => ({ status: 200 });

    // Act
    const result = await egressProbeHandler(SCHEDULED, fetchFn);

    // Assess
    expect(result).toMatchObject({
      success: true,
      status: 200,
      url: 'https://aws.amazon.com/',
      natGatewayId: null,
    });
  });
});
