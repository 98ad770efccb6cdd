// PutMetricAlarm's validation in the simulated account, with CloudWatch's error codes.

import type { MetricDataQuery, PutMetricAlarmInput } from '@aws-sdk/client-cloudwatch';
import { MAX_TAGS_PER_RESOURCE } from '../domain/aws-limits';
import type { SimAccount } from './sim-account';

const MAX_METRICS = 10;
const MAX_NAME_LENGTH = 255;
const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;
const MISSING_DATA = ['breaching', 'notBreaching', 'ignore', 'missing'];
/** PutMetricAlarm `Period`: 10, 20, 30 (a high-resolution alarm) or any multiple of 60. */
const HIGH_RESOLUTION_PERIODS = [10, 20, 30];
const SECONDS_PER_MINUTE = 60;
const ONE_HOUR = 3600;
/** An alarm with a period under an hour may look back one day at most (Period × EvaluationPeriods). */
const MAX_LOOKBACK_SECONDS = 86_400;

function validPeriod(period: number | undefined): period is number {
  return (
    period !== undefined &&
    period > 0 &&
    (HIGH_RESOLUTION_PERIODS.includes(period) || period % SECONDS_PER_MINUTE === 0)
  );
}

export function validationError(sim: SimAccount, message: string): Error {
  return sim.error('CloudWatch', 'ValidationError', message);
}

function checkQueries(sim: SimAccount, queries: MetricDataQuery[]): void {
  if (queries.length > MAX_METRICS)
    throw validationError(sim, `an alarm can hold at most ${MAX_METRICS} metrics`);
  const ids = new Set<string>();
  for (const query of queries) {
    if (!query.Id || !QUERY_ID.test(query.Id)) {
      throw validationError(sim, `metric id "${query.Id}" must start with a lowercase letter`);
    }
    if (ids.has(query.Id)) throw validationError(sim, `metric id "${query.Id}" is used twice`);
    ids.add(query.Id);
    if ((query.MetricStat === undefined) === (query.Expression === undefined)) {
      throw validationError(sim, `metric ${query.Id} needs exactly one of MetricStat and Expression`);
    }
    if (query.MetricStat && !validPeriod(query.MetricStat.Period)) {
      throw validationError(sim, `metric ${query.Id}: Period must be 10, 20, 30 or a multiple of 60`);
    }
  }
  const returning = queries.filter((q) => q.ReturnData !== false);
  if (returning.length !== 1) {
    throw validationError(sim, 'exactly one metric of an alarm must have ReturnData set to true');
  }
}

export function checkAlarm(sim: SimAccount, input: PutMetricAlarmInput): string {
  const name = input.AlarmName ?? '';
  if (name.length === 0 || name.length > MAX_NAME_LENGTH)
    throw validationError(sim, 'AlarmName must be 1 to 255 characters');
  if (input.Metrics && input.MetricName)
    throw validationError(sim, 'Metrics and MetricName cannot be used together');
  if (input.Metrics) checkQueries(sim, input.Metrics);
  else if (!input.MetricName || !input.Namespace)
    throw validationError(sim, 'MetricName and Namespace, or Metrics, are required');
  const periods = input.EvaluationPeriods ?? 0;
  if (periods < 1) throw validationError(sim, 'EvaluationPeriods must be at least 1');
  const longest = Math.max(input.Period ?? 0, ...(input.Metrics ?? []).map((q) => q.MetricStat?.Period ?? 0));
  if (input.Metrics === undefined && !validPeriod(input.Period))
    throw validationError(sim, 'Period must be 10, 20, 30 or a multiple of 60');
  if (longest < ONE_HOUR && longest * periods > MAX_LOOKBACK_SECONDS) {
    throw validationError(
      sim,
      'Period × EvaluationPeriods must not exceed one day for periods under an hour',
    );
  }
  if ((input.DatapointsToAlarm ?? periods) > periods) {
    throw validationError(sim, 'DatapointsToAlarm must not exceed EvaluationPeriods');
  }
  if (input.Threshold === undefined && input.ThresholdMetricId === undefined) {
    throw validationError(sim, 'Threshold is required');
  }
  if (!input.ComparisonOperator) throw validationError(sim, 'ComparisonOperator is required');
  if (input.TreatMissingData !== undefined && !MISSING_DATA.includes(input.TreatMissingData)) {
    throw validationError(sim, `TreatMissingData must be one of ${MISSING_DATA.join(', ')}`);
  }
  if ((input.Tags ?? []).length > MAX_TAGS_PER_RESOURCE)
    throw validationError(sim, `at most ${MAX_TAGS_PER_RESOURCE} tags`);
  return name;
}
