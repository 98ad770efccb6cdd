import {
  GetMetricDataCommand,
  type MetricDataQuery,
  paginateGetMetricData,
} from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../../lib/domain/time-units';
import { EXAMPLE, exampleAccount } from './sim-ec2-fixture';

const PROD_NAT_A = 'nat-c96c07fb2aecb9170';
const WINDOW = { StartTime: new Date('2026-11-02T00:00:00Z'), EndTime: new Date('2026-11-16T00:00:00Z') };

function query(
  id: string,
  metric: string,
  period = 3600,
  stat = 'Sum',
  natGatewayId = PROD_NAT_A,
): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/NATGateway',
        MetricName: metric,
        Dimensions: [{ Name: 'NatGatewayId', Value: natGatewayId }],
      },
      Period: period,
      Stat: stat,
    },
  };
}

describe('simulated CloudWatch GetMetricData', () => {
  it('should answer the hourly series of the snapshot, oldest first when asked', async () => {
    // Prepare
    const { sim, clients } = await exampleAccount();
    const hourly = sim.state.metrics.natGateways[PROD_NAT_A]?.BytesInFromSource ?? [];

    // Act
    const answer = await clients.cloudwatch.send(
      new GetMetricDataCommand({
        ...WINDOW,
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [query('bytes', 'BytesInFromSource')],
      }),
    );

    // Assess
    const [series] = answer.MetricDataResults ?? [];
    expect(series?.Values).toEqual(hourly);
    expect(series?.Timestamps?.[1]?.getTime()).toBe(WINDOW.StartTime.getTime() + HOUR_MS);
    expect(series?.StatusCode).toBe('Complete');
  });

  it('should refuse more than 500 queries in one request', async () => {
    // Prepare
    const { clients } = await exampleAccount();
    const queries = Array.from({ length: 501 }, (_, i) => query(`q${i}`, 'BytesInFromSource'));

    // Act
    const call = clients.cloudwatch.send(new GetMetricDataCommand({ ...WINDOW, MetricDataQueries: queries }));

    // Assess
    await expect(call).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('should refuse a query id that does not start with a lowercase letter', async () => {
    // Prepare
    const { clients } = await exampleAccount();

    // Act
    const call = clients.cloudwatch.send(
      new GetMetricDataCommand({ ...WINDOW, MetricDataQueries: [query('Bytes', 'BytesInFromSource')] }),
    );

    // Assess
    await expect(call).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('should return nothing for a 60-second period on data older than 15 days, as CloudWatch does', async () => {
    // Prepare
    const { sim, clients } = await exampleAccount();
    sim.setClock(new Date('2026-12-01T00:00:00Z'));

    // Act
    const answer = await clients.cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date('2026-11-10T00:00:00Z'),
        EndTime: new Date('2026-11-10T01:00:00Z'),
        MetricDataQueries: [query('bytes', 'BytesInFromSource', 60)],
      }),
    );

    // Assess
    expect(answer.MetricDataResults?.[0]?.Values).toEqual([]);
  });

  it('should spread an hour evenly over finer periods for Sum and keep it for Maximum', async () => {
    // Prepare
    const { sim, clients } = await exampleAccount();
    const hour = sim.state.metrics.natGateways[PROD_NAT_A];
    const range = { StartTime: new Date('2026-11-15T23:00:00Z'), EndTime: new Date('2026-11-16T00:00:00Z') };

    // Act
    const answer = await clients.cloudwatch.send(
      new GetMetricDataCommand({
        ...range,
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [
          query('bytes', 'BytesInFromSource', 300),
          query('conns', 'ActiveConnectionCount', 300, 'Maximum'),
        ],
      }),
    );

    // Assess
    const [bytes, conns] = answer.MetricDataResults ?? [];
    const lastBytes = hour?.BytesInFromSource?.at(-1) ?? 0;
    expect(bytes?.Values).toHaveLength(12);
    expect(bytes?.Values?.[0]).toBeCloseTo(lastBytes / 12, 3);
    expect(conns?.Values?.[0]).toBe(hour?.ActiveConnectionCount?.at(-1));
  });

  it('should page a response past 100,800 datapoints with NextToken and lose nothing', async () => {
    // Prepare: 500 queries × 336 hours = 168,000 datapoints, more than one response holds.
    const { clients } = await exampleAccount();
    const queries = Array.from({ length: 500 }, (_, i) => query(`q${i}`, 'BytesInFromSource'));

    // Act
    let pages = 0;
    let points = 0;
    for await (const page of paginateGetMetricData(
      { client: clients.cloudwatch },
      { ...WINDOW, MetricDataQueries: queries },
    )) {
      pages += 1;
      for (const result of page.MetricDataResults ?? []) points += result.Values?.length ?? 0;
    }

    // Assess
    expect(pages).toBe(2);
    expect(points).toBe(500 * 336);
  });

  it('should answer no datapoints for a gateway without metrics', async () => {
    // Prepare
    const { clients } = await exampleAccount();

    // Act
    const answer = await clients.cloudwatch.send(
      new GetMetricDataCommand({
        ...WINDOW,
        MetricDataQueries: [
          query('bytes', 'BytesInFromSource', 3600, 'Sum', EXAMPLE.devNat.replace('7', '8')),
        ],
      }),
    );

    // Assess
    expect(answer.MetricDataResults?.[0]?.Values).toEqual([]);
  });
});
