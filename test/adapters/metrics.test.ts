import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchGatewayMetrics, type MetricRequest } from '../../lib/aws/metrics';
import { MAX_METRIC_QUERIES_PER_REQUEST } from '../../lib/domain/aws-limits';
import { type MetricWindow, NAT_METRICS } from '../../lib/domain/metric-series';
import { HOUR_MS } from '../../lib/domain/time-units';

const cloudwatchMock = mockClient(CloudWatchClient);
const cloudwatch = new CloudWatchClient({ region: 'us-east-1' });

const START = new Date('2026-11-02T00:00:00Z');
const THREE_HOURS: MetricWindow = {
  start: START,
  end: new Date(START.getTime() + 3 * HOUR_MS),
  periodSeconds: 3600,
};

function requestsFor(gatewayCount: number): MetricRequest[] {
  return Array.from({ length: gatewayCount }, (_, g) => `nat-${String(g).padStart(5, '0')}`).flatMap(
    (natGatewayId) => NAT_METRICS.map((metric) => ({ natGatewayId, metric })),
  );
}

function queriesSent(): MetricDataQuery[][] {
  return cloudwatchMock
    .commandCalls(GetMetricDataCommand)
    .map((call) => call.args[0].input.MetricDataQueries ?? []);
}

function queryFor(input: Partial<GetMetricDataCommandInput>, metric: string): MetricDataQuery | undefined {
  return input.MetricDataQueries?.find((q) => q.MetricStat?.Metric?.MetricName === metric);
}

describe('fetchGatewayMetrics', () => {
  afterEach(() => {
    cloudwatchMock.reset();
  });

  it('should ask for 14 metrics of 100 gateways in exactly 3 requests of at most 500 queries', async () => {
    // Prepare
    cloudwatchMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const requests = requestsFor(100);

    // Act
    await fetchGatewayMetrics(cloudwatch, requests, THREE_HOURS);

    // Assess
    const sizes = queriesSent().map((queries) => queries.length);
    expect(requests).toHaveLength(1400);
    expect(sizes).toHaveLength(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_METRIC_QUERIES_PER_REQUEST);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1400);
  });

  it('should ask for every (gateway, metric) pair exactly once', async () => {
    // Prepare
    cloudwatchMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    // Act
    await fetchGatewayMetrics(cloudwatch, requestsFor(100), THREE_HOURS);

    // Assess
    const pairs = queriesSent()
      .flat()
      .map((q) => `${q.MetricStat?.Metric?.Dimensions?.[0]?.Value}/${q.MetricStat?.Metric?.MetricName}`);
    expect(new Set(pairs).size).toBe(1400);
  });

  it('should follow NextToken with one more request per extra page', async () => {
    // Prepare: every batch is answered in two pages; the paginator reuses its input object, so record on the way.
    const tokensSent: Array<string | undefined> = [];
    cloudwatchMock.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => {
      tokensSent.push(input.NextToken);
      return input.NextToken ? { MetricDataResults: [] } : { MetricDataResults: [], NextToken: 'page-2' };
    });

    // Act
    await fetchGatewayMetrics(cloudwatch, requestsFor(100), THREE_HOURS);

    // Assess
    expect(tokensSent).toHaveLength(6);
    expect(tokensSent.filter((token) => token === 'page-2')).toHaveLength(3);
  });

  it('should merge a series whose datapoints arrive over two pages', async () => {
    // Prepare
    const requests: MetricRequest[] = [{ natGatewayId: 'nat-1', metric: 'BytesInFromSource' }];
    cloudwatchMock
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [{ Id: 'm0', Timestamps: [START], Values: [10], StatusCode: 'PartialData' }],
        NextToken: 'more',
      })
      .resolvesOnce({
        MetricDataResults: [
          {
            Id: 'm0',
            Timestamps: [new Date(START.getTime() + HOUR_MS), new Date(START.getTime() + 2 * HOUR_MS)],
            Values: [20, 30],
            StatusCode: 'Complete',
          },
        ],
      });

    // Act
    const metrics = await fetchGatewayMetrics(cloudwatch, requests, THREE_HOURS);

    // Assess
    expect(metrics['nat-1']?.BytesInFromSource).toMatchObject({ values: [10, 20, 30], present: 3 });
  });

  it('should put each value in the hourly bucket of its timestamp, whatever the order', async () => {
    // Prepare
    cloudwatchMock.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => ({
      MetricDataResults: [
        {
          Id: queryFor(input, 'BytesInFromSource')?.Id,
          Timestamps: [new Date(START.getTime() + 2 * HOUR_MS), START],
          Values: [700, 500],
          StatusCode: 'Complete',
        },
      ],
    }));

    // Act
    const metrics = await fetchGatewayMetrics(
      cloudwatch,
      [
        { natGatewayId: 'nat-1', metric: 'BytesInFromDestination' },
        { natGatewayId: 'nat-1', metric: 'BytesInFromSource' },
      ],
      THREE_HOURS,
    );

    // Assess
    expect(metrics['nat-1']?.BytesInFromSource).toMatchObject({ values: [500, 0, 700], present: 2 });
    expect(metrics['nat-1']?.BytesInFromDestination).toMatchObject({ values: [0, 0, 0], present: 0 });
  });

  it('should ignore datapoints outside the window', async () => {
    // Prepare
    cloudwatchMock.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        {
          Id: 'm0',
          Timestamps: [new Date(START.getTime() - HOUR_MS), new Date(START.getTime() + 3 * HOUR_MS)],
          Values: [1, 2],
        },
      ],
    });

    // Act
    const metrics = await fetchGatewayMetrics(
      cloudwatch,
      [{ natGatewayId: 'nat-1', metric: 'BytesInFromSource' }],
      THREE_HOURS,
    );

    // Assess
    expect(metrics['nat-1']?.BytesInFromSource).toMatchObject({ values: [0, 0, 0], present: 0 });
  });

  it('should give every query an id that starts with a lowercase letter and is unique in its request', async () => {
    // Prepare
    cloudwatchMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    // Act
    await fetchGatewayMetrics(cloudwatch, requestsFor(40), THREE_HOURS);

    // Assess
    for (const queries of queriesSent()) {
      const ids = queries.map((q) => q.Id ?? '');
      expect(ids.every((id) => /^[a-z][a-zA-Z0-9_]*$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('should ask ActiveConnectionCount with the Maximum statistic and byte counts with Sum', async () => {
    // Prepare
    cloudwatchMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    // Act
    await fetchGatewayMetrics(cloudwatch, requestsFor(1), THREE_HOURS);

    // Assess
    const input = cloudwatchMock.commandCalls(GetMetricDataCommand)[0]?.args[0].input ?? {};
    expect(queryFor(input, 'ActiveConnectionCount')?.MetricStat?.Stat).toBe('Maximum');
    expect(queryFor(input, 'BytesInFromSource')?.MetricStat?.Stat).toBe('Sum');
    expect(queryFor(input, 'ErrorPortAllocation')?.MetricStat?.Stat).toBe('Sum');
  });

  it('should ask the AWS/NATGateway namespace by gateway id, hourly, over the window', async () => {
    // Prepare
    cloudwatchMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    // Act
    await fetchGatewayMetrics(
      cloudwatch,
      [{ natGatewayId: 'nat-1', metric: 'PacketsDropCount' }],
      THREE_HOURS,
    );

    // Assess
    expect(cloudwatchMock).toHaveReceivedCommandWith(GetMetricDataCommand, {
      StartTime: THREE_HOURS.start,
      EndTime: THREE_HOURS.end,
      MetricDataQueries: [
        expect.objectContaining({
          MetricStat: {
            Metric: {
              Namespace: 'AWS/NATGateway',
              MetricName: 'PacketsDropCount',
              Dimensions: [{ Name: 'NatGatewayId', Value: 'nat-1' }],
            },
            Period: 3600,
            Stat: 'Sum',
          },
        }),
      ],
    });
  });

  it('should send no request when there is nothing to ask', async () => {
    // Act
    const metrics = await fetchGatewayMetrics(cloudwatch, [], THREE_HOURS);

    // Assess
    expect(metrics).toEqual({});
    expect(cloudwatchMock).not.toHaveReceivedCommand(GetMetricDataCommand);
  });
});
