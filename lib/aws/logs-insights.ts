// One CloudWatch Logs Insights query, start to results. The SDK has no waiter for queries, so this polls
// GetQueryResults itself: bounded by the caller's wait budget, and the query is stopped when the budget runs out.

import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CloudWatchLogsClient,
  GetQueryResultsCommand,
  type QueryStatistics,
  type ResultField,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { MS_PER_SECOND } from '../domain/time-units';
import type { WaitTimings } from './clients';

export interface InsightsQuery {
  logGroupName: string;
  queryString: string;
  start: Date;
  end: Date;
  limit: number;
}

export interface InsightsResult {
  queryId: string;
  rows: ResultField[][];
  statistics: QueryStatistics | undefined;
  polls: number;
}

export class InsightsQueryError extends Error {
  override name = 'InsightsQueryError';
}

const PENDING: ReadonlySet<string> = new Set(['Scheduled', 'Running', 'Unknown']);

function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / MS_PER_SECOND);
}

export async function runInsightsQuery(
  logs: CloudWatchLogsClient,
  query: InsightsQuery,
  waits: WaitTimings,
): Promise<InsightsResult> {
  const started = await logs.send(
    new StartQueryCommand({
      logGroupName: query.logGroupName,
      queryString: query.queryString,
      startTime: epochSeconds(query.start),
      endTime: epochSeconds(query.end),
      limit: query.limit,
    }),
  );
  const queryId = started.queryId;
  if (!queryId) throw new InsightsQueryError('StartQuery returned no query id');
  let delay = waits.minDelaySeconds;
  let waited = 0;
  for (let polls = 1; ; polls += 1) {
    const answer = await logs.send(new GetQueryResultsCommand({ queryId }));
    const status = answer.status ?? 'Unknown';
    if (status === 'Complete') {
      return { queryId, rows: answer.results ?? [], statistics: answer.statistics, polls };
    }
    if (!PENDING.has(status)) throw new InsightsQueryError(`Logs Insights query ${queryId} ended ${status}`);
    if (waited + delay > waits.maxWaitSeconds) {
      const stop = await logs.send(new StopQueryCommand({ queryId })).then(
        () => 'stopped',
        (error: unknown) => `StopQuery failed (${error instanceof Error ? error.message : String(error)})`,
      );
      throw new InsightsQueryError(
        `Logs Insights query ${queryId} still ${status} after ${Math.round(waited)} s: ${stop}`,
      );
    }
    await sleep(delay * MS_PER_SECOND);
    waited += delay;
    delay = Math.min(delay * 2, waits.maxDelaySeconds);
  }
}
