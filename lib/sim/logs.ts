// CloudWatch Logs on the simulated account: log groups with retention, and Logs Insights queries answered over
// the flow-log lines of the group (Running on the first poll, then Complete), with AWS's error codes.

import type {
  CreateLogGroupRequest,
  DescribeLogGroupsRequest,
  GetQueryResultsRequest,
  GetQueryResultsResponse,
  PutRetentionPolicyRequest,
  StartQueryRequest,
  StopQueryRequest,
} from '@aws-sdk/client-cloudwatch-logs';
import { MS_PER_SECOND } from '../domain/time-units';
import { hexDigest } from './ec2/ids';
import { type FlowLogState, flowLogState, type SimQuery } from './flow-log-state';
import { logLines } from './flow-records';
import { compileQuery, QuerySyntaxError, runQuery } from './logs-query';
import type { SimAccount } from './sim-account';

const RETENTION_DAYS = new Set([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);
const LOG_GROUP_NAME = /^[\w\-/.#]{1,512}$/;
const DESCRIBE_LIMIT = { min: 1, max: 50 };
const MAX_QUERY_ROWS = 10_000;

function invalidParameter(sim: SimAccount, message: string): Error {
  return sim.error('CloudWatchLogs', 'InvalidParameterException', message);
}

function groupNamed(sim: SimAccount, state: FlowLogState, name: string | undefined) {
  const group = state.logGroups.find((candidate) => candidate.logGroupName === name);
  if (!group)
    throw sim.error('CloudWatchLogs', 'ResourceNotFoundException', 'The specified log group does not exist.');
  return group;
}

function registerLogGroups(sim: SimAccount, state: FlowLogState): void {
  sim.on<CreateLogGroupRequest>('CloudWatchLogs', 'CreateLogGroup', (input) => {
    const name = input.logGroupName ?? '';
    if (!LOG_GROUP_NAME.test(name))
      throw invalidParameter(sim, `1 validation error detected: logGroupName "${name}"`);
    if (state.logGroups.some((group) => group.logGroupName === name)) {
      throw sim.error(
        'CloudWatchLogs',
        'ResourceAlreadyExistsException',
        'The specified log group already exists',
      );
    }
    state.logGroups.push({
      logGroupName: name,
      creationTime: sim.now().toISOString(),
      tags: { ...input.tags },
    });
    state.persist();
    return {};
  });

  sim.on<PutRetentionPolicyRequest>('CloudWatchLogs', 'PutRetentionPolicy', (input) => {
    const group = groupNamed(sim, state, input.logGroupName);
    if (!RETENTION_DAYS.has(input.retentionInDays ?? 0)) {
      throw invalidParameter(
        sim,
        `retentionInDays ${input.retentionInDays} is not a supported retention period`,
      );
    }
    group.retentionInDays = input.retentionInDays;
    state.persist();
    return {};
  });

  sim.on<DescribeLogGroupsRequest>('CloudWatchLogs', 'DescribeLogGroups', (input) => {
    const limit = input.limit ?? DESCRIBE_LIMIT.max;
    if (limit < DESCRIBE_LIMIT.min || limit > DESCRIBE_LIMIT.max)
      throw invalidParameter(sim, `limit ${limit} out of range`);
    const matching = state.logGroups
      .filter((group) => group.logGroupName.startsWith(input.logGroupNamePrefix ?? ''))
      .sort((a, b) => a.logGroupName.localeCompare(b.logGroupName));
    const offset = input.nextToken ? Number(input.nextToken) : 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw invalidParameter(sim, 'The specified nextToken is invalid.');
    const page = matching.slice(offset, offset + limit);
    return {
      logGroups: page.map((group) => ({
        logGroupName: group.logGroupName,
        creationTime: Date.parse(group.creationTime),
        ...(group.retentionInDays ? { retentionInDays: group.retentionInDays } : {}),
        arn: `arn:aws:logs:${sim.state.region}:${sim.state.accountId}:log-group:${group.logGroupName}:*`,
        storedBytes: 0,
      })),
      ...(offset + limit < matching.length ? { nextToken: String(offset + limit) } : {}),
    };
  });
}

function startQuery(sim: SimAccount, state: FlowLogState, input: StartQueryRequest): SimQuery {
  const fault = state.nextQueryFault;
  state.nextQueryFault = undefined;
  if (fault && 'error' in fault) throw sim.error('CloudWatchLogs', fault.error, `${fault.error} (simulated)`);
  const names = [
    ...(input.logGroupName ? [input.logGroupName] : []),
    ...(input.logGroupNames ?? []),
    ...(input.logGroupIdentifiers ?? []),
  ];
  if (names.length === 0)
    throw invalidParameter(sim, 'one of logGroupName, logGroupNames or logGroupIdentifiers is required');
  for (const name of names) {
    if (!state.logGroups.some((group) => group.logGroupName === name)) {
      throw sim.error(
        'CloudWatchLogs',
        'ResourceNotFoundException',
        `Log group '${name}' does not exist for account ID '${sim.state.accountId}'`,
      );
    }
  }
  const { startTime, endTime } = input;
  if (startTime === undefined || endTime === undefined || endTime < startTime) {
    throw invalidParameter(sim, 'startTime and endTime are required, endTime not before startTime');
  }
  let compiled: ReturnType<typeof compileQuery>;
  try {
    compiled = compileQuery(input.queryString ?? '');
  } catch (error) {
    if (error instanceof QuerySyntaxError)
      throw sim.error('CloudWatchLogs', 'MalformedQueryException', error.message);
    throw error;
  }
  const lines = names.flatMap((name) =>
    logLines(sim, name, startTime * MS_PER_SECOND, endTime * MS_PER_SECOND),
  );
  const { rows, matched } = runQuery(compiled, lines);
  const queryId = [8, 4, 4, 4, 12]
    .map((length, i) => hexDigest(`${state.queries.size}:${i}:${input.queryString}`, length))
    .join('-');
  return {
    queryId,
    status: 'Running',
    finalStatus: fault && 'status' in fault ? fault.status : 'Complete',
    rows: [
      ...rows.slice(0, Math.min(input.limit ?? MAX_QUERY_ROWS, MAX_QUERY_ROWS)),
      ...state.malformedRows.splice(0),
    ],
    statistics: {
      recordsMatched: matched,
      recordsScanned: lines.length,
      bytesScanned: lines.reduce((sum, line) => sum + line.length, 0),
    },
    polls: 0,
  };
}

function registerQueries(sim: SimAccount, state: FlowLogState): void {
  const queryNamed = (queryId: string | undefined): SimQuery => {
    const query = queryId ? state.queries.get(queryId) : undefined;
    if (!query)
      throw sim.error('CloudWatchLogs', 'ResourceNotFoundException', `Query ${queryId} does not exist`);
    return query;
  };

  sim.on<StartQueryRequest>('CloudWatchLogs', 'StartQuery', (input) => {
    const query = startQuery(sim, state, input);
    state.queries.set(query.queryId, query);
    return { queryId: query.queryId };
  });

  sim.on<GetQueryResultsRequest>('CloudWatchLogs', 'GetQueryResults', (input): GetQueryResultsResponse => {
    const query = queryNamed(input.queryId);
    query.polls += 1;
    if (query.status === 'Running' && query.polls > 1) query.status = query.finalStatus;
    return {
      status: query.status,
      results: query.status === 'Complete' ? query.rows : [],
      statistics: query.statistics,
    };
  });

  sim.on<StopQueryRequest>('CloudWatchLogs', 'StopQuery', (input) => {
    const query = queryNamed(input.queryId);
    if (query.status !== 'Running') return { success: false };
    query.status = 'Cancelled';
    return { success: true };
  });
}

export function registerLogs(sim: SimAccount): void {
  const state = flowLogState(sim);
  registerLogGroups(sim, state);
  registerQueries(sim, state);
}
