import { Metrics } from '@aws-lambda-powertools/metrics';
import { describe, expect, it } from 'vitest';
import { egressProbeHandler } from '../../../handlers/egress-probe';
import { type ProbeFetch, probeEgress, probeMetricLine } from '../../../lib/aws/egress-probe';

const CONFIG = {
  url: 'https://example.com/health',
  timeoutMs: 500,
  intervalSeconds: 5,
  natGatewayId: 'nat-0aaaaaaaaaaaaaaaa',
};
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
      error: 'The operation was aborted due to timeout',
    });
  });

  it('should check once and publish nothing from the Lambda handler when no gateway is configured', async () => {
    // Prepare
    const lines: string[] = [];
    const runtime = {
      fetch: (async () => ({ status: 200 })) satisfies ProbeFetch,
      now: () => 0,
      sleep: async () => undefined,
      writeLine: (line: string) => lines.push(line),
    };

    // Act
    const result = await egressProbeHandler(SCHEDULED, { getRemainingTimeInMillis: () => 60_000 }, runtime);

    // Assess
    expect(result).toMatchObject({
      natGatewayId: null,
      checks: 1,
      failures: 0,
      last: { success: true, status: 200, url: 'https://aws.amazon.com/' },
    });
    expect(lines).toEqual([]);
  });
});

describe('probeMetricLine', () => {
  it('should write one EMF line with EgressProbeSuccess at a storage resolution of 1 second', () => {
    // Prepare
    const metrics = new Metrics({ namespace: 'NatOptimizer', serviceName: 'nat-optimizer' });
    const at = new Date();
    const failed = {
      natGatewayId: 'nat-0aaaaaaaaaaaaaaaa',
      url: CONFIG.url,
      success: false,
      status: null,
      elapsedMs: 500,
    };

    // Act
    const line = probeMetricLine(metrics, failed, at);

    // Assess
    expect(JSON.parse(line ?? '')).toEqual({
      _aws: {
        Timestamp: at.getTime(),
        CloudWatchMetrics: [
          {
            Namespace: 'NatOptimizer',
            Dimensions: [['service', 'NatGatewayId']],
            Metrics: [{ Name: 'EgressProbeSuccess', Unit: 'Count', StorageResolution: 1 }],
          },
        ],
      },
      service: 'nat-optimizer',
      NatGatewayId: 'nat-0aaaaaaaaaaaaaaaa',
      EgressProbeSuccess: 0,
    });
  });

  it('should start afresh for every check: the next line carries only its own value', () => {
    const metrics = new Metrics({ namespace: 'NatOptimizer', serviceName: 'nat-optimizer' });
    const result = {
      natGatewayId: 'nat-0aaaaaaaaaaaaaaaa',
      url: CONFIG.url,
      success: true,
      status: 200,
      elapsedMs: 1,
    };
    probeMetricLine(metrics, { ...result, success: false }, new Date());
    const second = JSON.parse(probeMetricLine(metrics, result, new Date()) ?? '');
    expect(second.EgressProbeSuccess).toBe(1);
  });
});
