import 'aws-sdk-client-mock-vitest/extend';
import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { InsightsQueryError, runInsightsQuery } from '../../lib/aws/logs-insights';

const logs = mockClient(CloudWatchLogsClient);
const client = new CloudWatchLogsClient({ region: 'us-east-1' });
const WAITS = { minDelaySeconds: 0.001, maxDelaySeconds: 0.002, maxWaitSeconds: 0.01 };
const QUERY = {
  logGroupName: '/nat-optimizer/prod/nat-flow-logs',
  queryString: 'stats count(*) as n by interfaceId',
  start: new Date('2026-11-02T00:00:00Z'),
  end: new Date('2026-11-16T00:00:00Z'),
  limit: 10_000,
};
const ROWS = [
  [
    { field: 'interfaceId', value: 'eni-1' },
    { field: 'n', value: '3' },
  ],
];

describe('runInsightsQuery', () => {
  afterEach(() => {
    logs.reset();
  });

  it('should start the query on the log group over the window in epoch seconds', async () => {
    // Prepare
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Complete', results: ROWS });

    // Act
    await runInsightsQuery(client, QUERY, WAITS);

    // Assess
    expect(logs).toHaveReceivedCommandWith(StartQueryCommand, {
      logGroupName: '/nat-optimizer/prod/nat-flow-logs',
      queryString: 'stats count(*) as n by interfaceId',
      startTime: 1_793_577_600,
      endTime: 1_794_787_200,
      limit: 10_000,
    });
  });

  it('should poll until the query is complete and return its rows and statistics', async () => {
    // Prepare
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: 'Scheduled' })
      .resolvesOnce({ status: 'Running' })
      .resolves({ status: 'Complete', results: ROWS, statistics: { bytesScanned: 1234 } });

    // Act
    const result = await runInsightsQuery(client, QUERY, { ...WAITS, maxWaitSeconds: 1 });

    // Assess
    expect(result).toEqual({ queryId: 'q-1', rows: ROWS, statistics: { bytesScanned: 1234 }, polls: 3 });
    expect(logs).toHaveReceivedCommandWith(GetQueryResultsCommand, { queryId: 'q-1' });
  });

  it('should fail when the query ends Failed', async () => {
    // Prepare
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Failed' });

    // Act
    const run = runInsightsQuery(client, QUERY, WAITS);

    // Assess
    await expect(run).rejects.toThrow(new InsightsQueryError('Logs Insights query q-1 ended Failed'));
  });

  it('should stop the query and fail once the wait budget is spent', async () => {
    // Prepare
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Running' });
    logs.on(StopQueryCommand).resolves({ success: true });

    // Act
    const run = runInsightsQuery(client, QUERY, WAITS);

    // Assess
    await expect(run).rejects.toThrow(/Logs Insights query q-1 still Running after 0 s: stopped/);
    expect(logs).toHaveReceivedCommandWith(StopQueryCommand, { queryId: 'q-1' });
  });

  it('should say when stopping a timed-out query failed too', async () => {
    // Prepare
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Running' });
    logs.on(StopQueryCommand).rejects(new Error('query already finished'));

    // Act
    const run = runInsightsQuery(client, QUERY, WAITS);

    // Assess
    await expect(run).rejects.toThrow(/StopQuery failed \(query already finished\)/);
  });
});
