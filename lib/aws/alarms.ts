// CloudWatch alarms of the optimizer: read (paginated), create or update, delete, and their tags.
import {
  type CloudWatchClient,
  DeleteAlarmsCommand,
  ListTagsForResourceCommand,
  type MetricAlarm,
  type MetricDataQuery,
  PutMetricAlarmCommand,
  paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import type { AlarmMetricQuery, AlarmSpec } from '../domain/failover/failover-alarm-spec';
import type { ExistingAlarm } from '../domain/failover/failover-alarm-sync';
import { ALARM_STATES, type AlarmStateValue, gatewayOfAlarmMetrics } from '../domain/failover/failover-event';
import type { Tags } from '../domain/model';

const PAGE_SIZE = 100;
/** DeleteAlarms takes at most 100 names per call. */
const MAX_DELETE_BATCH = 100;
const SINGLE_METRIC_ID = 'm1';

export interface ReadAlarm extends ExistingAlarm {
  alarmArn: string;
}

function toQuery(query: MetricDataQuery): AlarmMetricQuery {
  const stat = query.MetricStat;
  return {
    id: query.Id ?? '',
    returnData: query.ReturnData ?? true,
    ...(query.Label !== undefined ? { label: query.Label } : {}),
    ...(query.Expression !== undefined ? { expression: query.Expression } : {}),
    ...(stat?.Metric
      ? {
          metricStat: {
            namespace: stat.Metric.Namespace ?? '',
            metricName: stat.Metric.MetricName ?? '',
            dimensions: Object.fromEntries(
              (stat.Metric.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? '']),
            ),
            period: stat.Period ?? 0,
            stat: stat.Stat ?? '',
          },
        }
      : {}),
  };
}

/** A single-metric alarm reads as one query, so both kinds compare the same way. */
function queriesOf(alarm: MetricAlarm): AlarmMetricQuery[] {
  if (alarm.Metrics && alarm.Metrics.length > 0) return alarm.Metrics.map(toQuery);
  return [
    toQuery({
      Id: SINGLE_METRIC_ID,
      ReturnData: true,
      MetricStat: {
        Metric: { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions },
        Period: alarm.Period,
        Stat: alarm.Statistic ?? alarm.ExtendedStatistic,
      },
    }),
  ];
}

function stateOf(value: string | undefined): AlarmStateValue {
  return ALARM_STATES.find((state) => state === value) ?? 'INSUFFICIENT_DATA';
}

export function toExistingAlarm(alarm: MetricAlarm): ReadAlarm {
  const metrics = queriesOf(alarm);
  const gateway = gatewayOfAlarmMetrics(metrics.map((m) => ({ dimensions: m.metricStat?.dimensions ?? {} })));
  return {
    alarmName: alarm.AlarmName ?? '',
    alarmArn: alarm.AlarmArn ?? '',
    state: stateOf(alarm.StateValue),
    ...(alarm.StateUpdatedTimestamp ? { stateUpdatedAt: alarm.StateUpdatedTimestamp } : {}),
    ...('natGatewayId' in gateway ? { natGatewayId: gateway.natGatewayId } : {}),
    definition: {
      description: alarm.AlarmDescription ?? '',
      metrics,
      threshold: alarm.Threshold ?? 0,
      comparisonOperator: alarm.ComparisonOperator ?? '',
      evaluationPeriods: alarm.EvaluationPeriods ?? 0,
      datapointsToAlarm: alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods ?? 0,
      treatMissingData: alarm.TreatMissingData ?? 'missing',
    },
  };
}

/** Metric alarms whose names start with `prefix`. */
export async function describeAlarms(cloudwatch: CloudWatchClient, prefix: string): Promise<ReadAlarm[]> {
  const alarms: ReadAlarm[] = [];
  const pages = paginateDescribeAlarms(
    { client: cloudwatch, pageSize: PAGE_SIZE },
    { AlarmNamePrefix: prefix, AlarmTypes: ['MetricAlarm'] },
  );
  for await (const page of pages)
    for (const alarm of page.MetricAlarms ?? []) alarms.push(toExistingAlarm(alarm));
  return alarms;
}

function toMetricDataQuery(query: AlarmMetricQuery): MetricDataQuery {
  return {
    Id: query.id,
    ReturnData: query.returnData,
    ...(query.label !== undefined ? { Label: query.label } : {}),
    ...(query.expression !== undefined ? { Expression: query.expression } : {}),
    ...(query.metricStat
      ? {
          MetricStat: {
            Metric: {
              Namespace: query.metricStat.namespace,
              MetricName: query.metricStat.metricName,
              Dimensions: Object.entries(query.metricStat.dimensions).map(([Name, Value]) => ({
                Name,
                Value,
              })),
            },
            Period: query.metricStat.period,
            Stat: query.metricStat.stat,
          },
        }
      : {}),
  };
}

/** PutMetricAlarm overwrites the whole alarm; its tags are only applied when it creates the alarm. */
export async function putAlarm(cloudwatch: CloudWatchClient, spec: AlarmSpec): Promise<void> {
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: spec.alarmName,
      AlarmDescription: spec.description,
      ActionsEnabled: true,
      Metrics: spec.metrics.map(toMetricDataQuery),
      Threshold: spec.threshold,
      ComparisonOperator: spec.comparisonOperator,
      EvaluationPeriods: spec.evaluationPeriods,
      DatapointsToAlarm: spec.datapointsToAlarm,
      TreatMissingData: spec.treatMissingData,
      Tags: Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
}

export async function deleteAlarms(cloudwatch: CloudWatchClient, alarmNames: string[]): Promise<void> {
  for (let i = 0; i < alarmNames.length; i += MAX_DELETE_BATCH) {
    await cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: alarmNames.slice(i, i + MAX_DELETE_BATCH) }));
  }
}

export async function alarmTags(cloudwatch: CloudWatchClient, alarmArn: string): Promise<Tags> {
  const result = await cloudwatch.send(new ListTagsForResourceCommand({ ResourceARN: alarmArn }));
  return Object.fromEntries((result.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
}
